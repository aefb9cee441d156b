import Foundation
import Testing

@testable import Storage

/// The folder operations other modules use instead of opening files themselves.
@Suite struct FolderTests {
  /// The probe makes a file and removes it: a writable folder passes and is left as it was; a
  /// folder no file can be made in (`/proc`, even for root) fails.
  @Test func theWritabilityProbeLeavesNothingBehind() throws {
    let dir = try makeTestFolder()
    defer { removeTestFolder(dir) }
    #expect(Folder.acceptsNewFiles(dir))
    #expect(Folder.names(in: dir).isEmpty)
    #expect(!Folder.acceptsNewFiles("/proc"))
    #expect(!Folder.acceptsNewFiles(dir + "/missing"))
  }

  /// One `stat` for every module: a file's size, kind and time; a link itself with `lstat`.
  @Test func aFileStatusSaysSizeKindAndTime() throws {
    let dir = try makeTestFolder()
    defer { removeTestFolder(dir) }
    let path = dir + "/a.bin"
    _ = try OutputFile.writeAtomically(Array(repeating: 1, count: 1234), to: path)
    let date = Date(timeIntervalSince1970: 1_700_000_000.25)
    try FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: path)
    let status = try #require(FileStatus(path: path))
    #expect(status.size == 1234 && status.isRegularFile)
    #expect(status.modifiedSeconds == 1_700_000_000)
    #expect(status.modified == 1_700_000_000 * 1_000_000_000 + status.modifiedNanosecondsPart)
    #expect(FileStatus(path: dir)?.isRegularFile == false)
    try FileManager.default.createSymbolicLink(atPath: dir + "/link", withDestinationPath: path)
    #expect(FileStatus(path: dir + "/link")?.isRegularFile == true)
    #expect(FileStatus(path: dir + "/link", followingLinks: false)?.isRegularFile == false)
    #expect(FileStatus(path: dir + "/link", followingLinks: false)?.isSymbolicLink == true)
    #expect(FileStatus(path: dir + "/link")?.isSymbolicLink == false)
    #expect(FileStatus(path: dir + "/missing") == nil)
  }
}
