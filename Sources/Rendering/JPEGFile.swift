import CImages
import CJPEGScan

/// JPEG files read with gdk-pixbuf's JPEG loader, shrunk while decoding when they are larger than
/// needed (libjpeg decodes at 1/2 or 1/4 of the size for less work and memory).
enum JPEGFile {
  /// Reads `bytes` to the end keeping only a quarter-size image for a moment, and measures it;
  /// then reads them with libjpeg to the end-of-image marker (``scan(_:)``).
  static func check(_ bytes: [UInt8]) throws -> CheckedImage {
    let image = try load(bytes, towards: PixelSize(width: 1, height: 1)) { pixbuf, source in
      CheckedImage(
        source, dpi: (RasterImage.dpi(pixbuf, "x-dpi"), RasterImage.dpi(pixbuf, "y-dpi")))
    }
    try scan(bytes)
    return image
  }

  /// Throws unless libjpeg reads `bytes` whole, to the end-of-image marker (`FF D9`): gdk-pixbuf's
  /// loader fills a file cut short, or corrupt compressed data, with grey and reports success.
  static func scan(_ bytes: [UInt8]) throws {
    var message = [CChar](repeating: 0, count: 256)
    let status = bytes.withUnsafeBufferPointer {
      pmreport_jpeg_scan($0.baseAddress, $0.count, &message, 256)
    }
    if status != 0 {
      throw ImageError(
        "the JPEG is damaged or cut short (\(String(cMessage: message))); save it again")
    }
  }

  /// Decodes `bytes`, shrunk by area average to at most `limit` (nil: the image's own size).
  static func decode(_ bytes: [UInt8], fitting limit: PixelSize?) throws -> RasterImage {
    try load(bytes, towards: limit) { pixbuf, source in
      var image = try RasterImage(pixbuf: pixbuf, fitting: limit)
      // The resolution is the file's: the loader's pixbuf may be a quarter of its size.
      let decoded = PixelSize(
        width: Int(gdk_pixbuf_get_width(pixbuf)), height: Int(gdk_pixbuf_get_height(pixbuf)))
      image.dpi.x *= Double(decoded.width) / Double(source.width)
      image.dpi.y *= Double(decoded.height) / Double(source.height)
      return image
    }
  }

  /// The size libjpeg decodes `source` at to keep at least `limit`: a half or a quarter of it
  /// (rounded up, as libjpeg scales) where that is still as large, else its own size.
  static func decodedSize(of source: PixelSize, towards limit: PixelSize?) -> PixelSize {
    guard let limit else { return source }
    for denominator in [4, 2] {
      let scaled = PixelSize(
        width: (source.width + denominator - 1) / denominator,
        height: (source.height + denominator - 1) / denominator)
      if scaled.width >= limit.width, scaled.height >= limit.height { return scaled }
    }
    return source
  }

  /// What the loader's `size-prepared` handler is given and records.
  private struct SizeRequest {
    var limit: PixelSize?
    /// The file's own size, once its header is read.
    var source = PixelSize(width: 0, height: 0)
    var tooLarge = false
  }

  /// Loads `bytes` with the JPEG loader, decoded at ``decodedSize(of:towards:)``.
  ///
  /// Calls `body` with the pixbuf and the file's own size. Sizes over
  /// ``ImageStore/maximumPixels`` are refused before the pixels are allocated.
  private static func load<T>(
    _ bytes: [UInt8], towards limit: PixelSize?, _ body: (OpaquePointer, PixelSize) throws -> T
  ) throws -> T {
    var error: UnsafeMutablePointer<GError>?
    guard let loader = gdk_pixbuf_loader_new_with_type("jpeg", &error) else {
      throw ImageError("this system's gdk-pixbuf cannot read jpeg: \(take(&error))")
    }
    defer { g_object_unref(UnsafeMutableRawPointer(loader)) }
    let request = UnsafeMutablePointer<SizeRequest>.allocate(capacity: 1)
    request.initialize(to: SizeRequest(limit: limit))
    defer { request.deallocate() }
    let sizePrepared:
      @convention(c) (
        UnsafeMutablePointer<GdkPixbufLoader>?, Int32, Int32, UnsafeMutableRawPointer?
      ) -> Void = { loader, width, height, context in
        guard let request = context?.assumingMemoryBound(to: SizeRequest.self) else { return }
        let source = PixelSize(width: Int(width), height: Int(height))
        request.pointee.source = source
        guard source.width * source.height <= ImageStore.maximumPixels, width > 0, height > 0
        else {
          request.pointee.tooLarge = true
          gdk_pixbuf_loader_set_size(loader, 0, 0)  // the loaders stop at a size of 0
          return
        }
        let decoded = JPEGFile.decodedSize(of: source, towards: request.pointee.limit)
        if decoded != source {
          gdk_pixbuf_loader_set_size(loader, Int32(decoded.width), Int32(decoded.height))
        }
      }
    g_signal_connect_data(
      UnsafeMutableRawPointer(loader), "size-prepared",
      unsafeBitCast(sizePrepared, to: GCallback.self), request, nil, GConnectFlags(0))
    let wrote = bytes.withUnsafeBufferPointer {
      gdk_pixbuf_loader_write(loader, $0.baseAddress, gsize($0.count), &error)
    }
    let wroteMessage = wrote == 0 ? take(&error) : nil
    // Closed even after a failed write (gdk-pixbuf warns about a loader left open).
    var closeError: UnsafeMutablePointer<GError>?
    let closed = gdk_pixbuf_loader_close(loader, &closeError)
    let closeMessage = closed == 0 ? take(&closeError) : nil
    if request.pointee.tooLarge {
      throw ImageError("the image has more than \(ImageStore.maximumPixels) pixels")
    }
    if let message = wroteMessage ?? closeMessage {
      throw ImageError("not a readable JPEG: \(message)")
    }
    guard let pixbuf = gdk_pixbuf_loader_get_pixbuf(loader) else {
      throw ImageError("not a readable JPEG: no image in the file")
    }
    return try body(pixbuf, request.pointee.source)
  }
}
