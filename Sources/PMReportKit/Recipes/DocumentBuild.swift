import Foundation
import Frames
import Pagination
import Rendering
import ReportConfig
import ReportModel
import TextShaping

/// What a recipe is given to build one document of a run: the project, the resolved document,
/// the shaping session, the work unit, and where to report.
struct DocumentBuild {
  let project: Project
  /// The content's images, decoded for this document at the sizes its files draw them.
  let images: DocumentImages
  /// The document with its style, colours and page resolved.
  let document: ResolvedDocument
  let session: RunShaping
  /// The part of the document this build writes: formats, participants, booklet, merged file.
  let unit: WorkUnit
  /// The participants the run writes copies for: the roster, or this shard's slice of it.
  let participants: [Participant]
  /// The document this one uses (``DocumentRecipe/usedDocument(by:in:)``); nil for none.
  let used: DocumentSpec?
  /// The title the document prints (its recipe's).
  let title: String
  /// Where warnings and notes go.
  let report: (RunEvent) -> Void
  /// The certificates' names measured in this process so far (shared by its units).
  let measuredNames: MeasuredNames

  /// What `recipe` is given to build `document` in `unit`: the document it uses and its title
  /// asked of the recipe.
  init(
    _ recipe: any DocumentRecipe, of document: ResolvedDocument, in unit: WorkUnit,
    project: Project, images: DocumentImages, session: RunShaping, participants: [Participant],
    measuredNames: MeasuredNames = MeasuredNames(), report: @escaping (RunEvent) -> Void
  ) {
    self.project = project
    self.images = images
    self.document = document
    self.session = session
    self.unit = unit
    self.participants = participants
    used = recipe.usedDocument(by: document.spec, in: project.settings)
    title = recipe.title(
      of: document.spec, metadata: project.settings.metadata, words: project.words)
    self.report = report
    self.measuredNames = measuredNames
  }

  var spec: DocumentSpec { document.spec }
  var name: String { document.name }
  var settings: ReportSettings { project.settings }

  /// The handout layout of the document, with the project's words and images.
  var handout: HandoutLayout {
    HandoutLayout(
      content: project.content, resolved: document, metadata: settings.metadata,
      measurer: session.measurer, date: project.date, words: project.words,
      images: project.images.items, title: title, positions: project.contentPositions,
      charts: session.chartLayouts)
  }

  /// Reports a warning about this document (`name: message`).
  func warn(_ kind: RunWarning.Kind, _ message: String) {
    report(.warning(RunWarning(kind, document: name, "\(name): \(message)")))
  }

  /// Reports a note about this document (`note: name: message`), not counted as a warning.
  func note(_ kind: RunWarning.Kind, _ message: String) {
    report(.warning(RunWarning(kind, document: name, "note: \(name): \(message)", isNote: true)))
  }

  /// The indices of the participants whose own copies this unit writes.
  var writtenCopies: Range<Int> {
    unit.writesCopies ? (unit.participants ?? participants.indices) : 0..<0
  }

  /// Each participant's copy (`copy`), handed to `emit` for this unit's participants; with the
  /// document's `merge` (when the unit writes it and the run writes PDF), every copy is also drawn
  /// into the print file `pdf/<document>-all.pdf` as soon as it is made, so the file is written
  /// as it goes and no copy is held past its drawing.
  func copies(
    anchors: [AnchorLocation], emit: (consuming PlannedOutput) throws -> Void,
    copy: (Participant) throws -> [Page]
  ) throws {
    let written = writtenCopies
    // Each copy the unit writes, and with `merging` every copy, handed to `merge` once made.
    func make(merging: Bool, into merge: ([Page]) throws -> Void) throws {
      for (index, participant) in participants.enumerated()
      where written.contains(index) || merging {
        let pages = try copy(participant)
        if written.contains(index) {
          try emit(
            PlannedOutput(
              PlannedFile(name + "/" + participant.slug, pages: pages, anchors: anchors),
              formats: unit.formats))
        }
        if merging { try merge(pages) }
        session.dropShapesOfEarlierParticipants()
      }
    }
    guard spec.merge, unit.writesMerged, settings.formats.contains(.pdf), !participants.isEmpty
    else { return try make(merging: false) { _ in } }
    try OutputWriter(build: self).writePrintStream(name + "-all") { add in
      try make(merging: true, into: add)
    }
  }
}
