import Foundation
import Testing

/// A personalised summary's process keeps one copy of a CJK font's table, not two (the allocator
/// policy of `CSpareBlock`).
///
/// cairo copies the whole CFF table of Noto Sans CJK Bold (16.0 MB) and Regular (15.5 MB) for each
/// summary with a CJK name. With glibc's dynamic thresholds the copies went to the heap, where the
/// Regular copy's hole was pinned and too small for the Bold one: two copies' worth stayed resident.
/// The spare block serves both. Measured on the shipped fonts (peak resident memory of a CJK run
/// over that of a Latin one, 8 names each, one process): 100–103 MB with glibc's thresholds alone,
/// 90–91 MB with the policy (the fonts' mapped file pages are most of either).
@Suite struct SpareBlockMemoryTests {
  /// The most the CJK run's peak may exceed the Latin run's, in KB: midway between the two.
  static let extraBudget = 95 * 1024

  /// The peak resident memory, in KB, of a one-process summary run over `names`.
  static func peak(summariesFor names: [String]) throws -> Int {
    let binary = try #require(CLITests.binary, "build the pmreport executable first")
    let dir = try temporaryDirectory("spare-block")
    try ("name\n" + names.joined(separator: "\n") + "\n").write(
      toFile: dir + "/roster.csv", atomically: true, encoding: .utf8)
    let (status, peak) = try ImageMemoryTests.peakMemory(
      "cd '\(PersonalisedTests.root)' && exec '\(binary)' --document summary --roster "
        + "'\(dir)/roster.csv' --jobs 1 --no-cache --format pdf --output '\(dir)/out' 2>/dev/null")
    #expect(status == 0)
    return peak
  }

  @Test func cjkSummariesKeepOneFontTableCopy() throws {
    let cjk = (1...8).map { ["王芳", "李伟", "佐藤 花子", "김민준"][$0 % 4] + " \($0)" }
    let latin = (1...8).map { "Ana Souza \($0)" }
    let extra = try Self.peak(summariesFor: cjk) - Self.peak(summariesFor: latin)
    #expect(
      extra <= Self.extraBudget,
      "the CJK summaries' peak is \(extra / 1024) MB over the Latin ones' (at most 95 MB)")
  }
}
