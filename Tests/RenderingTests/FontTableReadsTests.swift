import CCairo
import CFontTables
import Foundation
import Frames
import Geometry
import Testing

@testable import Rendering

/// A whole font table of a megabyte or more (a CJK face's CFF, which cairo copies for every subset
/// it writes) is read from the font's file, not through FreeType's mapping of it, with the same
/// bytes: called directly (with `pread`), and from cairo writing a PDF (cairo's block for the table
/// is a mapping of the file: nothing copied).
///
/// cairo's first look at the CFF font (inside `cairo_show_page`), read as the start of its table
/// alone (`CFFHeaderLoads`, where the file is not mapped), changes no byte either, and with it on
/// the load was cut.
///
/// Both switches, and the counts, are the calling thread's (or task's) alone, so the tests run
/// beside any other.
@Suite struct FontTableReadsTests {
  static let file = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
  /// Noto Sans CJK SC in the collection (`fc-match -f '%{index}' 'Noto Sans CJK SC'`).
  static let index = 2
  static let cff: FT_ULong = 0x4346_4620  // "CFF "

  /// `length` bytes of the face's CFF table from `offset`, as `FT_Load_Sfnt_Table` gives them,
  /// and how many tables this thread read from their file meanwhile.
  static func table(_ face: FT_Face, from offset: Int, length: Int) throws -> ([UInt8], UInt64) {
    var bytes = [UInt8](repeating: 0, count: length)
    var count = FT_ULong(length)
    let before = FontTableReads.count
    let error = bytes.withUnsafeMutableBufferPointer {
      FT_Load_Sfnt_Table(face, cff, FT_Long(offset), $0.baseAddress, &count)
    }
    try #require(error == 0)
    return (bytes, FontTableReads.count - before)
  }

  @Test func aCJKFacesCFFTableComesFromItsFileWithFreeTypesBytes() throws {
    var library: FT_Library?
    try #require(FT_Init_FreeType(&library) == 0)
    defer { FT_Done_FreeType(library) }
    var opened: FT_Face?
    try #require(FT_New_Face(library, Self.file, FT_Long(Self.index), &opened) == 0)
    let face = try #require(opened)
    defer { FT_Done_Face(face) }
    var length: FT_ULong = 0
    try #require(FT_Load_Sfnt_Table(face, Self.cff, 0, nil, &length) == 0)
    #expect(length > 1 << 20, "a CJK face's CFF table is past the 1 MB the file is read for")

    let (fromFile, read) = try Self.table(face, from: 0, length: Int(length))
    let (part, partRead) = try Self.table(face, from: 4096, length: Int(length) - 4096)
    FontTableReads.set(false)
    defer { FontTableReads.set(true) }
    let (mapped, mappedRead) = try Self.table(face, from: 0, length: Int(length))
    #expect(read == 1 && partRead == 1, "read from the file")
    #expect(mappedRead == 0, "read by FreeType")
    #expect(fromFile == mapped)
    #expect(part[...] == mapped[4096...])
  }

  /// A page with the face's glyphs 1 to 40 on a line.
  static func document() -> RenderDocument {
    var builder = GlyphRuns.Builder()
    for glyph in UInt32(1)...40 {
      builder.appendText(UInt8(ascii: "a"))
      builder.appendCluster(bytes: 1, glyphs: 1)
      builder.appendGlyph(glyph, x: Int32(glyph) * 12 * 1024, y: 0)
    }
    builder.endRun(font: 0, color: 0, backward: false)
    var frame = Frame(size: Size(width: 600, height: 800))
    frame.push(
      .text(ShapedLine(width: 500, height: 14, baseline: 11, glyphs: builder.finish()), .black),
      at: Point(x: 40, y: 40))
    let face = FontFace(
      pattern: "Noto Sans CJK SC:file=\(file):index=\(index)",
      fontMatrix: [12, 0, 0, 12, 0, 0], deviceMatrix: [1, 0, 0, 1, 0, 0], options: [0, 0, 0, 0])
    let info = DocumentInfo(
      title: "cjk", author: "a", subject: "s", keywords: [], creator: "c",
      date: "2023-11-14T22:13:20Z")
    return RenderDocument(
      pages: [Page(size: Size(width: 600, height: 800), frame: frame)],
      palette: GlyphPalette(fonts: [face], colors: [.black]), info: info)
  }

