import CCairo
import CPNGRows
import Foundation
import Frames
import Storage

/// A page drawn on white into a cairo image surface (RGB24) at a scale: what a PNG file holds, and
/// the live preview's first paint of a page.
final class PageRaster {
  // A class: it owns the cairo surface, used only inside its own methods (so it lives as long).
  private let surface: OpaquePointer
  /// Where messages say the page goes.
  private let path: String

  /// `page` drawn at `scale` pixels a point (its size rounded to whole pixels); messages name it
  /// `path`.
  init(_ page: Page, scale: Double, fonts: Painting, reportedAs path: String) throws {
    let w = Int32((page.size.width * scale).rounded())
    let h = Int32((page.size.height * scale).rounded())
    guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h) else {
      throw RenderError.cairo(operation: "create an image", status: "no surface", path: path)
    }
    self.surface = surface
    self.path = path
    try check(cairo_surface_status(surface), "create a \(w)×\(h) image", path)
    let cr = try context(on: surface, path)
    defer { cairo_destroy(cr) }
    cairo_set_source_rgb(cr, 1, 1, 1)
    cairo_paint(cr)
    cairo_scale(cr, scale, scale)
    fonts.painter(cr, tagged: false).draw(page.frame, at: .zero)
    try check(cairo_status(cr), "draw the page", path)
    cairo_surface_flush(surface)
  }

  deinit { cairo_surface_destroy(surface) }

  /// Writes the picture into `file` as cairo's PNG (the PNG exporter's files).
  func writePNG(into file: CheckedFile) throws {
    let status = cairo_surface_write_to_png_stream(
      surface, CheckedFile.cairoWriter, file.cairoClosure)
    if file.firstError == 0 { try check(status, "write the PNG", file.path) }
  }

  /// The picture as a PNG made for speed over size (the preview's, sent once over the loopback
  /// address): zlib's fastest level and no row filter, about 10 % larger than cairo's own PNG, in
  /// a third of its time.
  func fastPNG() throws -> [UInt8] {
    var length = 0
    var message = [CChar](repeating: 0, count: 256)
    guard
      let bytes = pmreport_png_encode_rgb24(
        cairo_image_surface_get_data(surface),
        UInt32(cairo_image_surface_get_width(surface)),
        UInt32(cairo_image_surface_get_height(surface)),
        Int(cairo_image_surface_get_stride(surface)), &length, &message, message.count)
    else {
      throw RenderError.cairo(
        operation: "encode the PNG", status: String(cMessage: message), path: path)
    }
    defer { free(bytes) }
    return Array(UnsafeBufferPointer(start: bytes, count: length))
  }
}
