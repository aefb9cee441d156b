import CCairo
import CImages
import Foundation
import Rendering
import ReportConfig
import Testing
import TextShaping

@testable import PMReportKit

/// Images in the content, end to end: a PNG, a JPEG and an SVG through every format, and the
/// errors a bad image gives before anything is written.
@Suite struct ContentImageTests {
  /// A solid `width`×`height` image saved by gdk-pixbuf as `type` ("png" or "jpeg").
  static func writeSolid(
    _ path: String, type: String, width: Int, height: Int, rgb: (UInt8, UInt8, UInt8)
  ) throws {
    let pixbuf = try #require(gdk_pixbuf_new(GDK_COLORSPACE_RGB, 0, 8, Int32(width), Int32(height)))
    defer { g_object_unref(UnsafeMutableRawPointer(pixbuf)) }
    gdk_pixbuf_fill(pixbuf, UInt32(rgb.0) << 24 | UInt32(rgb.1) << 16 | UInt32(rgb.2) << 8 | 0xFF)
    var error: UnsafeMutablePointer<GError>?
    let saved = gdk_pixbuf_savev(pixbuf, path, type, nil, nil, &error)
    if let error { g_error_free(error) }
    #expect(saved != 0)
  }

  static let svg = """
    <svg xmlns="http://www.w3.org/2000/svg" width="240" height="120" viewBox="0 0 240 120">
      <rect x="0" y="0" width="240" height="120" fill="#1060c0"/>
      <circle cx="120" cy="60" r="40" fill="#f0c020"/>
    </svg>
    """

  /// A content file with text around three images, in `dir`; returns its path.
  static func writeContent(in dir: String, images: [(path: String, alt: String)]) throws -> String {
    var yaml = """
      title: Pictures
      sections:
      - id: pictures
        title: Pictures
        blocks:
        - paragraph: Opening words before the pictures.

      """
    for (index, image) in images.enumerated() {
      yaml += "  - image: {path: \"\(image.path)\", alt: \"\(image.alt)\"}\n"
      yaml += "  - paragraph: Words after picture number \(index + 1).\n"
    }
    let path = dir + "/content.yml"
    try yaml.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  /// PNG, JPEG and SVG files in `dir/img`.
  static func writeImages(in dir: String) throws {
    try FileManager.default.createDirectory(
      atPath: dir + "/img", withIntermediateDirectories: true)
    try writeSolid(dir + "/img/green.png", type: "png", width: 160, height: 90, rgb: (0, 200, 0))
    try writeSolid(dir + "/img/red.jpg", type: "jpeg", width: 200, height: 100, rgb: (220, 0, 0))
    try svg.write(toFile: dir + "/img/shapes.svg", atomically: true, encoding: .utf8)
  }

  @Test func pngJpegAndSvgInPdfSvgAndPng() throws {
    let dir = try temporaryDirectory("images-e2e")
    try Self.writeImages(in: dir)
    _ = try Self.writeContent(
      in: dir,
      images: [
        ("img/green.png", "A green field"), ("img/red.jpg", "A red field"),
        ("img/shapes.svg", "A circle on blue"),
      ])
    let scheduler = try RunScheduler.load(
      options: RunOptions(
        contentPath: "content.yml", formats: [.pdf, .svg, .png], documents: ["full-report"],
        outputDirectory: dir + "/out", dpi: 72, workingDirectory: dir,
        date: Date(timeIntervalSince1970: 1_700_000_000)))
    let summary = scheduler.run()
    #expect(summary.failures.isEmpty, "\(summary.failures)")

    // Two raster images in the PDF; the SVG stays vectors.
    let pdf = dir + "/out/pdf/full-report.pdf"
    let list = try run("pdfimages", ["-list", pdf]).output
    let rows = list.split(separator: "\n").dropFirst(2).map {
      $0.split(separator: " ", omittingEmptySubsequences: true)
    }
    let sizes = rows.filter { $0.count > 4 && $0[2] == "image" }.map { "\($0[3])x\($0[4])" }
    #expect(sizes.sorted() == ["160x90", "200x100"], "\(list)")

    // The text around the pictures survives.
    let text = normalised(try run("pdftotext", [pdf, "-"]).output)
    for words in [
      "Opening words before the pictures.", "Words after picture number 1.",
      "Words after picture number 2.", "Words after picture number 3.",
    ] {
      #expect(text.contains(words), "\(words) missing")
    }
    // The figures are tagged.
    let structure = try run("pdfinfo", ["-struct", pdf]).output
    #expect(structure.components(separatedBy: "Figure").count - 1 >= 3, "\(structure)")

    // The PNG page shows each picture's colour.
    let pages = try FileManager.default.contentsOfDirectory(atPath: dir + "/out/png/full-report")
    let colours = try pages.sorted().reduce(into: Set<UInt32>()) { found, page in
      found.formUnion(try Self.colours(in: dir + "/out/png/full-report/" + page))
    }
    for (name, colour) in [
      ("PNG green", UInt32(0x00C800)), ("JPEG red", 0xDC0000), ("SVG yellow", 0xF0C020),
    ] {
      #expect(
        colours.contains { Self.near($0, colour) }, "\(name) not found in the PNG output")
    }
    // The SVG output draws the SVG as paths, the pictures as embedded images.
    let svgPages = try FileManager.default.contentsOfDirectory(atPath: dir + "/out/svg/full-report")
    let svgText = try svgPages.map {
      try String(contentsOfFile: dir + "/out/svg/full-report/" + $0, encoding: .utf8)
    }.joined()
    #expect(svgText.components(separatedBy: "<image").count - 1 == 2)
  }

