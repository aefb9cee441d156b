import Foundation
import Testing

@testable import ReportConfig

/// The inputs service: reads with their identity, lookups that find nothing, folders listed, and
/// the root rule by where a path was given.
struct InputsTests {
  @Test func aReadRecordsTheFileAndItsIdentity() throws {
    let folder = try TempFolder()
    defer { folder.remove() }
    let path = try folder.write("a.yml", "x: 1\n")
    let inputs = Inputs()
    #expect(try inputs.read(path).get() == Data("x: 1\n".utf8))
    let identity = try #require(inputs.record.filesRead[path])
    #expect(identity.size == 5)
    #expect(identity.inode != 0)
  }

  @Test func whatIsNotThereIsRecordedAsLookedFor() throws {
    let folder = try TempFolder()
    defer { folder.remove() }
    let inputs = Inputs()
    #expect(inputs.read(folder.path + "/none.yml") == .failure(.missing))
    #expect(!inputs.isFile(folder.path + "/Styles/x.yml"))
    #expect(inputs.read(folder.path) == .failure(.folder))
    #expect(inputs.record.notFound == [folder.path + "/none.yml", folder.path + "/Styles/x.yml"])
    // A folder where a file was expected is recorded too: a file put in its place must rebuild.
    #expect(inputs.record.filesRead.keys.sorted() == [folder.path])
  }

  @Test func aTooLargeFileIsNotRead() throws {
    let folder = try TempFolder()
    defer { folder.remove() }
    let path = try folder.write("big.yml", "0123456789")
    let inputs = Inputs()
    #expect(inputs.read(path, maximumBytes: 4) == .failure(.tooLarge(bytes: 10)))
    // Refused, but recorded with its identity: `watch` rebuilds when a smaller file replaces it.
    #expect(inputs.record.filesRead[path]?.size == 10)
  }

  @Test func listingAFolderRecordsIt() throws {
    let folder = try TempFolder()
    defer { folder.remove() }
    try folder.write("brand.yml", "a: 1\n")
    try folder.write("notes.md", "b\n")
    let inputs = Inputs()
    #expect(inputs.ymlStems(in: folder.path) == ["brand"])
    #expect(inputs.record.foldersScanned == [folder.path])
  }

  @Test func theRootRuleDependsOnWhereThePathWasGiven() throws {
    let folder = try TempFolder()
    defer { folder.remove() }
    let root = ProjectRoot(folder.path)
    let inside = folder.path + "/content.md"
    let inputs = Inputs()
    let written = InputPath(
      inside, origin: .written(SourceLocation(file: "pmreport.yml", line: 2, column: 10)))
    #expect(inputs.locate(written, from: folder.path, in: root) == .failure(.absolute))
    let typed = InputPath(inside, origin: .commandLine(option: "--content"))
    #expect(
      inputs.locate(typed, from: "/", in: root) == .success(root.physicalPath + "/content.md"))
    let out = InputPath("../x.md", origin: .commandLine(option: "--content"))
    #expect(inputs.locate(out, from: folder.path, in: root) == .failure(.leadsOut))
  }
}
