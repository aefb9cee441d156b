import CPNGRows

/// PNG files read with libpng a row at a time, so that an image larger than it is drawn is never
/// held whole (gdk-pixbuf's PNG loader allocates the whole image, whatever size is asked of it).
enum PNGFile {
  /// The most pixels an interlaced PNG may have: its rows come only after its last pass, so it is
  /// held whole (in 8-bit RGBA, 100 MB) while it is read.
  static let maximumInterlacedPixels = 25_000_000

  /// Reads `bytes` to the end without keeping a pixel: the header, every row, and the end of the
  /// file (libpng checks the chunks' checksums and that the compressed pixels are complete).
  static func check(_ bytes: [UInt8]) throws -> CheckedImage {
    try open(bytes) { png, header in
      var row = [UInt8](repeating: 0, count: Int(header.width) * Int(header.channels))
      try read(png, into: &row, context: nil, row: nil)
      return CheckedImage(size(of: header), dpi: dpi(of: header))
    }
  }

  /// Decodes `bytes` shrunk by area average to at most `limit` (nil: the image's own size).
  static func decode(_ bytes: [UInt8], fitting limit: PixelSize?) throws -> RasterImage {
    try open(bytes) { png, header in
      let source = size(of: header)
      let target = limit.map {
        PixelSize(
          width: min($0.width, source.width), height: min($0.height, source.height))
      }
      let channels = Int(header.channels)
      let rows = header.interlaced != 0 ? source.height : 1
      var buffer = [UInt8](repeating: 0, count: rows * source.width * channels)
      var consumer = RowConsumer(
        average: AreaAverage(source: source, target: target ?? source), channels: channels)
      let rowCallback: pmreport_png_row = { context, pixels, _ in
        guard let context, let pixels else { return }
        let consumer = context.assumingMemoryBound(to: RowConsumer.self)
        consumer.pointee.average.add(row: pixels, channels: consumer.pointee.channels)
      }
      try withUnsafeMutablePointer(to: &consumer) {
        try read(png, into: &buffer, context: $0, row: rowCallback)
      }
      return RasterImage(consumer.average, dpi: dpi(of: header))
    }
  }

  /// The shrinking state the row callback feeds.
  private struct RowConsumer {
    var average: AreaAverage
    let channels: Int
  }

  /// Opens `bytes` and calls `body` with the handle and the header; the size limits are checked
  /// first.
  private static func open<T>(
    _ bytes: [UInt8], _ body: (OpaquePointer, pmreport_png_header) throws -> T
  ) throws -> T {
    try bytes.withUnsafeBufferPointer { data in
      var header = pmreport_png_header()
      var message = [CChar](repeating: 0, count: 256)
      guard let png = pmreport_png_open(data.baseAddress, data.count, &header, &message, 256) else {
        throw ImageError("not a readable PNG: \(String(cMessage: message))")
      }
      defer { pmreport_png_close(png) }
      let pixels = Int(header.width) * Int(header.height)
      if pixels > ImageStore.maximumPixels {
        throw ImageError("the image has more than \(ImageStore.maximumPixels) pixels")
      }
      if header.interlaced != 0, pixels > maximumInterlacedPixels {
        throw ImageError(
          "the PNG is interlaced and has \(pixels) pixels; an interlaced PNG may have at most "
            + "\(maximumInterlacedPixels): save it without interlacing")
      }
      return try body(png, header)
    }
  }

  private static func read(
    _ png: OpaquePointer, into buffer: inout [UInt8], context: UnsafeMutableRawPointer?,
    row: pmreport_png_row?
  ) throws {
    var message = [CChar](repeating: 0, count: 256)
    let status = buffer.withUnsafeMutableBufferPointer {
      pmreport_png_read(png, $0.baseAddress, row, context, &message, 256)
    }
    if status != 0 { throw ImageError("not a readable PNG: \(String(cMessage: message))") }
  }

  private static func size(of header: pmreport_png_header) -> PixelSize {
    PixelSize(width: Int(header.width), height: Int(header.height))
  }

  /// The file's resolution as gdk-pixbuf reports it (whole dots an inch), else 96 dpi.
  private static func dpi(of header: pmreport_png_header) -> (x: Double, y: Double) {
    (RasterImage.dpi(Double(header.dpi_x)), RasterImage.dpi(Double(header.dpi_y)))
  }
}
