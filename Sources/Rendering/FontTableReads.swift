import CFontTables

/// Whole font tables read from their file rather than through FreeType's mapping of it (the
/// `CFontTables` target, on from the start of every process on Linux): cairo copies a CJK face's
/// whole CFF table (16 MB) for each subset it writes, which left the table's pages mapped in the
/// process; read with `pread`, the copy's bytes are the same and the file's pages stay in the page
/// cache, out of the process.
enum FontTableReads {
  /// How many tables the calling thread read from their file (cairo reads a file's fonts on the
  /// thread that writes it).
  static var count: UInt64 { pmreport_font_tables_read() }

  /// How many of cairo's loads of a whole table the calling thread answered with a mapping of the
  /// file (the block cairo allocated for the table is that mapping: nothing copied).
  static var mapped: UInt64 { pmreport_font_tables_mapped() }

  /// Reads from the file, with `pread` or through a mapping (`true`, the default), or lets FreeType
  /// read every table, on the calling thread (for the tests that compare both).
  static func set(_ on: Bool) { pmreport_font_tables_enable(on ? 1 : 0) }
}
