import Foundation
import Frames
import Geometry
import Storage
import Testing

@testable import TextShaping

/// A fresh shape cache folder for one test, removed at the end.
struct ShapeFolder {
  let path = NSTemporaryDirectory() + "pmreport-shapes-\(UUID().uuidString)"
  func remove() { try? FileManager.default.removeItem(atPath: path) }

  /// The packs written so far (not temporaries), by path.
  var packs: [String] {
    PackFolder(path: path, fileExtension: ShapePack.fileExtension).packNames().sorted().map {
      path + "/" + $0
    }
  }

  /// The slots of the pack at `path` (nil: its trailer or index does not check out).
  func slots(_ pack: String) throws -> [ShapePack.Slot]? {
    let file = try #require(PackFile(folder: path, name: (pack as NSString).lastPathComponent))
    return ShapePack.slots(of: file)
  }

  /// A measurer (no hyphenator unless given) reading and writing this folder through a new cache.
  func measurer(
    _ identity: ShapeCacheIdentity = testIdentity, limit: Int = ShapeCache.defaultLimit
  ) -> (PangoMeasurer, ShapeCache) {
    let measurer = PangoMeasurer()
    let cache = ShapeCache(folder: path, identity: identity, limit: limit)
    measurer.useShapeCache(cache)
    return (measurer, cache)
  }
}

let testIdentity = ShapeCacheIdentity(program: "pmreport-test 1")

extension CachedParagraph {
  /// `paragraph`'s payload, written in one go with each font's record made afresh: the tests'
  /// oracle for what ``DiskCachedShaper`` writes in place (its font records kept from entry to
  /// entry), and a way to make entries by hand.
  static func encode(
    _ paragraph: ShapedParagraph, runs: [TextRun], palette: GlyphPalette,
    missing: [Unicode.Scalar], overlongWords: [String] = [],
    fontFile: (FontFace) -> (path: String, stamp: FileStamp)?
  ) -> [UInt8] {
    var w = ByteWriter()
    encode(
      paragraph, runs: runs, palette: palette, missing: missing, overlongWords: overlongWords,
      fontRecord: { fontRecord($0, palette: palette, fontFile: fontFile) }, into: &w)
    return w.bytes
  }
}

let serif = FontSpec(family: "Noto Serif", size: 10)

/// Paragraphs that exercise what an entry holds: hyphenated justified lines, bold and coloured runs,
/// links, a base font, centred text, a character no font has.
private let specs: [ParagraphSpec] = [
  ParagraphSpec(
    runs: [
      TextRun("Characteristically international responsibilities are ", font: serif),
      TextRun("differentiated", font: serif.bolded, color: Color(red: 0.8, green: 0.1, blue: 0.2)),
      TextRun(" across the organisation, ", font: serif),
      TextRun(
        "as the handbook says", font: serif, link: .uri("https://example.org/handbook")),
      TextRun(" in its introductory chapter on collaboration.", font: serif),
    ], width: 140, alignment: .justify, hyphenate: true, maxHyphenRun: 2,
    hangingPunctuation: true, baseFont: serif),
  ParagraphSpec(
    runs: [
      TextRun("A centred caption\nover two lines", font: FontSpec(family: "DejaVu Sans", size: 8))
    ],
    width: 200, alignment: .center),
  ParagraphSpec(
    runs: [TextRun("Unassigned \u{0378} here", font: serif)], width: 300, baseFont: serif),
]

/// A line as plain values: geometry by bit pattern, text, links, and glyphs with their fonts and
/// colours named by value (indices differ from measurer to measurer).
struct LineValue: Equatable {
  var numbers: [UInt64]
  var hyphenated: Bool
  var text: String
  var links: [LineLink]
  var parts: GlyphRuns.Parts?
  var fonts: [FontFace]
  var colors: [Color]

