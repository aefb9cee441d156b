import Foundation
import Testing

@testable import Storage

/// cairo's PDF on its way to qpdf: in memory while it is short, in a scratch file beside its
/// target once it passes the limit, every byte in order either way.
@Suite struct ScratchBytesTests {
  private func pieces(_ sizes: [Int]) -> [[UInt8]] {
    sizes.enumerated().map { n, size in (0..<size).map { UInt8(truncatingIfNeeded: $0 &+ n) } }
  }

  @Test func bytesWithinTheLimitStayInMemory() throws {
    let dir = try makeTestFolder()
    defer { removeTestFolder(dir) }
    let scratch = ScratchBytes("cairo", for: dir + "/a.pdf", limit: 100)
    let given = pieces([40, 60])
    for piece in given { piece.withUnsafeBytes { scratch.write($0) } }
    guard case .memory(let bytes) = try scratch.finish() else {
      Issue.record("100 bytes within a limit of 100 went to a file")
      return
    }
    #expect(bytes == given.flatMap { $0 })
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty)
  }

  @Test func bytesPastTheLimitGoToAScratchFileRemovedWithIt() throws {
    let dir = try makeTestFolder()
    defer { removeTestFolder(dir) }
    var path: String?
    do {
      let scratch = ScratchBytes("cairo", for: dir + "/a.pdf", limit: 100)
      let given = pieces([40, 60, 1, 70_000, 3])
      for piece in given { piece.withUnsafeBytes { scratch.write($0) } }
      guard case .file(let file) = try scratch.finish() else {
        Issue.record("101 bytes past a limit of 100 stayed in memory")
        return
      }
      #expect(try Data(contentsOf: URL(fileURLWithPath: file.path)) == Data(given.flatMap { $0 }))
      #expect((file.path as NSString).lastPathComponent.hasPrefix(".a.pdf.cairo.tmp-"))
      path = file.path
    }
    #expect(path.map { !FileManager.default.fileExists(atPath: $0) } == true)
  }

  /// A scratch file that cannot be made is the failure, naming the target; nothing more is taken.
  @Test func aScratchFileThatCannotBeMadeIsTheFailure() throws {
    let target = "/nonexistent-\(UUID().uuidString)/a.pdf"
    let scratch = ScratchBytes("cairo", for: target, limit: 0)
    Array("%PDF".utf8).withUnsafeBytes { scratch.write($0) }
    #expect(scratch.failure as? StorageError == .write(path: target, errno: ENOENT))
    #expect(throws: StorageError.write(path: target, errno: ENOENT)) { _ = try scratch.finish() }
  }
}
