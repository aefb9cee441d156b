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

  /// The most pixels a raster image file may have (100 million).
  ///
  /// It is read a row at a time (a JPEG shrunk while decoding) and held only at the size it is
  /// drawn at (``PixelSize/held(drawn:resolution:)``).
  public static let maximumPixels = 100_000_000
  /// The largest image file read, in bytes.
  public static let maximumBytes = 64 << 20

  /// Decodes an image file's bytes as `kind`: PNG with libpng, JPEG with gdk-pixbuf's loader for
  /// that type alone (a file of another type is an error, whatever its bytes), each shrunk by area
  /// average to at most `limit` pixels (nil: its own size); SVG parsed by librsvg to check it and
  /// to learn its size.
  ///
  /// Throws ``ImageError`` with a reason a person can act on. The file is read by the caller
  /// (through the inputs service, which records it).
  public static func decode(_ bytes: [UInt8], kind: ImageKind, fitting limit: PixelSize? = nil)
    throws -> LoadedImage
  {
    if bytes.isEmpty { throw ImageError.empty }
    switch kind {
    case .png: return .raster(try PNGFile.decode(bytes, fitting: limit))
    case .jpeg: return .raster(try JPEGFile.decode(bytes, fitting: limit))
    case .svg: return .svg(try SVGImage(bytes))
    }
  }

  /// Checks an image file's bytes as `kind` to the end, keeping no pixels, and measures it: a PNG
  /// row by row, a JPEG shrunk while decoding, an SVG parsed.
  public static func check(_ bytes: [UInt8], kind: ImageKind) throws -> CheckedImage {
    if bytes.isEmpty { throw ImageError.empty }
    switch kind {
    case .png: return try PNGFile.check(bytes)
    case .jpeg: return try JPEGFile.check(bytes)
    case .svg: return CheckedImage(size: try SVGImage(bytes).size, pixels: nil)
    }
  }
}

/// What checking an image file learnt: its natural size, and a raster image's pixels across and
/// down.
public struct CheckedImage: Hashable, Sendable {
  /// The natural size in points.
  public var size: Size
  /// The pixel size of a PNG or JPEG; nil for an SVG.
  public var pixels: PixelSize?

  public init(size: Size, pixels: PixelSize?) {
    self.size = size
    self.pixels = pixels
  }

  /// A PNG or JPEG of `pixels` at `dpi`.
  init(_ pixels: PixelSize, dpi: (x: Double, y: Double)) {
    self.init(size: RasterImage.naturalSize(pixels, dpi: dpi), pixels: pixels)
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
func take(_ error: inout UnsafeMutablePointer<GError>?) -> String {
  guard let e = error else { return "unknown error" }
  let message = e.pointee.message.map { String(cString: $0) } ?? "unknown error"
  g_error_free(e)
  error = nil
  return message
}
