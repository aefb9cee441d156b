import CCairo
import CImages
import Foundation
import Frames
import Geometry

/// The content's images, decoded once before anything is written, by absolute path.
///
/// Plain Swift values only: raster images as premultiplied pixels, SVG as its bytes. Every page
/// makes its own cairo objects from them, so pages drawn on several threads share no cairo
/// surface (cairo 1.16 attaches snapshots to a surface used as a source, which is not safe when
/// two threads use one source at once).
public struct ImageStore: Sendable {
  public private(set) var images: [String: LoadedImage]

  public init(_ images: [String: LoadedImage] = [:]) { self.images = images }

  /// No images.
  public static let empty = ImageStore()

  public subscript(path: String) -> LoadedImage? {
    get { images[path] }
    set { images[path] = newValue }
  }

  /// The most pixels a raster image may have (100 million: 400 MB decoded).
  public static let maximumPixels = 100_000_000
  /// The largest image file read, in bytes.
  public static let maximumBytes = 64 << 20

  /// Decodes an image file's bytes as `kind`: PNG and JPEG through gdk-pixbuf's loader for that
  /// type alone (a file of another type is an error, whatever its bytes), SVG parsed by librsvg to
  /// check it and to learn its size.
  ///
  /// Throws ``ImageError`` with a reason a person can act on. The file is read by the caller
  /// (through the inputs service, which records it).
  public static func decode(_ bytes: [UInt8], kind: ImageKind) throws -> LoadedImage {
    if bytes.isEmpty { throw ImageError.empty }
    switch kind {
    case .png, .jpeg: return .raster(try RasterImage.decode(bytes, kind: kind))
    case .svg: return .svg(try SVGImage(bytes))
    }
  }
}

/// Why an image cannot be used.
public struct ImageError: Error, Sendable, CustomStringConvertible {
  public var reason: String
  public init(_ reason: String) { self.reason = reason }
  public var description: String { reason }

  /// No file at the path.
  public static let missing = ImageError("the file does not exist")
  /// A folder at the path.
  public static let folder = ImageError("it is a folder, not an image file")
  /// The file cannot be opened or read.
  public static let unreadable = ImageError("the file cannot be read (permission denied?)")
  /// The file holds no bytes.
  public static let empty = ImageError("the file is empty")

  /// A file larger than ``ImageStore/maximumBytes``.
  public static func tooLarge(bytes: Int) -> ImageError {
    ImageError(
      "the file is \(bytes) bytes; an image may be at most \(ImageStore.maximumBytes) bytes")
  }
}

/// A decoded image, ready to draw.
public enum LoadedImage: Sendable {
  case raster(RasterImage)
  case svg(SVGImage)

  /// Its natural size in points.
  public var size: Size {
    switch self {
    case .raster(let image): image.size
    case .svg(let image): image.size
    }
  }
}

// MARK: - Raster

/// A PNG or JPEG as cairo wants it: `CAIRO_FORMAT_ARGB32`, premultiplied, one `UInt32` a pixel
/// (alpha in the high byte), rows `width` pixels long.
public struct RasterImage: Sendable {
  public var width: Int
  public var height: Int
  public var pixels: [UInt32]
  /// Dots per inch across and down: the file's own (PNG `pHYs`, JPEG density), else 96.
  public var dpi: (x: Double, y: Double)

  /// Its natural size: a pixel is 72/dpi points (0.75 pt at 96 dpi).
  public var size: Size {
    Size(width: Double(width) * 72 / dpi.x, height: Double(height) * 72 / dpi.y)
  }

