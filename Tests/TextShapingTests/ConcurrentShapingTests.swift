import Foundation
import Frames
import Testing

@testable import TextShaping

/// Shaping on two threads at once, each thread with its own ``PangoMeasurer`` (its own Pango font
/// map and context), gives the lines one thread gives: every width, offset, height, baseline,
/// hyphen, text, glyph and glyph position.
///
/// The paragraphs are the built-in article's (paragraphs, list items, headings, table cells), set as
/// the classic style sets them: body text in Noto Serif 10.5 pt, justified to 459.28 pt (A4 less
/// 68 pt margins), hyphenated, hanging punctuation, at most two hyphenated lines in a row; list
/// items with a bold label; headings in Noto Sans bold; cells left-aligned. Where our breaker sets
/// the text this holds in every round; where Pango breaks and justifies it (text holding a newline)
/// it does not (`PMREPORT_CONCURRENT_PANGO=1`, BENCHMARKS.md).
@Suite struct ConcurrentShapingTests {
  static let measure = 595.28 - 68 - 68

  /// The article's lines of Markdown body (after the front matter).
  static let article: [String] = {
    let url = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Sources/ReportConfig/BuiltinContent/comparison.md")
    guard let markdown = try? String(contentsOf: url, encoding: .utf8) else { return [] }
    let lines = markdown.components(separatedBy: "\n")
    let fences = lines.indices.filter { lines[$0] == "---" }
    guard fences.count >= 2 else { return [] }
    return Array(lines[(fences[1] + 1)...])
  }()

  /// The article's paragraphs, list items, headings and table cells, set as the classic style sets
  /// them with the body at `size` (10.5 in the style): body text in Noto Serif, justified,
  /// hyphenated, hanging punctuation, at most two hyphens in a row; list items a bold label first;
  /// headings Noto Sans bold; table cells at 9/10.5 of the body, left-aligned, one hyphen in a row.
  static func paragraphs(size: Double) -> [ParagraphSpec] {
    let body = FontSpec(family: "Noto Serif", size: size)
    let cell = FontSpec(family: "Noto Serif", size: size * 9 / 10.5)
    var specs: [ParagraphSpec] = []
    func text(_ runs: [TextRun], width: Double) {
      specs.append(
        ParagraphSpec(
          runs: runs, width: width, alignment: .justify, hyphenate: true, leading: 1.4,
          maxHyphenRun: 2, hyphenPenalty: 200, hangingPunctuation: true, baseFont: body))
    }
    // Experiment: a newline ends each text, so Pango breaks and justifies it (the path before
    // LineBreaker).
    let pangoBreaks = ProcessInfo.processInfo.environment["PMREPORT_CONCURRENT_PANGO"] == "1"
    for raw in article where !raw.isEmpty && !raw.hasPrefix("<") {
      let line = pangoBreaks && !raw.hasPrefix("|") ? raw + "\n" : raw
      if line.hasPrefix("#") {
        let level = line.prefix { $0 == "#" }.count
        var title = line.dropFirst(level).trimmingCharacters(in: .whitespaces)
        if let attributes = title.range(of: " {") {
          title = String(title[..<attributes.lowerBound])
        }
        let heading = FontSpec(
          family: "Noto Sans", size: size * (level == 1 ? 15 : level == 2 ? 12 : 10.5) / 10.5,
          bold: true)
        specs.append(
          ParagraphSpec(runs: [TextRun(title, font: heading)], width: measure, leading: 1.2))
      } else if line.hasPrefix("|") {
        let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        for content in cells where !content.isEmpty && !content.hasPrefix("---") {
          specs.append(
            ParagraphSpec(
              runs: [TextRun(content, font: cell)], width: (measure - 24) / 3, hyphenate: true,
              leading: 1.3, maxHyphenRun: 1, hyphenPenalty: 200, baseFont: cell))
        }
      } else if line.hasPrefix("- ") {
        let item = String(line.dropFirst(2))
        // "**Label:** text" or "*Label:* text": the label bold.
        let marker = item.hasPrefix("**") ? "**" : item.hasPrefix("*") ? "*" : ""
        if !marker.isEmpty, let close = item.dropFirst(marker.count).range(of: marker) {
          let label = String(
            item[item.index(item.startIndex, offsetBy: marker.count)..<close.lowerBound])
          text(
            [
              TextRun(label, font: body.bolded),
              TextRun(String(item[close.upperBound...]), font: body),
            ],
            width: measure - 14)
        } else {
          text([TextRun(item, font: body)], width: measure - 14)
        }
      } else {
        text([TextRun(line, font: body)], width: measure)
      }
    }
    return specs
  }

  /// Everything a line is drawn from, fonts named by their faces (palettes differ by measurer).
  struct LineRecord: Equatable, CustomStringConvertible {
    var width: Double
    var offset: Double
    var height: Double
    var baseline: Double
    var hyphenated: Bool
    var text: String
    var runs: [String]
    var glyphs: [UInt32]
    var xs: [Double]
    var ys: [Double]
    var clusters: [Int]
    var missing: [Double]

