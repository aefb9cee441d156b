import Foundation
import Frames
import Geometry
import Rendering
import ReportConfig
import Testing

@testable import PMReportKit

/// Images larger than their drawing are held, and written, at the pixels the outputs need: the
/// style's `image-ppi` in PDF and SVG, `--dpi` in PNG; an image wider than cairo draws is shrunk
/// too, never left out.
@Suite struct ImageResolutionTests {
  /// A single-colour `width`×`height` RGB PNG written row by row (a 10,000-pixel square is a few
  /// hundred KB), by Python's zlib: no image library holds it whole.
  static func writeSolidPNG(_ path: String, width: Int, height: Int) throws {
    let script = """
      import struct, sys, zlib
      path, w, h = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
      def chunk(kind, data):
          body = kind + data
          return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))
      row = b"\\x00" + b"\\x20\\x90\\x40" * w
      z = zlib.compressobj(9)
      data = b"".join(z.compress(row) for _ in range(h)) + z.flush()
      with open(path, "wb") as f:
          f.write(b"\\x89PNG\\r\\n\\x1a\\n")
          f.write(chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)))
          f.write(chunk(b"IDAT", data))
          f.write(chunk(b"IEND", b""))
      """
    let result = try run("python3", ["-c", script, path, "\(width)", "\(height)"])
    #expect(result.status == 0, "\(result.error)")
  }

  /// A project in `dir` whose content shows the PNGs `names` (in `dir/img`) one after another.
  static func writeProject(in dir: String, images names: [String]) throws {
    var yaml = "title: Large pictures\nsections:\n- id: pictures\n  title: Pictures\n  blocks:\n"
    for name in names {
      yaml += "  - image: {path: \"img/\(name)\", alt: \"A field\"}\n"
      yaml += "  - paragraph: Words after \(name).\n"
    }
    try yaml.write(toFile: dir + "/content.yml", atomically: true, encoding: .utf8)
  }

  /// A project in a new folder showing one single-colour PNG of `width`×`height`, rendered to
  /// PDF and to PNG pages at `dpi` in `out/`; returns the folder.
  static func render(width: Int, height: Int, dpi: Double) throws -> String {
    let dir = try temporaryDirectory("images-resolution")
    try FileManager.default.createDirectory(
      atPath: dir + "/img", withIntermediateDirectories: true)
    try writeSolidPNG(dir + "/img/picture.png", width: width, height: height)
    try writeProject(in: dir, images: ["picture.png"])
    let summary = try RunScheduler.load(
      options: RunOptions(
        contentPath: "content.yml", formats: [.pdf, .png], documents: ["full-report"],
        outputDirectory: dir + "/out", dpi: dpi, workingDirectory: dir)
    ).run()
    #expect(summary.failures.isEmpty, "\(summary.failures)")
    return dir
  }

  /// Every RGB colour of the full report's PNG pages rendered in `dir`.
  static func pngColours(in dir: String) throws -> Set<UInt32> {
    let folder = dir + "/out/png/full-report/"
    return try FileManager.default.contentsOfDirectory(atPath: folder).reduce(into: []) {
      $0.formUnion(try ContentImageTests.colours(in: folder + $1))
    }
  }

  /// Each image in a PDF: width, height and its resolution across where it is drawn
  /// (`pdfimages -list`).
  static func pdfImages(_ pdf: String) throws -> [(width: Int, height: Int, ppi: Double)] {
    let list = try run("pdfimages", ["-list", pdf]).output
    return list.split(separator: "\n").dropFirst(2).compactMap { line in
      let columns = line.split(separator: " ", omittingEmptySubsequences: true)
      guard columns.count > 13, columns[2] == "image", let width = Int(columns[3]),
        let height = Int(columns[4]), let ppi = Double(columns[12])
      else { return nil }
      return (width, height, ppi)
    }
  }

