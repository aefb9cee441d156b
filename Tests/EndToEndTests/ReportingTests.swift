import Foundation
import ReportConfig
import Testing

@testable import PMReportKit

/// What a run prints for CI: `--json` against the shipped JSON Schema, and `--diagnostics github`.
@Suite struct ReportingTests {
  static let schema = AccessibilityTests.root + "/schemas/run-report.schema.json"

  /// Validates `json` against the schema with Python's jsonschema; the validator's complaint, or
  /// nil when it is valid.
  static func violation(_ json: String) throws -> String? {
    let dir = try temporaryDirectory("pmreport-json")
    try json.write(toFile: dir + "/report.json", atomically: true, encoding: .utf8)
    let script =
      "import json, sys, jsonschema\n"
      + "schema = json.load(open(sys.argv[1])); report = json.load(open(sys.argv[2]))\n"
      + "jsonschema.Draft202012Validator.check_schema(schema)\n"
      + "jsonschema.validate(report, schema, cls=jsonschema.Draft202012Validator)\n"
    let result = try run("python3", ["-c", script, schema, dir + "/report.json"])
    #expect(!result.error.contains("No module named"), "install jsonschema: make test-packages")
    return result.status == 0 ? nil : result.error
  }

  @Test func theJSONReportMatchesTheSchema() throws {
    let dir = try temporaryDirectory("pmreport-json-run")
    let result = try PMReportProcess(
      [
        "--config", AccessibilityTests.root + "/pmreport.yml", "--document", "faq", "--document",
        "charts", "--format", "pdf", "--format", "png", "--output", dir, "--json", "--root",
        AccessibilityTests.root,
      ], in: dir
    ).wait(timeout: 120)
    #expect(result.status == 0, "\(result.error)")
    #expect(try Self.violation(result.output) == nil)
    let report = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
    let outputs = report?["outputs"] as? [[String: Any]] ?? []
    #expect(
      outputs.map { $0["path"] as? String ?? "" } == [
        "pdf/faq.pdf", "png/faq/", "pdf/charts/", "png/charts/",
      ])
    // The schema can fail: a report without its outputs does not pass.
    let broken = result.output.replacingOccurrences(of: "\"outputs\"", with: "\"outputz\"")
    #expect(try Self.violation(broken) != nil)
  }

  @Test func githubDiagnosticsAnnotateTheFileLineAndColumn() throws {
    let dir = try temporaryDirectory("pmreport-github")
    try "documents:\n  - name: x\n    page-size: a3\n".write(
      toFile: dir + "/pmreport.yml", atomically: true, encoding: .utf8)
    let result = try PMReportProcess(["--diagnostics", "github"], in: dir).wait(timeout: 60)
    #expect(result.status == 65)
    #expect(
      result.error.hasPrefix(
        "::error file=pmreport.yml,line=3,col=16::documents[0].page-size: unknown page size 'a3'"))
  }

  /// A warning a config check finds while loading is annotated at its place in the file; as
  /// text, it is the check's own line.
  @Test func githubDiagnosticsAnnotateALoadWarningAtItsPlace() throws {
    let dir = try projectFolder(
      "pmreport-github-warning",
      config: """
        documents:
          - name: brief
            kind: report
            sections: [summary]
            charts: [overlap]
        """)
    let warning =
      "documents[0].charts[0]: chart 'overlap' is shown with section 'key-similarities', which "
      + "document 'brief' leaves out; it will not appear"
    let annotated = try PMReportProcess(
      ["--diagnostics", "github", "--output", "github"], in: dir
    ).wait(timeout: 120)
    #expect(annotated.status == 0, "\(annotated.summary)")
    #expect(annotated.error.contains("::warning file=pmreport.yml,line=5,col=14::" + warning))
    let text = try PMReportProcess(["--output", "text"], in: dir).wait(timeout: 120)
    #expect(text.status == 0, "\(text.summary)")
    #expect(text.error.hasPrefix("pmreport.yml:5:14: warning: " + warning + "\n"))
  }

  /// A character no font has in a participant's name is reported as the certificate's, not as
  /// the next document's (the certificate recipe says when its copies are laid out).
  @Test func aCertificatesMissingCharactersAreItsOwn() throws {
    let dir = try projectFolder(
      "pmreport-missing-character",
      config: """
        documents:
          - name: certificate
            kind: certificate
          - name: faq
            kind: report
            sections: [faq]
            toc: false
        """)
    try "name\nAna \u{E000} Souza\n".write(
      toFile: dir + "/roster.csv", atomically: true, encoding: .utf8)
    let run = try PMReportProcess(
      ["--roster", "roster.csv", "--document", "certificate", "--document", "faq", "--jobs", "1"],
      in: dir
    ).wait(timeout: 120)
    #expect(run.status == 0, "\(run.summary)")
    let missing = run.error.split(separator: "\n").filter { $0.contains("U+E000") }
    #expect(
      missing == [
        "warning: certificate: no installed font has U+E000 '\u{E000}'; it prints as a box"
      ])
  }

  @Test func workflowCommandsEscapeWhatGitHubReads() {
    #expect(
      AnnotationReporter.command(
        "error", "50% done\nnext", at: SourceLocation(file: "a:b,c.yml", line: 2, column: 0))
        == "::error file=a%3Ab%2Cc.yml,line=2::50%25 done%0Anext")
    #expect(AnnotationReporter.command("warning", "careful", at: nil) == "::warning::careful")
  }
}
