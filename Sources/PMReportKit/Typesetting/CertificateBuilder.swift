import Foundation
import Frames
import Geometry
import Pagination
import ReportConfig
import TextShaping

/// A certificate: one landscape page for one participant, drawn straight onto the page (nothing
/// flows): a double border, the title, "This certifies that", the name as large as fits within
/// its rule (``CertificateName``), what they completed (the content's title), and the date and
/// the trainer over signature rules.
struct CertificateBuilder {
  let type: TypeSet
  let template: PageTemplate
  /// What the participant completed: the content's title.
  let completed: String
  /// The printed date and trainer when the roster's row has no `date` or `trainer` column.
  let date: String
  let trainer: String

  /// The page for `participant`, their row's `date` and `trainer` columns printed when set; their
  /// name set as `measured` has it by their row (``names(_:roster:)``), else measured here: an
  /// ``InputError`` at their line of `roster` when it does not fit its rule.
  func page(
    for participant: Participant, roster: String, measured: [Int: CertificateName] = [:]
  ) throws(InputError) -> Page {
    let name: CertificateName
    if let known = measured[participant.row] {
      name = known
    } else {
      name = try CertificateName(participant, roster: roster, type: type, body: template.body)
    }
    let fields = participant.fields
    let size = template.pageSize
    let body = template.body
    var frame = Frame(size: size)
    for (inset, width) in [(18.0, 2.0), (24.0, 0.6)] {
      let rect = Rect(
        x: inset, y: inset, width: size.width - 2 * inset, height: size.height - 2 * inset)
      frame.push(.shape(.rect(rect, stroke: Stroke(color: type.accent, width: width))), at: .zero)
    }
    let fonts = type.style.fonts
    var y = body.minY + body.height * 0.12
    func centred(
      _ text: String, _ font: FontSpec, color: Color, tag: StructureTag, maxWidth: Double
    )
      -> Double
    {
      let lines = type.lines(
        [TextRun(text, font: font, color: color)], width: maxWidth, alignment: .center,
        hyphenate: false, leading: 1.2)
      var inner = Frame(size: Size(width: maxWidth, height: 0))
      var height = 0.0
      for line in lines {
        inner.push(.text(line, color), at: Point(x: 0, y: height))
        height += line.height
      }
      inner.size.height = height
      var outer = Frame(size: inner.size)
      outer.push(.tagged(tag, inner), at: .zero)
      frame.push(frame: outer, at: Point(x: body.midX - maxWidth / 2, y: y))
      return height
    }
    var title = type.headingFont(level: 1)
    title.size = fonts.h1Size * 1.6
    y +=
      centred(
        type.words[.certificateTitle], title, color: type.accent, tag: .heading1,
        maxWidth: body.width) + fonts.bodySize * 2.5
    var italic = type.body
    italic.italic = true
    italic.size = fonts.bodySize * 1.2
    y +=
      centred(
        type.words[.certifiesThat], italic, color: type.text, tag: .paragraph,
        maxWidth: body.width) + fonts.bodySize
    y += centred(
      participant.name, name.font, color: type.text, tag: .paragraph, maxWidth: name.measure)
    let rule = CertificateName.rule(in: body)
    frame.push(
      .shape(
        .line(
          from: Point(x: rule.lowerBound, y: y + 4), to: Point(x: rule.upperBound, y: y + 4),
          stroke: Stroke(color: type.rule, width: 0.8))), at: .zero)
    y += fonts.bodySize * 2
    y +=
      centred(
        type.words[.hasCompleted], italic, color: type.text, tag: .paragraph,
        maxWidth: body.width) + fonts.bodySize * 0.8
    _ = centred(
      completed, type.headingFont(level: 2), color: type.accent, tag: .paragraph,
      maxWidth: body.width * 0.85)
    let signatures = [
      (fields["date"].flatMap { $0.isEmpty ? nil : $0 } ?? date, type.words[.certificateDate]),
      (fields["trainer"].flatMap { $0.isEmpty ? nil : $0 } ?? trainer, type.words[.trainer]),
    ]
    let columnWidth = body.width * 0.3
    for (index, (value, label)) in signatures.enumerated() {
      let x =
        index == 0 ? body.minX + body.width * 0.05 : body.maxX - body.width * 0.05 - columnWidth
      let ruleY = body.maxY - fonts.smallSize * 2.5
      let shown = type.line(value, font: type.body)
      var block = Frame(size: Size(width: columnWidth, height: 0))
      block.push(.text(shown, type.text), at: Point(x: (columnWidth - shown.width) / 2, y: 0))
      let caption = type.line(label, font: type.small, color: type.muted)
      block.push(
        .text(caption, type.muted),
        at: Point(x: (columnWidth - caption.width) / 2, y: shown.height + 6))
      block.size.height = shown.height + 6 + caption.height
      var tagged = Frame(size: block.size)
      tagged.push(.tagged(.paragraph, block), at: .zero)
      frame.push(frame: tagged, at: Point(x: x, y: ruleY - shown.height - 2))
      frame.push(
        .shape(
          .line(
            from: Point(x: x, y: ruleY + 2), to: Point(x: x + columnWidth, y: ruleY + 2),
            stroke: Stroke(color: type.rule, width: 0.8))), at: .zero)
    }
    return Page(size: size, frame: frame)
  }

  /// Each of `participants`' name setting by their row, measured once before any page is drawn;
  /// `eachMeasured` is called after each name (a run lets go of its shapes there).
  ///
  /// One ``InputError`` lists each name that does not fit its rule, at its line of `roster`.
  func names(
    _ participants: [Participant], roster: String, eachMeasured: () -> Void = {}
  ) throws(InputError) -> [Int: CertificateName] {
    var names: [Int: CertificateName] = [:]
    var diagnostics: [Diagnostic] = []
    for participant in participants {
      do {
        names[participant.row] = try CertificateName(
          participant, roster: roster, type: type, body: template.body)
      } catch { diagnostics += error.diagnostics }
      eachMeasured()
    }
    if !diagnostics.isEmpty { throw InputError(diagnostics: diagnostics) }
    return names
  }
}
