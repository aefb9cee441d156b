import Foundation
import Storage
import Testing

@testable import PMReportKit

/// A worker process answers every line its parent sends with one report, even a line it cannot
/// read: the parent prints a clear internal error (exit 70) instead of a worker gone silent.
@Suite struct WorkerAnswerTests {
  /// The worker's answers (one JSON line each) to `lines`, sent on its standard input.
  static func answers(to lines: [String]) throws -> [UnitReport] {
    let dir = try temporaryDirectory("pmreport-worker")
    let process = Process()
    process.executableURL = URL(
      fileURLWithPath: try #require(CLITests.binary, "build the pmreport executable first"))
    process.arguments = ["--format", "pdf", "--output", "out", "--no-cache", "--worker"]
    process.currentDirectoryURL = URL(fileURLWithPath: dir)
    // A worker is a member of its parent's run: this process holds the run it joins.
    let out = dir + "/out"
    try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
    try RunLock.acquire(in: out)
    defer { RunLock.release(out) }
    process.environment = ProcessInfo.processInfo.environment.merging(
      RunLock.memberEnvironment, uniquingKeysWith: { _, member in member })
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    try process.run()
    try input.fileHandleForWriting.write(contentsOf: Data(lines.map { $0 + "\n" }.joined().utf8))
    try input.fileHandleForWriting.close()
    let answer = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return try answer.split(separator: 0x0A).map {
      try JSONDecoder().decode(UnitReport.self, from: Data($0))
    }
  }

  @Test func aUnitTheWorkerCannotReadIsAnsweredWithAnInternalError() throws {
    let unknown = try String(
      decoding: JSONEncoder().encode(WorkUnit.whole(99, formats: [.pdf])), as: UTF8.self)
    let answers = try Self.answers(to: ["not a work unit", unknown])
    // One answer a line, in order: the worker stays in step with its parent.
    try #require(answers.count == 2)
    for (answer, words) in zip(answers, ["could not read the work unit", "document 99"]) {
      guard case .failure(let failure)? = answer.events.first, answer.events.count == 1 else {
        Issue.record("not one failure: \(answer.events)")
        continue
      }
      #expect(ErrorReport.kind(of: failure.error) == .software)
      #expect(ErrorReport.exitCode(for: failure.error) == 70)
      #expect(failure.message.hasPrefix("pmreport: internal error: "))
      #expect(failure.message.contains(words), "\(failure.message)")
    }
  }
}
