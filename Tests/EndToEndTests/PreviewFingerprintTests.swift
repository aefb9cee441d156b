import Foundation
import Testing

@testable import PMReportKit

/// The live preview's page fingerprints over real builds: a page changes when what it draws
/// changes, down to an image file's pixels.
@Suite struct PreviewFingerprintTests {
  /// Each page's fingerprint of the full report of the project in `dir`, laid out as the
  /// preview lays it out.
  func fingerprints(in dir: String) throws -> [Int] {
    let scheduler = try RunScheduler.load(
      options: RunOptions(
        contentPath: "content.yml", formats: [.svg], documents: ["full-report"],
        outputDirectory: dir + "/out", workingDirectory: dir,
        date: Date(timeIntervalSince1970: 1_700_000_000)))
    let laidOut = try #require(PreviewLaidOut.run(scheduler).documents.first)
    return laidOut.document.pages.map { $0.fingerprint(palette: laidOut.document.palette) }
  }

  @Test func anImageReplacedAtTheSameSizeChangesItsPage() throws {
    let dir = try temporaryDirectory("preview-fingerprint")
    try FileManager.default.createDirectory(
      atPath: dir + "/img", withIntermediateDirectories: true)
    let image = dir + "/img/field.png"
    try ContentImageTests.writeSolid(image, type: "png", width: 160, height: 90, rgb: (0, 200, 0))
    _ = try ContentImageTests.writeContent(in: dir, images: [("img/field.png", "A field")])
    let green = try fingerprints(in: dir)
    #expect(try fingerprints(in: dir) == green, "the same project, another fingerprint")
    // The same size, other pixels.
    try ContentImageTests.writeSolid(image, type: "png", width: 160, height: 90, rgb: (200, 0, 0))
    let red = try fingerprints(in: dir)
    #expect(red.count == green.count)
    let changed = zip(green, red).filter { $0 != $1 }.count
    #expect(changed == 1, "\(changed) pages changed")
  }
}
