/// The preview's routes: every URL it answers, matched whole; nothing in a URL ever names a file.
enum Route: Equatable {
  case index, script, style, state, events
  /// A page (1-based) of a document of the current build: its picture (`svg`) or its hit boxes
  /// (`json`).
  case page(document: String, number: Int, format: PageFormat)

  enum PageFormat: String { case svg, json }

  /// The route `path` names (`/pages/full-report/3.svg`); nil for any other path.
  init?(path: String) {
    switch path {
    case "/": self = .index
    case "/app.js": self = .script
    case "/app.css": self = .style
    case "/state.json": self = .state
    case "/events": self = .events
    default:
      let parts = path.split(separator: "/", omittingEmptySubsequences: false)
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
}
