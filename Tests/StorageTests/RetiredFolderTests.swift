import Foundation
import Testing

@testable import Storage

/// A retired page folder (`-old`) still holds the user's files until they are moved: neither the
/// sweep of a dead run's temporaries nor the cleanup of an interrupted run deletes it whole.
@Suite struct RetiredFolderTests {
  @Test func theSweepKeepsTheUserFilesOfADeadRunsRetiredFolder() throws {
    let dir = try makeTestFolder()
    defer { removeTestFolder(dir) }
    let fm = FileManager.default
    let retired = dir + "/svg/.full-report.tmp-111-aa-old"
    try fm.createDirectory(atPath: retired, withIntermediateDirectories: true)
    fm.createFile(atPath: retired + "/page-001.svg", contents: Data("x".utf8))
    fm.createFile(atPath: retired + "/notes.txt", contents: Data("mine".utf8))
    fm.createFile(atPath: dir + "/.pmreport-111-aa.lock", contents: nil)  // a dead run's lock

    RunLock.removeLeftovers(in: dir)
    #expect(fm.fileExists(atPath: retired + "/notes.txt"))
    #expect(!fm.fileExists(atPath: retired + "/page-001.svg"))
  }

  @Test func theSweepRemovesARetiredFolderHoldingOnlyPages() throws {
    let dir = try makeTestFolder()
    defer { removeTestFolder(dir) }
    let fm = FileManager.default
    let retired = dir + "/svg/.full-report.tmp-111-aa-old.gone"
    try fm.createDirectory(atPath: retired, withIntermediateDirectories: true)
    fm.createFile(atPath: retired + "/page-001.svg", contents: Data("x".utf8))
    fm.createFile(atPath: dir + "/.pmreport-111-aa.lock", contents: nil)

    let removed = RunLock.removeLeftovers(in: dir)
    #expect(removed == [retired])
    #expect(!fm.fileExists(atPath: retired))
  }

  @Test func anInterruptKeepsTheUserFilesOfARetiredFolder() throws {
    let dir = try makeTestFolder()
    defer { removeTestFolder(dir) }
    let fm = FileManager.default
    let retired = OutputFile.temporaryPath(for: dir + "/svg") + "-old"
    try fm.createDirectory(atPath: retired, withIntermediateDirectories: true)
    fm.createFile(atPath: retired + "/page-001.svg", contents: Data("x".utf8))
    fm.createFile(atPath: retired + "/notes.txt", contents: Data("mine".utf8))

    TemporaryFiles.removeAside(retired)
    #expect(fm.fileExists(atPath: retired + ".gone/notes.txt"))
    #expect(!fm.fileExists(atPath: retired + ".gone/page-001.svg"))
  }
}

/// A run adopts a run token from its environment only as a worker of that run.
@Suite struct RunTokenTests {
  @Test func aTopLevelRunIgnoresAnInheritedToken() {
    setenv(RunLock.memberVariable, "1-abc", 1)
    defer { unsetenv(RunLock.memberVariable) }
    #expect(RunLock.token != "1-abc")
    #expect(RunLock.token.split(separator: "-").first == Substring(String(getpid())))
  }
}
