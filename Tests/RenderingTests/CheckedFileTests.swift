import CCairo
import Foundation
import Testing

@testable import Rendering

/// The one writer: every failed write is caught (cairo 1.16 would report success), its reason kept,
/// and a file that failed never replaces the one before it.
@Suite struct CheckedFileTests {
  @Test func aFailedWriteIsKeptWithTheSystemsReason() throws {
    // /dev/full takes the open and refuses every write with ENOSPC, as a full disk does.
    let file = try CheckedFile(creating: "/dev/full")
    file.write(Array(repeating: UInt8(7), count: 10_000))
    #expect(file.firstError == ENOSPC)
    #expect(CheckedFile.cairoWriter(file.cairoClosure, [1, 2, 3], 3) == CAIRO_STATUS_WRITE_ERROR)
    do {
      _ = try file.finish()
      Issue.record("finish() succeeded after a failed write")
    } catch let error as RenderError {
      guard case .write(let path, let code) = error else {
        Issue.record("\(error)")
        return
      }
      #expect(path == "/dev/full" && code == ENOSPC)
      #expect(error.description == "/dev/full: cannot write: No space left on device")
    }
  }

  @Test func theHashIsTheBytesHash() throws {
    let dir = try temporaryDirectory("pmreport-checked")
    let path = dir + "/a.bin"
    let bytes = (0..<100_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
    let written = try OutputFile.writeAtomically(bytes, to: path)
    #expect(written.bytes == bytes.count)
    #expect(written.sha256 == sha256Hex(path))
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(bytes))
  }

  @Test func aFailedFileNeverReplacesTheEarlierOne() throws {
    let dir = try temporaryDirectory("pmreport-keep-earlier")
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
