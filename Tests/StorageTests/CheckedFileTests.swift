import Foundation
import Testing

@testable import Storage

/// The one writer: every failed write is caught (a writer such as cairo 1.16 would report
/// success), its reason kept, and a file that failed never replaces the one before it.
@Suite struct CheckedFileTests {
  @Test func aFailedWriteIsKeptWithTheSystemsReason() throws {
    // /dev/full takes the open and refuses every write with ENOSPC, as a full disk does.
    let file = try CheckedFile(creating: "/dev/full")
    file.write(Array(repeating: UInt8(7), count: 10_000))
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
}
