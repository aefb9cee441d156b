import Frames
import Geometry

/// A shaped paragraph as the shape cache stores it: its lines with palette indices of its own, the
/// fonts (with their files' stamps) and colours those indices name, and the characters shaping it
/// found no font for (replayed on a hit, as if it had been shaped).
///
/// Palette indices belong to the process that shaped the lines, so ``encode(_:runs:palette:missing:overlongWords:fontRecord:into:)``
/// numbers the fonts and colours the lines use from 0, and ``lines(fonts:glyphCounts:colors:runs:)``
/// numbers them again into the reading measurer's palette. A link is stored as the index of the
/// paragraph's run it comes from, never as a target: what a link points to always comes from the
/// paragraph being set.
struct CachedParagraph {
  /// A font the lines use, and the file it comes from when fontconfig names one.
  struct Font: Equatable {
    var face: FontFace
    var file: String?
    var stamp: FileStamp?
  }

  /// A line without its glyphs and links, its links, and its glyphs taken apart (indices of this
  /// entry's own).
  private struct Line {
    var line: ShapedLine
    var links: [Link]
    var parts: GlyphRuns.Parts?
  }

  /// A line being written: its runs column with this entry's font and colour indices (nil: no
  /// glyphs), the rest of its glyphs read from the line as they are packed.
  private struct Outgoing {
    var line: ShapedLine
    var links: [Link]
    var runNumbers: [UInt32]?
  }

  /// Where a line links, and the paragraph's run whose target it takes.
  private struct Link {
    var x: Double
    var width: Double
    var run: UInt32
  }

  private var storedLines: [Line]
  private(set) var fonts: [Font]
  private(set) var colors: [Color]
  private(set) var missing: [Unicode.Scalar]
  /// The starts of the paragraph's words wider than its measure (``ShapingResult/overlongWords``).
  private(set) var overlongWords: [String]

  // MARK: Writing

  /// Writes `paragraph`'s payload to `w`: it was set from `runs`; its lines' runs name fonts and
  /// colours of `palette`; `fontRecord` gives the bytes of a palette font's record
  /// (``fontRecord(_:palette:fontFile:)``'s, which a writer keeps, as they do not change).
  static func encode(
    _ paragraph: ShapedParagraph, runs: [TextRun], palette: GlyphPalette,
    missing: [Unicode.Scalar], overlongWords: [String],
    fontRecord: (UInt32) -> [UInt8], into w: inout ByteWriter
  ) {
    // The palette's fonts and colours the lines use, in the order met: this entry's own indices.
    // A paragraph uses a few, so a list is quicker to search than a dictionary.
    var fonts: [UInt32] = []
    var colors: [UInt32] = []
    let lines = paragraph.lines.map { line -> Outgoing in
      // A target no run has (none, from a shaper) is stored as a run past the last: a miss.
      let links = line.links.map { link in
        Link(
          x: link.x, width: link.width,
          run: UInt32(runs.firstIndex { $0.link == link.target } ?? Int(UInt32.max)))
      }
      guard var numbers = line.glyphs?.runNumbers else {
        return Outgoing(line: line, links: links, runNumbers: nil)
      }
      for at in stride(from: 0, to: numbers.count, by: GlyphRuns.Parts.numbersPerRun) {
        numbers[at] = ownIndex(numbers[at], in: &fonts)
        numbers[at + 1] = ownIndex(numbers[at + 1], in: &colors)
      }
      return Outgoing(line: line, links: links, runNumbers: numbers)
    }
    w.u32(UInt32(fonts.count))
    for font in fonts { w.raw(fontRecord(font)) }
    w.u32(UInt32(colors.count))
    for color in colors { palette.color(Int(color)).encode(into: &w) }
    w.u32(UInt32(missing.count))
    for scalar in missing { w.u32(scalar.value) }
    w.u32(UInt32(overlongWords.count))
    for word in overlongWords { w.text(word) }
    w.u32(UInt32(lines.count))
    for line in lines { encode(line, into: &w) }
  }

  /// The index of `number` in `list`, added at its end the first time.
  private static func ownIndex(_ number: UInt32, in list: inout [UInt32]) -> UInt32 {
    if let at = list.firstIndex(of: number) { return UInt32(at) }
    list.append(number)
    return UInt32(list.count - 1)
  }