  /// Decodes PNG or JPEG bytes with gdk-pixbuf's loader for that type.
  static func decode(_ bytes: [UInt8], kind: ImageKind) throws -> RasterImage {
    let type = kind == .png ? "png" : "jpeg"
    var error: UnsafeMutablePointer<GError>?
    guard let loader = gdk_pixbuf_loader_new_with_type(type, &error) else {
      throw ImageError("this system's gdk-pixbuf cannot read \(type): \(take(&error))")
    }
    defer { g_object_unref(UnsafeMutableRawPointer(loader)) }
    // Refuse absurd sizes before the pixels are allocated.
    let tooLarge = UnsafeMutablePointer<Bool>.allocate(capacity: 1)
    tooLarge.pointee = false
    defer { tooLarge.deallocate() }
    let sizePrepared:
      @convention(c) (
        UnsafeMutablePointer<GdkPixbufLoader>?, Int32, Int32, UnsafeMutableRawPointer?
      ) ->
        Void = { loader, width, height, flag in
          guard Int(width) * Int(height) > ImageStore.maximumPixels || width <= 0 || height <= 0
          else { return }
          flag?.assumingMemoryBound(to: Bool.self).pointee = true
          gdk_pixbuf_loader_set_size(loader, 0, 0)  // the loaders stop at a size of 0
        }
    g_signal_connect_data(
      UnsafeMutableRawPointer(loader), "size-prepared",
      unsafeBitCast(sizePrepared, to: GCallback.self), tooLarge, nil, GConnectFlags(0))
    let wrote = bytes.withUnsafeBufferPointer {
      gdk_pixbuf_loader_write(loader, $0.baseAddress, gsize($0.count), &error)
    }
    let wroteMessage = wrote == 0 ? take(&error) : nil
    // Closed even after a failed write (gdk-pixbuf warns about a loader left open).
    var closeError: UnsafeMutablePointer<GError>?
    let closed = gdk_pixbuf_loader_close(loader, &closeError)
    let closeMessage = closed == 0 ? take(&closeError) : nil
    if tooLarge.pointee {
      throw ImageError("the image has more than \(ImageStore.maximumPixels) pixels")
    }
    if let message = wroteMessage ?? closeMessage {
      throw ImageError("not a readable \(kind.displayName): \(message)")
    }
    guard let pixbuf = gdk_pixbuf_loader_get_pixbuf(loader) else {
      throw ImageError("not a readable \(kind.displayName): no image in the file")
    }
    return try RasterImage(pixbuf: pixbuf)
  }

  /// Converts a pixbuf (8-bit RGB or RGBA rows, not premultiplied) to premultiplied ARGB32.
  public init(pixbuf: OpaquePointer) throws {
    let width = Int(gdk_pixbuf_get_width(pixbuf))
    let height = Int(gdk_pixbuf_get_height(pixbuf))
    let channels = Int(gdk_pixbuf_get_n_channels(pixbuf))
    let hasAlpha = gdk_pixbuf_get_has_alpha(pixbuf) != 0
    let rowStride = Int(gdk_pixbuf_get_rowstride(pixbuf))
    guard width > 0, height > 0, gdk_pixbuf_get_bits_per_sample(pixbuf) == 8,
      channels == (hasAlpha ? 4 : 3), gdk_pixbuf_get_colorspace(pixbuf) == GDK_COLORSPACE_RGB,
      let source = gdk_pixbuf_read_pixels(pixbuf)
    else {
      throw ImageError("the image is not 8-bit RGB or RGBA once decoded")
    }
    var pixels = [UInt32](repeating: 0, count: width * height)
    pixels.withUnsafeMutableBufferPointer { out in
      for y in 0..<height {
        let row = source + y * rowStride
        for x in 0..<width {
          let p = row + x * channels
          let a = hasAlpha ? UInt32(p[3]) : 255
          let r = Self.premultiply(UInt32(p[0]), a)
          let g = Self.premultiply(UInt32(p[1]), a)
          let b = Self.premultiply(UInt32(p[2]), a)
          out[y * width + x] = a << 24 | r << 16 | g << 8 | b
        }
      }
    }
    self.width = width
    self.height = height
    self.pixels = pixels
    dpi = (Self.dpi(pixbuf, "x-dpi"), Self.dpi(pixbuf, "y-dpi"))
  }

  /// `c × a / 255`, rounded (as cairo and GDK do it).
  static func premultiply(_ c: UInt32, _ a: UInt32) -> UInt32 {
    let t = c * a + 0x80
    return ((t >> 8) + t) >> 8
  }

  /// The resolution a pixbuf's loader read from the file, else 96 dpi.
  private static func dpi(_ pixbuf: OpaquePointer, _ key: String) -> Double {
    guard let text = gdk_pixbuf_get_option(pixbuf, key), let value = Double(String(cString: text)),
      (10...10_000).contains(value)
    else { return 96 }
    return value
  }

