import CDeflateMemo

/// The memo of cairo's compressed streams (the `CDeflateMemo` target).
///
/// On for every PDF cairo draws (`PDFExporter`'s and the merged copies' `PrintPDFStream`) from
/// the first one on: each stream cairo compresses (up to 512 KB) is held whole and compressed by
/// libdeflate in one call, and one whose bytes equal one compressed a moment before (a roster's
/// copies embed the same font subsets in every file) gets that stream's compressed bytes. On before any PDF is
/// drawn, so that a file's bytes do not depend on what its process drew before (`--jobs 1` and
/// `--jobs 2` give the same).
enum DeflateMemo {
  /// Turns the memo on, once a process.
  static let on: Void = pmreport_deflate_memo_enable(1)

  /// How many streams the memo has answered on the calling thread (cairo compresses a file's
  /// streams on the thread that writes it).
  static var hits: UInt64 { pmreport_deflate_memo_hits() }
}