  init(_ line: ShapedLine, _ palette: GlyphPalette) {
    numbers = [line.width, line.offset, line.height, line.baseline].map(\.bitPattern)
    hyphenated = line.hyphenated
    text = line.text
    links = line.links
    parts = line.glyphs?.parts
    fonts = []
    colors = []
    guard var parts else { return }
    let column = GlyphRuns.Parts.runsColumn
    for at in stride(from: 0, to: parts.columns[column].count, by: GlyphRuns.Parts.numbersPerRun) {
      fonts.append(palette.fonts[Int(parts.columns[column][at])])
      colors.append(palette.color(Int(parts.columns[column][at + 1])))
      parts.columns[column][at] = 0
      parts.columns[column][at + 1] = 0
    }
    self.parts = parts
  }
}

func values(_ measurer: PangoMeasurer, _ spec: ParagraphSpec) -> [LineValue] {
  measurer.shape(spec).lines.map { LineValue($0, measurer.palette) }
}

@Suite(.serialized) struct ShapeCacheTests {
  @Test func aHitGivesTheLinesShapingGives() throws {
    let folder = ShapeFolder()
    defer { folder.remove() }
    let plain = PangoMeasurer()
    let expected = specs.map { values(plain, $0) }
    let (cold, coldCache) = folder.measurer()
    #expect(specs.map { values(cold, $0) } == expected)
    #expect(coldCache.writes == 0)
    #expect(coldCache.hits == 0)
    #expect(folder.packs.isEmpty)
    coldCache.flush()
    #expect(coldCache.writes == specs.count)
    #expect(folder.packs.count == 1)
    // A new measurer (a new run) reads them back: the same lines, nothing shaped or written.
    let (warm, warmCache) = folder.measurer()
    #expect(specs.map { values(warm, $0) } == expected)
    #expect(warmCache.hits == specs.count)
    #expect(warmCache.writes == 0)
    // The characters shaping found missing are replayed.
    let missing = warm.takeMissingCharacters()
    #expect(missing == plain.takeMissingCharacters())
    #expect(missing == ["\u{0378}"])
    // Widths are kept too.
    let table = specs[0]
    #expect(cold.widths(table) == plain.widths(table))
    coldCache.flush()
    #expect(folder.packs.count == 2)
    let (again, againCache) = folder.measurer()
    #expect(again.widths(table) == plain.widths(table))
    #expect(againCache.hits == 1)
  }

  @Test(arguments: ["truncated", "trailer", "flipped payload", "flipped checksum", "another key"])
  func aDamagedPackOrEntryIsAMissAndIsWrittenAgain(damage: String) throws {
    let folder = ShapeFolder()
    defer { folder.remove() }
    let plain = PangoMeasurer()
    let (cold, coldCache) = folder.measurer()
    _ = values(cold, specs[0])
    _ = values(cold, specs[1])
    coldCache.flush()
    let packs = folder.packs
    try #require(packs.count == 1)
    let pack = packs[0]
    let slots = try #require(try folder.slots(pack))
    try #require(slots.count == 2)
    // Which slot holds specs[0]: the one under its key.
    let key = ShapeCacheKeys(
      identity: testIdentity, fontconfig: cold.diskCache.fontconfigIdentity, language: "en-us",
      hyphenDictionary: cold.currentHyphenator?.dictionaryPath
    ).key(.paragraph, specs[0])
    let at = try #require(slots.firstIndex { $0.key == key })
    let target = slots[at]
    let other = slots[1 - at]
    var bytes = try Data(contentsOf: URL(fileURLWithPath: pack))
    let indexOffset = bytes.count - ShapePack.trailerSize - 2 * ShapePack.slotSize
    switch damage {
    case "truncated": bytes = bytes.prefix(bytes.count - 40)
    case "trailer": bytes[bytes.count - 1] ^= 0x10
    case "flipped payload":
      // A bit in the middle of the payload (between the header and the checksum).
      let payload =
        target.offset + ShapeCacheEntry.headerSize..<target.offset + target.length - CRC32.size
      bytes[payload.lowerBound + payload.count / 2] ^= 0x10
    case "flipped checksum": bytes[target.offset + target.length - 1] ^= 0x01
    default:
      // The slot of specs[0] points at the other entry: its key is not the one looked up.
      let slot = indexOffset + at * ShapePack.slotSize + SHA256.size
      var w = ByteWriter()
      w.u64(UInt64(other.offset))
      w.u32(UInt32(other.length))
      bytes.replaceSubrange(slot..<slot + 12, with: w.bytes)
    }
    try bytes.write(to: URL(fileURLWithPath: pack))
    let wholePackLost = damage == "truncated" || damage == "trailer"
    #expect(try folder.slots(pack) == nil ? wholePackLost : !wholePackLost)
    let (reader, cache) = folder.measurer()
    #expect(values(reader, specs[0]) == values(plain, specs[0]))
    #expect(values(reader, specs[1]) == values(plain, specs[1]))
    #expect(cache.hits == (wholePackLost ? 0 : 1))
    #expect(cache.misses == (wholePackLost ? 2 : 1))
    cache.flush()
    #expect(cache.writes == cache.misses)
    #expect(folder.packs.count == 2)
    // The damaged pack is reported (whole, or its one entry); the new one is intact.
    let check = cache.check()
    #expect(check.damaged.count == 1)
    #expect(check.damaged.first?.hasPrefix(pack) == true)
    #expect(check.intact == 2)
    let (later, laterCache) = folder.measurer()
    #expect(values(later, specs[0]) == values(plain, specs[0]))
    #expect(values(later, specs[1]) == values(plain, specs[1]))
    #expect(laterCache.hits == 2)
    #expect(laterCache.misses == 0)
  }

