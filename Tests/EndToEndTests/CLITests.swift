import Foundation
import Testing

/// The `pmreport` executable as a user runs it: exit codes, messages, reproducible bytes.
@Suite(.serialized) struct CLITests {
  /// The executable the end-to-end tests run: `PMREPORT_TEST_BINARY` when set (`make test` sets
  /// it to the release build users run, about three times quicker than the debug build in the
  /// Swift parts, which keeps CI within its time), else the debug build `swift build
  /// --build-tests` makes beside the tests.
  static let binary: String? = {
    if let chosen = ProcessInfo.processInfo.environment["PMREPORT_TEST_BINARY"], !chosen.isEmpty {
      return FileManager.default.isExecutableFile(atPath: chosen) ? chosen : nil
    }
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
      url.deleteLastPathComponent()
      for config in ["debug", "release"] {
        let candidate = url.appendingPathComponent(".build/\(config)/pmreport").path
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
      }
    }
    return nil
  }()

  func pmreport(_ arguments: [String], in directory: String, environment: [String: String] = [:])
    throws
    -> ExecutableRun
  {
    try PMReportProcess(arguments, in: directory, environment: environment).wait(timeout: 120)
  }

  /// Every file under `directory`, by relative path.
  func files(under directory: String) -> [String: Data] {
    var out: [String: Data] = [:]
    let root = URL(fileURLWithPath: directory)
    guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
    else { return out }
    for case let url as URL in walker where !url.hasDirectoryPath {
      out[String(url.path.dropFirst(root.path.count + 1))] = try? Data(contentsOf: url)
    }
    return out
  }

  @Test func twoRunsGiveTheSameBytes() throws {
    let dir = try temporaryDirectory()
    for name in ["a", "b"] {
      let r = try pmreport(
        ["--format", "all", "--dpi", "40", "--output", name, "--quiet"], in: dir)
      #expect(r.status == 0, "\(r.error)")
    }
    let a = files(under: dir + "/a")
    let b = files(under: dir + "/b")
    #expect(a.count > 20)
    #expect(Set(a.keys) == Set(b.keys))
    for (path, data) in a { #expect(b[path] == data, "\(path) differs between runs") }
    #expect(a["manifest.json"] != nil)
    #expect(a.keys.contains("svg/full-report/page-001.svg"))
    #expect(a.keys.contains("png/charts/focus-profile.png"))
  }

  /// A `SOURCE_DATE_EPOCH` that is no date (not a number, or past the year 9999) is ignored as a
  /// word is: the run ends as a run without it does, not in a trap converting it to whole seconds.
  @Test(arguments: ["nan", "inf", "1e300", "-1e20"])
  func anEpochThatIsNoDateIsIgnored(_ epoch: String) throws {
    let dir = try temporaryDirectory()
    let r = try pmreport(
      ["--format", "pdf", "--document", "charts", "--output", "out", "--quiet"], in: dir,
      environment: ["SOURCE_DATE_EPOCH": epoch])
    #expect(r.status == 0, "\(epoch): \(r.error)")
    #expect(FileManager.default.fileExists(atPath: dir + "/out/pdf/charts/overlap.pdf"))
  }

  @Test func letterPaperGivesLetterPages() throws {
    let dir = try temporaryDirectory()
    let r = try pmreport(
      ["--page-size", "letter", "--document", "full-report", "--output", "out"], in: dir)
    #expect(r.status == 0, "\(r.error)")
    let info = try run("pdfinfo", [dir + "/out/pdf/full-report.pdf"]).output
    #expect(info.contains("612 x 792 pts (letter)"))
  }

  @Test func oneLinePerDocumentAndFormatAndWithVerboseOneAFile() throws {
    let dir = try temporaryDirectory()
    let plain = try pmreport(
      ["--document", "full-report", "--format", "pdf", "--format", "svg", "--output", "out"],
      in: dir)
    #expect(plain.status == 0)
    let lines = plain.error.split(separator: "\n").map(String.init)
    #expect(lines.count == 2, "\(plain.error)")
    #expect(lines.first?.hasPrefix("pdf/full-report.pdf  ") == true)
    #expect(lines.first?.contains(" pages  ") == true && lines.first?.hasSuffix(" s") == true)
    #expect(lines.last?.hasPrefix("svg/full-report/  ") == true)
    #expect(lines.last?.contains(" MB  ") == true || lines.last?.contains(" KB  ") == true)
    let quiet = try pmreport(["--document", "full-report", "--output", "out", "--quiet"], in: dir)
    #expect(quiet.status == 0 && quiet.error.isEmpty)
    let r = try pmreport(["--document", "charts", "--output", "out", "-v"], in: dir)
    #expect(r.status == 0)
    let line = try #require(r.error.split(separator: "\n").first { $0.contains("overlap.pdf") })
    #expect(line.hasPrefix("out/pdf/charts/overlap.pdf"))
    #expect(line.contains(" 1 page "))
    #expect(line.contains(" bytes"))
    #expect(line.hasSuffix(" ms"))
  }

  @Test func exitCodesFollowSysexits() throws {
    let dir = try temporaryDirectory()
    // 64: a bad flag value.
    let usage = try pmreport(["--format", "docx"], in: dir)
    #expect(usage.status == 64)
    // 64: an unknown style name, with a suggestion.
    let style = try pmreport(["--style", "clasic", "--output", "o"], in: dir)
    #expect(style.status == 64, "\(style.error)")
    #expect(style.error.contains("classic"))
    // 66: a missing config file.
    let missing = try pmreport(["--config", "nope.yml"], in: dir)
    #expect(missing.status == 66)
    #expect(missing.error.contains("nope.yml"))
    // 65: bad data inside a config, with file:line:column.
    try "documents:\n  - name: x\n    page-size: a3\n".write(
      toFile: dir + "/bad.yml", atomically: true, encoding: .utf8)
    let bad = try pmreport(["--config", "bad.yml", "--output", "o"], in: dir)
    #expect(bad.status == 65)
    #expect(bad.error.contains("bad.yml:3:"))
    // 73: an output folder below a regular file.
    try "x".write(toFile: dir + "/file", atomically: true, encoding: .utf8)
    let output = try pmreport(["--output", "file/sub"], in: dir)
    #expect(output.status == 73, "\(output.error)")
    #expect(output.error.contains("is a file"))
    #expect(!output.error.contains("Fatal error"))
  }

  @Test func aShippedStyleWorksInAnEmptyFolder() throws {
    // No Styles/ folder anywhere: "modern" is the compiled-in copy of Styles/modern.yml.
    let dir = try temporaryDirectory()
    let r = try pmreport(
      ["--style", "modern", "--document", "full-report", "--output", "out"], in: dir)
    #expect(r.status == 0, "\(r.error)")
    let fonts = try run("pdffonts", [dir + "/out/pdf/full-report.pdf"]).output
    #expect(fonts.contains("NotoSans-Regular"))
    #expect(
      !fonts.contains("NotoSerif"),
      "modern sets every text in Noto Sans; classic's body is Noto Serif")
  }

  @Test func theShippedConfigWorksWithoutTheStylesFolder() throws {
    // pmreport.yml's summary uses `style: compact`, found compiled in.
    let dir = try temporaryDirectory()
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent()
      .deletingLastPathComponent().path
    try FileManager.default.copyItem(atPath: root + "/pmreport.yml", toPath: dir + "/pmreport.yml")
    let r = try pmreport(["--document", "summary", "--output", "out"], in: dir)
    #expect(r.status == 0, "\(r.error)")
    #expect(FileManager.default.fileExists(atPath: dir + "/out/pdf/summary.pdf"))
  }

  @Test func aMissingFontFamilyIsAWarningNamingTheSubstitute() throws {
    let dir = try temporaryDirectory()
    try FileManager.default.createDirectory(
      atPath: dir + "/Styles", withIntermediateDirectories: true)
    try "name: odd\nextends: classic\nfonts:\n  heading: No Such Family Anywhere\n"
      .write(toFile: dir + "/Styles/odd.yml", atomically: true, encoding: .utf8)
    let r = try pmreport(["--style", "odd", "--document", "charts", "--output", "out"], in: dir)
    #expect(r.status == 0, "\(r.error)")
    let warning = try #require(
      r.error.split(separator: "\n").first { $0.contains("No Such Family Anywhere") })
    #expect(warning.contains("is not installed"))
    #expect(warning.contains("is used instead"))
  }

  @Test func exportContentRoundTrips() throws {
    let dir = try temporaryDirectory()
    let first = try pmreport(["export-content"], in: dir)
    #expect(first.status == 0)
    try first.output.write(toFile: dir + "/content.yml", atomically: true, encoding: .utf8)
    let second = try pmreport(["export-content", "--content", "content.yml"], in: dir)
    #expect(second.output == first.output)
    let check = try pmreport(["check", "--content", "content.yml"], in: dir)
    #expect(check.status == 0, "\(check.error)")
  }
}
