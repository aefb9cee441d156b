import CCairo
import CFontTables

/// cairo 1.16's first look at a CFF font in a document, read as the start of its `CFF ` table
/// alone (the `CFontTables` target's `FT_Load_Sfnt_Table`, see `font_tables.h`).
///
/// When cairo first meets a font on a page (inside `cairo_show_page`) it loads the font's whole
/// `CFF ` table to read its header and Top DICT (is it CID-keyed?); for Noto Sans CJK that is a
/// 16 MB copy, a CJK certificate's largest cost, made again at `cairo_surface_finish` to subset
/// the font. Around `cairo_show_page` the first load reads the table's first 64 KB; the
/// subsetter's load, outside, reads it whole. The bytes written are the same.
enum CFFHeaderLoads {
  /// On with cairo 1.16, whose code was read for what it reads of the table there; another cairo
  /// loads whole.
  static let isOnByDefault = cairo_version() / 100 == 116  // 1.16.x

  /// Turns the cut on or off where bound, for the calling task or thread alone (the tests compare
  /// both ways, and force it on with any cairo):
  /// `CFFHeaderLoads.$override.withValue(false) { … }`.
  @TaskLocal static var override: Bool?

  /// Whether ``around(_:)`` cuts the loads short here.
  static var isOn: Bool { override ?? isOnByDefault }

  /// Runs `body` (a `cairo_show_page`) with cairo's whole-table `CFF ` loads on this thread read
  /// for their start alone, when ``isOn``.
  static func around<Result>(_ body: () throws -> Result) rethrows -> Result {
    guard isOn else { return try body() }
    pmreport_font_tables_header_only(1)
    defer { pmreport_font_tables_header_only(0) }
    return try body()
  }

  /// How many loads were read for their start alone on the calling thread.
  static var cut: UInt64 { pmreport_font_tables_cut() }
}