  /// A pack of format 4 (the payload's checksum a SHA-256), its entry even under the key looked up
  /// now and with an intact payload and checksum of its own, is a miss: shaped again and stored.
  @Test func aPackOfTheFormerFormatIsAMiss() throws {
    let folder = ShapeFolder()
    defer { folder.remove() }
    let plain = PangoMeasurer()
    let (cold, coldCache) = folder.measurer()
    _ = values(cold, specs[0])
    coldCache.flush()
    let current = try #require(folder.packs.first)
    let slot = try #require(try folder.slots(current)?.first)
    let bytes = try Data(contentsOf: URL(fileURLWithPath: current))
    let payload = Array(
      bytes[
        slot.offset + ShapeCacheEntry.headerSize..<slot.offset + slot.length - CRC32.size])
    try FileManager.default.removeItem(atPath: current)
    // Format 4's framing, by hand: magic, version, reserved word, key, length, payload, SHA-256.
    var pack = ByteWriter(bytes: ShapePack.magic)
    pack.raw(ShapeCacheEntry.magic)
    pack.u32(4)
    pack.u32(0)
    pack.raw(slot.key)
    pack.u64(UInt64(payload.count))
    pack.raw(payload)
    pack.raw(payload.withUnsafeBytes { SHA256.digest($0) })
    let index = pack.bytes.count
    pack.raw(slot.key)
    pack.u64(UInt64(ShapePack.magic.count))
    pack.u32(UInt32(index - ShapePack.magic.count))
    pack.u64(UInt64(index))
    pack.u32(1)
    pack.raw(ShapePack.magic)
    let old = folder.path + "/pack-0000000000000004.pmrpack"
    try Data(pack.bytes).write(to: URL(fileURLWithPath: old))
    // The pack's index checks out (its layout is unchanged); its entry does not.
    #expect(try folder.slots(old)?.map(\.key) == [slot.key])
    let (reader, cache) = folder.measurer()
    #expect(values(reader, specs[0]) == values(plain, specs[0]))
    #expect(cache.hits == 0)
    #expect(cache.misses == 1)
    cache.flush()
    #expect(cache.writes == 1)
    #expect(cache.check().damaged == [old + " at \(ShapePack.magic.count)"])
    let (later, laterCache) = folder.measurer()
    #expect(values(later, specs[0]) == values(plain, specs[0]))
    #expect(laterCache.hits == 1)
  }

