/// The preview's routes: every URL it answers, matched whole; nothing in a URL ever names a file.
enum Route: Equatable {
  case index, script, style, state, events
  /// A page (1-based) of a document of the current build: its picture (`svg`), its first paint
  /// after a change (`rgba`, its pixels at the width its query asks for) or its hit boxes
  /// (`json`).
  case page(document: String, number: Int, format: PageFormat)
  /// `/view/<document>`: the pages of a document the browser has in view, and the widths it asks
  /// their first paints at (the query's `pages` and `w`), so those are drawn ahead after a build.
  case view(document: String)

  /// The present view of a deck: the slides window, the notes window, or their data (JSON).
  case present(document: String, view: PresentView)
  /// The present views' script and style.
  case presentScript, presentStyle

  enum PageFormat: String { case svg, rgba, json }

  /// `/present/<deck>`, `/present/<deck>/notes`, `/present/<deck>/slides.json`.
  enum PresentView { case slides, notes, data }

  /// The route `path` names (`/pages/full-report/3.svg`); nil for any other path.
  init?(path: String) {
    switch path {
    case "/": self = .index
    case "/app.js": self = .script
    case "/app.css": self = .style
    case "/state.json": self = .state
    case "/events": self = .events
    case "/present.js": self = .presentScript
    case "/present.css": self = .presentStyle
    default:
      let parts = path.split(separator: "/", omittingEmptySubsequences: false)
      if parts.count > 2, parts[0].isEmpty, parts[1] == "present" {
        guard let route = Self.present(parts.dropFirst(2)) else { return nil }
        self = route
        return
      }
      if parts.count == 3, parts[0].isEmpty, parts[1] == "view", !parts[2].isEmpty {
        self = .view(document: String(parts[2]))
        return
      }
      guard parts.count == 4, parts[0].isEmpty, parts[1] == "pages", !parts[2].isEmpty else {
        return nil
      }
      let file = parts[3].split(separator: ".", omittingEmptySubsequences: false)
      guard file.count == 2, let format = PageFormat(rawValue: String(file[1])),
        file[0].allSatisfy(\.isASCII), let number = Int(file[0]), number > 0
      else { return nil }
      self = .page(document: String(parts[2]), number: number, format: format)
    }
  }

  /// The present route of the path's parts after `/present/`: the deck's name, then nothing,
  /// `notes` or `slides.json`.
  private static func present(_ parts: ArraySlice<Substring>) -> Route? {
    guard let name = parts.first, !name.isEmpty, parts.count <= 2 else { return nil }
    let view: PresentView
    switch parts.dropFirst().first {
    case nil: view = .slides
    case "notes": view = .notes
    case "slides.json": view = .data
    default: return nil
    }
    return .present(document: String(name), view: view)
  }
}
