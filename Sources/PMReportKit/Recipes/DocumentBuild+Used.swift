import Frames
import ReportModel

extension DocumentBuild {
  /// The pages of the document this one uses (``used``), laid out here by that document's own
  /// recipe: its file (a personalised one's first copy; the charts' pictures); nil when it uses
  /// none.
  ///
  /// Laid out when a recipe asks, so a run keeps no document's pages for another that does not
  /// ask, and a unit on a worker process gets them as one here does. Nothing is written, and the
  /// used document's warnings are left to its own build. Ask before laying this document out: a
  /// layout takes the characters no font had from the session.
  func usedPages() throws -> [Page]? {
    guard let used, let document = project.document(named: used.name) else { return nil }
    let recipe = try DocumentRecipes.recipe(of: used)
    // The document itself, in no format: no booklet, no merged file, one copy at most. (The
    // unit's index is this document's; no recipe reads it.)
    let unit = WorkUnit(
      document: unit.document, formats: [], participants: 0..<1, writesCopies: true,
      writesBooklet: false, writesMerged: false)
    let build = DocumentBuild(
      recipe, of: document, in: unit, project: project, images: images, session: session,
      participants: participants, report: { _ in })
    var pages: [Page]?
    try recipe.outputs(build) { output in
      if pages == nil { pages = output.files.flatMap(\.pages) }
    }
    return pages ?? []
  }
}
