import Foundation
import Testing

@testable import Storage

/// A cache's pack folder: new packs under fresh names, read with `pread`, trimmed oldest first.
@Suite struct PackFolderTests {
  @Test func aPackIsWrittenAndRead() throws {
    let dir = try makeTestFolder()
    defer { removeTestFolder(dir) }
    let folder = PackFolder(path: dir + "/cache", fileExtension: ".pack")
    let name = try folder.write([Array("01234".utf8), Array("56789".utf8)])
    #expect(name.hasPrefix("pack-") && name.hasSuffix(".pack") && name.utf8.count == 26)
    #expect(folder.packNames() == [name])
    let pack = try #require(folder.open(name))
    #expect(pack.size == 10)
    #expect(pack.read(offset: 0, length: 10) == Array("0123456789".utf8))
    #expect(pack.read(offset: 2, length: 3) == Array("234".utf8))
    // Bytes past the end are not there: nil, never a fault.
    #expect(pack.read(offset: 8, length: 3) == nil)
    #expect(folder.open("pack-missing.pack") == nil)
  }

  @Test func aPackReadsAsItIsNowEvenAfterItsDescriptorIsClosed() throws {
    let dir = try makeTestFolder()
    defer { removeTestFolder(dir) }
    let folder = PackFolder(path: dir, fileExtension: ".pack")
    let name = try folder.write([Array("0123456789".utf8)])
    let pack = try #require(folder.open(name))
    pack.closeDescriptor()
    #expect(pack.read(offset: 2, length: 3) == Array("234".utf8))
    #expect(truncate(dir + "/" + name, 4) == 0)
    #expect(pack.read(offset: 2, length: 3) == nil)
    #expect(unlink(dir + "/" + name) == 0)
    #expect(pack.read(offset: 0, length: 1) == nil)
  }

  @Test func packsAreListedNewestFirst() throws {
    let dir = try makeTestFolder()
    defer { removeTestFolder(dir) }
    let folder = PackFolder(path: dir, fileExtension: ".pack")
    let start = Date().addingTimeInterval(-3600)
    var names: [String] = []
    for k in 0..<3 {
      let name = try folder.write([[UInt8(k)]])
      try FileManager.default.setAttributes(
        [.modificationDate: start.addingTimeInterval(Double(k))], ofItemAtPath: dir + "/" + name)
      names.append(name)
    }
    #expect(folder.packs().newestFirst == names.reversed())
  }

  @Test func trimmingRemovesTheOldestPacksStaleTemporariesAndNothingElse() throws {
    let dir = try makeTestFolder()
    defer { removeTestFolder(dir) }
    let folder = PackFolder(path: dir, fileExtension: ".pack")
    let fm = FileManager.default
    let start = Date().addingTimeInterval(-3 * 3600)
    var names: [String] = []
    for k in 0..<10 {
      let name = try folder.write([Array(repeating: UInt8(k), count: 100)])
      try fm.setAttributes(
        [.modificationDate: start.addingTimeInterval(Double(k) * 60)],
        ofItemAtPath: dir + "/" + name)
      names.append(name)
    }
    for name in [".pack-a.pack.tmp-1-2", ".pack-b.pack.tmp-1-2", "notes.txt"] {
      try OutputFile.writeAtomically([0], to: dir + "/" + name)
    }
    try fm.setAttributes([.modificationDate: start], ofItemAtPath: dir + "/.pack-a.pack.tmp-1-2")
    // The oldest pack is kept by request; the next oldest go until 720 bytes (80 %) are left.
    folder.trim(limit: 900, keeping: [names[0]], staleAge: 3600)
    let left = Set(try fm.contentsOfDirectory(atPath: dir))
    #expect(left == Set([names[0]] + names[4...] + [".pack-b.pack.tmp-1-2", "notes.txt"]))
  }

  @Test func theLayoutBeforePacksIsRemoved() throws {
    let dir = try makeTestFolder()
    defer { removeTestFolder(dir) }
    let fm = FileManager.default
    for sub in ["ab", "cd"] {
      try fm.createDirectory(atPath: dir + "/" + sub, withIntermediateDirectories: false)
    }
    try OutputFile.writeAtomically([0], to: dir + "/ab/ab" + String(repeating: "0", count: 6))
    try OutputFile.writeAtomically([0], to: dir + "/cd/notes.txt")
    PackFolder(path: dir, fileExtension: ".pack").removeEntryFiles(nameLength: 8)
    #expect(!fm.fileExists(atPath: dir + "/ab"))
    #expect(fm.fileExists(atPath: dir + "/cd/notes.txt"))
  }
}
