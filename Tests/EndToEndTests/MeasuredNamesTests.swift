import ReportConfig
import Testing

@testable import PMReportKit

/// A process measures a certificate document's names once, however many units of it it builds.
@Suite struct MeasuredNamesTests {
  @Test func eachDocumentIsMeasuredOnceARefusalToo() {
    let names = MeasuredNames()
    var measured: [String] = []
    for _ in 0..<3 {
      _ = try? names.names(of: "certificate") { () throws(InputError) in
        measured.append("certificate")
        return [:]
      }
      _ = try? names.names(of: "refused") { () throws(InputError) in
        measured.append("refused")
        throw InputError(diagnostics: [])
      }
    }
    #expect(measured == ["certificate", "refused"])
    #expect(throws: InputError.self) {
      try names.names(of: "refused") { () throws(InputError) in [:] }
    }
  }
}
