import Foundation
import Storage
import Testing

@testable import Frames
@testable import TextShaping

/// What a shape cache folder is trusted with: how glyphs look, never what a reader gets.
///
/// A crafted entry (its checksums valid) that carries other links, other text, glyph ids its font does not
/// have or characters the paragraph does not hold is a miss, shaped afresh; a pack that changes
/// under a reader is read as far as it still goes, a miss at worst.
@Suite(.serialized) struct ShapeCacheTrustTests {
  static let spec = ParagraphSpec(
    runs: [
      TextRun("Read ", font: serif),
      TextRun("the handbook", font: serif, link: .uri("https://example.org/handbook")),
      TextRun(" before the workshop on collaboration and planning starts.", font: serif),
    ], width: 150)

  /// The key `measurer`'s disk cache files `spec`'s lines under.
  private func key(_ spec: ParagraphSpec, _ measurer: PangoMeasurer, _ cache: ShapeCache)
    -> [UInt8]
  {
    ShapeCacheKeys(
      identity: cache.identity, fontconfig: measurer.diskCache.fontconfigIdentity,
      language: measurer.shaper.languageTag,
      hyphenDictionary: measurer.shaper.hyphenator?.dictionaryPath
    ).key(.paragraph, spec)
  }

  /// The paragraph's lines with one thing changed, as an attacker would write them.
  private func crafted(_ lines: [ShapedLine], _ attack: String) -> [ShapedLine] {
    lines.map { line in
      var line = line
      guard var parts = line.glyphs?.parts else { return line }
      switch attack {
      case "link":
        line.links = line.links.map {
          LineLink(x: $0.x, width: $0.width, target: .uri("javascript:alert(1)"))
        }
      case "link on plain text":
        line.links.append(LineLink(x: 0, width: 20, target: .anchor("sec-elsewhere")))
      case "text":
        parts.text = parts.text.map { $0 == UInt8(ascii: "o") ? UInt8(ascii: "0") : $0 }
      case "glyph id":
        parts.columns[0] = parts.columns[0].map { _ in 0x00FF_FFF0 }
      case "cluster past Int32", "clusters short of the glyphs":
        // One pair a run, built around the checks of GlyphRuns(parts:) as a pack could hold it.
        line.glyphs = withClusterPairs(parts, past: attack == "cluster past Int32")
        return line
      default: break
      }
      line.glyphs = GlyphRuns(parts: parts)
      return line
    }
  }

  /// `parts` with one cluster pair a run: its bytes past Int32 (`past`), else its glyphs one
  /// more than the run has.
  private func withClusterPairs(_ parts: GlyphRuns.Parts, past: Bool) -> GlyphRuns {
    var parts = parts
    let runs = GlyphRuns.Parts.runsColumn
    var pairs: [UInt32] = []
    var previous = (glyphs: UInt32(0), text: UInt32(0))
    for r in 0..<parts.runCount {
      let at = r * GlyphRuns.Parts.numbersPerRun
      let ends = (glyphs: parts.columns[runs][at + 3], text: parts.columns[runs][at + 4])
      pairs += [
        past ? 0x8000_0000 : ends.text - previous.text, ends.glyphs - previous.glyphs + 1,
      ]
      parts.columns[runs][at + 5] = UInt32(pairs.count)
      previous = ends
    }
    parts.columns[GlyphRuns.pairs] = pairs
    return GlyphRuns(
      runCount: Int32(parts.runCount), data: PackedColumns(parts.columns, tail: parts.text),
      ys: parts.ys, clusterMap: .pairs, missing: parts.missing,
      missingGlyphSize: parts.missingGlyphSize)
  }

  @Test(
    arguments: [
      "link", "link on plain text", "text", "glyph id", "missing", "cluster past Int32",
      "clusters short of the glyphs",
    ])
  func aCraftedEntryIsAMissAndTheParagraphIsShapedAfresh(attack: String) throws {
    let folder = ShapeFolder()
    defer { folder.remove() }
    let spec = Self.spec
    let plain = PangoMeasurer()
    let expected = values(plain, spec)
    #expect(expected.count > 1)
    #expect(expected.contains { !$0.links.isEmpty })
    // The attacker's entry, its framing and checksums as pmreport writes them.
    let (writer, writerCache) = folder.measurer()
    let genuine = writer.shaper.shapeParagraph(spec)
    let lines = crafted(genuine.paragraph.lines, attack)
    let payload = CachedParagraph.encode(
      ShapedParagraph(lines: lines), runs: spec.runs, palette: writer.shaper.palette,
      missing: attack == "missing" ? ["\u{202E}"] : [],
      fontFile: writerCache.fontFiles.fontFile(of:))
    writerCache.store(for: key(spec, writer, writerCache)) { $0.raw(payload) }
    writerCache.flush()
    #expect(folder.packs.count == 1)
    let (reader, readerCache) = folder.measurer()
    #expect(values(reader, spec) == expected)
    #expect(reader.takeMissingCharacters().isEmpty)
    #expect(readerCache.hits == 0)
    #expect(readerCache.misses == 1)
  }

