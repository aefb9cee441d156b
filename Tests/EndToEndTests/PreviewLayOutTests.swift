import Foundation
import PMReportKit
import ReportModel
import Testing

/// What the live preview lays out of each document: every picture of `kind: charts`.
@Suite struct PreviewLayOutTests {
  @Test func everyChartIsAnEntryOfItsOwn() throws {
    let dir = try temporaryDirectory("preview-charts")
    let scheduler = try RunScheduler.load(
      options: RunOptions(
        formats: [.svg], documents: ["charts"], outputDirectory: dir + "/out",
        workingDirectory: dir))
    let entries = PreviewLaidOut.run(scheduler).documents
    let specs = try Comparison.builtIn.charts(words: .english)
    #expect(specs.count > 1)
    #expect(entries.map(\.name) == specs.map { "charts-\($0.id)" })
    #expect(entries.map(\.title) == specs.map(\.title))
    #expect(entries.allSatisfy { $0.document.pages.count == 1 })
  }
}