  /// The file's bytes for the CJK page written to `dir`/`name`, and how many of cairo's table
  /// loads this thread answered from the file meanwhile (read or mapped).
  static func written(to dir: String, _ name: String) throws -> (Data, UInt64) {
    var document = Self.document()
    let before = FontTableReads.count + FontTableReads.mapped
    _ = try PDFExporter().write(&document, to: .file(dir + "/" + name), releasingPages: true)
    let read = FontTableReads.count + FontTableReads.mapped - before
    return (try Data(contentsOf: URL(fileURLWithPath: dir + "/" + name)), read)
  }

  @Test func cairosSubsetOfACJKFaceIsTheSameFromAMappingOfTheFile() throws {
    let dir = try temporaryDirectory("pmreport-font-tables")
    let before = FontTableReads.mapped
    let (fromFile, read) = try Self.written(to: dir, "file.pdf")
    let mappings = FontTableReads.mapped - before
    FontTableReads.set(false)
    defer { FontTableReads.set(true) }
    let (byFreeType, freeTypeRead) = try Self.written(to: dir, "freetype.pdf")
    #expect(
      mappings >= 2, "cairo's block for the CFF table, at its first look and to subset, mapped")
    #expect(read == mappings, "no table read with pread")
    #expect(freeTypeRead == 0)
    #expect(fromFile == byFreeType)
  }

  /// A CFF table's start: the header (4 bytes), a Name INDEX of one 4-byte name, a Top DICT INDEX
  /// of one 2-byte DICT; 20 bytes.
  static let cffStart: [UInt8] = [
    1, 0, 4, 1, 0, 1, 1, 1, 5, 70, 111, 110, 116, 0, 1, 1, 1, 3, 0x8B, 0x8B,
  ]

  /// The start of a CFF table is within the bytes loaded when its header, Name INDEX and Top DICT
  /// INDEX end in them; else the load cut short is loaded whole.
  @Test func aCFFStartIsWithinTheBytesReadOnlyWhenItsIndexesEndInThem() {
    func within(_ bytes: [UInt8], _ count: Int? = nil) -> Bool {
      pmreport_cff_start_within(bytes, UInt(count ?? bytes.count)) != 0
    }
    let start = Self.cffStart
    #expect(within(start))
    #expect(!within(start, 19), "the Top DICT's data cut")
    #expect(!within(start, 12), "the name cut")
    #expect(within([1, 0, 4, 1, 0, 0, 0, 1, 1, 1, 3, 0x8B, 0x8B]), "an empty Name INDEX")
    var pastData = start
    pastData[17] = 5  // the Top DICT INDEX's last offset past the bytes
    #expect(!within(pastData))
    var wideOffsets = start
    wideOffsets[15] = 5  // an offset size CFF does not have
    #expect(!within(wideOffsets))
    var version2 = start
    version2[0] = 2
    #expect(!within(version2), "CFF2: not what cairo 1.16 reads")
  }

  @Test func cuttingCairosFirstLoadShortChangesNoByte() throws {
    let dir = try temporaryDirectory("pmreport-cff-loads")
    // Off: cairo's block is not a mapping of the file, and the load into it is what is cut.
    FontTableReads.set(false)
    defer { FontTableReads.set(true) }
    let before = CFFHeaderLoads.cut
    let (whole, _) = try CFFHeaderLoads.$override.withValue(false) {
      try Self.written(to: dir, "whole.pdf")
    }
    #expect(CFFHeaderLoads.cut == before, "off: no load cut")
    // On with any cairo here (by default with cairo 1.16 alone), to show whether it holds.
    let (cut, _) = try CFFHeaderLoads.$override.withValue(true) {
      try Self.written(to: dir, "cut.pdf")
    }
    #expect(CFFHeaderLoads.cut > before, "on: cairo's first load of the table was cut short")
    #expect(cut == whole)
    #expect(String(decoding: cut, as: UTF8.self).contains("/CIDFontType0C"))
  }
}
