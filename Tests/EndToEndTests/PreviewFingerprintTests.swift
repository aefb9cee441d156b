import Foundation
import Frames
import ReportConfig
import Testing
import TextShaping

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

  /// Each page's fingerprint of the built-in full report, laid out with `measurer`'s shapes
  /// (and the shape cache in `dir/cache` with `cached`), which then keeps those it used (as
  /// `watch` does after each build).
  func fingerprints(in dir: String, keeping measurer: any ShapingSession, cached: Bool = false)
    throws -> [Int]
  {
    var options = RunOptions(
      formats: [.svg], documents: ["full-report"], outputDirectory: dir + "/out",
      workingDirectory: dir, date: Date(timeIntervalSince1970: 1_700_000_000))
    if cached { options.cache = .folder(dir + "/cache") }
    let scheduler = try RunScheduler(
      project: Project.load(options: options, inputs: Inputs(), reporter: SilentReporter()),
      session: RunShaping(keeping: measurer))
    let laidOut = try #require(PreviewLaidOut.run(scheduler).documents.first)
    measurer.keepShapesUsedSinceLastKeep()
    return laidOut.document.pages.map { $0.fingerprint(palette: laidOut.document.palette) }
  }

  /// The pages whose fingerprints differ (1-based), of two layouts of the same pages.
  func changed(_ before: [Int], _ after: [Int]) -> [Int] {
    before.indices.filter { before[$0] != after.dropFirst($0).first }.map { $0 + 1 }
  }

  /// `watch`'s first rebuild lays the pages out of the shapes its first build kept: a save that
  /// changes nothing changes no page.
  @Test(arguments: [false, true]) func pagesOfKeptShapesHaveTheFingerprintsOfFreshOnes(
    cached: Bool
  ) throws {
    let dir = try temporaryDirectory("preview-kept-shapes")
    let measurer = PangoMeasurer()
    let fresh = try fingerprints(in: dir, keeping: measurer, cached: cached)
    let kept = try fingerprints(in: dir, keeping: measurer, cached: cached)
    #expect(fresh.count > 1)
    #expect(changed(fresh, kept).isEmpty, "pages \(changed(fresh, kept)) changed")
  }

  /// A text engine reading its shapes from the shape cache lays out the pages one that shaped
  /// them did.
  @Test func pagesOfCachedShapesHaveTheFingerprintsOfFreshOnes() throws {
    let dir = try temporaryDirectory("preview-cached-shapes")
    let fresh = try fingerprints(in: dir, keeping: PangoMeasurer(), cached: true)
    let cached = try fingerprints(in: dir, keeping: PangoMeasurer(), cached: true)
    #expect(fresh.count > 1)
    #expect(changed(fresh, cached).isEmpty, "pages \(changed(fresh, cached)) changed")
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
