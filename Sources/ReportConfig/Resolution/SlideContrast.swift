import Geometry
import ReportModel

extension ConfigLoader {
  /// A deck's colours (``SlideColors``), each text colour checked against its background.
  ///
  /// Each text colour against the background it sits on: at least 4.5:1 for text under 24 pt, 3:1 at 24 pt and above (WCAG 2.2 AA, its contrast
  /// formula). A pair that misses is an error at the text colour naming both colours and where
  /// each was written; nil when a colour is bad.
  ///
  /// The text colour is used for the footer (`footer-size`) as well as the body, so it is held to
  /// the smaller of the two; titles are held to `heading-size`.
  static func resolveSlideColors(
    _ style: Style, colors: StyleColors, tree: SourceNode, with checker: inout Checker
  ) -> SlideColors? {
    let slides = NodePath.root.appending("slides")
    let s = style.slides
    guard let background = Color(hex: s.background) else { return nil }
    let backgroundPath = slides.appending("background")
    let pairs: [(key: String, written: String?, fallback: String, color: Color, size: Double)] = [
      ("text", s.text, "colors.text", colors.text, min(s.bodySize, s.footerSize)),
      ("heading", s.heading, "colors.accent", colors.accent, s.headingSize),
    ]
    var resolved: [Color] = []
    for pair in pairs {
      let path =
        pair.written == nil
        ? NodePath.root.appending("colors").appending(pair.key == "text" ? "text" : "accent")
        : slides.appending(pair.key)
      guard let color = pair.written.map(Color.init(hex:)) ?? pair.color else { return nil }
      resolved.append(color)
      let needed = Color.requiredContrast(forTextOf: pair.size)
      let ratio = color.contrast(with: background)
      guard ratio < needed else { continue }
      let hex = pair.written ?? (pair.key == "text" ? style.colors.text : style.colors.accent)
      let name = pair.written == nil ? pair.fallback : "slides.\(pair.key)"
      checker.error(
        "\(name) \(hex) (\(Provenance.of(path, in: tree))) on slides.background \(s.background)"
          + " (\(Provenance.of(backgroundPath, in: tree))) has a contrast of "
          + "\(Checker.number((ratio * 100).rounded() / 100)):1; text of "
          + "\(Checker.number(pair.size)) pt needs at least \(Checker.number(needed)):1 "
          + "(WCAG 2.2 AA): choose a darker or lighter colour", at: path)
    }
    return SlideColors(background: background, text: resolved[0], heading: resolved[1])
  }
}