  /// A 4,000-pixel square drawn about 420 pt wide: 688 ppi in its file, 300 ppi in the PDF (the
  /// default `image-ppi`), 150 in the PNG pages (`--dpi 150`), its colour kept.
  @Test func aLargeImageIsWrittenAtTheStylesResolution() throws {
    let dir = try Self.render(width: 4000, height: 4000, dpi: 150)
    let images = try Self.pdfImages(dir + "/out/pdf/full-report.pdf")
    #expect(images.count == 1, "\(images)")
    for image in images {
      #expect(image.width < 4000 && image.width == image.height, "\(images)")
      #expect((299...301).contains(image.ppi), "held at \(image.ppi) ppi, not 300: \(images)")
    }
    let shown = try Self.pngColours(in: dir).contains(0x20_9040)
    #expect(shown, "the picture's colour is missing from the PNG pages")
  }

  /// What a document holds: each image at its largest drawing's need in each format — a booklet's
  /// half-size drawing needs half — and an image smaller than that at its own pixels.
  @Test func aDocumentHoldsEachImageAtItsDrawingsNeed() throws {
    let dir = try temporaryDirectory("images-held")
    try FileManager.default.createDirectory(
      atPath: dir + "/img", withIntermediateDirectories: true)
    try Self.writeSolidPNG(dir + "/img/large.png", width: 3000, height: 1500)
    try Self.writeSolidPNG(dir + "/img/small.png", width: 40, height: 20)
    try Self.writeProject(in: dir, images: ["large.png", "small.png"])
    let project = try Project.load(
      options: RunOptions(
        contentPath: "content.yml", formats: [.pdf], outputDirectory: dir + "/out",
        workingDirectory: dir), inputs: Inputs())
    let large = try #require(project.images.items["img/large.png"])
    let small = try #require(project.images.items["img/small.png"])
    // 144 × 72 pt is 2 × 1 inches.
    func page(_ item: ImageItem, scale: Double = 1) -> Page {
      var drawing = item
      drawing.size = Size(width: 144, height: 72)
      var picture = Frame(size: drawing.size)
      picture.push(.image(drawing), at: .zero)
      var frame = Frame(size: Size(width: 600, height: 800))
      frame.push(.scaled(scale, picture), at: Point(x: 10, y: 10))
      return Page(size: frame.size, frame: frame)
    }
    func held(_ store: ImageStore, _ item: ImageItem) -> PixelSize? {
      guard case .raster(let raster) = store[item.path] else { return nil }
      return PixelSize(width: raster.width, height: raster.height)
    }
    let images = DocumentImages(project.images, ppi: 300, dpi: 150)
    let pages = [page(large), page(small)]
    let pdf = try images.store(for: pages, format: .pdf)
    #expect(held(pdf, large) == PixelSize(width: 600, height: 300))
    #expect(held(pdf, small) == PixelSize(width: 40, height: 20))
    let png = try images.store(for: pages, format: .png)
    #expect(held(png, large) == PixelSize(width: 300, height: 150))
    let booklet = try images.store(for: [page(large, scale: 0.5)], format: .pdf)
    #expect(held(booklet, large) == PixelSize(width: 300, height: 150))
    // Every held pixel is the file's colour, opaque.
    guard case .raster(let raster) = pdf[large.path] else { return }
    #expect(raster.pixels.allSatisfy { $0 == 0xFF20_9040 })
  }

  /// An image wider than cairo draws (32,767 pixels) was left out of the PDF and the PNG pages
  /// without a word; now it is shrunk to its drawing's need and drawn.
  @Test func anImageWiderThanCairoDrawsIsShrunkAndDrawn() throws {
    let dir = try Self.render(width: 40_000, height: 400, dpi: 72)
    let images = try Self.pdfImages(dir + "/out/pdf/full-report.pdf")
    #expect(images.count == 1 && images.allSatisfy { $0.width <= 32_767 }, "\(images)")
    let shown = try Self.pngColours(in: dir).contains(0x20_9040)
    #expect(shown, "the picture is missing from the PNG pages")
  }
}
