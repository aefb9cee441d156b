import CCairo
import Foundation
import Frames
import Storage

/// A page drawn on white into a cairo image surface (RGB24) at a scale: what a PNG file holds, and
/// the live preview's first paint of a page.
final class PageRaster {
  // A class: it owns the cairo surface and its pixels, used only inside its own methods (so they
  // live as long).
  private let surface: OpaquePointer
  private let pixels: UnsafeMutableRawPointer

  /// `page` drawn at `scale` pixels a point (its size rounded to whole pixels); messages name it
  /// `path`.
  init(_ page: Page, scale: Double, fonts: Painting, reportedAs path: String) throws {
    let w = Int32((page.size.width * scale).rounded())
    let h = Int32((page.size.height * scale).rounded())
    // The pixels are allocated here rather than calloc'd by cairo: jemalloc clears a reused block
    // for calloc by handing its pages back and faulting them in again (a page's ~2,000 faults,
    // each PNG page). They need no clearing: the page is painted white whole (an opaque source
    // over the whole surface: cairo fills it) before anything is drawn.
    let stride = cairo_format_stride_for_width(CAIRO_FORMAT_RGB24, w)
    let size = max(Int(stride) * Int(h), 1)
    var allocated: UnsafeMutableRawPointer? = nil
    guard stride > 0, posix_memalign(&allocated, 64, size) == 0, let pixels = allocated else {
      throw RenderError.cairo(operation: "create an image", status: "no memory", path: path)
    }
    self.pixels = pixels
    guard
      let surface = cairo_image_surface_create_for_data(
        pixels.assumingMemoryBound(to: UInt8.self), CAIRO_FORMAT_RGB24, w, h, stride)
    else {
      free(pixels)
      throw RenderError.cairo(operation: "create an image", status: "no surface", path: path)
    }
    self.surface = surface
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

  deinit {
    cairo_surface_destroy(surface)
    free(pixels)
  }

  /// Writes the picture into `file` as cairo's PNG (the PNG exporter's files).
  func writePNG(into file: CheckedFile) throws {
    let status = cairo_surface_write_to_png_stream(
      surface, CheckedFile.cairoWriter, file.cairoClosure)
    if file.firstError == 0 { try check(status, "write the PNG", file.path) }
  }

  /// The picture's pixels as bytes, red, green, blue and alpha (always opaque) a pixel, row after
  /// row: what a browser's canvas takes as it is (`ImageData`), with nothing to decode (the live
  /// preview's first paint of a page).
  func rgba() -> RasterPixels {
    let width = Int(cairo_image_surface_get_width(surface))
    let height = Int(cairo_image_surface_get_height(surface))
    let stride = Int(cairo_image_surface_get_stride(surface))
    guard let data = cairo_image_surface_get_data(surface) else {
      return RasterPixels(width: width, height: height, bytes: [])
    }
    let bytes = [UInt8](unsafeUninitializedCapacity: width * height * 4) { buffer, count in
      buffer.withMemoryRebound(to: UInt32.self) { out in
        for y in 0..<height {
          // cairo's pixel: 32 bits of native-endian xRGB.
          let row = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
          for x in 0..<width {
            let pixel = row[x]
            let rgba: UInt32 =
              0xFF00_0000 | (pixel & 0xFF) << 16 | (pixel & 0xFF00) | (pixel >> 16 & 0xFF)
            out[y * width + x] = rgba.littleEndian
          }
        }
      }
      count = width * height * 4
    }
    return RasterPixels(width: width, height: height, bytes: bytes)
  }
}

/// A picture's pixels: `height` rows of `width` pixels, 4 bytes each (red, green, blue, alpha).
public struct RasterPixels: Sendable {
  public let width: Int
  public let height: Int
  public let bytes: [UInt8]
}
