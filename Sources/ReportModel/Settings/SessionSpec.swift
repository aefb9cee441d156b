/// What a deck of slides and its facilitator's guide are asked for: the slides' size, the worksheet
/// the quiz comes from, the deck the guide belongs to, the session's length and its participants.
public struct SessionSpec: Hashable, Sendable {
  /// The slides' size (`slide-size:`).
  public var slideSize: SlideSize = .wide
  /// The worksheet a deck's quiz comes from (`quiz-for:`); nil: the config's only worksheet.
  public var quizFor: String?
  /// The deck opens full screen in a PDF viewer (`open-full-screen: true`).
  public var openFullScreen = false
  /// The deck a guide belongs to (`guide-for:`); nil: the config's only deck.
  public var guideFor: String?
  /// The session's length in minutes (`session-minutes:`).
  public var minutes = 90
  /// How many take part (`participants:`); nil: the roster's size.
  public var participants: Int?

  public init() {}
}

/// A slide's size: `16:9` (960 × 540 pt), `16:10` (960 × 600 pt) or `4:3` (720 × 540 pt).
public enum SlideSize: String, Codable, CaseIterable, Hashable, Sendable {
  case wide = "16:9"
  case widescreen = "16:10"
  case standard = "4:3"

  /// Width and height in points.
  public var points: (width: Double, height: Double) {
    switch self {
    case .wide: (960, 540)
    case .widescreen: (960, 600)
    case .standard: (720, 540)
    }
  }
}
