import Foundation
import Geometry
import ReportModel
import Testing

@testable import PMReportKit

/// The shipped set (every document of `pmreport.yml`) with a 60-name roster in many scripts and
/// an 80-character name, read back with poppler's word boxes: no two words overlap, no word
/// leaves its page, and each certificate's name stays within its rule.
@Suite(.serialized) struct RealDataLayoutTests {
  /// The output folder of the shipped config run with `Fixtures/roster-60.csv`, in PDF.
  static let rendered: Result<(run: ExecutableRun, output: String), any Error> = Result {
    let dir = try temporaryDirectory("pmreport-real-data")
    try FileManager.default.copyItem(
      atPath: PersonalisedTests.root + "/pmreport.yml", toPath: dir + "/pmreport.yml")
    let roster = try #require(
      Bundle.module.path(forResource: "roster-60", ofType: "csv", inDirectory: "Fixtures"))
    try FileManager.default.copyItem(atPath: roster, toPath: dir + "/roster.csv")
    let run = try runPMReport(
      ["--roster", "roster.csv", "--format", "pdf", "--output", "out"], in: dir, timeout: 900)
    return (run, dir + "/out")
  }

  /// Every PDF under `folder`, at any depth.
  static func pdfs(under folder: String) -> [String] {
    let found = FileManager.default.enumerator(atPath: folder)?.compactMap { $0 as? String } ?? []
    return found.filter { $0.hasSuffix(".pdf") }.sorted().map { folder + "/" + $0 }
  }

  @Test func theRunSucceedsWithEveryCopy() throws {
    let (run, output) = try Self.rendered.get()
    #expect(run.status == 0, "\(run.error)")
    #expect(Self.pdfs(under: output + "/pdf/summary").count == 60)
    #expect(Self.pdfs(under: output + "/pdf/certificate").count == 60)
  }

  @Test func noTwoWordsOverlapAndNoWordLeavesItsPage() throws {
    let (_, output) = try Self.rendered.get()
    let files = Self.pdfs(under: output + "/pdf")
    #expect(files.count > 120)
    var problems: [String] = []
    for file in files {
      let (words, sizes) = try PDFText.words(file)
      let shown = file.dropFirst(output.count + 1)
      problems += PDFText.overlaps(words).map { "\(shown): \($0)" }
      for word in words {
        let size = sizes[word.page] ?? (0, 0)
        if word.x0 < -0.5 || word.y0 < -0.5 || word.x1 > size.width + 0.5
          || word.y1 > size.height + 0.5
        {
          problems.append("\(shown): p\(word.page): '\(word.text)' leaves the page")
        }
      }
    }
    #expect(problems.isEmpty, "\(problems.count): \(problems.prefix(8))")
  }

  @Test func aNameTooLongIsShortenedOnTheSummaryAndRefusedOnTheCertificate() throws {
    let dir = try temporaryDirectory("pmreport-too-long")
    try FileManager.default.copyItem(
      atPath: PersonalisedTests.root + "/pmreport.yml", toPath: dir + "/pmreport.yml")
    // 110 ideographs fit a certificate's rule on two lines but not the personal line's slot;
    // 400 fit neither.
    let long = String(repeating: "王", count: 110)
    let longer = String(repeating: "李", count: 400)
    try "name\nAna Souza\n\(long)\n\(longer)\n".write(
      toFile: dir + "/roster.csv", atomically: true, encoding: .utf8)
    let run = try runPMReport(
      [
        "--roster", "roster.csv", "--document", "summary", "--document", "certificate",
        "--format", "pdf", "--output", "out",
      ], in: dir)
    #expect(run.status == 65)
    #expect(
      run.error.contains(
        "roster.csv:3: warning: summary: the personal line 'Prepared for \(long)' does not fit"))
    #expect(run.error.contains("roster.csv:4: error: the name '\(longer)' does not fit"))
    #expect(!run.error.contains("roster.csv:3: error"))
    #expect(Self.pdfs(under: dir + "/out/pdf/summary").count == 3)
    #expect(Self.pdfs(under: dir + "/out/pdf/certificate").isEmpty, "none written")
    let text = try PDFText.pages(dir + "/out/pdf/summary/participant-3.pdf")[0]
    #expect(text.contains("…"))
  }

  @Test func everyCertificateNameStaysWithinItsRule() throws {
    let (_, output) = try Self.rendered.get()
    let files = Self.pdfs(under: output + "/pdf/certificate")
    #expect(files.count == 60)
    let margins = Style.classic.page
    for file in files {
      let (words, sizes) = try PDFText.words(file)
      let width = sizes[1]?.width ?? 0
      let body = Rect(
        x: margins.marginLeft, y: 0, width: width - margins.marginLeft - margins.marginRight,
        height: 0)
      let rule = (body.minX + body.width * 0.15)...(body.maxX - body.width * 0.15)
      // The name stands between "This certifies that" and "has completed the training".
      let above = try #require(words.first { $0.text == "certifies" }).y1
      let below = try #require(words.first { $0.text == "completed" }).y0
      let name = words.filter { $0.y0 > above - 0.5 && $0.y1 < below + 0.5 }
      #expect(!name.isEmpty, "\(file)")
      for word in name {
        #expect(
          word.x0 >= rule.lowerBound - 0.5 && word.x1 <= rule.upperBound + 0.5,
          "\(file): '\(word.text)' \(word.x0)–\(word.x1) outside \(rule)")
      }
    }
  }
}
