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
    // A cache's file is not hashed: nobody reads its SHA-256.
    #expect(unsynced == StoredBytes(count: synced.count, sha256: ""))
    #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/unsynced.bin")) == Data(bytes))
    #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/synced.bin")) == Data(bytes))
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == [
        "synced.bin", "unsynced.bin",
      ])
  }

  @Test func aCacheFileMakesItsFolder() throws {
    let dir = try makeTestFolder()
    defer { removeTestFolder(dir) }
    let folder = dir + "/a/b"
    try OutputFile.writeCacheFile([[1, 2], [3]], to: folder + "/c.bin", in: folder)
    #expect(Folder.readFile(folder + "/c.bin") == [1, 2, 3])
    #expect(Folder.readFile(folder) == nil)
    #expect(Folder.readFile(dir + "/missing") == nil)
  }

  @Test func aPageFolderIsSwappedInWholeOrNotAtAll() throws {
    let dir = try makeTestFolder()
    defer { removeTestFolder(dir) }
    let pages = dir + "/svg"
    try OutputFile.replacingDirectory(pages, owning: Self.isPage) { staging in
      for name in ["page-001.svg", "page-002.svg", "page-003.svg"] {
        try OutputFile.writeAtomically(Array(name.utf8), to: staging + "/" + name)
      }
    }
    struct Stop: Error {}
    #expect(throws: Stop.self) {
      try OutputFile.replacingDirectory(pages, owning: Self.isPage) { staging in
        try OutputFile.writeAtomically([1], to: staging + "/page-001.svg")
        throw Stop()
      }
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: pages).count == 3)
    try OutputFile.replacingDirectory(pages, owning: Self.isPage) { staging in
      try OutputFile.writeAtomically([1], to: staging + "/page-001.svg")
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: pages) == ["page-001.svg"])
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["svg"])
  }

  static func isPage(_ name: String) -> Bool { name.hasPrefix("page-") }

  /// Replacing a page folder removes only the pages: a file and a folder someone else put there
  /// are moved into the new folder; a file where the folder should be is left, an error.
  @Test func replacingAPageFolderKeepsWhatItDoesNotOwn() throws {
    let dir = try makeTestFolder()
    defer { removeTestFolder(dir) }
    let pages = dir + "/svg"
    try FileManager.default.createDirectory(
      atPath: pages + "/drafts", withIntermediateDirectories: true)
    for name in ["page-001.svg", "page-002.svg", "notes.txt", "drafts/a.svg"] {
      try OutputFile.writeAtomically(Array(name.utf8), to: pages + "/" + name)
    }
    _ = try OutputFile.replacingDirectory(pages, owning: Self.isPage) { staging in
      try OutputFile.writeAtomically([1], to: staging + "/page-001.svg")
    }
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: pages).sorted() == [
        "drafts", "notes.txt", "page-001.svg",
      ])
    #expect(Folder.readFile(pages + "/notes.txt") == Array("notes.txt".utf8))
    #expect(Folder.readFile(pages + "/drafts/a.svg") == Array("drafts/a.svg".utf8))
    #expect(Folder.readFile(pages + "/page-001.svg") == [1])
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["svg"])
    let file = dir + "/png"
    try OutputFile.writeAtomically([7], to: file)
    #expect(throws: StorageError.self) {
      try OutputFile.replacingDirectory(file, owning: Self.isPage) { _ in }
    }
    #expect(Folder.readFile(file) == [7])
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
