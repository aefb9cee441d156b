import Rendering

/// A document as the live preview shows it, handed over by the run before it writes the files.
///
/// The pages of its first output (a roster document's first copy; each chart of `kind: charts`
/// an entry of its own), finished as its SVG pages are, with the images decoded for SVG.
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
  /// What the preview shows of `output`, one of `build`'s outputs drawn by `writer`: an entry a
  /// file (a chart's named by its file).
  func preview(
    of output: borrowing PlannedOutput, in build: DocumentBuild, writer: OutputWriter
  ) throws -> [DocumentForPreview] {
    let presentation =
      build.spec.kind == .slides
      ? output.files.first.map { SlidePresentation(deck: build, pages: $0.pages) } : nil
    return try output.files.map { file in
      var drawn = writer.document(of: file)
      drawn.images = try build.images.store(for: drawn.pages, format: .svg)
      let id = file.picture.flatMap { _ in file.stem.split(separator: "/").last }
      return DocumentForPreview(
        name: id.map { "\(build.name)-\($0)" } ?? build.name,
        title: file.picture?.title ?? build.title, document: drawn, presentation: presentation)
    }
  }
}
