import Frames
import Geometry
import Testing

@testable import TextShaping

/// Paragraphs broken by ``LineBreaker`` and set by Pango: every line re-shaped, justified to the
/// measure, nothing lost.
@Suite struct OptimumFitTests {
  static let font = FontSpec(family: "Noto Serif", size: 10.5)
  static let text =
    "The main difference between a Business Product Manager and a Technical Product Manager is "
    + "that the former focuses primarily on developing product strategies that align with market "
    + "needs and business goals, while the latter is more involved with the technical aspects and "
    + "development challenges of the product. Business Product Managers aim to maximize product "
    + "profitability and market share by understanding customer demands and competitive positioning."

  static func shaped(_ alignment: TextAlignment, width: Double = 300, hanging: Bool = false)
    -> [ShapedLine]
  {
    PangoMeasurer().shape(
      ParagraphSpec(
        runs: [TextRun(text, font: font)], width: width, alignment: alignment, hyphenate: true,
        maxHyphenRun: 2, hangingPunctuation: hanging)
    ).lines
  }

  /// The lines' text joined again: hyphens at line ends taken out.
  static func joined(_ lines: [ShapedLine]) -> String {
    lines.map { line in
      var t = line.text
      if line.hyphenated { t.removeLast() }
      return t
    }.joined()
  }

  @Test func justifiedLinesFillTheMeasureAndKeepEveryCharacter() {
    let lines = Self.shaped(.justify)
    #expect(lines.count > 4)
    for line in lines.dropLast() {
      #expect(abs(line.width - 300) < 0.01, "\(line.text)")
      #expect(line.glyphs != nil)
    }
    #expect(lines.last.map { $0.width < 300 } == true)
    #expect(Self.joined(lines) == Self.text)
  }

