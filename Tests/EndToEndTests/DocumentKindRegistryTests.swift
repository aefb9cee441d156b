import Foundation
import Frames
import Geometry
import Pagination
import ReportConfig
import ReportModel
import Testing

@testable import PMReportKit

/// A document kind made for the test: a poster, one page with its title as a heading.
private struct PosterRecipe: DocumentRecipe {
  static let kind = DocumentKind(named: "poster")

  var rules: DocumentKindRules {
    DocumentKindRules(kind: Self.kind, allowsBooklet: false, usesPaper: true)
  }

  func title(of document: DocumentSpec, metadata: Metadata, words: Words) -> String {
    "Poster of " + (document.title ?? metadata.title)
  }

  func outputs(_ build: DocumentBuild, emit: (consuming PlannedOutput) throws -> Void) throws {
    let layout = build.handout
    let type = layout.makeType()
    let laidOut = try layout.layout(type, titlePage: false) { _ in
      [type.heading(build.title, number: nil, level: 1, anchor: "poster")]
    }
    try build.handoutOutputs(consume laidOut, layout: layout, emit: emit)
  }
}

/// A document kind made for the test that uses another document's pages: a contact sheet of the
/// config's first report, saying how many pages it has and drawing its first page small.
private struct ContactSheetRecipe: DocumentRecipe {
  static let kind = DocumentKind(named: "contact-sheet")

  var rules: DocumentKindRules {
    DocumentKindRules(kind: Self.kind, allowsBooklet: false, usesPaper: true)
  }

  func usedDocument(by document: DocumentSpec, in settings: ReportSettings) -> DocumentSpec? {
    settings.documents.first { $0.kind == .report }
  }

  func outputs(_ build: DocumentBuild, emit: (consuming PlannedOutput) throws -> Void) throws {
    let used = try build.usedPages() ?? []
    let layout = build.handout
    let type = layout.makeType()
    let laidOut = try layout.layout(type, titlePage: false) { _ in
      var thumbnail = Frame(size: Size(width: 150, height: 200))
      if let first = used.first {
        thumbnail.push(.scaled(150 / first.size.width, first.frame), at: .zero)
      }
      return [
        type.heading("\(used.count) pages", number: nil, level: 1, anchor: "sheet"),
        FigureBlock(frame: thumbnail, breaks: BreakPolicy()),
      ]
    }
    try build.handoutOutputs(consume laidOut, layout: layout, emit: emit)
  }
}

/// Document kinds are an open registry: a kind registered with its recipe is accepted by the
/// config, scheduled, laid out and written like the built-in ones.
@Suite struct DocumentKindRegistryTests {
  static let config = """
    metadata: {title: Roles at Work}
    formats: [pdf]
    documents:
      - {name: wall, kind: poster}
    """

  @Test func aToyKindRegisteredInATestBuildsEndToEnd() throws {
    let dir = try temporaryDirectory("pmreport-toy-kind")
    try Self.config.write(toFile: dir + "/pmreport.yml", atomically: true, encoding: .utf8)
    let options = RunOptions(
      configPath: dir + "/pmreport.yml", documents: ["wall"], workingDirectory: dir,
      date: Date(timeIntervalSince1970: 1_700_000_000))

    // Unregistered, the kind is a config error that lists the kinds there are.
    do {
      _ = try Project.load(options: options, inputs: Inputs())
      Issue.record("an unregistered kind should not load")
    } catch let error as InputError {
      #expect(error.description.contains("unknown document kind 'poster'"), "\(error)")
    }
    #expect(!DocumentKind.allCases.map(\.rawValue).contains("poster"))

    let summary = try DocumentRecipes.withAdded([PosterRecipe()]) {
      #expect(DocumentKind.allCases.last == PosterRecipe.kind)
      return try RunScheduler.load(options: options).run()
    }
    #expect(summary.failures.isEmpty, "\(summary.failures)")
    #expect(summary.outputs.map(\.path) == ["pdf/wall.pdf"])
    let text = try run("pdftotext", [dir + "/Output/pdf/wall.pdf", "-"]).output
    #expect(text.contains("Poster of Roles at Work"), "\(text)")
  }

