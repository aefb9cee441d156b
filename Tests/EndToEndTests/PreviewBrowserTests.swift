import Foundation
import Testing

/// `pmreport watch --serve` in a real browser: `Tests/Browser/preview_test.py` (Selenium, headless
/// Chromium through /usr/bin/chromedriver) starts the built executable on a fresh project and
/// checks the pages, the one-page swap, the error overlay, click-to-source, a PNG drawn on its
/// page, the raw-socket refusals, the page's races and Ctrl-C; it prints each case's result as
/// JSON.
@Suite(.serialized) struct PreviewBrowserTests {
  static let script = AccessibilityTests.root + "/Tests/Browser/preview_test.py"

  /// The script's cases (JSON): "ok" or what failed.
  struct Report: Decodable {
    var passed: Bool
    var cases: [String: String]
  }

  @Test func previewInHeadlessChromium() throws {
    let binary = try #require(CLITests.binary, "build the pmreport executable first")
    let result = try run(
      "python3",
      [
        Self.script, "--binary", binary, "--screenshot",
        AccessibilityTests.root + "/Output/preview.png",
      ])
    let report = try #require(
      try? JSONDecoder().decode(Report.self, from: Data(result.output.utf8)),
      "no report from the script: \(result.output)\n\(result.error)")
    for name in [
      "pages", "one-word-swap", "overlay", "click-to-source", "image", "sockets", "races",
      "interrupt",
    ] {
      #expect(report.cases[name] == "ok", "\(name): \(report.cases[name] ?? "not run")")
    }
    #expect(report.passed && result.status == 0, "\(result.output)\n\(result.error)")
  }
}
