import Dispatch
import Foundation
import ReportConfig
import Testing

@testable import PMReportKit

/// The reporter's sinks: the text on standard error, `--json` and GitHub annotations, each given
/// the same typed events; and each warning once a run, whichever process found it.
@Suite struct ReporterSinkTests {
  /// What a sink printed.
  final class Printed: LineOutput {
    var lines: [String] = []
    func print(_ line: String) { lines.append(line) }
    func show(_ index: Int, of count: Int, _ name: String) {
      lines.append("[\(index + 1)/\(count)]")
    }
    func clear() {}
  }

  /// A warning a config check found at line 3, column 16.
  static let placed = RunWarning(
    Diagnostic(
      severity: .warning, file: "pmreport.yml", line: 3, column: 16,
      keyPath: "documents[0].charts[0]", message: "chart 'overlap' will not appear"))
  static let unplaced = RunWarning(.layout, document: "faq", "faq: a table is too wide")

  static func printed(by sink: (Printed) -> any Reporter, _ events: [RunEvent]) -> [String] {
    let printed = Printed()
    let reporter = sink(printed)
    for event in events { reporter.report(event) }
    return printed.lines
  }

  @Test func aWarningAtAPlaceIsItsLineInTheTextSink() {
    let lines = Self.printed(
      by: { TextReporter($0) }, [.warning(Self.placed), .warning(Self.unplaced)])
    #expect(
      lines == [
        "pmreport.yml:3:16: warning: documents[0].charts[0]: chart 'overlap' will not appear",
        "warning: faq: a table is too wide",
      ])
    // The same text as the config check's own diagnostic.
    #expect(
      lines[0]
        == Diagnostic(
          severity: .warning, file: "pmreport.yml", line: 3, column: 16,
          keyPath: "documents[0].charts[0]", message: "chart 'overlap' will not appear"
        ).description)
    // `--quiet` prints errors only.
    #expect(
      Self.printed(by: { TextReporter($0, verbosity: .quiet) }, [.warning(Self.placed)]).isEmpty)
  }

  @Test func aWarningAtAPlaceIsAnAnnotationThere() {
    let lines = Self.printed(
      by: { AnnotationReporter(TextReporter($0)) },
      [
        .warning(Self.placed), .warning(Self.unplaced),
        .documentStarted(index: 0, count: 2, name: "faq"),
      ])
    #expect(
      lines == [
        "::warning file=pmreport.yml,line=3,col=16::documents[0].charts[0]: chart 'overlap' will not appear",
        "::warning::warning: faq: a table is too wide",
        "[1/2]",
      ])
  }

  @Test func aWarningAtAPlaceIsListedWithItsPlaceInTheJSONReport() throws {
    var json = ""
    let sink = JSONReporter(
      outputDirectory: "/tmp/out", started: DispatchTime.now(), write: { json = $0 })
    for event: RunEvent in [.warning(Self.placed), .warning(Self.unplaced), .finished] {
      sink.report(event)
    }
    let report = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    #expect(
      report["warnings"] as? [String] == [
        "pmreport.yml:3:16: documents[0].charts[0]: chart 'overlap' will not appear",
        "faq: a table is too wide",
      ])
    #expect(try ReportingTests.violation(json) == nil)
  }

  /// Two workers' reports, as the parent reads them (JSON lines), that found the same warning:
  /// the run reports it once.
  @Test func aWarningTwoWorkersFoundIsReportedOnce() throws {
    let answers = try [Self.placed, Self.unplaced, Self.placed].map { warning in
      try JSONDecoder().decode(
        UnitReport.self,
        from: JSONEncoder().encode(
          UnitReport(events: [.warning(warning), .warning(Self.unplaced)])))
    }
    let printed = Printed()
    let recorder = RunRecorder(TextReporter(printed))
    for answer in answers { for event in answer.events { recorder.report(event) } }
    #expect(printed.lines.count == 2)
    #expect(recorder.summary.warnings.count == 2)
    // Another place is another warning.
    var moved = Self.placed
    moved.position?.line = 4
    recorder.report(.warning(moved))
    #expect(printed.lines.count == 3)
  }
}
