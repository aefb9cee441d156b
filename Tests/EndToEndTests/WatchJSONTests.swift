import Foundation
import Testing

/// `pmreport watch --json` as an editor follows it: one JSON line a build on standard output, in
/// the `--json` report's schema, a bad save's error among them, until Ctrl-C.
@Suite(.serialized, .tags(.long)) struct WatchJSONTests {
  /// Waits (generously: the machine may be loaded) until standard output holds `count` whole
  /// lines, or the process ends; returns the lines there are then.
  func lines(_ count: Int, from process: PMReportProcess) -> [String] {
    let deadline = Date().addingTimeInterval(240)
    var lines: [String] = []
    while Date() < deadline {
      let output = process.outputSoFar
      lines = output.split(separator: "\n").map(String.init)
      if !output.hasSuffix("\n") { lines = lines.dropLast() }
      if lines.count >= count || !process.isRunning { break }
      usleep(20_000)
    }
    return lines
  }

  /// The report on `line`, checked against the schema.
  func report(_ line: String) throws -> [String: Any] {
    #expect(try ReportingTests.violation(line) == nil, "\(line)")
    return try #require(
      try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "\(line)")
  }

  /// The paths of the files a report lists.
  func paths(_ report: [String: Any]) -> [String] {
    (report["files"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String }
  }

  /// The messages of the failures a report lists.
  func failures(_ report: [String: Any]) -> [String] {
    (report["failures"] as? [[String: Any]] ?? []).compactMap { $0["message"] as? String }
  }

  @Test func streamsAReportLineABuildAndAnErrorLineForABadSave() throws {
    let dir = try temporaryDirectory("pmreport-watch-json")
    let arguments = try ContentFixture.write([WatchTests.section], document: "watched", in: dir)
    let content = dir + "/content.yml"
    let original = try String(contentsOfFile: content, encoding: .utf8)
    let watch = try PMReportProcess(["watch", "--json"] + arguments, in: dir)
    defer { if watch.isRunning { watch.send(SIGKILL) } }

    let first = lines(1, from: watch)
    try #require(first.count == 1, "no report of the first build: \(watch.errorSoFar)")
    let built = try report(first[0])
    #expect(paths(built) == ["pdf/watched.pdf"])
    #expect(failures(built).isEmpty)

    // A good save: a second line, listing the file as it is now.
    let edited = original.replacingOccurrences(of: "says alpha", with: "says omega")
    try WatchTests().save(edited, to: content)
    let second = lines(2, from: watch)
    try #require(second.count == 2, "no report of the rebuild: \(watch.errorSoFar)")
    let rebuilt = try report(second[1])
    #expect(paths(rebuilt) == ["pdf/watched.pdf"])
    let sha256 = (rebuilt["files"] as? [[String: Any]])?.first?["sha256"] as? String
    #expect(sha256 == ConcurrentRunTests.sha256Hex(ofFile: dir + "/out/pdf/watched.pdf"))
    #expect(try PDFText.pages(dir + "/out/pdf/watched.pdf").joined().contains("omega"))

    // A bad save: a line with the error at its place and no file; watch goes on.
    try WatchTests().save(edited + "\nsections: [unclosed\n", to: content)
    let third = lines(3, from: watch)
    try #require(third.count == 3, "no report of the bad save: \(watch.errorSoFar)")
    let refused = try report(third[2])
    #expect(paths(refused).isEmpty)
    #expect(failures(refused).contains { $0.contains("content.yml:") }, "\(third[2])")
    #expect(watch.isRunning)

    // Ctrl-C: ends with 128 + SIGINT, and standard output held nothing but those lines.
    watch.send(SIGINT)
    let ended = watch.wait(timeout: 30)
    #expect(!ended.timedOut && ended.status == 128 + SIGINT, "\(ended.summary)")
    #expect(ended.output.split(separator: "\n").count == 3, "\(ended.output)")
  }
}
