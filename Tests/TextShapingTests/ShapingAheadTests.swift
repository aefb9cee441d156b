import Dispatch
import Foundation
import Frames
import Testing

@testable import TextShaping

/// A measurer taking paragraphs shaped ahead on a second thread (``ShapingAhead``) gives the lines
/// and the palette it gives shaping every paragraph itself.
@Suite struct ShapingAheadTests {
  /// Counts, from the shaping thread, the paragraphs it shaped (not stand-ins).
  final class Count: @unchecked Sendable {
    // @unchecked: written by the shaping thread before `started` is signalled or it finishes,
    // read after.
    var shaped = 0
    let started = DispatchSemaphore(value: 0)
  }

  /// The article's paragraphs at the classic style's sizes: the second thread shapes them last
  /// first (a quarter before the layout starts, so that both routes surely run), the layout first
  /// to last; every line (each font named by its face) and the palette's order must be the
  /// one-thread measurer's.
  @Test func linesShapedAheadAreTheLinesTheLayoutShapes() throws {
    let specs = ConcurrentShapingTests.paragraphs(size: 10.5)
    try #require(specs.count > 100)
    let alone = PangoMeasurer()
    let reference = specs.map { alone.shape($0).lines }

    let measurer = PangoMeasurer()
    let count = Count()
    let ahead = try #require(
      measurer.shapeAhead { helper in
        var signalled = false
        for (k, spec) in specs.reversed().enumerated() {
          if k == specs.count / 4 {
            count.started.signal()
            signalled = true
          }
          guard !helper.isStopped else { break }
          if helper.shape(spec).lines.contains(where: { $0.glyphs != nil }) { count.shaped += 1 }
        }
        if !signalled { count.started.signal() }
      })
    count.started.wait()
    let lines = specs.map { measurer.shape($0).lines }
    ahead.finish()

    #expect(count.shaped > specs.count / 8, "paragraphs shaped on the second thread")
    #expect(measurer.palette == alone.palette)
    var differing = 0
    for (got, expected) in zip(lines, reference) {
      let a = got.map { ConcurrentShapingTests.LineRecord($0, palette: measurer.palette) }
      let b = expected.map { ConcurrentShapingTests.LineRecord($0, palette: alone.palette) }
      if a != b { differing += 1 }
    }
    #expect(differing == 0, "paragraphs whose lines differ")
  }

  /// While a shape cache on disk holds entries, no thread shapes ahead (their hits would waste it);
  /// with no cache, one does, until the document is laid out.
  @Test func shapesAheadOnlyWithoutCachedEntries() throws {
    let measurer = PangoMeasurer()
    let first = measurer.shapeAhead { _ in }
    #expect(first != nil)
    #expect(measurer.shapeAhead { _ in } == nil, "a second thread while one shapes ahead")
    first?.finish()
    measurer.discardCachedShapes()
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "pmreport-ahead-\(UUID().uuidString)"
    ).path
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let cache = ShapeCache(folder: folder, identity: ShapeCacheIdentity(program: "test"))
    measurer.useShapeCache(cache)
    let empty = measurer.shapeAhead { _ in }
    #expect(empty != nil, "an empty cache")
    empty?.finish()
    measurer.discardCachedShapes()
    _ = measurer.shape(
      ParagraphSpec(
        runs: [TextRun("cached", font: FontSpec(family: "Noto Serif", size: 10))], width: 100))
    #expect(measurer.shapeAhead { _ in } == nil, "a cache holding an entry")
  }
}