    init(_ line: ShapedLine, palette: GlyphPalette) {
      width = line.width
      offset = line.offset
      height = line.height
      baseline = line.baseline
      hyphenated = line.hyphenated
      text = line.text
      runs = []
      glyphs = []
      xs = []
      ys = []
      clusters = []
      missing = []
      guard let g = line.glyphs else { return }
      var x: Int32 = 0
      for r in 0..<g.count {
        let run = g.run(r)
        let face = palette.fonts.indices.contains(run.font) ? palette.fonts[run.font] : nil
        runs.append(
          "\(face.map { "\($0.pattern) \($0.fontMatrix) \($0.deviceMatrix) \($0.options)" } ?? "?") "
            + "\(palette.color(run.color)) \(run.backward) \(run.glyphs) \(run.text) \(run.clusters)"
        )
        g.forEachGlyph(in: run, x: &x) { id, gx, gy in
          glyphs.append(id)
          xs.append(gx)
          ys.append(gy)
        }
        if g.clusterMap == .pairs {
          for c in run.clusters {
            let pair = g.cluster(c)
            clusters += [pair.bytes, pair.glyphs]
          }
        }
      }
      missing = g.missingGlyphs.flatMap { [$0.x, $0.width] }
    }

    /// The fields that differ from `other`, described.
    func differences(from other: LineRecord) -> String {
      var out: [String] = []
      if width != other.width { out.append("width \(other.width) → \(width)") }
      if offset != other.offset { out.append("offset \(other.offset) → \(offset)") }
      if height != other.height { out.append("height \(other.height) → \(height)") }
      if baseline != other.baseline { out.append("baseline \(other.baseline) → \(baseline)") }
      if hyphenated != other.hyphenated {
        out.append("hyphenated \(other.hyphenated) → \(hyphenated)")
      }
      if text != other.text { out.append("text '\(other.text)' → '\(text)'") }
      if runs != other.runs { out.append("runs \(other.runs) → \(runs)") }
      if glyphs != other.glyphs { out.append("glyphs differ") }
      if xs != other.xs {
        let k =
          zip(xs, other.xs).enumerated().first { $0.element.0 != $0.element.1 }?.offset
          ?? min(xs.count, other.xs.count)
        out.append("x from glyph \(k) of \(xs.count) (ref \(other.xs.count))")
        if k < xs.count, k < other.xs.count {
          out.append("x[\(k)] \(other.xs[k]) → \(xs[k])")
        }
        if let a = xs.last, let b = other.xs.last { out.append("last x \(b) → \(a)") }
      }
      if ys != other.ys { out.append("ys differ") }
      if clusters != other.clusters { out.append("clusters differ") }
      if missing != other.missing { out.append("missing glyphs differ") }
      return out.joined(separator: "; ")
    }

    var description: String { "'\(text)' width \(width) offset \(offset)" }
  }

  /// Shapes `specs` with a new measurer made on the calling thread (`before` is given it first).
  static func shapeAll(_ specs: [ParagraphSpec], before: (PangoMeasurer) -> Void = { _ in })
    -> [[LineRecord]]
  {
    let measurer = PangoMeasurer()
    before(measurer)
    let shaped = specs.map { measurer.shape($0).lines }
    let palette = measurer.palette
    return shaped.map { $0.map { LineRecord($0, palette: palette) } }
  }

  /// Results handed back from the shaping threads.
  final class Results: @unchecked Sendable {
    // @unchecked: every access holds `lock`.
    private let lock = NSLock()
    private var stored: [Int: [[LineRecord]]] = [:]
    func set(_ lane: Int, _ value: [[LineRecord]]) {
      lock.lock()
      stored[lane] = value
      lock.unlock()
    }
    func get(_ lane: Int) -> [[LineRecord]] {
      lock.lock()
      defer { lock.unlock() }
      return stored[lane] ?? []
    }
  }

  /// Runs `lanes` threads at once, each making its own measurer and shaping all of `specs`.
  ///
  /// With `PMREPORT_CONCURRENT_WARM=1` each thread first makes its measurer and shapes one paragraph
  /// of each kind, one thread after the other, and only then do the threads shape at the same time.
  static func shapeConcurrently(_ specs: [ParagraphSpec], lanes: Int = 2) -> [[[LineRecord]]] {
    let results = Results()
    let done = DispatchGroup()
    let warm = ProcessInfo.processInfo.environment["PMREPORT_CONCURRENT_WARM"] == "1"
    let warmLock = NSLock()
    let ready = DispatchGroup()
    for _ in 0..<lanes { ready.enter() }
    // The first paragraph in each set of fonts (body, list item, each heading level, cell).
    var kinds: [ParagraphSpec] = []
    for spec in specs where !kinds.contains(where: { $0.runs.map(\.font) == spec.runs.map(\.font) })
    {
      kinds.append(spec)
    }
    let warmSpecs = kinds
    for lane in 0..<lanes {
      done.enter()
      let thread = Thread {
        results.set(
          lane,
          shapeAll(specs) { measurer in
            guard warm else { return }
            warmLock.lock()
            for spec in warmSpecs { _ = measurer.shape(spec) }
            measurer.discardCachedShapes()
            warmLock.unlock()
            ready.leave()
            ready.wait()
          })
        done.leave()
      }
      thread.stackSize = 8 << 20
      thread.start()
    }
    done.wait()
    return (0..<lanes).map { results.get($0) }
  }

