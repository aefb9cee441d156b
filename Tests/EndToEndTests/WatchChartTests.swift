import Foundation
import Testing

@testable import PMReportKit

/// `pmreport watch` keeps the charts it laid out (``ChartLayouts``): after a chart's data or the
/// style changes, and after an edit elsewhere that keeps the charts, each chart's file is what a
/// fresh render of the same inputs writes.
@Suite(.serialized, .tags(.long)) struct WatchChartTests {
  let watching = WatchTests()

  @Test func chartsFollowTheirDataAndTheStyleAndStayAFreshRendersOtherwise() throws {
    let dir = try temporaryDirectory("pmreport-watch-charts")
    let arguments =
      try ContentFixture.write([WatchTests.section], document: "watched", in: dir).map {
        $0 == "watched" ? "charts" : $0
      }
    // The config names a style file of the project's, saved over later as an editor saves.
    let config = try String(contentsOfFile: dir + "/pmreport.yml", encoding: .utf8)
    try (config + "style: house.yml\n").write(
      toFile: dir + "/pmreport.yml", atomically: true, encoding: .utf8)
    try "name: house\n".write(toFile: dir + "/house.yml", atomically: true, encoding: .utf8)
    let content = dir + "/content.yml"
    let original = try String(contentsOfFile: content, encoding: .utf8)
    let charts = ["focus-profile", "focus-difference", "overlap", "stakeholders"]
    let watch = try PMReportProcess(["watch"] + arguments, in: dir)
    defer { if watch.isRunning { watch.send(SIGKILL) } }
    try #require(watching.waitFor("built in", in: watch), "no first build: \(watch.errorSoFar)")

    /// Each chart's PDF as watch wrote it, checked to be a fresh render's of the inputs now.
    func written(_ step: String) throws -> [Data] {
      let fresh = try runPMReport(arguments.map { $0 == "out" ? "fresh" : $0 }, in: dir)
      #expect(fresh.status == 0, "\(step): \(fresh.summary)")
      return try charts.map { chart in
        let watched = try Data(
          contentsOf: URL(fileURLWithPath: dir + "/out/pdf/charts/\(chart).pdf"))
        let rendered = try Data(
          contentsOf: URL(fileURLWithPath: dir + "/fresh/pdf/charts/\(chart).pdf"))
        #expect(watched == rendered, "\(step): \(chart)")
        return watched
      }
    }
    let first = try written("first build")

    // A score of the radar and the diverging bars.
    let rescored = original.replacingOccurrences(
      of: "- label: Market insight\n  business: 5\n  technical: 2",
      with: "- label: Market insight\n  business: 5\n  technical: 4")
    try #require(rescored != original)
    try watching.save(rescored, to: content)
    try #require(watching.waitFor("rebuilt in", in: watch), "no rebuild: \(watch.errorSoFar)")
    let afterScores = try written("a score changed")
    #expect(afterScores[0] != first[0] && afterScores[1] != first[1])

    // An edit outside the charts' data: every chart kept.
    try watching.save(
      rescored.replacingOccurrences(of: "says alpha", with: "says omega"), to: content)
    try #require(
      watching.waitFor("rebuilt in", count: 2, in: watch), "no rebuild: \(watch.errorSoFar)")
    #expect(try written("an edit elsewhere") == afterScores)

    // The style's chart colours.
    try watching.save(
      "name: house\ncharts:\n  palette: [\"#000000\", \"#0072B2\"]\n", to: dir + "/house.yml")
    try #require(
      watching.waitFor("rebuilt in", count: 3, in: watch), "no rebuild: \(watch.errorSoFar)")
    let recoloured = try written("the style's palette changed")
    #expect(recoloured[0] != afterScores[0])
    watch.send(SIGINT)
    #expect(!watch.wait(timeout: 30).timedOut)
  }
}
