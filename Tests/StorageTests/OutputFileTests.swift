import Foundation
import Testing

@testable import Storage

/// Atomic writes: whole or not at all, in both durabilities, and page folders swapped in whole.
@Suite struct OutputFileTests {
  @Test func aWriteThatFailsLeavesTheEarlierFileAsItWas() throws {
    let dir = try makeTestFolder()
    defer { removeTestFolder(dir) }
    let path = dir + "/notes.txt"
    try OutputFile.writeAtomically(Array("earlier".utf8), to: path)
    // The temporary beside it cannot be created: a folder stands where it would go.
    let blocked = OutputFile.temporaryPath(for: path)
    try FileManager.default.createDirectory(atPath: blocked, withIntermediateDirectories: false)
    #expect(throws: StorageError.self) {
      try OutputFile.writeAtomically(Array("later".utf8), to: path)
    }
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "earlier")
    try FileManager.default.removeItem(atPath: blocked)
    // A writer that fails halfway: the file is as it was and no temporary is left.
    #expect(throws: StorageError.self) {
      try OutputFile.atomically(path) { file in
        file.write(Array("half".utf8))
        throw StorageError.write(path: path, errno: EIO)
      }
    }
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "earlier")
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["notes.txt"])
  }

  @Test func theNoSyncModeWritesTheSameBytes() throws {
    let dir = try makeTestFolder()
    defer { removeTestFolder(dir) }
    let bytes = (0..<70_000).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) }
    let synced = try OutputFile.writeAtomically(bytes, to: dir + "/synced.bin")
    let unsynced = try OutputFile.writeAtomically(
      bytes, to: dir + "/unsynced.bin", durability: .unsynced)
    #expect(synced == unsynced)
    #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/unsynced.bin")) == Data(bytes))
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == [
        "synced.bin", "unsynced.bin",
      ])
  }

  @Test func aCacheFileMakesItsFolder() throws {
    let dir = try makeTestFolder()
    defer { removeTestFolder(dir) }
    let folder = dir + "/a/b"
    try OutputFile.writeCacheFile([1, 2, 3], to: folder + "/c.bin", in: folder)
    #expect(Folder.readFile(folder + "/c.bin") == [1, 2, 3])
    #expect(Folder.readFile(folder) == nil)
    #expect(Folder.readFile(dir + "/missing") == nil)
  }

  @Test func aPageFolderIsSwappedInWholeOrNotAtAll() throws {
    let dir = try makeTestFolder()
    defer { removeTestFolder(dir) }
    let pages = dir + "/svg"
    try OutputFile.replacingDirectory(pages) { staging in
      for name in ["page-001.svg", "page-002.svg", "page-003.svg"] {
        try OutputFile.writeAtomically(Array(name.utf8), to: staging + "/" + name)
      }
    }
    struct Stop: Error {}
    #expect(throws: Stop.self) {
      try OutputFile.replacingDirectory(pages) { staging in
        try OutputFile.writeAtomically([1], to: staging + "/page-001.svg")
        throw Stop()
      }
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: pages).count == 3)
    try OutputFile.replacingDirectory(pages) { staging in
      try OutputFile.writeAtomically([1], to: staging + "/page-001.svg")
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: pages) == ["page-001.svg"])
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["svg"])
  }

  @Test func theOutputFolderErrorsSayWhatIsInTheWay() throws {
    let dir = try makeTestFolder()
    defer { removeTestFolder(dir) }
    let file = dir + "/plain"
    try OutputFile.writeAtomically([0], to: file)
    #expect(
      throws: StorageError.outputFolder(
        path: file, reason: "is a file, so it cannot be the output folder", errno: nil)
    ) {
      try FileManager.default.createOutputDirectory(file)
    }
    #expect(
      throws: StorageError.outputFolder(
        path: file + "/out", reason: "cannot create the output folder: \(file) is a file",
        errno: nil)
    ) {
      try FileManager.default.createOutputDirectory(file + "/out")
    }
    try FileManager.default.createOutputDirectory(dir + "/x/y")
    var isFolder: ObjCBool = false
    #expect(FileManager.default.fileExists(atPath: dir + "/x/y", isDirectory: &isFolder))
    #expect(isFolder.boolValue)
  }
}