  @Test func anotherVersionOfPmreportOrPangoMisses() {
    let folder = ShapeFolder()
    defer { folder.remove() }
    let (first, firstCache) = folder.measurer()
    _ = values(first, specs[0])
    firstCache.flush()
    let (same, sameCache) = folder.measurer()
    _ = values(same, specs[0])
    #expect(sameCache.hits == 1)
    for identity in [
      ShapeCacheIdentity(program: "pmreport-test 2"),
      ShapeCacheIdentity(program: testIdentity.program, pangoVersion: "1.0.0"),
      ShapeCacheIdentity(program: testIdentity.program, harfBuzzVersion: "1.0.0"),
    ] {
      let (other, cache) = folder.measurer(identity)
      _ = values(other, specs[0])
      #expect(cache.hits == 0, "\(identity)")
      cache.flush()
      #expect(cache.writes == 1)
    }
    // Another language is another key too.
    let (german, germanCache) = folder.measurer()
    german.setLanguage("de", hyphenator: nil)
    _ = values(german, specs[0])
    #expect(germanCache.hits == 0)
  }

  /// An entry whose fonts are the file `font.otf` in `folder` (made holding "one"), and its path.
  func entryOfAFontFile(in folder: ShapeFolder) throws -> (CachedParagraph, font: String) {
    try FileManager.default.createDirectory(atPath: folder.path, withIntermediateDirectories: true)
    let font = folder.path + "/font.otf"
    try Data("one".utf8).write(to: URL(fileURLWithPath: font))
    let measurer = PangoMeasurer()
    let shaped = measurer.shape(specs[0])
    let payload = CachedParagraph.encode(
      shaped, runs: specs[0].runs, palette: measurer.palette, missing: [],
      fontFile: { _ in FileStamp(path: font).map { (font, $0) } })
    return (try CachedParagraph(payload: payload[...]), font)
  }

  @Test func aChangedFontFileMisses() throws {
    let folder = ShapeFolder()
    defer { folder.remove() }
    let (entry, font) = try entryOfAFontFile(in: folder)
    #expect(!entry.fonts.isEmpty)
    #expect(ShapeCache(folder: folder.path, identity: testIdentity).fontsUnchanged(entry))
    try Data("another".utf8).write(to: URL(fileURLWithPath: font))
    #expect(!ShapeCache(folder: folder.path, identity: testIdentity).fontsUnchanged(entry))
  }

  /// A cache kept from run to run (`pmreport watch`) looks at the font files again each run: a
  /// font file changed between runs makes its entries misses (within a run a file's stamp is
  /// looked up once).
  @Test func aKeptCacheLooksAtTheFontFilesAgainEachRun() throws {
    let folder = ShapeFolder()
    defer { folder.remove() }
    let (entry, font) = try entryOfAFontFile(in: folder)
    let cache = ShapeCache(folder: folder.path, identity: testIdentity)
    #expect(cache.fontsUnchanged(entry))
    try Data("another".utf8).write(to: URL(fileURLWithPath: font))
    #expect(cache.fontsUnchanged(entry))
    cache.startRun()
    #expect(!cache.fontsUnchanged(entry))
  }

  /// A cache kept from run to run counts each run on its own and finds what earlier runs stored.
  @Test func aKeptCacheCountsEachRunAndFindsEarlierRunsEntries() {
    let folder = ShapeFolder()
    defer { folder.remove() }
    let (measurer, cache) = folder.measurer()
    for spec in specs { _ = measurer.shape(spec) }
    cache.flush()
    #expect(cache.misses == specs.count && cache.writes == specs.count)
    cache.startRun()
    #expect(cache.hits == 0 && cache.misses == 0 && cache.writes == 0)
    let next = PangoMeasurer()
    next.useShapeCache(cache)
    for spec in specs { _ = next.shape(spec) }
    cache.flush()
    #expect(cache.hits == specs.count && cache.misses == 0 && cache.writes == 0)
  }

