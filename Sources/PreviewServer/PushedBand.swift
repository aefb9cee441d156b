import Foundation

/// A `raster` event: what became of a page drawn ahead after a build (one the build's event named
/// in `ahead`), sent on the event stream right after it is drawn, so the browser need not ask.
///
/// When the page's first paint is a band of rows that changed since the raster last sent of it
/// (``FirstPaint/since``) and the band is small (a few lines of text: at most ``mostBytes``), the
/// event carries the band's pixels, as they are, in base64: `data:` the header as JSON (the page,
/// and where its band goes), then a second `data:` line of the pixels. Otherwise (the whole page,
/// a large band, a page not drawn) it carries the header alone, without `band`, and the browser
/// asks for the page (`…/<n>.rgba?w=…&since=…`), as
/// it does for any page not drawn ahead.
struct PushedBand: Encodable {
  /// The most bytes of pixels pushed (about 160 rows of a page at 794 px); a larger band, the
  /// whole page or a reflowed one, is asked for and comes compressed.
  static let mostBytes = 512 << 10

  /// The page version drawn ahead, and the width drawn at.
  var page: FirstPaints.Key
  /// The band's place, when the event carries it; nil: the browser asks for the page.
  var band: Band?

  /// Where a pushed band goes: on the raster of version `since` (`height` rows of the key's
  /// width), from row `top` on.
  struct Band: Encodable {
    var height: Int
    var top: Int
    var since: String
  }

  /// The band's pixels, base64-encoded; nil when not pushed.
  private let pixels: Data?

  private enum CodingKeys: String, CodingKey { case page, band }

  /// The event for `key`'s page: `drawn`'s band when it is one and small, else the header alone.
  init(_ key: FirstPaints.Key, drawn: FirstPaints.Drawn?) {
    page = key
    guard let drawn, let since = drawn.paint.since, Self.pushes(drawn.paint) else {
      band = nil
      pixels = nil
      return
    }
    let paint = drawn.paint
    band = Band(height: paint.height, top: paint.rows.lowerBound, since: since)
    let rowBytes = paint.width * 4
    pixels = Data(
      drawn.pixels.bytes[(paint.rows.lowerBound * rowBytes)..<(paint.rows.upperBound * rowBytes)]
    )
    .base64EncodedData()
  }

  /// Whether `paint` is a band small enough to push.
  static func pushes(_ paint: FirstPaint) -> Bool {
    paint.since != nil && paint.rows.count * paint.width * 4 <= mostBytes
  }

  /// The event's bytes.
  var bytes: [UInt8] {
    let header = (try? JSONEncoder.sorted.encode(self)) ?? Data("{}".utf8)
    return EventBytes.event(named: "raster", data: [header] + (pixels.map { [$0] } ?? []))
  }
}
