import Foundation
import PMReportKit
import ReportConfig
import ReportModel
import Testing

/// Faults a user test found, read back from the PDF: words broken at any letter in charts and in
/// unhyphenated tables, tables and short code blocks split leaving a row or two lines alone.
@Suite(.serialized) struct TypesettingFaultTests {
  /// Renders `content` with the config `yaml` (its documents included) and returns the PDF text of
  /// `document`, one string a page.
  private func render(_ content: Comparison, config yaml: String, document: String) throws
    -> [String]
  {
    let dir = try temporaryDirectory("pmreport-faults")
    try ConfigLoader.exportContent(content).write(
      toFile: dir + "/content.yml", atomically: true, encoding: .utf8)
    try (yaml + "\nformats: [pdf]\n").write(
      toFile: dir + "/pmreport.yml", atomically: true, encoding: .utf8)
    try runProject(in: dir, contentPath: dir + "/content.yml")
    return try PDFText.pages(dir + "/Output/pdf/\(document).pdf")
  }

  /// Where `word` is broken across lines in `text` at a soft hyphen (character offsets, every
  /// occurrence together).
  private func softBreaks(of word: String, in text: String) -> [Int] {
    var out: Set<Int> = []
    let marked = text.replacingOccurrences(of: "\u{AD}\n", with: "|")
    for token in marked.split(whereSeparator: { $0.isWhitespace }) where token.contains("|") {
      guard token.replacingOccurrences(of: "|", with: "").contains(word) else { continue }
      var n = 0
      for c in token {
        if c == "|" { out.insert(n) } else { n += 1 }
      }
    }
    return out.sorted()
  }

  @Test func germanChartLabelsBreakAtHyphenationPoints() throws {
    var content = try Comparison.builtIn
    content.info.lang = "de"
    content.charts.focus[0].label = "Hindernisbeseitigung"
    content.charts.stakeholders[0].team = "Personalabteilung"
    // The report sets the charts at the text width: the radar's axis label has to break there.
    let pages = try render(
      content, config: "documents:\n  - {name: full, kind: report}", document: "full")
    let text = pages.joined(separator: "\n")
    #expect(!softBreaks(of: "Hindernisbeseitigung", in: text).isEmpty)
    // Extraction joins each word (it is not cut at a letter with a drawn, text-less hyphen) ...
    #expect(normalised(text).contains("Hindernisbeseitigung"))
    #expect(normalised(text).contains("Personalabteilung"))
    // ... and where a label breaks, it is at a German hyphenation point.
    let points: [String: Set<Int>] = [
      "Hindernisbeseitigung": [3, 6, 9, 11, 14, 16],  // Hin-der-nis-be-sei-ti-gung
      "Personalabteilung": [3, 5, 8, 10, 13],  // Per-so-nal-ab-tei-lung
    ]
    for (word, allowed) in points {
      let found = softBreaks(of: word, in: text)
      #expect(Set(found).isSubset(of: allowed), "\(word) broken at \(found)")
    }
  }

  @Test func anUnhyphenatedStyleBreaksATooLongWordAtAHyphenationPoint() throws {
    var content = try Comparison.builtIn
    content.info.lang = "de"
    let word = "Produktverantwortlichkeit"
    // Nine columns of the one word: each gets a ninth of the measure, narrower than the word.
    let cells = Array(repeating: RichText(word), count: 9)
    content.sections.insert(
      Section(
        id: "schmal", title: "Schmale Spalten",
        blocks: [.table(PlainTable(header: (0..<9).map { RichText("S\($0)") }, rows: [cells]))]),
      at: 0)
    let pages = try render(
      content,
      config: "style: modern\n" + ContentFixture.config(document: "schmal", sections: ["schmal"]),
      document: "schmal")
    let text = pages.joined(separator: "\n")
    #expect(normalised(text).contains(word), "\(text)")
    let found = softBreaks(of: word, in: text)
    #expect(!found.isEmpty, "the word should break in a ninth of the measure")
    // Pro-dukt-ver-ant-wort-lich-keit
    #expect(Set(found).isSubset(of: [3, 7, 10, 13, 17, 21]), "broken at \(found)")
  }

  @Test func shortCodeBlocksAndTablesDoNotSplit() throws {
    var content = try Comparison.builtIn
    var blocks: [ContentBlock] = []
    for i in 0..<24 {
      blocks.append(
        .paragraph(RichText(String(repeating: "Filler text for block \(i). ", count: 1 + i % 4))))
      let n = i % 3 == 2 ? 12 : 5
      blocks.append(
        .code(
          CodeBlock(
            language: nil,
            text: (1...n).map { "codeB\(i)L\($0) = \($0)" }.joined(separator: "\n"))))
      blocks.append(
        .table(
          PlainTable(
            header: ["Aspect", "Value"],
            rows: (1...3).map { [RichText("tabT\(i)R\($0)"), RichText("value \($0)")] })))
    }
    content.sections.insert(Section(id: "breaks", title: "Breaks", blocks: blocks), at: 0)
    let pages = try render(
      content, config: ContentFixture.config(document: "breaks", sections: ["breaks"]),
      document: "breaks")
    #expect(pages.count > 3)
    func pagesHolding(_ marker: String) -> [Int: Int] {
      var counts: [Int: Int] = [:]
      for (p, page) in pages.enumerated() {
        let n = PDFText.count(marker, in: page)
        if n > 0 { counts[p] = n }
      }
      return counts
    }
    for i in 0..<24 {
      let code = pagesHolding("codeB\(i)L")
      if i % 3 == 2 {
        // 12 lines: split, if at all, with at least 3 on each side.
        #expect(code.values.allSatisfy { $0 >= 3 }, "code block \(i): \(code)")
      } else {
        #expect(code.count == 1, "code block \(i) split: \(code)")
      }
      let table = pagesHolding("tabT\(i)R")
      #expect(table.count == 1, "table \(i) split: \(table)")
    }
  }
}
