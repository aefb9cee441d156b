import Foundation
import Testing

@testable import Storage

/// Opening a file to read it: a regular file opens; anything else is refused at once, saying what
/// it is, and never waits (a named pipe with no writer would block a plain `open`).
struct RegularFileTests {
  @Test func onlyARegularFileOpensAndTheRestSayWhatTheyAre() throws {
    let dir = try makeTestFolder()
    defer { removeTestFolder(dir) }
    try OutputFile.writeAtomically([1, 2], to: dir + "/file")
    #expect(mkfifo(dir + "/pipe", 0o644) == 0)
    #expect(symlink("loop", dir + "/loop") == 0)
    guard case .success(let (descriptor, status)) = RegularFile.openForReading(dir + "/file") else {
      Issue.record("a regular file did not open")
      return
    }
    close(descriptor)
    #expect(status.size == 2)
    func refusal(_ name: String) -> RegularFile.Refusal? {
      guard case .failure(let refusal) = RegularFile.openForReading(dir + "/" + name) else {
        return nil
      }
      return refusal
    }
    #expect(refusal("pipe") == .special(kind: "a named pipe (FIFO)"))
    #expect(refusal("loop") == .loops)
    #expect(refusal("missing") == .missing)
    #expect(refusal("") == .folder)
    #expect(refusal("pipe")?.description == "is a named pipe (FIFO), not a regular file")
    #expect(refusal("loop")?.description == "is a symbolic link that loops")
    #expect(Folder.readFile(dir + "/pipe") == nil)
    #expect(Folder.readFile(dir + "/file") == [1, 2])
  }
}