  @Test func hangingPunctuationProtrudesOnlyAFractionOfAGlyph() {
    let lines = Self.shaped(.justify, hanging: true)
    let hyphenated = lines.dropLast().filter { $0.hyphenated || $0.text.hasSuffix(", ") }
    #expect(!hyphenated.isEmpty)
    for line in lines.dropLast() {
      #expect(line.width >= 300 - 0.01 && line.width <= 300 + 5, "\(line.text)")
      #expect(line.offset <= 0 && line.offset > -5)
    }
    for line in hyphenated { #expect(line.width > 300.5, "\(line.text)") }
    #expect(Self.joined(lines) == Self.text)
  }

  @Test func noLineIsWiderThanItsMeasureAndWhatHangs() {
    // A last line the breaker shrank to fit is shrunk when set, too.
    let measurer = PangoMeasurer()
    for width in stride(from: 150.0, through: 450, by: 3) {
      let lines = measurer.shape(
        ParagraphSpec(
          runs: [TextRun(Self.text, font: Self.font)], width: width, alignment: .justify,
          hyphenate: true, maxHyphenRun: 2, hangingPunctuation: true)
      ).lines
      for line in lines.dropLast() { #expect(line.width <= width + 5, "\(width): \(line.text)") }
      #expect(lines.last.map { $0.width <= width + 0.01 } == true, "\(width)")
    }
  }

  @Test func aLineShrunkToFitIsSetWithinTheMeasure() {
    // A justified sentence a little wider than the measure: one line, its spaces shrunk.
    let measurer = PangoMeasurer()
    let sentence = [
      TextRun("What are the challenges faced in a tech-driven industry?", font: Self.font)
    ]
    let natural = measurer.shape(ParagraphSpec(runs: sentence, width: 10_000)).maxLineWidth
    let lines = measurer.shape(
      ParagraphSpec(runs: sentence, width: natural - 2, alignment: .justify, hyphenate: true)
    ).lines
    #expect(lines.count == 1)
    #expect(lines.first.map { $0.width <= natural - 2 + 0.01 } == true)
  }

  @Test func raggedLinesStayWithinTheMeasure() {
    let lines = Self.shaped(.left, width: 180)
    #expect(lines.count > 6)
    #expect(lines.allSatisfy { $0.width <= 180.01 })
    #expect(Self.joined(lines) == Self.text)
  }

  @Test func aCompoundBreaksOnlyAtItsOwnHyphen() {
    let text = Array(repeating: "business-related cross-functional", count: 8).joined(
      separator: " ")
    for width in stride(from: 60.0, through: 140, by: 10) {
      let lines = PangoMeasurer().shape(
        ParagraphSpec(
          runs: [TextRun(text, font: Self.font)], width: width, alignment: .left, hyphenate: true,
          maxHyphenRun: 1)
      ).lines
      // Every word holds a hyphen: no line breaks at a hyphenation point of the dictionary's.
      #expect(lines.count > 2)
      for line in lines { #expect(!line.hyphenated, "\(line.text)") }
    }
  }

  // MARK: Lines cut out of the paragraph's unbroken shaping

  /// Everything a line draws, as plain values: its box, each run's font, colour and direction,
  /// glyph ids and origins, text and cluster pairs, its missing-glyph boxes and links.
  static func drawn(_ line: ShapedLine) -> [String] {
    var out = [
      "width \(line.width) offset \(line.offset) height \(line.height) baseline \(line.baseline)"
        + " hyphenated \(line.hyphenated) text \(line.text)"
    ]
    guard let glyphs = line.glyphs else { return out + ["no glyphs"] }
    var x: Int32 = 0
    for r in 0..<glyphs.count {
      let run = glyphs.run(r)
      out.append("run font \(run.font) colour \(run.color) backward \(run.backward)")
      glyphs.forEachGlyph(in: run, x: &x) { id, gx, gy in out.append("glyph \(id) at \(gx), \(gy)")
      }
      if glyphs.clusterMap == .pairs {
        for c in run.clusters { out.append("cluster \(glyphs.cluster(c))") }
      }
    }
    out += glyphs.missingGlyphs.map { "missing \($0.x) \($0.width)" }
    out += line.links.map { "link \($0.x) \($0.width) \($0.target)" }
    return out
  }

  /// A justified, hyphenated paragraph of three runs (a coloured link in the middle), set with
  /// its lines cut out where safe and with every line shaped again.
  static func cutAndReshaped(width: Double) throws -> (
    cut: [ShapedLine], reshaped: [ShapedLine], counts: (set: Int, cut: Int, spliced: Int)
  ) {
    // The link keeps the space after it: a line ending at a space that starts a run is shaped
    // again (the space's item may not hold the letter before it).
    let link = try #require(
      text.range(of: "developing product strategies that align with market needs "))
    let runs = [
      TextRun(String(text[..<link.lowerBound]), font: font),
      TextRun(
        String(text[link]), font: font, color: Color(red: 0.1, green: 0.3, blue: 0.7),
        link: .uri("https://example.com/strategies")),
      TextRun(String(text[link.upperBound...]), font: font),
    ]
    let spec = ParagraphSpec(
      runs: runs, width: width, alignment: .justify, hyphenate: true, maxHyphenRun: 2,
      hangingPunctuation: true)
    let once = PangoShaper()
    let cut = once.shapeParagraph(spec).paragraph.lines
    let again = PangoShaper()
    again.cutsLines = false
    let reshaped = again.shapeParagraph(spec).paragraph.lines
    #expect(again.lineCounts.cut == 0)
    return (cut, reshaped, once.lineCounts)
  }

  @Test func linesCutOutOfTheUnbrokenShapingEqualTheLinesShapedAgain() throws {
    var cutLines = 0
    var splicedLines = 0
    for width in stride(from: 140.0, through: 320, by: 20) {
      let (cut, reshaped, counts) = try Self.cutAndReshaped(width: width)
      #expect(cut.count == reshaped.count, "\(width)")
      for (a, b) in zip(cut, reshaped) { #expect(Self.drawn(a) == Self.drawn(b), "\(width)") }
      #expect(counts.set == cut.count)
      cutLines += counts.cut
      splicedLines += counts.spliced
    }
    #expect(cutLines > 0)
    // The lines around a hyphenated break: cut but for the word fragment at the break.
    #expect(splicedLines > 0)
  }

  @Test func theLinesAroundAHyphenatedBreakAreShapedAgainWithTheHyphen() throws {
    let shaper = PangoShaper()
    let hyphen = try #require(
      shaper.shapeParagraph(ParagraphSpec(runs: [TextRun("\u{2010}", font: Self.font)], width: 100))
        .paragraph.lines.first?.glyphs)
    var hyphenId: UInt32 = 0
    var x: Int32 = 0
    hyphen.forEachGlyph(in: hyphen.run(0), x: &x) { id, _, _ in hyphenId = id }
    var hyphenatedLines = 0
    for width in stride(from: 140.0, through: 320, by: 20) {
      let (lines, _, counts) = try Self.cutAndReshaped(width: width)
      // Every line whose two ends are breaks at a space (or the paragraph's ends) is cut out.
      let expected = lines.indices.filter { k in
        !lines[k].hyphenated && (k == 0 || !lines[k - 1].hyphenated)
      }
      #expect(counts.cut == expected.count, "\(width)")
      for line in lines where line.hyphenated {
        hyphenatedLines += 1
        let glyphs = try #require(line.glyphs)
        var last: UInt32 = 0
        var x: Int32 = 0
        glyphs.forEachGlyph(in: glyphs.run(glyphs.count - 1), x: &x) { id, _, _ in last = id }
        #expect(last == hyphenId, "\(width): \(line.text)")
      }
    }
    #expect(hyphenatedLines > 0)
  }

  /// A font with a `kern` table (DejaVu Serif has one) may kern across a space, which would move a
  /// cut line's first glyph: none of its lines is cut, and they come out as shaped again.
  @Test func aFontThatMayKernAcrossASpaceIsNeverCut() throws {
    let spec = ParagraphSpec(
      runs: [TextRun(Self.text, font: FontSpec(family: "DejaVu Serif", size: 10.5))], width: 300,
      alignment: .justify, hyphenate: true, maxHyphenRun: 2)
    let once = PangoShaper()
    let lines = once.shapeParagraph(spec).paragraph.lines
    let again = PangoShaper()
    again.cutsLines = false
    #expect(lines.count > 2)
    #expect(once.lineCounts.set == lines.count)
    #expect(once.lineCounts.cut == 0)
    let reshaped = again.shapeParagraph(spec).paragraph.lines
    #expect(lines.map(Self.drawn) == reshaped.map(Self.drawn))
    // The same paragraph in Noto Serif (no space in its lookups) is cut.
    let noto = PangoShaper()
    _ = noto.shapeParagraph(
      ParagraphSpec(
        runs: [TextRun(Self.text, font: Self.font)], width: 300, alignment: .justify,
        hyphenate: true, maxHyphenRun: 2))
    #expect(noto.lineCounts.cut > 0)
  }
}
