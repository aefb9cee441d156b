import Frames

/// Draws a document's pages one at a time, in memory, when asked (the live preview's pages): as
/// SVG, each page's bytes those the SVG exporter writes for it, or as pixels at a width
/// (the preview's first paint of a changed page), from the same frames.
///
/// Pages may be drawn on several threads at once, as the exporters draw them.
public struct PageDrawer: Sendable {
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

  /// Page `index` (0-based) drawn `width` pixels wide (its height in proportion), as its pixels;
  /// messages name it `path`.
  public func pixels(page index: Int, width: Int, reportedAs path: String) throws -> RasterPixels {
    let page = document.pages[index]
    return try PageRaster(
      page, scale: Double(width) / page.size.width, fonts: painting, reportedAs: path
    ).rgba()
  }
}
