import Foundation
import Testing

@testable import Storage

/// The bytes a temporary's name adds, as the roster's name limit counts them.
@Suite struct TemporaryNamesTests {
  @Test func noTemporaryNameAddsMoreThanTheOverhead() {
    let name = "participant.pdf"
    let longestToken = String(repeating: "9", count: OutputFile.longestToken)
    #expect(RunLock.token.utf8.count <= OutputFile.longestToken)
    let names = [
      OutputFile.temporaryPath(for: "/out/" + name, unique: true) + ".gone",
      OutputFile.temporaryPath(for: "/out/" + name) + "-old.gone",
    ].map { ($0 as NSString).lastPathComponent }
    for temporary in names {
      // The run's token, widened to the longest a token can be.
      let widened = temporary.replacingOccurrences(of: RunLock.token, with: longestToken)
      let added = widened.utf8.count - name.utf8.count
      #expect(added <= OutputFile.temporaryNameOverhead, "\(widened)")
    }
  }
}
