import Foundation
import Testing

@testable import Storage

/// Leftovers of runs that are gone are removed; a live run's temporaries are not.
@Suite struct RunLockTests {
  @Test func temporaryNamesGiveTheirRunsToken() {
    #expect(RunLock.ownerToken(ofTemporary: ".full-report.pdf.tmp-123-9af") == "123-9af")
    #expect(RunLock.ownerToken(ofTemporary: ".full-report.tmp-123-9af-old") == "123-9af")
    #expect(RunLock.ownerToken(ofTemporary: ".full-report.tmp-123-9af-old.gone") == "123-9af")
    #expect(RunLock.ownerToken(ofTemporary: "full-report.tmp-123-9af") == nil)
    #expect(RunLock.ownerToken(ofTemporary: ".notes.tmp-mine") == nil)
    #expect(RunLock.ownerToken(ofTemporary: "page-001.svg") == nil)
  }

  @Test func onlyTheTemporariesOfDeadRunsAreRemoved() throws {
    let dir = try makeTestFolder()
    defer { removeTestFolder(dir) }
    let fm = FileManager.default
    try fm.createDirectory(
      atPath: dir + "/svg/.full-report.tmp-111-aa", withIntermediateDirectories: true)
    fm.createFile(
      atPath: dir + "/svg/.full-report.tmp-111-aa/page-001.svg", contents: Data("x".utf8))
    fm.createFile(atPath: dir + "/pdf.tmp", contents: nil)
    try fm.createDirectory(atPath: dir + "/pdf", withIntermediateDirectories: true)
    fm.createFile(atPath: dir + "/pdf/.a.pdf.tmp-222-bb", contents: nil)  // its run holds its lock
    fm.createFile(atPath: dir + "/pdf/.b.pdf.tmp-333-cc", contents: nil)  // its lock is free: dead
    // No lock file at all: dead.
    fm.createFile(atPath: dir + "/pdf/.c.pdf.tmp-444-dd", contents: nil)
    fm.createFile(atPath: dir + "/pdf/report.pdf", contents: nil)
    fm.createFile(atPath: dir + "/.pmreport-333-cc.lock", contents: nil)
    let held = open(dir + "/.pmreport-222-bb.lock", O_RDWR | O_CREAT, 0o644)
    defer { close(held) }
    #expect(flock(held, LOCK_EX) == 0)

    let removed = RunLock.removeLeftovers(in: dir).map { String($0.dropFirst(dir.count + 1)) }
    #expect(
      removed.sorted() == [
        "pdf/.b.pdf.tmp-333-cc", "pdf/.c.pdf.tmp-444-dd", "svg/.full-report.tmp-111-aa",
      ])
    #expect(fm.fileExists(atPath: dir + "/pdf/.a.pdf.tmp-222-bb"))
    #expect(
      fm.fileExists(atPath: dir + "/pdf/report.pdf") && fm.fileExists(atPath: dir + "/pdf.tmp"))
    #expect(!fm.fileExists(atPath: dir + "/.pmreport-333-cc.lock"))
    #expect(fm.fileExists(atPath: dir + "/.pmreport-222-bb.lock"))
  }
}

extension RunLockTests {
  @Test func aLiveRunsOwnTemporariesAreKept() throws {
    let dir = try makeTestFolder()
    defer { removeTestFolder(dir) }
    let mine = OutputFile.temporaryPath(for: dir + "/report.pdf")
    try OutputFile.writeAtomically([0], to: dir + "/report.pdf")
    FileManager.default.createFile(atPath: mine, contents: nil)
    #expect(RunLock.removeLeftovers(in: dir).isEmpty)
    #expect(FileManager.default.fileExists(atPath: mine))
  }
}
