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
    let scale = dpi / 72
    let w = Int32((page.size.width * scale).rounded())
    let h = Int32((page.size.height * scale).rounded())
    guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h) else {
      throw RenderError.cairo(operation: "create an image", status: "no surface", path: file.path)
    }
    defer { cairo_surface_destroy(surface) }
    try check(cairo_surface_status(surface), "create a \(w)×\(h) image", file.path)
    let cr = try context(on: surface, file.path)
    defer { cairo_destroy(cr) }
    cairo_set_source_rgb(cr, 1, 1, 1)
    cairo_paint(cr)
    cairo_scale(cr, scale, scale)
    fonts.painter(cr, tagged: false).draw(page.frame, at: .zero)
    try check(cairo_status(cr), "draw the page", file.path)
    cairo_surface_flush(surface)
    let status = cairo_surface_write_to_png_stream(
      surface, CheckedFile.cairoWriter, file.cairoClosure)
    if file.firstError == 0 { try check(status, "write the PNG", file.path) }
  }
}
