import CDeflateMemo

/// The memo of cairo's compressed streams (the `CDeflateMemo` target), on for the PDFs
/// `PDFExporter` draws (a roster's copies among them; not the merged copies' `PrintPDFStream`,
/// one file whose streams do not repeat) from the first one on: a stream cairo compresses whose
/// bytes equal one it compressed a moment before (a roster's copies embed the same font subsets
/// in every file) gets that stream's compressed bytes, which libz would make again byte for byte.
enum DeflateMemo {
  /// Turns the memo on, once a process.
  static let on: Void = pmreport_deflate_memo_enable(1)

  /// How many streams the memo has answered on the calling thread (cairo compresses a file's
  /// streams on the thread that writes it).
  static var hits: UInt64 { pmreport_deflate_memo_hits() }

  /// Turns the memo on (`true`) or off for the process (for the tests that compare both).
  static func set(_ on: Bool) { pmreport_deflate_memo_enable(on ? 1 : 0) }
}