  @Test func anEntryWithOnlyItsGlyphsChangedWithinTheFontIsKept() throws {
    let folder = ShapeFolder()
    defer { folder.remove() }
    let spec = Self.spec
    let (writer, writerCache) = folder.measurer()
    let genuine = writer.shaper.shapeParagraph(spec).paragraph.lines
    // Every glyph the same one (how glyphs look is the cache's to change): still a hit, and the
    // text, links and language stay the content's.
    let restyled = genuine.map { line -> ShapedLine in
      var line = line
      guard var parts = line.glyphs?.parts else { return line }
      parts.columns[0] = parts.columns[0].map { _ in parts.columns[0][0] }
      line.glyphs = GlyphRuns(parts: parts)
      return line
    }
    let payload = CachedParagraph.encode(
      ShapedParagraph(lines: restyled), runs: spec.runs, palette: writer.shaper.palette,
      missing: [],
      fontFile: writerCache.fontFiles.fontFile(of:))
    writerCache.store(for: key(spec, writer, writerCache)) { $0.raw(payload) }
    writerCache.flush()
    let (reader, readerCache) = folder.measurer()
    let read = reader.shape(spec).lines
    #expect(readerCache.hits == 1)
    #expect(read.map(\.text) == genuine.map(\.text))
    #expect(read.map(\.links) == genuine.map(\.links))
  }

  /// The checks take genuine lines: mixed directions (runs drawn in visual order), hard line
  /// breaks, hyphenation points and a word broken where no dictionary would.
  @Test func genuineEntriesAreHits() throws {
    let folder = ShapeFolder()
    defer { folder.remove() }
    let hebrew = FontSpec(family: "DejaVu Sans", size: 10)
    let genuine = [
      ParagraphSpec(
        runs: [
          TextRun("The word שלום עולם means ", font: hebrew),
          TextRun("hello world", font: hebrew, link: .anchor("sec-greetings")),
          TextRun(" and مرحبا بالعالم too, across several lines of text here.", font: hebrew),
        ], width: 120),
      ParagraphSpec(
        runs: [TextRun("One line\nanother line\n\nand a last one", font: serif)], width: 300),
      ParagraphSpec(
        runs: [
          TextRun(
            "Characteristically international responsibilities are differentiated "
              + String(repeating: "x", count: 90), font: serif)
        ], width: 80, alignment: .justify, hyphenate: true),
    ]
    let plain = PangoMeasurer()
    let expected = genuine.map { values(plain, $0) }
    let (writer, writerCache) = folder.measurer()
    #expect(genuine.map { values(writer, $0) } == expected)
    writerCache.flush()
    let (reader, readerCache) = folder.measurer()
    #expect(genuine.map { values(reader, $0) } == expected)
    #expect(readerCache.hits == genuine.count)
    #expect(readerCache.misses == 0)
  }

  @Test func whatACacheStoredItFindsBeforeAndAfterItIsWritten() throws {
    let folder = ShapeFolder()
    defer { folder.remove() }
    let cache = ShapeCache(folder: folder.path, identity: testIdentity)
    // 500 entries of 3,000 bytes: a pack is written when the first 1 MB is passed (on the
    // writer's thread), the rest stays pending.
    let keys = (0..<500).map { n in Array("stored \(n)".utf8).withUnsafeBytes(SHA256.digest) }
    let payload: @Sendable (Int) -> [UInt8] = { Array(repeating: UInt8($0 % 256), count: 3000) }
    for (n, key) in keys.enumerated() {
      #expect(cache.payload(for: key) == nil)
      cache.store(for: key) { $0.raw(payload(n)) }
    }
    for (n, key) in keys.enumerated() {
      #expect(cache.payload(for: key).map(Array.init) == payload(n))
    }
    // Released between documents: what is pending is written without waiting; the entries are
    // found all the same (the folder is listed once the writer is done).
    cache.release()
    let more = Array("stored after".utf8).withUnsafeBytes(SHA256.digest)
    #expect(cache.payload(for: more) == nil)
    cache.store(for: more) { $0.raw(payload(7)) }
    #expect(cache.payload(for: more).map(Array.init) == payload(7))
    for (n, key) in keys.enumerated() {
      #expect(cache.payload(for: key).map(Array.init) == payload(n))
    }
    #expect(cache.hits == 2 * keys.count + 1)
    #expect(cache.misses == keys.count + 1)
    cache.flush()
    #expect(cache.writes == keys.count + 1)
    #expect(folder.packs.count == 3)
    // Another cache (another run) reads every entry from the packs.
    let reader = ShapeCache(folder: folder.path, identity: testIdentity)
    for (n, key) in keys.enumerated() {
      #expect(reader.payload(for: key).map(Array.init) == payload(n))
    }
    #expect(reader.payload(for: more).map(Array.init) == payload(7))
  }

  @Test func aPackTruncatedAfterItWasOpenedIsReadAsFarAsItGoes() throws {
    let folder = ShapeFolder()
    defer { folder.remove() }
    let writer = ShapeCache(folder: folder.path, identity: testIdentity)
    let keys = (0..<40).map { n in Array("entry \(n)".utf8).withUnsafeBytes(SHA256.digest) }
    for (n, key) in keys.enumerated() {
      writer.store(for: key) { $0.raw(Array(repeating: UInt8(n), count: 3000)) }
    }
    writer.flush()
    let pack = try #require(folder.packs.first)
    let reader = ShapeCache(folder: folder.path, identity: testIdentity)
    // The first lookup opens the pack and reads its index; then the file shrinks to one page.
    #expect(reader.payload(for: keys[0]).map(Array.init) == Array(repeating: 0, count: 3000))
    #expect(truncate(pack, 4096) == 0)
    var found = 0
    for key in keys.dropFirst() where reader.payload(for: key) != nil { found += 1 }
    #expect(found == 0)
    #expect(reader.hits == 1)
    #expect(reader.misses == keys.count - 1)
    // A pack removed meanwhile stays readable as far as it went.
    #expect(unlink(pack) == 0)
    #expect(reader.payload(for: keys[0]).map(Array.init) == Array(repeating: 0, count: 3000))
  }
}
