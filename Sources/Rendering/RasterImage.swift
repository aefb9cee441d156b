import CCairo
import CImages
import Foundation
import Geometry

/// A PNG or JPEG as cairo wants it: `CAIRO_FORMAT_ARGB32`, premultiplied, one `UInt32` a pixel
/// (alpha in the high byte), rows `width` pixels long.
public struct RasterImage: Sendable {
  public var width: Int
  public var height: Int
  public var pixels: [UInt32]
  /// Dots per inch across and down: the file's own (PNG `pHYs`, JPEG density), else 96; for an
  /// image held smaller than its file, the file's resolution scaled alike, so that ``size`` stays
  /// the file's natural size.
  public var dpi: (x: Double, y: Double)

  public init(width: Int, height: Int, pixels: [UInt32], dpi: (x: Double, y: Double)) {
    self.width = width
    self.height = height
    self.pixels = pixels
    self.dpi = dpi
  }

  /// The pixels `average` gathered from an image file of resolution `dpi`.
  init(_ average: AreaAverage, dpi: (x: Double, y: Double)) {
    self.init(
      width: average.target.width, height: average.target.height, pixels: average.pixels,
      dpi: (
        dpi.x * Double(average.target.width) / Double(average.source.width),
        dpi.y * Double(average.target.height) / Double(average.source.height)
      ))
  }

  /// Its natural size: a pixel is 72/dpi points (0.75 pt at 96 dpi).
  public var size: Size { Self.naturalSize(PixelSize(width: width, height: height), dpi: dpi) }

  /// The natural size of `pixels` at `dpi`.
  static func naturalSize(_ pixels: PixelSize, dpi: (x: Double, y: Double)) -> Size {
    Size(width: Double(pixels.width) * 72 / dpi.x, height: Double(pixels.height) * 72 / dpi.y)
  }

  /// Converts a pixbuf (8-bit RGB or RGBA rows, not premultiplied) to premultiplied ARGB32,
  /// shrunk by area average to at most `limit` (nil: its own size).
  public init(pixbuf: OpaquePointer, fitting limit: PixelSize? = nil) throws {
    let source = PixelSize(
      width: Int(gdk_pixbuf_get_width(pixbuf)), height: Int(gdk_pixbuf_get_height(pixbuf)))
    let channels = Int(gdk_pixbuf_get_n_channels(pixbuf))
    let hasAlpha = gdk_pixbuf_get_has_alpha(pixbuf) != 0
    let rowStride = Int(gdk_pixbuf_get_rowstride(pixbuf))
    guard source.width > 0, source.height > 0, gdk_pixbuf_get_bits_per_sample(pixbuf) == 8,
      channels == (hasAlpha ? 4 : 3), gdk_pixbuf_get_colorspace(pixbuf) == GDK_COLORSPACE_RGB,
      let rows = gdk_pixbuf_read_pixels(pixbuf)
    else {
      throw ImageError("the image is not 8-bit RGB or RGBA once decoded")
    }
    let target = limit.map {
      PixelSize(width: min($0.width, source.width), height: min($0.height, source.height))
    }
    var average = AreaAverage(source: source, target: target ?? source)
    for y in 0..<source.height {
      average.add(row: rows + y * rowStride, channels: channels)
    }
    self.init(average, dpi: (Self.dpi(pixbuf, "x-dpi"), Self.dpi(pixbuf, "y-dpi")))
  }

  /// `c × a / 255`, rounded (as cairo and GDK do it).
  static func premultiply(_ c: UInt32, _ a: UInt32) -> UInt32 {
    let t = c * a + 0x80
    return ((t >> 8) + t) >> 8
  }

  /// A resolution a file gives, when it is one pmreport believes (10 to 10,000 dpi), else 96.
  static func dpi(_ value: Double) -> Double { (10...10_000).contains(value) ? value : 96 }

  /// The resolution a pixbuf's loader read from the file, else 96 dpi.
  static func dpi(_ pixbuf: OpaquePointer, _ key: String) -> Double {
    guard let text = gdk_pixbuf_get_option(pixbuf, key), let value = Double(String(cString: text))
    else { return 96 }
    return dpi(value)
  }

  /// A new cairo image surface holding a copy of the pixels (the caller destroys it).
  ///
  /// When cairo cannot make one (too little memory), the surface is cairo's error surface: drawing
  /// with it puts the context in error, and the page's writer reports it; never a silent gap.
  func makeSurface() -> OpaquePointer? {
    guard let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height))
    else { return nil }
    guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS,
      let data = cairo_image_surface_get_data(surface)
    else { return surface }
    cairo_surface_flush(surface)
    let stride = Int(cairo_image_surface_get_stride(surface))
    pixels.withUnsafeBytes { raw in
      guard let base = raw.baseAddress else { return }
      for y in 0..<height {
        memcpy(data + y * stride, base + y * width * 4, width * 4)
      }
    }
    cairo_surface_mark_dirty(surface)
    return surface
  }
}
