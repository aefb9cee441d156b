import Foundation
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
}