  @Test func aKindsRulesAreAskedOfTheRegistry() throws {
    #expect(DocumentKind.certificate.rules.alwaysPersonalised)
    #expect(DocumentSpec(name: "c", kind: .certificate).personalised)
    #expect(DocumentKinds.owner(ofKey: "copies")?.kind == .roleCards)
    #expect(DocumentRecipes.recipe(for: .report)?.weight(of: .fullReport) == 8)
    #expect(DocumentRecipes.recipe(for: PosterRecipe.kind) == nil)
  }

  @Test func aDocumentIsBuiltAfterTheDocumentItUses() throws {
    let dir = try temporaryDirectory("pmreport-build-order")
    try """
    formats: [pdf]
    documents:
      - {name: key, kind: answer-key, key-for: sheet}
      - {name: summary, kind: report, toc: false}
      - {name: sheet, kind: worksheet}
    """.write(toFile: dir + "/pmreport.yml", atomically: true, encoding: .utf8)
    let scheduler = try RunScheduler.load(
      options: RunOptions(configPath: dir + "/pmreport.yml", workingDirectory: dir))
    #expect(scheduler.runDocuments.map(\.name) == ["sheet", "key", "summary", "charts"])
    // A run of the key alone builds it alone (its worksheet's spec comes from the config).
    let alone = try RunScheduler.load(
      options: RunOptions(
        configPath: dir + "/pmreport.yml", documents: ["key"], workingDirectory: dir))
    #expect(alone.runDocuments.map(\.name) == ["key"])
  }

  /// A recipe that uses another document gets its pages, laid out when it asks: in a run of both
  /// (built after it), and in a run of itself alone; the used document's own file is the same
  /// bytes with or without the user.
  @Test func aToyKindGetsThePagesOfTheDocumentItUses() throws {
    let dir = try temporaryDirectory("pmreport-used-pages")
    try """
    metadata: {title: Roles at Work}
    formats: [pdf]
    documents:
      - {name: sheet, kind: contact-sheet}
      - {name: summary, kind: report, toc: false}
    """.write(toFile: dir + "/pmreport.yml", atomically: true, encoding: .utf8)
    func build(_ documents: [String], into output: String) throws -> RunSummary {
      try DocumentRecipes.withAdded([ContactSheetRecipe()]) {
        let scheduler = try RunScheduler.load(
          options: RunOptions(
            configPath: dir + "/pmreport.yml", documents: documents, outputDirectory: output,
            workingDirectory: dir, date: Date(timeIntervalSince1970: 1_700_000_000)))
        if documents.count == 2 {
          #expect(scheduler.runDocuments.map(\.name) == ["summary", "sheet"])
        }
        return scheduler.run()
      }
    }
    let both = try build(["sheet", "summary"], into: "both")
    #expect(both.failures.isEmpty, "\(both.failures)")
    let pages = try #require(both.outputs.first { $0.document == "summary" }).pages
    #expect(pages > 1)
    let alone = try build(["sheet"], into: "alone")
    #expect(alone.failures.isEmpty && alone.outputs.map(\.path) == ["pdf/sheet.pdf"])
    for folder in ["both", "alone"] {
      let text = try run("pdftotext", [dir + "/\(folder)/pdf/sheet.pdf", "-"])
      #expect(text.output.contains("\(pages) pages"), "\(text.output)")
    }
    // The summary written beside the sheet is the summary written alone.
    let plain = try build(["summary"], into: "plain")
    #expect(!plain.files.isEmpty)
    #expect(
      plain.files.map(\.sha256) == both.files.filter { $0.document == "summary" }.map(\.sha256))
  }
}