  /// A kept cache's run reports what its index load ignored; the next run, which reads no index,
  /// reports nothing (the file may be gone by then).
  @Test func aKeptCacheForgetsWhatTheLastRunIgnored() throws {
    let folder = ShapeFolder()
    defer { folder.remove() }
    let (measurer, cache) = folder.measurer()
    try FileManager.default.createDirectory(atPath: folder.path, withIntermediateDirectories: true)
    try #require(mkfifo(folder.path + "/pipe" + ShapePack.fileExtension, 0o600) == 0)
    _ = measurer.shape(specs[0])
    #expect(cache.ignored.count == 1)
    cache.startRun()
    #expect(cache.ignored.isEmpty)
  }

  /// The entries a measurer writes (in place, its font records kept from paragraph to paragraph)
  /// are byte for byte what the standalone encoder makes of the same shaping.
  @Test func anEntryWrittenInPlaceIsTheStandaloneEncoding() throws {
    let folder = ShapeFolder()
    defer { folder.remove() }
    let (measurer, cache) = folder.measurer()
    for spec in specs + specs.reversed() { _ = measurer.shape(spec) }
    cache.flush()
    #expect(cache.writes == specs.count)
    let shaper = measurer.shaper
    let keys = ShapeCacheKeys(
      identity: testIdentity, fontconfig: measurer.diskCache.fontconfigIdentity,
      language: shaper.languageTag, hyphenDictionary: shaper.hyphenator?.dictionaryPath)
    let reader = ShapeCache(folder: folder.path, identity: testIdentity)
    for spec in specs {
      let stored = try #require(reader.payload(for: keys.key(.paragraph, spec)))
      let shaped = shaper.shapeParagraph(spec)
      #expect(!shaped.paragraph.lines.isEmpty)
      let expected = CachedParagraph.encode(
        shaped.paragraph, runs: spec.runs, palette: shaper.palette, missing: shaped.missing,
        overlongWords: shaped.overlongWords, fontFile: cache.fontFiles.fontFile(of:))
      #expect(Array(stored) == expected)
    }
  }

  /// A font's pattern in an entry does not name the program (fontconfig's `prgname`), so a copy of
  /// the binary under another name writes the same entries.
  @Test func aStoredPatternDoesNotNameTheProgram() {
    let measurer = PangoMeasurer()
    for spec in specs { _ = measurer.shape(spec) }
    #expect(!measurer.palette.fonts.isEmpty)
    #expect(measurer.palette.fonts.allSatisfy { !$0.pattern.contains("prgname=") })
  }

  @Test func theRealFontFilesAreRecorded() throws {
    let folder = ShapeFolder()
    defer { folder.remove() }
    let (measurer, cache) = folder.measurer()
    let shaped = measurer.shape(specs[0])
    let entry = try CachedParagraph(
      payload: CachedParagraph.encode(
        shaped, runs: specs[0].runs, palette: measurer.palette, missing: [],
        fontFile: cache.fontFiles.fontFile(of:))[...])
    #expect(entry.fonts.allSatisfy { $0.file?.hasPrefix("/") == true && $0.stamp != nil })
  }

  @Test func twoWritersOnOneFolderLeaveIntactEntries() throws {
    let folder = ShapeFolder()
    defer { folder.remove() }
    let plain = PangoMeasurer()
    // Twelve variants of each spec, all different entries (not by width: a one-line paragraph
    // at another width that holds it is the memo's, not the cache's).
    let many = (0..<12).flatMap { i in
      specs.map {
        var spec = $0
        spec.leading += Double(i) / 100
        return spec
      }
    }
    let expected = many.map { values(plain, $0) }
    let group = DispatchGroup()
    nonisolated(unsafe) var results: [[[LineValue]]] = [[], []]
    for writer in 0..<2 {
      group.enter()
      Thread {
        let (measurer, cache) = folder.measurer()
        results[writer] = many.map { values(measurer, $0) }
        cache.trim()
        group.leave()
      }.start()
    }
    group.wait()
    #expect(results[0] == expected)
    #expect(results[1] == expected)
    // Each wrote every entry in a pack of its own: two intact copies of each.
    #expect(folder.packs.count == 2)
    let check = ShapeCache(folder: folder.path, identity: testIdentity).check()
    #expect(check.intact == 2 * many.count)
    #expect(check.damaged.isEmpty)
    let (reader, cache) = folder.measurer()
    #expect(many.map { values(reader, $0) } == expected)
    #expect(cache.hits == many.count)
  }

