import Foundation
import Testing

@testable import Storage

/// The one writer: every failed write is caught (a writer such as cairo 1.16 would report
/// success), its reason kept, and a file that failed never replaces the one before it.
@Suite struct CheckedFileTests {
  @Test func aFailedWriteIsKeptWithTheSystemsReason() throws {
    // /dev/full takes the open and refuses every write with ENOSPC, as a full disk does.
    let file = try CheckedFile(creating: "/dev/full")
    // Bytes that fill the buffer go out at once, and fail at once.
    file.write(Array(repeating: UInt8(7), count: CheckedFile.bufferSize + 1))
    #expect(file.firstError == ENOSPC)
    #expect(file.failure == .write(path: "/dev/full", errno: ENOSPC))
    do {
      _ = try file.finish()
      Issue.record("finish() succeeded after a failed write")
    } catch let error as StorageError {
      #expect(error == .write(path: "/dev/full", errno: ENOSPC))
      #expect(error.description == "/dev/full: cannot write: No space left on device")
    }
  }

  /// A few bytes wait in the buffer; their failure is there by the time the file is finished.
  @Test func aFailedSmallWriteIsReportedByFinish() throws {
    let file = try CheckedFile(creating: "/dev/full")
    file.write(Array("a few bytes".utf8))
    #expect(throws: StorageError.write(path: "/dev/full", errno: ENOSPC)) {
      _ = try file.finish(.unsynced)
    }
    #expect(file.firstError == ENOSPC)
  }

  /// Pieces of every size (cairo's few dozen bytes, pieces larger than the buffer) land in order,
  /// hashed in order.
  @Test func piecesOfEverySizeLandInOrder() throws {
    let dir = try makeTestFolder()
    defer { removeTestFolder(dir) }
    let path = dir + "/pieces.bin"
    var all: [UInt8] = []
    let written = try OutputFile.atomically(path) { file in
      for (n, size) in [1, 37, CheckedFile.bufferSize - 10, 20, 3 * CheckedFile.bufferSize, 5]
        .enumerated()
      {
        let piece = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ n) }
        all += piece
        file.write(piece)
      }
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(all))
    let hasher = SHA256()
    hasher.update(all)
    #expect(written == StoredBytes(count: all.count, sha256: hasher.hexDigest()))
  }

  @Test func theHashIsTheBytesHash() throws {
    let dir = try makeTestFolder()
    defer { removeTestFolder(dir) }
    let path = dir + "/a.bin"
    let bytes = (0..<100_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
    let written = try OutputFile.writeAtomically(bytes, to: path)
    let hasher = SHA256()
    hasher.update(bytes)
    #expect(written.count == bytes.count)
    #expect(written.sha256 == hasher.hexDigest())
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(bytes))
  }

  @Test func aFailedFileNeverReplacesTheEarlierOne() throws {
    let dir = try makeTestFolder()
    defer { removeTestFolder(dir) }
    let path = dir + "/report.pdf"
    try OutputFile.writeAtomically(Array("earlier".utf8), to: path)
    struct Stop: Error {}
    #expect(throws: Stop.self) {
      try OutputFile.atomically(path) { file in
        file.write(Array("half a new fi".utf8))
        throw Stop()
      }
    }
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "earlier")
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["report.pdf"])
  }

  /// A symbolic link planted at a temporary's name (to a file the attacker wants overwritten) is
  /// removed, not followed: the file it pointed to keeps its bytes.
  @Test func aSymbolicLinkAtTheTemporarysNameIsNotFollowed() throws {
    let dir = try makeTestFolder()
    defer { removeTestFolder(dir) }
    let victim = dir + "/victim.txt"
    try "precious".write(toFile: victim, atomically: true, encoding: .utf8)
    let path = dir + "/report.pdf"
    let temp = OutputFile.temporaryPath(for: path)
    try FileManager.default.createSymbolicLink(atPath: temp, withDestinationPath: victim)
    try OutputFile.writeAtomically(Array("new report".utf8), to: path)
    #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious")
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "new report")
    let planted = dir + "/page.svg"
    try FileManager.default.createSymbolicLink(atPath: planted, withDestinationPath: victim)
    let file = try CheckedFile(creating: planted)
    file.write(Array("page".utf8))
    _ = try file.finish()
    #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious")
  }
}