  /// A new cairo image surface holding a copy of the pixels (the caller destroys it); nil when
  /// cairo cannot make one.
  func makeSurface() -> OpaquePointer? {
    guard let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height))
    else { return nil }
    guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS,
      let data = cairo_image_surface_get_data(surface)
    else {
      cairo_surface_destroy(surface)
      return nil
    }
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

// MARK: - SVG

/// An SVG file: its bytes (parsed again for each drawing, under ``SVGImage/lock``) and its size.
public struct SVGImage: Sendable {
  public var bytes: [UInt8]
  /// The intrinsic size in points: `width`/`height` at 96 px an inch, else the `viewBox`'s.
  public var size: Size

  /// Every librsvg call in the process holds this lock: librsvg is not thread-safe, and SVG and
  /// PNG pages are drawn on several threads.
  ///
  /// Each drawing makes its own handle from the bytes, so no librsvg object (nor any cairo object
  /// librsvg makes, such as an embedded picture's surface) is shared between pages: the SVG
  /// exporter's surface draws its recorded page later, at `cairo_show_page`, outside the lock.
  static let lock = NSLock()

  /// Parses `bytes` to check them and learn the size.
  init(_ bytes: [UInt8]) throws {
    self.bytes = bytes
    size = try Self.lock.withLock {
      try Self.withHandle(bytes) { handle -> Size in
        var width = 0.0
        var height = 0.0
        if rsvg_handle_get_intrinsic_size_in_pixels(handle, &width, &height) != 0 {
          return Size(width: width * 0.75, height: height * 0.75)
        }
        var hasViewBox: gboolean = 0
        var viewBox = RsvgRectangle()
        rsvg_handle_get_intrinsic_dimensions(handle, nil, nil, nil, nil, &hasViewBox, &viewBox)
        guard hasViewBox != 0 else {
          throw ImageError("the SVG has neither a width and height nor a viewBox to size it by")
        }
        return Size(width: viewBox.width * 0.75, height: viewBox.height * 0.75)
      }
    }
    guard size.width.isFinite, size.height.isFinite, size.width > 0, size.height > 0 else {
      throw ImageError("the SVG's size is empty (\(size.width) × \(size.height) pt)")
    }
  }

  /// Calls `body` with a handle made from `bytes`; the caller holds ``lock``.
  ///
  /// The handle has no base file: librsvg then loads no other file an SVG refers to (only `data:`
  /// URLs), so an SVG cannot read outside the project root.
  static func withHandle<T>(
    _ bytes: [UInt8], _ body: (UnsafeMutablePointer<RsvgHandle>) throws -> T
  )
    throws -> T
  {
    var error: UnsafeMutablePointer<GError>?
    let handle = bytes.withUnsafeBufferPointer {
      rsvg_handle_new_from_data($0.baseAddress, gsize($0.count), &error)
    }
    guard let handle else {
      throw ImageError("not a readable SVG: \(take(&error))")
    }
    defer { g_object_unref(UnsafeMutableRawPointer(handle)) }
    rsvg_handle_set_dpi(handle, 96)
    return try body(handle)
  }

  /// Draws the SVG as vectors into the box at the origin of `cr`'s user space.
  func draw(on cr: OpaquePointer, size box: Size) {
    Self.lock.withLock {
      _ = try? Self.withHandle(bytes) { handle in
        var viewport = RsvgRectangle(x: 0, y: 0, width: box.width, height: box.height)
        var error: UnsafeMutablePointer<GError>?
        if rsvg_handle_render_document(handle, cr, &viewport, &error) == 0 { _ = take(&error) }
      }
    }
  }
}

extension ImageKind {
  /// How messages name the kind: "PNG", "JPEG", "SVG".
  public var displayName: String { rawValue.uppercased() }
}

/// A GError's message; frees the error.
private func take(_ error: inout UnsafeMutablePointer<GError>?) -> String {
  guard let e = error else { return "unknown error" }
  let message = e.pointee.message.map { String(cString: $0) } ?? "unknown error"
  g_error_free(e)
  error = nil
  return message
}