  @Test func trimmingRemovesTheOldestPacksAndNothingElse() throws {
    let folder = ShapeFolder()
    defer { folder.remove() }
    // Forty packs of one entry each.
    let (measurer, cache) = folder.measurer()
    for i in 0..<40 {
      var spec = specs[0]
      spec.width = 100 + Double(i)
      _ = measurer.shape(spec)
      cache.flush()
    }
    let packs = folder.packs
    try #require(packs.count == 40)
    let sizes = try packs.map {
      try #require(FileManager.default.attributesOfItem(atPath: $0)[.size] as? Int)
    }
    // Oldest first by name order: pack k was last used k minutes after the first.
    let start = Date().addingTimeInterval(-3 * 3600)
    for (k, path) in packs.enumerated() {
      try FileManager.default.setAttributes(
        [.modificationDate: start.addingTimeInterval(Double(k) * 60)], ofItemAtPath: path)
    }
    let stale = folder.path + "/.pack-abc.pmrpack.tmp-1-2"
    let fresh = folder.path + "/.pack-abd.pmrpack.tmp-1-2"
    let other = folder.path + "/notes.txt"
    // An entry of the layout before packs, and a file beside it that is not one.
    let old = folder.path + "/ab/ab" + String(repeating: "0", count: 62)
    let oldOther = folder.path + "/cd/notes.txt"
    for sub in ["ab", "cd"] {
      try FileManager.default.createDirectory(
        atPath: folder.path + "/" + sub, withIntermediateDirectories: true)
    }
    for path in [stale, fresh, other, old, oldOther] {
      try Data("x".utf8).write(to: URL(fileURLWithPath: path))
    }
    try FileManager.default.setAttributes([.modificationDate: start], ofItemAtPath: stale)
    let limit = sizes.reduce(0, +) / 2
    // A cache that wrote nothing does not scan.
    ShapeCache(folder: folder.path, identity: testIdentity, limit: limit).trim()
    #expect(folder.packs.count == 40)
    // One that wrote does; its new pack stays.
    let (writer, writerCache) = folder.measurer(limit: limit)
    _ = writer.shape(specs[1])
    writerCache.trim()
    let kept = Set(folder.packs)
    let keptBytes = try kept.map {
      try #require(FileManager.default.attributesOfItem(atPath: $0)[.size] as? Int)
    }.reduce(0, +)
    #expect(keptBytes <= limit * 4 / 5)
    #expect(keptBytes > limit * 4 / 5 - sizes.max()!)
    #expect(kept.subtracting(packs).count == 1)
    // The oldest went first: what is kept is a suffix of the packs by age (and the new one).
    let removed = packs.filter { !kept.contains($0) }
    #expect(!removed.isEmpty)
    #expect(removed == Array(packs.prefix(removed.count)))
    #expect(!FileManager.default.fileExists(atPath: stale))
    #expect(FileManager.default.fileExists(atPath: fresh))
    #expect(FileManager.default.fileExists(atPath: other))
    #expect(!FileManager.default.fileExists(atPath: folder.path + "/ab"))
    #expect(FileManager.default.fileExists(atPath: oldOther))
  }

