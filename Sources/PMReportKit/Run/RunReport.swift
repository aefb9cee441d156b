import Foundation
import ReportConfig
import ReportModel

/// What a run did, for CI (`--json`).
///
/// Each document in each format, every file (the manifest's records with their times), the
/// warnings and the failures; `schemas/run-report.schema.json` describes it.
public struct RunReport: Encodable {
  struct Failure: Encodable {
    var document: String
    var message: String
  }

  var generator: String
  var outputs: [DocumentOutput]
  var files: [FileRecord]
  var warnings: [String]
  var failures: [Failure]
  var seconds: Double

  /// The report of `summary`; paths relative to `outputDirectory`.
  public init(_ summary: RunSummary, outputDirectory: String, seconds: Double) {
    generator = "pmreport \(ProgramVersion.number)"
    outputs = summary.outputs
    files = summary.files.map { FileRecord($0, outputDirectory: outputDirectory, timed: true) }
    warnings = summary.warnings
    failures = summary.failures.map {
      Failure(document: $0.document, message: ErrorReport.message(for: $0.error))
    }
    self.seconds = seconds
  }

  /// The report as pretty-printed JSON with sorted keys.
  public var json: String { encoded([.prettyPrinted]) }

  /// The report as JSON on one line, keys sorted (a `watch --json` build's).
  public var jsonLine: String { encoded([]) }

  /// The report as JSON with sorted keys, laid out as `formatting` says.
  private func encoded(_ formatting: JSONEncoder.OutputFormatting) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = formatting.union([.sortedKeys, .withoutEscapingSlashes])
    return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
  }
}
