import Geometry

/// A deck's colours, parsed: the background every slide is filled with and the colours of the
/// text on it (checked for contrast where the deck is resolved).
public struct SlideColors: Hashable, Sendable {
  public var background: Color
  /// Body text, the footer and the slide number.
  public var text: Color
  /// Titles.
  public var heading: Color

  public init(background: Color, text: Color, heading: Color) {
    self.background = background
    self.text = text
    self.heading = heading
  }
}
