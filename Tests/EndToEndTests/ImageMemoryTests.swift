import Foundation
import Testing

/// The peak memory of a run with four 10,000-pixel-square PNGs.
///
/// They are a few hundred KB each on disk and 400 MB each if decoded whole: each is held at the
/// size it is drawn at, so the run stays within 400 MB (it took 2.3 to 4.5 GB). A long suite: the
/// images are read to their ends twice.
@Suite struct ImageMemoryTests {
  /// The most a run with the four images may hold, in KB (the budget: 400 MB).
  static let budget = 400 * 1024

  @Test func fourHugePNGsStayWithinTheMemoryBudget() throws {
    let binary = try #require(CLITests.binary, "build the pmreport executable first")
    let dir = try temporaryDirectory("images-memory")
    try FileManager.default.createDirectory(
      atPath: dir + "/img", withIntermediateDirectories: true)
    let names = (1...4).map { "huge-\($0).png" }
    for name in names {
      try ImageResolutionTests.writeSolidPNG(dir + "/img/" + name, width: 10_000, height: 10_000)
    }
    try ImageResolutionTests.writeProject(in: dir, images: names)
    let (status, peak) = try Self.peakMemory(
      "cd '\(dir)' && exec '\(binary)' --content content.yml --format pdf --output out --no-cache")
    #expect(status == 0)
    #expect(peak <= Self.budget, "peak resident memory \(peak / 1024) MB, over 400 MB")
    let images = try ImageResolutionTests.pdfImages(dir + "/out/pdf/full-report.pdf")
    #expect(images.count == 4, "\(images)")
  }

  /// Runs `command` with `/bin/sh` and returns its exit status and its peak resident memory in KB
  /// (the child's own, from `wait4`, whatever else the test process runs).
  static func peakMemory(_ command: String) throws -> (status: Int32, kilobytes: Int) {
    var pid: pid_t = 0
    let words: [String] = ["/bin/sh", "-c", command]
    let arguments: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
    defer { for argument in arguments { free(argument) } }
    let spawned = posix_spawn(&pid, "/bin/sh", nil, nil, arguments, environ)
    try #require(spawned == 0, "could not start /bin/sh")
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) == -1 && errno == EINTR {}
    let exit = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    return (exit, usage.ru_maxrss)
  }
}
