import Foundation
import Frames
import Geometry
import Pagination
import ReportConfig
import ReportModel

extension DocumentBuild {
  /// The outputs of a handout laid out once, in the order they are written: its booklet, then the
  /// document itself (a print file with `isPrintFile`) or its personal copies and merged file.
  ///
  /// First the run's checks of a laid-out document: its layout warnings, the characters no font
  /// has (``documentLaidOut(warnings:)``), its page budget.
  func handoutOutputs(
    _ laidOut: consuming LaidOutDocument, layout: HandoutLayout, isPrintFile: Bool = false,
    emit: (consuming PlannedOutput) throws -> Void
  ) throws {
    documentLaidOut(warnings: laidOut.warnings)
    if let budget = document.maxPages, laidOut.pages.count > budget {
      warn(.pageBudget, "\(laidOut.pages.count) pages, over its budget of \(budget) (max-pages)")
    }
    // Booklets and merged copies are PDF files: written when the run writes PDF.
    if spec.booklet, unit.writesBooklet, unit.formats.contains(.pdf) {
      try emit(booklet(of: laidOut.pages))
    }
    guard spec.personalised else {
      guard unit.writesCopies else { return }
      // The pages move into the writer, which frees each once drawn.
      let pages = laidOut.pages
      laidOut.pages = []
      try emit(
        PlannedOutput(
          PlannedFile(
            name, pages: consume pages, anchors: laidOut.anchors, isPrintFile: isPrintFile),
          formats: unit.formats))
      return
    }
    try personalCopies(laidOut, line: layout.personalLine, emit: emit)
  }

  /// The document is laid out (every recipe says so once its text is shaped): the shapes cached
  /// for it go, so that pages written and released free their lines (another document re-shapes
  /// what it needs); its layout `warnings` and the characters no installed font had are reported
  /// as this document's, with each word too wide for its column (broken across lines).
  func documentLaidOut(warnings: [String] = []) {
    session.documentLaidOut()
    for warning in warnings { warn(.layout, warning) }
    for word in session.takeOverlongWords() {
      warn(
        .layout,
        "the word '\(word)…' is wider than its column; it is broken across lines (add spaces "
          + "or hyphens where it may break)")
    }
    let missing = session.takeMissingCharacters()
    if !missing.isEmpty {
      let list = missing.map {
        "U+" + String($0.value, radix: 16, uppercase: true).leftPadded(to: 4) + " '\($0)'"
      }
      warn(
        .missingCharacters,
        "no installed font has \(list.joined(separator: ", ")); \(missing.count == 1 ? "it prints" : "they print") as a box"
      )
    }
  }

  /// A personalised document laid out once, a copy a participant.
  ///
  /// Each copy is the same pages with the personal line over them (`<format>/<document>/<slug>`).
  /// Without a roster, one copy with a line to write the name on.
  private func personalCopies(
    _ laidOut: LaidOutDocument, line: PersonalLine, emit: (consuming PlannedOutput) throws -> Void
  ) throws {
    let template = settings.personalLine ?? project.words[.preparedFor]
    guard project.roster != nil else {
      guard unit.writesCopies else { return }
      let pages = line.overlay(
        Words.fill(template, ["name": ""]).trimmingCharacters(in: .whitespaces), blank: true,
        on: laidOut.pages
      ).pages
      try emit(
        PlannedOutput(
          PlannedFile(name, pages: pages, anchors: laidOut.anchors), formats: unit.formats))
      return
    }
    // The merge-only unit lays out every copy too: only the copies a unit writes warn.
    let written = Set(participants[writtenCopies].map(\.line))
    try copies(anchors: laidOut.anchors, emit: emit) { participant in
      let text = participant.fill(template)
      let overlay = line.overlay(text, on: laidOut.pages)
      if overlay.shortened, written.contains(participant.line) {
        warnShortened(text, of: participant)
      }
      return overlay.pages
    }
  }

  /// Warns, at the participant's roster line, that their personal line was shortened to fit.
  private func warnShortened(_ text: String, of participant: Participant) {
    let place = SourceLocation(
      file: project.roster?.file ?? "roster", line: participant.line, column: 0)
    report(
      .warning(
        RunWarning(
          .layout, document: name, at: place,
          "\(name): the personal line '\(text)' does not fit its slot on "
            + "\(PersonalLine.maxLines) lines at the style's minimum-size: it is shortened "
            + "with an ellipsis")))
  }

  /// `pdf/<document>-booklet.pdf`: the pages imposed for saddle stitching.
  ///
  /// Two pages to a side of a landscape sheet: `booklet-paper`, else the document's own paper
  /// with the pages scaled to half of it. A personalised document's booklet has no personal line.
  private func booklet(of pages: [Page]) -> PlannedOutput {
    let portrait =
      spec.bookletPaper?.portrait ?? (
        width: min(document.paperWidth, document.paperHeight),
        height: max(document.paperWidth, document.paperHeight)
      )
    let sheet = Size(width: portrait.height, height: portrait.width)
    var booklet = PlannedOutput(
      PlannedFile(
        name + "-booklet", pages: SaddleStitch.impose(pages, on: sheet), isPrintFile: true),
      formats: [.pdf])
    booklet.repeatsPages = true
    return booklet
  }
}

extension String {
  /// The string with zeros in front up to `width` characters.
  func leftPadded(to width: Int) -> String {
    String(repeating: "0", count: max(0, width - count)) + self
  }
}
