import Foundation
import Testing

@testable import Storage

/// Files handed over to be put in place behind their writer: whole, in place once settled, and a
/// failure keeps what came before, drops what came after and leaves no temporary.
@Suite struct SettlingFilesTests {
  @Test func filesHandedOverLandWholeOnceSettled() throws {
    let dir = try makeTestFolder()
    defer { removeTestFolder(dir) }
    let settling = SettlingFiles()
    let bytes = (0..<70_000).map { UInt8(truncatingIfNeeded: $0 &* 13 &+ 1) }
    var stored: [StoredBytes] = []
    for index in 0..<10 {
      stored.append(
        try OutputFile.handOver(dir + "/file-\(index).bin", to: settling) { $0.write(bytes) })
    }
    try settling.settle()
    #expect(settling.handedOver == 10 && settling.inPlace == 10)
    let direct = try OutputFile.writeAtomically(bytes, to: dir + "/direct.bin")
    #expect(stored.allSatisfy { $0 == direct })
    for index in 0..<10 {
      #expect(Folder.readFile(dir + "/file-\(index).bin") == bytes)
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir).count == 11)
  }

  @Test func theSameFileHandedOverTwiceLandsLast() throws {
    let dir = try makeTestFolder()
    defer { removeTestFolder(dir) }
    let settling = SettlingFiles()
    _ = try OutputFile.handOver(dir + "/a.txt", to: settling) { $0.write(Array("first".utf8)) }
    _ = try OutputFile.handOver(dir + "/a.txt", to: settling) { $0.write(Array("second".utf8)) }
    try settling.settle()
    #expect(try String(contentsOfFile: dir + "/a.txt", encoding: .utf8) == "second")
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["a.txt"])
  }

  @Test func aFailureKeepsWhatCameBeforeAndDropsWhatCameAfter() throws {
    let dir = try makeTestFolder()
    defer { removeTestFolder(dir) }
    try OutputFile.writeAtomically(Array("earlier".utf8), to: dir + "/c.txt")
    // A folder that is not empty stands where the second file would land: its rename fails.
    try FileManager.default.createDirectory(
      atPath: dir + "/blocked/inside", withIntermediateDirectories: true)
    let settling = SettlingFiles()
    _ = try OutputFile.handOver(dir + "/a.txt", to: settling) { $0.write(Array("a".utf8)) }
    _ = try OutputFile.handOver(dir + "/blocked", to: settling) { $0.write(Array("b".utf8)) }
    // Thrown here when the failure is already known, else dropped on the settling thread.
    _ = try? OutputFile.handOver(dir + "/c.txt", to: settling) { $0.write(Array("later".utf8)) }
    #expect(throws: StorageError.self) { try settling.settle() }
    #expect(throws: StorageError.self) {
      try OutputFile.handOver(dir + "/d.txt", to: settling) { $0.write(Array("d".utf8)) }
    }
    #expect(settling.inPlace == 1)
    #expect(try String(contentsOfFile: dir + "/a.txt", encoding: .utf8) == "a")
    #expect(try String(contentsOfFile: dir + "/c.txt", encoding: .utf8) == "earlier")
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == [
        "a.txt", "blocked", "c.txt",
      ])
  }

  /// What a group's files were asked to do, in order.
  final class CallLog: @unchecked Sendable {
    // @unchecked: `calls` is used under `lock`.
    private let lock = NSLock()
    private var calls: [String] = []
    var all: [String] { lock.withLock { calls } }
    func add(_ call: String) { lock.withLock { calls.append(call) } }
  }

  /// A file that records its calls, its flush or its rename failing when told.
  struct RecordedFile: SettlingFile {
    let temp: String
    let log: CallLog
    var flushFails = false
    var placeFails = false

    func startWriteback() { log.add("writeback \(temp)") }
    func flush() throws {
      log.add("flush \(temp)")
      if flushFails { throw StorageError.write(path: temp, errno: EIO) }
    }
    func place() throws {
      log.add("rename \(temp)")
      if placeFails { throw StorageError.write(path: temp, errno: EISDIR) }
    }
    func drop() { log.add("drop \(temp)") }
  }

  @Test func aGroupIsFlushedWholeBeforeAnyOfItIsRenamedInOrder() {
    let log = CallLog()
    let files = ["a", "b", "c"].map { RecordedFile(temp: $0, log: log) }
    let outcome = SettlingFiles.putInPlace(files)
    #expect(outcome.placed == 3 && outcome.failure == nil)
    #expect(
      log.all == [
        "writeback a", "writeback b", "writeback c", "flush a", "flush b", "flush c", "rename a",
        "rename b", "rename c",
      ])
  }

  @Test func aFailedFlushInAGroupPlacesTheFilesBeforeItAndDropsThoseAfter() {
    let log = CallLog()
    var files = ["a", "b", "c", "d"].map { RecordedFile(temp: $0, log: log) }
    files[2].flushFails = true
    let outcome = SettlingFiles.putInPlace(files)
    #expect(outcome.placed == 2 && outcome.failure != nil)
    #expect(
      log.all.dropFirst(4) == [
        "flush a", "flush b", "flush c", "rename a", "rename b", "drop d",
      ])
  }

  @Test func aFailedRenameInAGroupDropsTheFlushedFilesAfterIt() {
    let log = CallLog()
    var files = ["a", "b", "c", "d"].map { RecordedFile(temp: $0, log: log) }
    files[1].placeFails = true
    files[3].flushFails = true
    let outcome = SettlingFiles.putInPlace(files)
    #expect(outcome.placed == 1)
    #expect((outcome.failure as? StorageError) == .write(path: "b", errno: EISDIR))
    #expect(
      log.all.dropFirst(4) == [
        "flush a", "flush b", "flush c", "flush d", "rename a", "rename b", "drop c",
      ])
  }
}