  @Test func aHitRefreshesAnOldPacksTimeAtTheEnd() throws {
    let folder = ShapeFolder()
    defer { folder.remove() }
    let (cold, coldCache) = folder.measurer()
    _ = values(cold, specs[0])
    coldCache.flush()
    let pack = try #require(folder.packs.first)
    let old = Date().addingTimeInterval(-2 * 3600)
    try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: pack)
    let (warm, warmCache) = folder.measurer()
    _ = values(warm, specs[0])
    #expect(warmCache.hits == 1)
    let before = try #require(
      FileManager.default.attributesOfItem(atPath: pack)[.modificationDate] as? Date)
    #expect(before.timeIntervalSince(old) < 1)
    warmCache.trim()
    let after = try #require(
      FileManager.default.attributesOfItem(atPath: pack)[.modificationDate] as? Date)
    #expect(after.timeIntervalSinceNow > -60)
  }

  @Test func aFolderThatCannotBeWrittenTurnsWritingOffAndShapingGoesOn() throws {
    let folder = ShapeFolder()
    defer { folder.remove() }
    // A file where the folder should be: nothing can be created under it (even as root).
    try Data("x".utf8).write(to: URL(fileURLWithPath: folder.path))
    let plain = PangoMeasurer()
    let (measurer, cache) = folder.measurer()
    #expect(values(measurer, specs[0]) == values(plain, specs[0]))
    #expect(values(measurer, specs[1]) == values(plain, specs[1]))
    cache.flush()
    #expect(cache.writes == 0)
    #expect(cache.writeFailure?.contains(folder.path) == true)
    cache.trim()
    #expect(try Data(contentsOf: URL(fileURLWithPath: folder.path)) == Data("x".utf8))
  }

  /// The prefix is hashed once and copied for each key: the keys stay the digest of the whole
  /// layout (prefix, kind, spec), so caches written before keep their keys.
  @Test func aKeyIsTheDigestOfTheWholeLayout() {
    let fontconfig = Array(repeating: UInt8(7), count: 5_000)
    let keys = ShapeCacheKeys(
      identity: testIdentity, fontconfig: fontconfig, language: "de", hyphenDictionary: nil)
    for (kind, spec) in [(ShapeCacheEntryKind.paragraph, specs[0]), (.widths, specs[1])] {
      var w = ByteWriter(
        bytes: ShapeCacheKeys.prefixBytes(
          identity: testIdentity, fontconfig: fontconfig, language: "de", hyphenDictionary: nil))
      w.u8(kind.rawValue)
      spec.encode(into: &w)
      let whole = w.bytes.withUnsafeBytes { SHA256.digest($0) }
      #expect(keys.key(kind, spec) == whole)
      #expect(keys.key(kind, spec) == whole)
    }
  }

  @Test func theKeyCoversEveryFieldOfTheSpec() {
    let keys = ShapeCacheKeys(
      identity: testIdentity, fontconfig: [], language: "en-us", hyphenDictionary: nil)
    let base = specs[0]
    var variants: [ParagraphSpec] = []
    func vary(_ change: (inout ParagraphSpec) -> Void) {
      var spec = base
      change(&spec)
      variants.append(spec)
    }
    vary { $0.runs[0].text += " " }
    vary { $0.runs[0].font.size += 0.5 }
    vary { $0.runs[0].font.bold.toggle() }
    vary { $0.runs[0].font.italic.toggle() }
    vary { $0.runs[0].font.features = ["tnum"] }
    vary { $0.runs[0].font.family = "DejaVu Sans" }
    vary { $0.runs[0].color = .white }
    vary { $0.runs[0].link = .anchor("x") }
    vary { $0.width += 1 }
    vary { $0.alignment = .left }
    vary { $0.hyphenate.toggle() }
    vary { $0.leading += 0.1 }
    vary { $0.maxHyphenRun += 1 }
    vary { $0.hyphenPenalty += 1 }
    vary { $0.looseness += 1 }
    vary { $0.hangingPunctuation.toggle() }
    vary { $0.baseFont = nil }
    let all = [base] + variants
    #expect(Set(all.map { keys.key(.paragraph, $0) }).count == all.count)
    #expect(keys.key(.paragraph, base) != keys.key(.widths, base))
    #expect(keys.key(.paragraph, base) == keys.key(.paragraph, base))
  }
}
