import Rendering

/// A document laid out for the live preview: its first output's pages (a roster document's first
/// copy; each chart of `kind: charts` an entry of its own), finished as its SVG pages are, with
/// the images decoded for SVG.
public struct DocumentForPreview: Sendable {
  /// The document's name in the config (`full-report`); a chart's is `charts-<chart id>`.
  public var name: String
  /// The title it prints.
  public var title: String
  public var document: RenderDocument
  /// A deck's slides, notes and plan for the present view; nil for any other kind.
  public var presentation: SlidePresentation?
}

extension RunScheduler {
  /// Lays every document out as a run would, writing nothing and taking no lock.
  ///
  /// A document that fails is reported to `reporter` as the run reports it and left out; so are
  /// warnings (the run that writes the files reports them again).
  public func layOut(reporter: any Reporter) -> [DocumentForPreview] {
    prepareLanguage(report: reporter.report)
    var laidOut: [DocumentForPreview] = []
    for (index, document) in runDocuments.enumerated() {
      // One copy in one format: the booklet and the merged file are other views of those pages.
      let unit = WorkUnit(
        document: index, formats: [.svg], participants: participants.isEmpty ? nil : 0..<1,
        writesCopies: true, writesBooklet: false, writesMerged: false)
      do {
        let recipe = try DocumentRecipes.recipe(of: document.spec)
        let build = DocumentBuild(
          recipe, of: document, in: unit, project: project,
          images: DocumentImages(
            project.images, ppi: document.style.page.imagePPI, dpi: settings.dpi),
          session: session, participants: participants, report: reporter.report)
        let writer = OutputWriter(build: build)
        var entries: [DocumentForPreview] = []
        try recipe.outputs(build) { output in
          guard entries.isEmpty else { return }
          let presentation =
            document.spec.kind == .slides
            ? output.files.first.map { SlidePresentation(deck: build, pages: $0.pages) } : nil
          for file in output.files {
            var drawn = writer.document(of: file)
            drawn.images = try build.images.store(for: drawn.pages, format: .svg)
            // A picture (a chart): an entry of its own, named by its file.
            let id = file.picture.flatMap { _ in file.stem.split(separator: "/").last }
            entries.append(
              DocumentForPreview(
                name: id.map { "\(document.name)-\($0)" } ?? document.name,
                title: file.picture?.title ?? build.title, document: drawn,
                presentation: presentation))
          }
        }
        laidOut += entries
      } catch {
        reporter.report(
          .failure(RunFailure(document: document.name, error: error, context: document.name)))
      }
    }
    return laidOut
  }
}
