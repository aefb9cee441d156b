import Foundation
import Testing

/// Settings merged once (command line > document > config > style) and checked as merged, run
/// through the `pmreport` executable.
@Suite(.serialized) struct ResolvedSettingsTests {
  /// Margins that fit A4 (595 pt) but not A5 (419.5 pt).
  static let wideStyle = "extends: classic\npage:\n  margin-left: 215\n  margin-right: 215\n"

  func folder() throws -> String {
    let dir = try temporaryDirectory()
    try FileManager.default.createDirectory(
      atPath: dir + "/Styles", withIntermediateDirectories: true)
    try Self.wideStyle.write(toFile: dir + "/Styles/wide.yml", atomically: true, encoding: .utf8)
    return dir
  }

  @Test func marginsTooWideForTheCommandLinePaperAreAnInputError() throws {
    let dir = try folder()
    // On A4 the style passes the checks (its 165 pt column is too narrow for the radar chart, so
    // `check`, which lays nothing out).
    let a4 = try PMReportProcess(["check", "--style", "wide"], in: dir).wait(timeout: 120)
    #expect(a4.status == 0, "\(a4.summary)")
    // On A5 it leaves no room for text: exit 65 with the style's file, line and column, not SIGILL.
    let a5 = try PMReportProcess(
      ["--style", "wide", "--page-size", "a5", "--output", "a5"], in: dir
    ).wait(timeout: 120)
    #expect(!a5.crashed, "\(a5.summary)")
    #expect(a5.status == 65, "\(a5.summary)")
    #expect(
      a5.error.contains(
        "Styles/wide.yml:3:16: error: page.margin-left: margin-left 215 + margin-right 215 = 430 pt"
          + " leaves -10.47 pt for text on a5 portrait paper (419.53 pt wide, paper from --page-size)"
      ),
      "\(a5.error)")
    #expect(!FileManager.default.fileExists(atPath: dir + "/a5/pdf"))
  }

  @Test func marginsTooWideForADocumentsPageSizeNameTheConfig() throws {
    let dir = try folder()
    try "style: wide\ndocuments:\n  - name: small\n    page-size: a5\n"
      .write(toFile: dir + "/pmreport.yml", atomically: true, encoding: .utf8)
    let r = try PMReportProcess(["--output", "out"], in: dir).wait(timeout: 120)
    #expect(!r.crashed, "\(r.summary)")
    #expect(r.status == 65, "\(r.summary)")
    #expect(
      r.error.contains(
        "Styles/wide.yml:3:16: error: page.margin-left: margin-left 215 + margin-right 215 = 430 pt"
          + " leaves -10.47 pt for text on a5 portrait paper (419.53 pt wide, paper from"
          + " documents[0].page-size at pmreport.yml:4:16)"), "\(r.error)")
    // `check` finds it too, without rendering.
    let check = try PMReportProcess(["check"], in: dir).wait(timeout: 120)
    #expect(check.status == 65, "\(check.summary)")
    #expect(check.error.contains("page.margin-left"))
  }

  @Test func marginsWithUnitsRender() throws {
    let dir = try folder()
    try
      "extends: classic\npage:\n  margin-left: 1in\n  margin-right: 25.4mm\n  margin-top: \"2.54cm\"\n"
      .write(toFile: dir + "/Styles/units.yml", atomically: true, encoding: .utf8)
    let r = try PMReportProcess(
      ["--style", "units", "--document", "full-report", "--output", "o", "--quiet"],
      in: dir
    ).wait(timeout: 120)
    #expect(r.status == 0, "\(r.summary)")
    let bad = try PMReportProcess(["check", "--style", "Styles/wide.yml"], in: dir).wait(
      timeout: 120)
    #expect(bad.status == 0, "\(bad.summary)")
    try "page:\n  margin-left: 1 inch\n".write(
      toFile: dir + "/Styles/typo.yml", atomically: true, encoding: .utf8)
    let typo = try PMReportProcess(["--style", "typo", "--output", "t"], in: dir).wait(timeout: 120)
    #expect(typo.status == 65, "\(typo.summary)")
    #expect(
      typo.error.contains(
        "Styles/typo.yml:2:16: error: page.margin-left: unknown unit 'inch' in '1 inch'"),
      "\(typo.error)")
  }
}
