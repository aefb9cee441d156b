import CCairo
import Foundation
import Frames
import Geometry
import Storage

/// Writes PNG: one image a page at a resolution, on white (or a single page as one file).
///
/// Pages are rasterised on every core at once, each on its own image surface.
public struct PNGExporter: DocumentExporter {
  public var dpi: Double
  public init(dpi: Double) { self.dpi = dpi }

  public func write(
    _ document: inout RenderDocument, into sink: any ExportSink, releasingPages: Bool
  ) throws {
    let dpi = self.dpi
    try writePages(document, ext: "png", into: sink) { _, page, fonts, file in
      try Self.draw(page, dpi: dpi, fonts: fonts, into: file)
    }
  }

  /// Draws `page` at `dpi` into `file` as PNG.
  static func draw(_ page: Page, dpi: Double, fonts: Painting, into file: CheckedFile) throws {
    try PageRaster(page, scale: dpi / 72, fonts: fonts, reportedAs: file.path).writePNG(into: file)
  }
}
