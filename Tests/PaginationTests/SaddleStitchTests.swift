import Frames
import Geometry
import Pagination
import Testing

/// Saddle-stitch imposition: the order of pages on the sheets, for 1 to 17 pages.
@Suite struct SaddleStitchTests {
  /// The pages as a reader meets them after folding the stack: sheet by sheet, the fronts' right
  /// halves and the backs' left halves go forward, then the way back reads the backs' right and
  /// the fronts' left halves.
  static func readingOrder(_ sides: [SheetSide]) -> [Int?] {
    let sheets = stride(from: 0, to: sides.count, by: 2).map { (sides[$0], sides[$0 + 1]) }
    let forward = sheets.flatMap { [$0.0.right, $0.1.left] }
    let back = sheets.reversed().flatMap { [$0.1.right, $0.0.left] }
    return forward + back
  }

  @Test(arguments: 1...17) func everyPageOnceInReadingOrderPaddedToFour(pages: Int) {
    let sides = SaddleStitch.sides(pageCount: pages)
    let padded = (pages + 3) / 4 * 4
    #expect(sides.count == padded / 2, "two sides a sheet, four pages a sheet")
    let order = Self.readingOrder(sides)
    #expect(order.count == padded)
    #expect(Array(order.prefix(pages)) == (0..<pages).map { Optional($0) })
    #expect(order.dropFirst(pages).allSatisfy { $0 == nil }, "blanks only at the end")
  }

  @Test func knownLayouts() {
    #expect(
      SaddleStitch.sides(pageCount: 4) == [
        SheetSide(left: 3, right: 0), SheetSide(left: 1, right: 2),
      ])
    #expect(
      SaddleStitch.sides(pageCount: 6) == [
        SheetSide(left: nil, right: 0), SheetSide(left: 1, right: nil),
        SheetSide(left: 5, right: 2), SheetSide(left: 3, right: 4),
      ])
    #expect(
      SaddleStitch.sides(pageCount: 1) == [
        SheetSide(left: nil, right: 0), SheetSide(left: nil, right: nil),
      ])
    #expect(SaddleStitch.sides(pageCount: 0).isEmpty)
  }

  @Test func pagesAreScaledToHalfASheetAndCentred() {
    let a4 = Size(width: 595.2756, height: 841.8898)
    var frame = Frame(size: a4)
    frame.push(.shape(.rect(Rect(x: 0, y: 0, width: 10, height: 10))), at: .zero)
    let sheets = SaddleStitch.impose(
      Array(repeating: Page(size: a4, frame: frame), count: 2),
      on: Size(width: a4.height, height: a4.width))
    #expect(sheets.count == 2)
    guard case .scaled(let factor, _) = sheets[0].frame.items.first?.1 else {
      Issue.record("no scaled page on the sheet")
      return
    }
    #expect(abs(factor - 0.7071) < 0.001, "A4 to A5")
    let onA3 = SaddleStitch.impose(
      [Page(size: a4, frame: frame)], on: Size(width: 1190.5512, height: 841.8898))
    guard case .scaled(let full, _) = onA3[0].frame.items.first?.1 else {
      Issue.record("no scaled page on the A3 sheet")
      return
    }
    #expect(full == 1, "A4 pages on A3 keep their size")
  }
}
