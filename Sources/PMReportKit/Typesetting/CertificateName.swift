import Frames
import Geometry
import Pagination
import ReportConfig
import TextShaping

/// How a certificate sets a participant's name: never shortened, always within its rule.
///
/// On one line from ``largestSize`` down to half of it; below that on two lines within the
/// rule's width, from ``largestSize`` down to the style's `minimum-size`; a name two lines at
/// that floor cannot hold is refused at its roster line (exit 65).
struct CertificateName {
  /// The size a name starts at.
  static let largestSize = 40.0
  /// The most lines a name takes.
  static let maxLines = 2

  /// The heading font at the size the name is set in.
  var font: FontSpec
  /// The width its lines are centred in: the body's for one line, the rule's for more.
  var measure: Double

  /// The rule the name stands on: 70 % of the body's width, centred.
  static func rule(in body: Rect) -> ClosedRange<Double> {
    (body.midX - body.width * 0.35)...(body.midX + body.width * 0.35)
  }

  /// The setting of `participant`'s name on a certificate whose text area is `body`; an
  /// ``InputError`` at their line of `roster` when two lines at the floor cannot hold it.
  init(_ participant: Participant, roster: String, type: TypeSet, body: Rect) throws(InputError) {
    let name = participant.name
    let rule = Self.rule(in: body)
    let width = rule.upperBound - rule.lowerBound
    let heading = type.headingFont(level: 1)
    let single = HalvingSearch(from: Self.largestSize, to: Self.largestSize / 2, step: 1)
      .largestFitting({ type.line(name, font: heading.sized($0)).width }, fits: { $0 <= width })
    if single.fits {
      font = heading.sized(single.value)
      measure = body.width
      return
    }
    let floor = type.style.fonts.minimumSize
    func lines(_ size: Double) -> [ShapedLine] {
      type.lines(
        [TextRun(name, font: heading.sized(size), color: type.text)], width: width,
        alignment: .center, hyphenate: false, leading: 1.2)
    }
    let wrapped = HalvingSearch(from: Self.largestSize, to: floor, step: 1).largestFitting(
      { lines($0) }, fits: { $0.count <= Self.maxLines && $0.allSatisfy { $0.width <= width } })
    guard wrapped.fits else {
      throw InputError(diagnostics: [
        Diagnostic(
          file: roster, line: participant.line, column: 0, keyPath: "",
          message: "the name '\(name)' does not fit the certificate's rule on \(Self.maxLines) "
            + "lines even at the style's minimum-size, and a certificate never shortens a name; "
            + "shorten it in the roster (or give the style a smaller minimum-size)")
      ])
    }
    font = heading.sized(wrapped.value)
    measure = width
  }
}
