import Frames

/// The bytes of each palette font's record in a cache's entries, made once for the cache (palette
/// indices only grow, and the cache answers a font file's stamp once a run).
///
/// Used by the cache's writer alone (entries are encoded there, one after another).
final class FontRecords: @unchecked Sendable {
  // @unchecked: `records` is used on the cache's writer queue alone.
  private var records: [UInt32: [UInt8]] = [:]
  private let fontFiles: FontFiles

  init(fontFiles: FontFiles) { self.fontFiles = fontFiles }

  /// The record of `palette`'s font `index` in an entry, made once (the placeholder for an index
  /// the palette does not hold yet is not kept).
  func record(_ index: UInt32, palette: GlyphPalette) -> [UInt8] {
    if let known = records[index] { return known }
    let record = CachedParagraph.fontRecord(
      index, palette: palette, fontFile: fontFiles.fontFile(of:))
    if palette.fonts.indices.contains(Int(index)) { records[index] = record }
    return record
  }
}
