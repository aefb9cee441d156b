import Frames
import Geometry

/// One side of a printed sheet in a saddle-stitched booklet: the page on its left half and the
/// page on its right half (0-based indices into the document; nil for a blank padding page).
public struct SheetSide: Hashable, Sendable {
  public var left: Int?
  public var right: Int?
  public init(left: Int?, right: Int?) {
    self.left = left
    self.right = right
  }
}

/// Saddle-stitch imposition: pages two to a side of a sheet, sheets nested and folded once in
/// the middle, so the stack reads in order.
public enum SaddleStitch {
  /// The sides in printing order (sheet 1 front, sheet 1 back, sheet 2 front, …) for
  /// `pageCount` pages, padded with blanks at the end to a multiple of four.
  ///
  /// With `n` padded pages, sheet `s` (from 0) carries on its front the pages `n − 1 − 2s`
  /// (left) and `2s` (right), and on its back `2s + 1` (left) and `n − 2 − 2s` (right).
  public static func sides(pageCount: Int) -> [SheetSide] {
    guard pageCount > 0 else { return [] }
    let padded = (pageCount + 3) / 4 * 4
    func page(_ index: Int) -> Int? { index < pageCount ? index : nil }
    return (0..<padded / 4).flatMap { s in
      [
        SheetSide(left: page(padded - 1 - 2 * s), right: page(2 * s)),
        SheetSide(left: page(2 * s + 1), right: page(padded - 2 - 2 * s)),
      ]
    }
  }

  /// `pages` imposed on sheets of `sheet` (landscape): each page scaled to fit half a sheet (an
  /// A4 page on A4 to A5 size; on A3, full size) and centred in its half; named destinations
  /// and links are left out (a printed booklet has no use for them, and each name may be defined
  /// once).
  public static func impose(_ pages: [Page], on sheet: Size) -> [Page] {
    sides(pageCount: pages.count).map { side in
      var frame = Frame(size: sheet)
      let half = sheet.width / 2
      for (slot, index) in [(0.0, side.left), (1.0, side.right)] {
        guard let index else { continue }
        let page = pages[index]
        let factor = min(half / page.size.width, sheet.height / page.size.height, 1)
        let width = page.size.width * factor
        let height = page.size.height * factor
        let origin = Point(x: slot * half + (half - width) / 2, y: (sheet.height - height) / 2)
        frame.push(.scaled(factor, page.frame.removingAnchorsAndLinks()), at: origin)
      }
      return Page(size: sheet, frame: frame)
    }
  }
}
