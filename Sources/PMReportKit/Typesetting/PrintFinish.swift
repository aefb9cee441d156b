import Frames
import Geometry
import Rendering
import ReportConfig

/// What a document's print settings do to its finished pages: `duplex` mirrors the margins of
/// left-hand pages, `crop-marks` puts each page on a larger sheet with trim marks outside the
/// bleed (and gives the PDF its trim and bleed boxes).
struct PrintFinish {
  let resolved: ResolvedDocument

  /// Room outside the bleed for the trim marks.
  static let markRoom = 10 * 72 / 25.4
  /// A trim mark's length, and its gap from the bleed.
  static let markLength = 6 * 72 / 25.4
  static let markGap = 2 * 72 / 25.4

  /// The boxes the PDF gets, when the document has crop marks.
  var boxes: PrintBoxes? {
    guard resolved.spec.cropMarks else { return nil }
    let offset = resolved.spec.bleed + Self.markRoom
    return PrintBoxes(
      trim: Rect(x: offset, y: offset, width: resolved.paperWidth, height: resolved.paperHeight),
      bleed: resolved.spec.bleed)
  }

  /// `pages` finished for print; `first` is the first one's index in its file (a copy's pages
  /// in a merged file), which says which pages are left-hand.
  func apply(_ pages: [Page], first: Int = 0) -> [Page] {
    var out = pages
    if resolved.spec.duplex {
      // Pages 2, 4, … are left-hand pages: their inner margin is on the right.
      let shift = (resolved.paperWidth - resolved.body.maxX) - resolved.body.minX
      for index in out.indices where (first + index) % 2 == 1 {
        out[index] = moved(out[index], by: Point(x: shift, y: 0), to: out[index].size)
      }
    }
    guard let boxes else { return out }
    let offset = boxes.trim.minX
    let sheet = Size(
      width: resolved.paperWidth + 2 * offset, height: resolved.paperHeight + 2 * offset)
    return out.map { page in
      var framed = moved(page, by: Point(x: offset, y: offset), to: sheet)
      framed.frame.push(frame: marks(boxes, sheet: sheet), at: .zero)
      return framed
    }
  }

  private func moved(_ page: Page, by shift: Point, to size: Size) -> Page {
    var frame = Frame(size: size)
    frame.push(frame: page.frame, at: shift)
    return Page(size: size, frame: frame)
  }

  /// Two marks at each corner of the trim, in line with its edges, starting beyond the bleed.
  private func marks(_ boxes: PrintBoxes, sheet: Size) -> Frame {
    var frame = Frame(size: sheet)
    let trim = boxes.trim
    let stroke = Stroke(color: Color(red: 0, green: 0, blue: 0), width: 0.25)
    let near = boxes.bleed + Self.markGap
    let far = near + Self.markLength
    for x in [trim.minX, trim.maxX] {
      for (y, direction) in [(trim.minY, -1.0), (trim.maxY, 1.0)] {
        frame.push(
          .shape(
            .line(
              from: Point(x: x, y: y + direction * near), to: Point(x: x, y: y + direction * far),
              stroke: stroke)), at: .zero)
      }
    }
    for y in [trim.minY, trim.maxY] {
      for (x, direction) in [(trim.minX, -1.0), (trim.maxX, 1.0)] {
        frame.push(
          .shape(
            .line(
              from: Point(x: x + direction * near, y: y), to: Point(x: x + direction * far, y: y),
              stroke: stroke)), at: .zero)
      }
    }
    return frame
  }
}