  /// The distinct RGB colours of a PNG file.
  static func colours(in path: String) throws -> Set<UInt32> {
    let surface = try #require(cairo_image_surface_create_from_png(path))
    defer { cairo_surface_destroy(surface) }
    #expect(cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS)
    let width = Int(cairo_image_surface_get_width(surface))
    let height = Int(cairo_image_surface_get_height(surface))
    let rowBytes = Int(cairo_image_surface_get_stride(surface))
    let data = try #require(cairo_image_surface_get_data(surface))
    var out: Set<UInt32> = []
    for y in 0..<height {
      for x in 0..<width {
        let pixel = UnsafeRawPointer(data + y * rowBytes + x * 4).loadUnaligned(as: UInt32.self)
        out.insert(pixel & 0xFF_FFFF)
      }
    }
    return out
  }

  /// Colours within a few steps of each other in every channel (JPEG is lossy).
  static func near(_ a: UInt32, _ b: UInt32) -> Bool {
    for shift: UInt32 in [0, 8, 16] {
      let x = Int((a >> shift) & 0xFF)
      let y = Int((b >> shift) & 0xFF)
      if abs(x - y) > 8 { return false }
    }
    return true
  }

  @Test func badImagesAreInputErrorsBeforeAnythingIsWritten() throws {
    let dir = try temporaryDirectory("images-bad")
    try Self.writeImages(in: dir)
    try Data("GIF89a".utf8).write(to: URL(fileURLWithPath: dir + "/img/anim.gif"))
    try Data("not a jpeg at all".utf8).write(to: URL(fileURLWithPath: dir + "/img/broken.jpg"))
    _ = try Self.writeContent(
      in: dir,
      images: [
        ("img/green.png", "fine"), ("img/absent.png", "missing"), ("img/broken.jpg", "corrupt"),
        ("img/anim.gif", "unsupported"), ("https://example.com/logo.png", "remote"),
        ("../outside.png", "escaping"),
      ])
    let options = RunOptions(
      contentPath: "content.yml", formats: [.pdf], outputDirectory: dir + "/out",
      workingDirectory: dir)
    do {
      _ = try RunScheduler.load(options: options)
      Issue.record("bad images should stop the run")
    } catch let error as InputError {
      #expect(ErrorReport.exitCode(for: error) == 65)
      let lines = error.diagnostics.map(\.description)
      #expect(lines.count == 5, "\(lines)")
      #expect(lines.allSatisfy { $0.hasPrefix("content.yml:") }, "\(lines)")
      let text = lines.joined(separator: "\n")
      #expect(
        text.contains("content.yml:9:19: error: image 'img/absent.png': the file does not exist"))
      #expect(text.contains("'img/broken.jpg': not a readable JPEG"))
      #expect(text.contains("'img/anim.gif': unsupported image type '.gif'"))
      #expect(text.contains("pmreport fetches nothing from the network"))
      #expect(text.contains("'../outside.png' leads out of the project root"))
    }
    #expect(!FileManager.default.fileExists(atPath: dir + "/out"))
  }

  /// The project keeps each image's file, kind, sizes and place, not its pixels; each document
  /// decodes them as it writes, so an image broken after loading fails that document with its
  /// position, and its file is not written.
  @Test func theRunDecodesTheImagesTheProjectMeasured() throws {
    let dir = try temporaryDirectory("images-changed")
    try Self.writeImages(in: dir)
    _ = try Self.writeContent(in: dir, images: [("img/green.png", "fine")])
    let options = RunOptions(
      contentPath: "content.yml", formats: [.pdf], outputDirectory: dir + "/out",
      workingDirectory: dir)
    let project = try Project.load(options: options, inputs: Inputs())
    let item = try #require(project.images.items["img/green.png"])
    #expect(item.kind == .png && item.size.width > 0)
    #expect(project.images.pixels[item.path] == PixelSize(width: 160, height: 90))
    #expect(project.images.locations["img/green.png"]?.line == 7)
    guard case .raster(let raster) = try project.images.decode(item.path, kind: .png, fitting: nil)
    else {
      Issue.record("a PNG should decode to pixels")
      return
    }
    #expect(raster.width == 160 && raster.height == 90)

    try Data("not a png".utf8).write(to: URL(fileURLWithPath: dir + "/img/green.png"))
    let summary = try RunScheduler(project: project, session: RunShaping()).run()
    let failure = try #require(summary.failures.first)
    let error = try #require(failure.error as? InputError)
    #expect(error.diagnostics.map(\.description).first?.hasPrefix("content.yml:7:") == true)
    #expect(!FileManager.default.fileExists(atPath: dir + "/out/pdf/full-report.pdf"))
  }
}