  /// The bytes of the record of `palette`'s font `index` (its face, file and stamp, `fontFile`'s
  /// answer): the same for the same font as long as the font files' stamps are those of this run.
  static func fontRecord(
    _ index: UInt32, palette: GlyphPalette,
    fontFile: (FontFace) -> (path: String, stamp: FileStamp)?
  ) -> [UInt8] {
    let face = palette.fonts.indices.contains(Int(index)) ? palette.fonts[Int(index)] : nil
    let file = face.flatMap(fontFile)
    var w = ByteWriter()
    encode(
      Font(
        face: face ?? FontFace(pattern: "", fontMatrix: [], deviceMatrix: [], options: []),
        file: file?.path, stamp: file?.stamp),
      into: &w)
    return w.bytes
  }

  private static func encode(_ font: Font, into w: inout ByteWriter) {
    w.text(font.face.pattern)
    for matrix in [font.face.fontMatrix, font.face.deviceMatrix] {
      w.u32(UInt32(matrix.count))
      for value in matrix { w.f64(value) }
    }
    w.u32(UInt32(font.face.options.count))
    for option in font.face.options { w.i32(option) }
    w.optionalText(font.file)
    w.bool(font.stamp != nil)
    font.stamp?.encode(into: &w)
  }

  /// Writes `line` as ``line(_:)`` reads it, its glyph columns copied as they are packed
  /// (``ByteWriter/narrowNumbers(_:)``'s layout), never widened.
  private static func encode(_ line: Outgoing, into w: inout ByteWriter) {
    let l = line.line
    w.f64(l.width)
    w.f64(l.offset)
    w.f64(l.height)
    w.f64(l.baseline)
    w.bool(l.hyphenated)
    w.u32(UInt32(line.links.count))
    for link in line.links {
      w.f64(link.x)
      w.f64(link.width)
      w.u32(link.run)
    }
    guard let glyphs = l.glyphs, let runNumbers = line.runNumbers else { return w.bool(false) }
    w.bool(true)
    w.u32(UInt32(glyphs.count))
    w.bool(glyphs.clusterMap == .pairs)
    w.f64(glyphs.missingGlyphSize)
    for numbers in [glyphs.verticalOffsets, glyphs.missingBoxes] {
      w.u32(UInt32(numbers.count))
      for n in numbers { w.i32(n) }
    }
    w.u32(UInt32(GlyphRuns.Parts.runsColumn + 1))
    for column in 0..<GlyphRuns.Parts.runsColumn {
      let stored = glyphs.storedColumn(column)
      w.u8(UInt8(stored.width))
      w.u32(UInt32(stored.count))
      w.raw(stored.bytes)
    }
    w.narrowNumbers(runNumbers)
    let text = glyphs.utf8
    w.u32(UInt32(text.count))
    w.raw(text)
  }

  // MARK: Reading

  /// Reads a payload; throws when it is not one ``encode(_:runs:palette:missing:overlongWords:fontRecord:into:)`` wrote.
  init(payload: ArraySlice<UInt8>) throws {
    var fonts: [Font] = []
    var colors: [Color] = []
    var missing: [Unicode.Scalar] = []
    var overlongWords: [String] = []
    var lines: [Line] = []
    try payload.withUnsafeBytes { raw in
      var r = ByteReader(bytes: raw)
      for _ in 0..<(try r.count(atLeast: 4)) { fonts.append(try Self.font(&r)) }
      for _ in 0..<(try r.count(atLeast: 32)) {
        colors.append(
          Color(red: try r.f64(), green: try r.f64(), blue: try r.f64(), alpha: try r.f64()))
      }
      for _ in 0..<(try r.count(atLeast: 4)) {
        guard let scalar = Unicode.Scalar(try r.u32()) else { throw ByteReader.Bad() }
        missing.append(scalar)
      }
      for _ in 0..<(try r.count(atLeast: 4)) { overlongWords.append(try r.text()) }
      for _ in 0..<(try r.count(atLeast: 34)) { lines.append(try Self.line(&r)) }
      guard r.atEnd else { throw ByteReader.Bad() }
    }
    self.fonts = fonts
    self.colors = colors
    self.missing = missing
    self.overlongWords = overlongWords
    storedLines = lines
  }

