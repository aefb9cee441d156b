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
    // No lock file at all: nothing proves it is a pmreport run's, so it stays.
    fm.createFile(atPath: dir + "/pdf/.c.pdf.tmp-444-dd", contents: nil)
    fm.createFile(atPath: dir + "/pdf/report.pdf", contents: nil)
    fm.createFile(atPath: dir + "/.pmreport-333-cc.lock", contents: nil)
    fm.createFile(atPath: dir + "/.pmreport-111-aa.lock", contents: nil)
    let held = open(dir + "/.pmreport-222-bb.lock", O_RDWR | O_CREAT, 0o644)
    defer { close(held) }
    #expect(flock(held, LOCK_EX) == 0)

    let removed = RunLock.removeLeftovers(in: dir).map { String($0.dropFirst(dir.count + 1)) }
    #expect(
      removed.sorted() == [
        "pdf/.b.pdf.tmp-333-cc", "svg/.full-report.tmp-111-aa",
      ])
    #expect(fm.fileExists(atPath: dir + "/pdf/.a.pdf.tmp-222-bb"))
    #expect(fm.fileExists(atPath: dir + "/pdf/.c.pdf.tmp-444-dd"))
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

extension RunLockTests {
  /// A symlink inside the output folder is never followed: temporaries named like a dead run's
  /// outside the folder stay, and a temporary that is itself a symlink goes without its target.
  @Test func theSweepNeverFollowsASymlink() throws {
    let dir = try makeTestFolder()
    let outside = try makeTestFolder()
    defer {
      removeTestFolder(dir)
      removeTestFolder(outside)
    }
    let fm = FileManager.default
    try fm.createDirectory(atPath: outside + "/sub", withIntermediateDirectories: true)
    for path in ["/.secret.tmp-111-aa", "/sub/.deeper.tmp-111-aa", "/kept.txt"] {
      fm.createFile(atPath: outside + path, contents: Data("mine".utf8))
    }
    try fm.createDirectory(
      atPath: outside + "/.folder.tmp-111-aa", withIntermediateDirectories: true)
    fm.createFile(atPath: outside + "/.folder.tmp-111-aa/page-001.svg", contents: nil)
    fm.createFile(atPath: dir + "/.pmreport-111-aa.lock", contents: nil)  // a dead run's lock
    try fm.createSymbolicLink(atPath: dir + "/linked", withDestinationPath: outside)
    try fm.createDirectory(atPath: dir + "/svg", withIntermediateDirectories: true)
    try fm.createSymbolicLink(atPath: dir + "/svg/charts", withDestinationPath: outside + "/sub")
    try fm.createSymbolicLink(
      atPath: dir + "/svg/.report.tmp-111-aa", withDestinationPath: outside + "/.folder.tmp-111-aa")

    let removed = RunLock.removeLeftovers(in: dir).map { String($0.dropFirst(dir.count + 1)) }
    #expect(removed == ["svg/.report.tmp-111-aa"])
    for path in [
      "/.secret.tmp-111-aa", "/sub/.deeper.tmp-111-aa", "/kept.txt",
      "/.folder.tmp-111-aa/page-001.svg",
    ] {
      #expect(fm.fileExists(atPath: outside + path), "\(path) outside the folder was removed")
    }
  }
}

extension RunLockTests {
  /// Holds `folder` as another run would (its folder lock, and a token lock naming pid 4242).
  func holdAsAnotherRun(_ folder: String, _ operation: Int32) -> [Int32] {
    let fds = [".pmreport.lock", ".pmreport-4242-ab.lock"].map {
      open(folder + "/" + $0, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    }
    #expect(flock(fds[0], operation) == 0 && flock(fds[1], LOCK_SH) == 0)
    return fds
  }

  /// A run holds its own token lock while it lasts, a shard run too: a shard run sharing the
  /// folder must see it alive and never sweep its temporaries.
  @Test func aRunHoldsItsTokenLockWhileItLasts() throws {
    let dir = try makeTestFolder()
    defer { removeTestFolder(dir) }
    let lock = dir + "/" + RunLock.lockName(RunLock.token)
    try RunLock.acquire(in: dir, access: .shared, wait: false)
    // What another run's sweep and waiting message ask (another open file, as another process).
    #expect(RunLock.isHeld(lock))
    RunLock.release(dir)
    #expect(!RunLock.isHeld(lock))
  }

  /// A folder another full run holds is busy (with the other run's pid) for a run told not to
  /// wait; shard runs share it; a run that waits is told whom it waits for, once, then gets in.
  @Test func runsExcludeEachOtherButShardsShare() throws {
    let dir = try makeTestFolder()
    defer { removeTestFolder(dir) }
    var other = holdAsAnotherRun(dir, LOCK_EX)
    #expect(throws: StorageError.busy(path: dir, holder: 4242)) {
      try RunLock.acquire(in: dir, access: .shared, wait: false)
    }
    for fd in other { close(fd) }

    other = holdAsAnotherRun(dir, LOCK_SH)
    try RunLock.acquire(in: dir, access: .shared, wait: false)
    RunLock.release(dir)
    #expect(throws: StorageError.busy(path: dir, holder: 4242)) {
      try RunLock.acquire(in: dir, access: .exclusive, wait: false)
    }

    let release = other
    let releaser = Thread {
      usleep(200_000)
      for fd in release { close(fd) }
    }
    releaser.start()
    var waitedFor: [Int32?] = []
    try RunLock.acquire(in: dir) { waitedFor.append($0) }
    #expect(waitedFor == [4242])
    #expect(FileManager.default.fileExists(atPath: dir + "/.pmreport-\(RunLock.token).lock"))
    RunLock.release(dir)
    #expect(!FileManager.default.fileExists(atPath: dir + "/.pmreport-\(RunLock.token).lock"))
    #expect(FileManager.default.fileExists(atPath: dir + "/.pmreport.lock"))
  }
}
