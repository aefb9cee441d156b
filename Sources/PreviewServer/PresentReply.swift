import PMReportKit

/// `/present/<deck>/slides.json`: what the present views show of a deck in the current build:
/// each page (its size and version, its slide's title, notes and group) and each slide group's
/// planned minutes.
struct PresentReply: Encodable {
  var name: String
  var title: String
  var generation: Int
  var sessionMinutes: Int
  var slides: [SlideReply]
  var groups: [GroupReply]

  struct SlideReply: Encodable {
    /// The page's size and version, as `/state.json` gives them.
    var page: StateReply.PageReply
    var title: String
    var notes: [String]
    var group: Int
  }

  struct GroupReply: Encodable {
    var name: String
    /// nil when the session is too short to plan.
    var minutes: Int?
  }

  /// The reply for `document` of build `generation`; nil when it is not a deck.
  init?(_ document: PreviewDocument, generation: Int) {
    guard let presentation = document.presentation else { return nil }
    name = document.name
    title = document.title
    self.generation = generation
    sessionMinutes = presentation.sessionMinutes
    slides = zip(document.drawer.pages, zip(document.versions, presentation.slides)).map {
      page, versioned in
      let (version, slide) = versioned
      return SlideReply(
        page: StateReply.PageReply(
          width: page.size.width, height: page.size.height, version: version),
        title: slide.title, notes: slide.notes, group: slide.group)
    }
    groups = presentation.groups.map { GroupReply(name: $0.name, minutes: $0.minutes) }
  }
}