  private static func font(_ r: inout ByteReader) throws -> Font {
    let pattern = try r.text()
    var matrices: [[Double]] = []
    for _ in 0..<2 {
      matrices.append(try (0..<(try r.count(atLeast: 8))).map { _ in try r.f64() })
    }
    let options = try (0..<(try r.count(atLeast: 4))).map { _ in try r.i32() }
    let file = try r.optionalText()
    let stamp = try r.bool() ? try FileStamp(from: &r) : nil
    return Font(
      face: FontFace(
        pattern: pattern, fontMatrix: matrices[0], deviceMatrix: matrices[1], options: options),
      file: file, stamp: stamp)
  }

  private static func line(_ r: inout ByteReader) throws -> Line {
    let width = try r.f64()
    let offset = try r.f64()
    let height = try r.f64()
    let baseline = try r.f64()
    let hyphenated = try r.bool()
    let line = ShapedLine(
      width: width, height: height, baseline: baseline, hyphenated: hyphenated, offset: offset)
    let links = try (0..<(try r.count(atLeast: 20))).map { _ in
      Link(x: try r.f64(), width: try r.f64(), run: try r.u32())
    }
    guard try r.bool() else { return Line(line: line, links: links, parts: nil) }
    let runCount = Int(try r.u32())
    let clusterMap: GlyphRuns.ClusterMap = try r.bool() ? .pairs : .oneToOne
    let missingGlyphSize = try r.f64()
    var signed: [[Int32]] = []
    for _ in 0..<2 { signed.append(try (0..<(try r.count(atLeast: 4))).map { _ in try r.i32() }) }
    let columns = try (0..<(try r.count(atLeast: 5))).map { _ in try r.narrowNumbers() }
    let text = Array(try r.raw(try r.count(atLeast: 1)))
    return Line(
      line: line, links: links,
      parts: GlyphRuns.Parts(
        runCount: runCount, clusterMap: clusterMap, missingGlyphSize: missingGlyphSize,
        ys: signed[0], missing: signed[1], columns: columns, text: text))
  }

  /// The lines, their runs naming `fonts[i]` and `colors[i]` for this entry's font and colour `i`
  /// (font `i` having `glyphCounts[i]` glyphs), their links the targets of the paragraph's `runs`
  /// they name; nil when a run names a font or colour the entry does not have or a glyph its font
  /// does not have, its glyphs do not fit together, or a link names a run without a target.
  func lines(fonts: [UInt32], glyphCounts: [Int], colors: [UInt32], runs: [TextRun])
    -> [ShapedLine]?
  {
    guard fonts.count == glyphCounts.count else { return nil }
    let glyphLimits = Dictionary(zip(fonts, glyphCounts), uniquingKeysWith: min)
    var out: [ShapedLine] = []
    out.reserveCapacity(storedLines.count)
    for stored in storedLines {
      var line = stored.line
      for link in stored.links {
        guard link.run < runs.count, let target = runs[Int(link.run)].link else { return nil }
        line.links.append(LineLink(x: link.x, width: link.width, target: target))
      }
      if var parts = stored.parts {
        let column = GlyphRuns.Parts.runsColumn
        guard parts.columns.count > column,
          parts.columns[column].count % GlyphRuns.Parts.numbersPerRun == 0
        else { return nil }
        for at in stride(
          from: 0, to: parts.columns[column].count, by: GlyphRuns.Parts.numbersPerRun)
        {
          let font = Int(parts.columns[column][at])
          let color = Int(parts.columns[column][at + 1])
          guard fonts.indices.contains(font), colors.indices.contains(color) else { return nil }
          parts.columns[column][at] = fonts[font]
          parts.columns[column][at + 1] = colors[color]
        }
        guard let glyphs = GlyphRuns(parts: parts), Self.fit(glyphs, glyphLimits) else {
          return nil
        }
        line.glyphs = glyphs
      }
      out.append(line)
    }
    return out
  }

  /// Whether every glyph of `glyphs` is one its font has (`limits`: glyph counts by palette font).
  private static func fit(_ glyphs: GlyphRuns, _ limits: [UInt32: Int]) -> Bool {
    var x: Int32 = 0
    for index in 0..<glyphs.count {
      let run = glyphs.run(index)
      guard let limit = limits[UInt32(run.font)] else { return false }
      var fits = true
      glyphs.forEachGlyph(in: run, x: &x) { id, _, _ in
        if id >= limit { fits = false }
      }
      guard fits else { return false }
    }
    return true
  }
}
