import Frames

/// Draws a document's pages as SVG one at a time, in memory, when asked (the live preview's
/// pages): each page's bytes are those the SVG exporter writes for it.
///
/// Pages may be drawn on several threads at once, as the exporter draws them.
public struct PageSVGDrawer: Sendable {
  private let document: RenderDocument
  private let painting: Painting

  /// A drawer of `document`'s pages (its images decoded for SVG).
  public init(_ document: RenderDocument) {
    self.document = document
    painting = Painting(
      palette: document.palette, fonts: ScaledFonts(palette: document.palette),
      images: document.images)
  }

  /// The pages, as laid out.
  public var pages: [Page] { document.pages }

  /// Page `index` (0-based) as an SVG file's bytes; messages name it `path`.
  public func svg(page index: Int, reportedAs path: String) throws -> [UInt8] {
    let labels = document.svgLabels
    let label =
      labels.indices.contains(index) ? labels[index] : SVGLabel(title: document.info.title)
    return try SVGExporter.drawn(
      document.pages[index], label: label, fonts: painting, reportedAs: path)
  }
}
