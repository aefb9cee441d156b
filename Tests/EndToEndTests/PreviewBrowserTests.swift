import Foundation
import Testing

/// `pmreport watch --serve` in a real browser: scripts under `Tests/Browser` (Selenium, headless
/// Chromium through /usr/bin/chromedriver) start the built executable on a fresh project and print
/// each case's result as JSON.
@Suite(.serialized) struct PreviewBrowserTests {
  static let folder = AccessibilityTests.root + "/Tests/Browser/"

  /// The script's cases (JSON): "ok" or what failed.
  struct Report: Decodable {
    var passed: Bool
    var cases: [String: String]
  }

  /// `preview_test.py`: the pages, the one-page swap (a raster, then the SVG; later, the rows
  /// that changed since that raster, pushed with no request), the error overlay, click-to-source
  /// (a paragraph's line, a listed chart's entry), a PNG drawn on its page, the raw-socket
  /// refusals, a render between builds, the page's races, the keyboard and Ctrl-C.
  @Test func previewInHeadlessChromium() throws {
    try expectPassed(
      "preview_test.py",
      ["--screenshot", AccessibilityTests.root + "/Output/preview.png"],
      cases: [
        "pages", "one-word-swap", "raster-then-svg", "raster-band", "overlay", "click-to-source",
        "chart-to-source", "image", "sockets", "render-between-builds", "races", "keyboard",
        "interrupt",
      ])
  }

  /// `present_test.py`: a deck's present view full window and full screen, the notes window
  /// opened from it and kept in step by the keys, the plan, the routes' refusals.
  @Test func presentInHeadlessChromium() throws {
    try expectPassed(
      "present_test.py", [], cases: ["slides-window", "notes-window", "keys", "plan", "routes"])
  }

  /// Runs `script` on the built executable and expects each of `cases` to be "ok".
  private func expectPassed(_ script: String, _ arguments: [String], cases: [String]) throws {
    let binary = try #require(CLITests.binary, "build the pmreport executable first")
    let result = try run("python3", [Self.folder + script, "--binary", binary] + arguments)
    let report = try #require(
      try? JSONDecoder().decode(Report.self, from: Data(result.output.utf8)),
      "no report from the script: \(result.output)\n\(result.error)")
    for name in cases {
      #expect(report.cases[name] == "ok", "\(name): \(report.cases[name] ?? "not run")")
    }
    #expect(report.passed && result.status == 0, "\(result.output)\n\(result.error)")
  }
}