  /// Compares `lanes` with `reference`, line by line; the number of lines that differ.
  static func count(
    _ lanes: [[[LineRecord]]], against reference: [[LineRecord]], round: Int, report: Bool
  ) -> Int {
    var differing = 0
    for (lane, paragraphs) in lanes.enumerated() {
      #expect(paragraphs.count == reference.count)
      for (p, (lines, expected)) in zip(paragraphs, reference).enumerated() {
        if lines.count != expected.count {
          differing += 1
          if report {
            print(
              "round \(round) lane \(lane) paragraph \(p): \(lines.count) lines, ref \(expected.count)"
            )
          }
          continue
        }
        for (l, (line, ref)) in zip(lines, expected).enumerated() where line != ref {
          differing += 1
          if report {
            print(
              "round \(round) lane \(lane) paragraph \(p) line \(l) '\(ref.text)': "
                + line.differences(from: ref))
          }
        }
      }
    }
    return differing
  }

  /// The justified lines (not a paragraph's last) broken at a soft hyphen that are no wider than their
  /// measure.
  ///
  /// With hanging punctuation such a line is wider: its hyphen hangs 60 % of its width into the
  /// margin. One at its measure was justified with a hyphen of no width: the hyphen prints past
  /// the margin.
  static func hyphensWithoutWidth(_ paragraphs: [[LineRecord]], _ specs: [ParagraphSpec]) -> Int {
    var count = 0
    for (lines, spec) in zip(paragraphs, specs)
    where spec.alignment == .justify && spec.hangingPunctuation && !spec.text.hasSuffix("\n") {
      for line in lines.dropLast() where line.hyphenated && line.width <= spec.width + 0.5 {
        count += 1
      }
    }
    return count
  }

  /// Each round shapes every `stride`-th paragraph (a different twelfth each round, so 20 rounds
  /// take every paragraph once or twice) at a body size no earlier round used, on two threads
  /// at once, then the same paragraphs on this thread alone; every line must match.
  ///
  /// Environment, for experiments: `PMREPORT_CONCURRENT_ROUNDS` (20), `PMREPORT_CONCURRENT_STRIDE`
  /// (12; 1 shapes every paragraph each round), `PMREPORT_CONCURRENT_PANGO=1` (each text ends with a
  /// newline, so Pango breaks and justifies it, as before ``LineBreaker``: that path differs in some
  /// rounds, unless the threads' fonts were first loaded one thread at a time; see BENCHMARKS.md) and
  /// `PMREPORT_CONCURRENT_WARM=1` (see ``shapeConcurrently(_:lanes:)``).
  @Test func twoThreadsEachWithItsOwnMeasurerShapeAsOneThreadDoes() {
    let environment = ProcessInfo.processInfo.environment
    let rounds = Int(environment["PMREPORT_CONCURRENT_ROUNDS"] ?? "") ?? 20
    let stride = max(1, Int(environment["PMREPORT_CONCURRENT_STRIDE"] ?? "") ?? 12)
    var differingRounds = 0
    var differingLines = 0
    var hyphenless = 0
    var paragraphCount = 0
    var lineCount = 0
    var hyphenated = 0
    for round in 0..<rounds {
      // Each round a body size no earlier round used: every font is new to the process-wide caches
      // (cairo's scaled fonts, fontconfig's), so the two threads make them at the same time.
      let all = Self.paragraphs(size: 10.5 + Double(round) / 64)
      #expect(all.count > 100, "the article's paragraphs, list items, headings and cells")
      let specs = all.indices.filter { $0 % stride == round % stride }.map { all[$0] }
      let lanes = Self.shapeConcurrently(specs)
      // Then the same paragraphs on this thread alone, with a new measurer.
      let reference = Self.shapeAll(specs)
      paragraphCount += specs.count
      lineCount += reference.reduce(0) { $0 + $1.count }
      hyphenated += reference.reduce(0) { $0 + $1.filter(\.hyphenated).count }
      let n = Self.count(lanes, against: reference, round: round, report: differingLines < 40)
      if n > 0 { differingRounds += 1 }
      differingLines += n
      hyphenless += ([reference] + lanes).reduce(0) { $0 + Self.hyphensWithoutWidth($1, specs) }
    }
    print(
      "concurrent shaping: \(rounds) rounds, 2 threads each shaping \(paragraphCount) paragraphs "
        + "in all (\(lineCount) lines, \(hyphenated) at a soft hyphen): \(differingRounds) rounds "
        + "differed, \(differingLines) lines; \(hyphenless) hyphens without width")
    #expect(hyphenated > 10, "the test needs lines broken at a soft hyphen")
    #expect(differingLines == 0)
    #expect(hyphenless == 0)
  }
}
