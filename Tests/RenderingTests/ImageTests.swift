import CImages
import Foundation
import Frames
import Geometry
import Testing

@testable import Rendering

/// Writes a `width`×`height` image of `pixels` (RGBA, not premultiplied, row by row) through
/// gdk-pixbuf's own saver as `type` ("png" or "jpeg").
func writeImage(
  _ path: String, type: String, width: Int, height: Int, alpha: Bool = true,
  pixels: (Int, Int) -> (UInt8, UInt8, UInt8, UInt8)
) throws {
  let pixbuf = try #require(
    gdk_pixbuf_new(GDK_COLORSPACE_RGB, alpha ? 1 : 0, 8, Int32(width), Int32(height)))
  defer { g_object_unref(UnsafeMutableRawPointer(pixbuf)) }
  let data = try #require(gdk_pixbuf_get_pixels(pixbuf))
  let stride = Int(gdk_pixbuf_get_rowstride(pixbuf))
  let channels = alpha ? 4 : 3
  for y in 0..<height {
    for x in 0..<width {
      let (r, g, b, a) = pixels(x, y)
      let p = data + y * stride + x * channels
      p[0] = r
      p[1] = g
      p[2] = b
      if alpha { p[3] = a }
    }
  }
  var error: UnsafeMutablePointer<GError>?
  let saved = gdk_pixbuf_savev(pixbuf, path, type, nil, nil, &error)
  if let error { g_error_free(error) }
  #expect(saved != 0, "gdk-pixbuf could not save \(path)")
}

@Suite struct ImageTests {
  /// The pixels of the image file at `path`, decoded as `kind` to at most `limit`.
  func raster(_ path: String, _ kind: ImageKind, fitting limit: PixelSize) throws -> RasterImage {
    guard
      case .raster(let image) = try ImageStore.decode(bytes(of: path), kind: kind, fitting: limit)
    else { throw ImageError("\(path) did not load as pixels") }
    return image
  }

  @Test func pngPixelsArePremultipliedARGB32() throws {
    let dir = try temporaryDirectory("images")
    let path = dir + "/tiny.png"
    try writeImage(path, type: "png", width: 3, height: 1) { x, _ in
      [(255, 0, 0, 128), (0, 0, 255, 255), (10, 20, 30, 0)][x]
    }
    guard case .raster(let image) = try ImageStore.decode(bytes(of: path), kind: .png) else {
      Issue.record("a PNG should load as pixels")
      return
    }
    #expect(image.width == 3 && image.height == 1)
    // Alpha in the high byte, colour multiplied by alpha (255 × 128/255 = 128), transparent black.
    #expect(image.pixels == [0x8080_0000, 0xFF00_00FF, 0x0000_0000])
    // 96 dpi when the file says nothing: a pixel is 0.75 pt.
    #expect(image.size == Size(width: 2.25, height: 0.75))
    // The copy cairo draws holds the same pixels.
    let surface = try #require(image.makeSurface())
    defer { cairo_surface_destroy(surface) }
    let data = try #require(cairo_image_surface_get_data(surface))
    let first = UnsafeRawPointer(data).loadUnaligned(as: UInt32.self)
    #expect(first == 0x8080_0000)
  }

  /// A PNG held smaller than its file keeps the file's natural size (its resolution scaled
  /// alike), as a JPEG shrunk by gdk-pixbuf does.
  @Test func aShrunkPNGKeepsItsNaturalSize() throws {
    let dir = try temporaryDirectory("images")
    let path = dir + "/large.png"
    try writeImage(path, type: "png", width: 400, height: 200) { _, _ in (9, 9, 9, 255) }
    let image = try raster(path, .png, fitting: PixelSize(width: 100, height: 50))
    #expect(image.width == 100 && image.height == 50)
    // 96 dpi: 400 × 200 pixels are 300 × 150 points, however few of them are held.
    #expect(image.size == Size(width: 300, height: 150))
  }

  @Test func jpegDecodesOpaque() throws {
    let dir = try temporaryDirectory("images")
    let path = dir + "/photo.jpg"
    try writeImage(path, type: "jpeg", width: 8, height: 4, alpha: false) { _, _ in
      (0, 200, 0, 255)
    }
    let image = try ImageStore.decode(bytes(of: path), kind: .jpeg)
    guard case .raster(let raster) = image else {
      Issue.record("a JPEG should load as pixels")
      return
    }
    #expect(raster.pixels.allSatisfy { $0 >> 24 == 0xFF })
    #expect(image.size == Size(width: 6, height: 3))
  }

