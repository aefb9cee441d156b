import Foundation
import Testing
import TextShaping

@testable import PMReportKit

/// `pmreport doctor`: each check names what failed and the package that fixes it.
@Suite struct DoctorTests {
  @Test func anAbsentFontNamesWhatFontconfigWouldUseAndThePackage() {
    let missing = Doctor.fontCheck(
      "Noto Serif", style: "classic", substitute: { _ in "DejaVu Serif" })
    #expect(!missing.passed)
    #expect(
      missing.line
        == "✗ font 'Noto Serif' (style 'classic'): not installed; fontconfig would use "
        + "'DejaVu Serif'; apt-get install fonts-noto-core")
    let unknown = Doctor.fontCheck("Comic Neue", style: "fun", substitute: { _ in "DejaVu Sans" })
    #expect(unknown.fix == "install a font with that family")
    #expect(Doctor.fontCheck("Noto Sans", style: "classic", substitute: { _ in nil }).passed)
  }

  @Test func aLanguageWithoutPatternsNamesItsHyphenPackage() {
    let check = Doctor.hyphenationCheck("hu", dictionary: { _ in nil })
    #expect(!check.passed)
    #expect(check.fix == "apt-get install hyphen-hu")
    #expect(
      Doctor.hyphenationCheck("en-GB", dictionary: { _ in nil }).fix
        == "apt-get install hyphen-en-us")
    #expect(Doctor.hyphenationCheck("de", dictionary: { _ in "/x/hyph_de_DE.dic" }).passed)
  }

  /// Debian's `hyph_es_AR.dic` (what a tag without region finds first) is a link to
  /// `hyph_es_ES.dic`: doctor names the file libhyphen really reads.
  @Test func theHyphenationCheckNamesTheDictionaryReallyRead() throws {
    let folder = try temporaryDirectory("pmreport-doctor-hyphen")
    try "UTF-8\n".write(toFile: folder + "/hyph_es_ES.dic", atomically: true, encoding: .utf8)
    try FileManager.default.createSymbolicLink(
      atPath: folder + "/hyph_es_AR.dic", withDestinationPath: "hyph_es_ES.dic")
    let check = Doctor.hyphenationCheck(
      "es", dictionary: { Hyphenator.dictionaryPath(forLanguage: $0, in: [folder]) })
    #expect(check.passed)
    #expect(check.detail == folder + "/hyph_es_ES.dic")
  }

  @Test func oldLibrariesFail() {
    #expect(!Doctor.versionCheck("cairo", "1.14.12", least: [1, 16], package: "libcairo2").passed)
    #expect(Doctor.versionCheck("cairo", "1.18.0", least: [1, 16], package: "libcairo2").passed)
    #expect(Doctor.versionCheck("cairo", "1.16.0", least: [1, 16], package: "libcairo2").passed)
  }

  @Test func anUnwritableOutputFolderFails() throws {
    let checks = Doctor.outputFolderChecks("/proc/pmreport-output")
    #expect(checks.first?.passed == false)
    #expect(checks.first?.detail.contains("is not writable") == true)
  }

  /// The command as a user runs it: this machine has what the shipped config needs; a style
  /// naming an absent family, and content in a language without patterns, fail with exit 69.
  @Test func theCommandPassesHereAndFailsOnWhatIsMissing() throws {
    let good = try PMReportProcess(["doctor"], in: AccessibilityTests.root).wait(timeout: 60)
    #expect(good.status == 0, "\(good.output)")
    #expect(good.output.contains("✓ font 'Noto Serif'"))
    let dir = try temporaryDirectory("pmreport-doctor")
    try "extends: classic\nfonts:\n  body: Nonexistent Serif Pro\n".write(
      toFile: dir + "/odd.yml", atomically: true, encoding: .utf8)
    try "---\ntitle: Teszt\nlang: hu\n---\n# Bevezetés\n\nSzöveg.\n".write(
      toFile: dir + "/content.md", atomically: true, encoding: .utf8)
    let bad = try PMReportProcess(
      ["doctor", "--style", "odd.yml", "--content", "content.md"], in: dir
    ).wait(timeout: 60)
    #expect(bad.status == 69)
    #expect(bad.output.contains("✗ font 'Nonexistent Serif Pro'"))
    #expect(bad.output.contains("✗ hyphenation for 'hu'"))
    #expect(bad.output.contains("apt-get install hyphen-hu"))
  }

  @Test func versionNamesTheCommitAndTheLibraries() throws {
    let run = try PMReportProcess(["--version"], in: AccessibilityTests.root).wait(timeout: 30)
    #expect(run.status == 0)
    let lines = run.output.split(separator: "\n")
    #expect(lines.first?.hasPrefix("pmreport \(ProgramVersion.number) (commit ") == true)
    #expect(lines.last?.hasPrefix("cairo 1.") == true)
    #expect(run.output.contains("Pango 1.") && run.output.contains("HarfBuzz "))
    #if os(Linux)
    // The binary loads jemalloc (AllocatorTests checks that every library allocates through it).
    #expect(lines.last?.contains(", jemalloc 5.") == true)
    #endif
  }
}
