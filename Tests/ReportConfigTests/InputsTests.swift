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
    // A folder where a file was expected holds no file: recorded as looked for, so that a file
    // put in its place rebuilds.
    #expect(
      inputs.record.notFound == [
        folder.path + "/none.yml", folder.path + "/Styles/x.yml", folder.path,
      ])
    #expect(inputs.record.filesRead.isEmpty)
  }

  /// A named pipe and a link that loops are there (a lookup finds them, for the read to say what
  /// they are), and the read refuses them at once.
  @Test func aNamedPipeOrALoopIsRefusedSayingWhatItIs() throws {
    let folder = try TempFolder()
    defer { folder.remove() }
    let pipe = folder.path + "/content.md"
    let loop = folder.path + "/loop.yml"
    #expect(mkfifo(pipe, 0o644) == 0)
    #expect(symlink("loop.yml", loop) == 0)
    let inputs = Inputs()
    #expect(inputs.isFile(pipe) && inputs.isFile(loop) && inputs.exists(loop))
    #expect(inputs.read(pipe) == .failure(.refused(.special(kind: "a named pipe (FIFO)"))))
    #expect(inputs.read(loop) == .failure(.refused(.loops)))
    #expect(inputs.record.filesRead.isEmpty)
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
    // Typed outside the root: read (the person's choice); chosen by pmreport: refused.
    let out = InputPath("../x.md", origin: .commandLine(option: "--content"))
    let outside = ProjectRoot.physical(folder.path + "/..") + "/x.md"
    #expect(inputs.locate(out, from: folder.path, in: root) == .success(outside))
    let chosen = InputPath("../x.md", origin: .builtIn)
    #expect(inputs.locate(chosen, from: folder.path, in: root) == .failure(.leadsOut))
    // The paths written in a typed file outside the root are confined to its folder.
    #expect(root.forPathsWritten(in: inside) == root)
    #expect(
      root.forPathsWritten(in: outside).physicalPath == ProjectRoot.physical(folder.path + "/.."))
  }
}
