import CImages
import Foundation
import Testing

/// A damaged or partial image is an input error at the place that names it (exit 65), in `check`
/// and in a run, never a grey box: a PNG is read to its IEND with every chunk's CRC checked, a
/// JPEG to its end-of-image marker.
@Suite struct DamagedImageTests {
  /// The bytes gdk-pixbuf saves for a solid `width`×`height` image of `type`.
  static func solid(_ type: String, width: Int, height: Int, in dir: String) throws -> [UInt8] {
    let path = dir + "/solid.\(type)"
    try ContentImageTests.writeSolid(
      path, type: type, width: width, height: height, rgb: (30, 140, 60))
    defer { try? FileManager.default.removeItem(atPath: path) }
    return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
  }

  /// `png` with a `tEXt` chunk whose CRC is wrong put before its IEND chunk (the last 12 bytes).
  static func withDamagedTextChunk(_ png: [UInt8]) -> [UInt8] {
    let data = Array("Comment\u{0}hello".utf8)
    let length = UInt32(data.count)
    let header = [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: length >> $0) }
    let chunk = header + Array("tEXt".utf8) + data + [0, 0, 0, 0]
    return Array(png.dropLast(12)) + chunk + Array(png.suffix(12))
  }

  /// A project in a new folder whose `content.md` names each of `images` (written there) on its
  /// own line; returns the folder.
  static func project(_ images: [(name: String, bytes: [UInt8])]) throws -> String {
    let dir = try temporaryDirectory("damaged-images")
    try FileManager.default.createDirectory(
      atPath: dir + "/img", withIntermediateDirectories: true)
    var markdown = "---\ntitle: Pictures\n---\n\n# Pictures {#pictures}\n\nWords.\n"
    for image in images {
      try Data(image.bytes).write(to: URL(fileURLWithPath: dir + "/img/" + image.name))
      markdown += "\n![A picture](img/\(image.name))\n"
    }
    try markdown.write(toFile: dir + "/content.md", atomically: true, encoding: .utf8)
    try "content: content.md\n".write(
      toFile: dir + "/pmreport.yml", atomically: true, encoding: .utf8)
    return dir
  }

  /// The line of `content.md` (from `project`) that names the `index`-th image, 1-based.
  static func line(ofImage index: Int) -> Int { 9 + 2 * index }

  @Test func damagedAndPartialImagesAreErrorsAtTheirPlace() throws {
    let scratch = try temporaryDirectory("damaged-sources")
    let png = try Self.solid("png", width: 800, height: 600, in: scratch)
    let jpeg = try Self.solid("jpeg", width: 400, height: 300, in: scratch)
    #expect(png.count > 200 && jpeg.count > 400)
    let images: [(name: String, bytes: [UInt8])] = [
      ("whole.png", png), ("cut.png", Array(png.prefix(100))),
      ("no-end.png", Array(png.dropLast(12))), ("bad-text.png", Self.withDamagedTextChunk(png)),
      ("whole.jpg", jpeg), ("cut.jpg", Array(jpeg.prefix(jpeg.count / 2))),
      ("no-end.jpg", Array(jpeg.dropLast(2))),
    ]
    let dir = try Self.project(images)
    for arguments in [["check"], ["--output", "out"]] {
      let r = try runPMReport(arguments, in: dir)
      #expect(r.status == 65, "\(arguments): \(r.summary)")
      let lines = r.error.split(separator: "\n").map(String.init)
      for (index, image) in images.enumerated() where !image.name.hasPrefix("whole") {
        let place = "content.md:\(Self.line(ofImage: index)):14: error: image 'img/\(image.name)'"
        #expect(lines.contains { $0.hasPrefix(place) }, "\(arguments): \(place)\n\(r.error)")
      }
      #expect(!r.error.contains("whole."), "\(r.error)")
    }
    #expect(!FileManager.default.fileExists(atPath: dir + "/out/pdf"))
  }

  @Test func aTruncatedSVGIsAnErrorAtItsPlace() throws {
    let svg = Array(ContentImageTests.svg.utf8)
    let dir = try Self.project([("cut.svg", Array(svg.prefix(svg.count / 2)))])
    let r = try runPMReport(["check"], in: dir)
    #expect(r.status == 65, "\(r.summary)")
    #expect(r.error.hasPrefix("content.md:\(Self.line(ofImage: 0)):14: error: image 'img/cut.svg'"))
  }
}
