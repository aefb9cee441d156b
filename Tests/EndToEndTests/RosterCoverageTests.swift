import Testing

@testable import PMReportKit

/// The check `pmreport gather` makes: every roster line listed by exactly one shard manifest, for
/// each document and format; the lines named compactly.
@Suite struct RosterCoverageTests {
  @Test func rangesAreCompact() {
    #expect(RosterCoverage.ranges([17, 18, 40, 41, 42, 50]) == "17, 18, 40–42, 50")
    #expect(RosterCoverage.ranges([3]) == "3")
    #expect(RosterCoverage.ranges([]) == "")
  }

  @Test func missingAndDoubledLinesAreNamed() {
    var coverage = RosterCoverage(lines: Array(2...11))
    for line in 2...6 {
      coverage.add(line: line, document: "certificate", format: "pdf", manifest: "a")
    }
    for line in 6...8 {
      coverage.add(line: line, document: "certificate", format: "pdf", manifest: "b")
    }
    #expect(
      coverage.problems == [
        "certificate (pdf): missing roster lines 9–11",
        "certificate (pdf): doubled roster lines 6, listed by more than one of a, b",
      ])
  }

  @Test func eachLineOnceIsNoProblem() {
    var coverage = RosterCoverage(lines: [2, 3, 5])
    for line in [2, 3] {
      coverage.add(line: line, document: "summary", format: "svg", manifest: "a")
    }
    // A page folder's files: one line, many files of one manifest.
    coverage.add(line: 5, document: "summary", format: "svg", manifest: "b")
    coverage.add(line: 5, document: "summary", format: "svg", manifest: "b")
    #expect(coverage.problems.isEmpty)
  }
}