  @Test func aFileOfAnotherTypeIsRefused() throws {
    let dir = try temporaryDirectory("images")
    let path = dir + "/really-a-jpeg.png"
    try writeImage(path, type: "jpeg", width: 2, height: 2, alpha: false) { _, _ in (1, 2, 3, 255) }
    #expect(throws: ImageError.self) { try ImageStore.decode(bytes(of: path), kind: .png) }
    try Data("not an image".utf8).write(to: URL(fileURLWithPath: dir + "/broken.png"))
    #expect(throws: ImageError.self) {
      try ImageStore.decode(bytes(of: dir + "/broken.png"), kind: .png)
    }
  }

  /// Each target pixel is the mean of the whole source pixels in it, premultiplied, rounded.
  @Test func areaAverageTakesTheMeanOfWholePixels() {
    var average = AreaAverage(
      source: PixelSize(width: 4, height: 2), target: PixelSize(width: 2, height: 1))
    // RGBA, not premultiplied: the left 2×2 block red and half-transparent blue, the right grey.
    let rows: [[UInt8]] = [
      [255, 0, 0, 255, 0, 0, 255, 128, 10, 10, 10, 255, 20, 20, 20, 255],
      [255, 0, 0, 255, 0, 0, 255, 128, 30, 30, 30, 255, 40, 40, 40, 255],
    ]
    for row in rows {
      row.withUnsafeBufferPointer { average.add(row: $0.baseAddress!, channels: 4) }
    }
    // Left: alpha (255+128+255+128)/4 = 191.5 → 192; red 510/4 → 128; blue 256/4 = 64.
    #expect(average.pixels == [0xC080_0040, 0xFF19_1919])
  }

  /// A PNG checked to its end: a file cut short is an error, though its header is whole.
  @Test func aTruncatedPNGFailsItsCheck() throws {
    let dir = try temporaryDirectory("images")
    let path = dir + "/noise.png"
    try writeImage(path, type: "png", width: 64, height: 64) { x, y in
      (UInt8(x * 4), UInt8(y * 4), UInt8((x * y) & 0xFF), 255)
    }
    let whole = bytes(of: path)
    let checked = try ImageStore.check(whole, kind: .png)
    #expect(checked.pixels == PixelSize(width: 64, height: 64))
    #expect(throws: ImageError.self) {
      try ImageStore.check(Array(whole.prefix(whole.count - 40)), kind: .png)
    }
  }

  /// A JPEG larger than needed is decoded by libjpeg at a quarter of its size, then averaged
  /// down to the limit; its natural size stays the file's.
  @Test func aLargeJPEGIsShrunkWhileDecoding() throws {
    let dir = try temporaryDirectory("images")
    let path = dir + "/wide.jpg"
    try writeImage(path, type: "jpeg", width: 1000, height: 600, alpha: false) { _, _ in
      (0, 200, 0, 255)
    }
    #expect(
      JPEGFile.decodedSize(
        of: PixelSize(width: 1000, height: 600), towards: PixelSize(width: 200, height: 120))
        == PixelSize(width: 250, height: 150))
    let image = try raster(path, .jpeg, fitting: PixelSize(width: 200, height: 120))
    #expect(image.width == 200 && image.height == 120)
    #expect(image.size == Size(width: 750, height: 450))
    #expect(image.pixels.allSatisfy { $0 >> 24 == 0xFF && ($0 >> 8) & 0xFF > 190 })
  }

  @Test func svgSizeIsItsIntrinsicSize() throws {
    let dir = try temporaryDirectory("images")
    func size(_ svg: String) throws -> Size {
      let path = dir + "/\(UUID().uuidString).svg"
      try Data(svg.utf8).write(to: URL(fileURLWithPath: path))
      return try ImageStore.decode(bytes(of: path), kind: .svg).size
    }
    let ns = "xmlns=\"http://www.w3.org/2000/svg\""
    // Pixels at 96 dpi: 200 px is 150 pt.
    #expect(try size("<svg \(ns) width=\"200\" height=\"100\"/>") == Size(width: 150, height: 75))
    #expect(try size("<svg \(ns) width=\"2in\" height=\"1in\"/>") == Size(width: 144, height: 72))
    // No width and height: the viewBox's user units as pixels.
    #expect(try size("<svg \(ns) viewBox=\"0 0 40 20\"/>") == Size(width: 30, height: 15))
    #expect(throws: ImageError.self) { try size("<svg \(ns)/>") }
    #expect(throws: ImageError.self) { try size("<svg oops") }
  }
}

/// The bytes of the file at `path` (none when it cannot be read: decoding them is an error).
private func bytes(of path: String) -> [UInt8] {
  FileManager.default.contents(atPath: path).map { [UInt8]($0) } ?? []
}
