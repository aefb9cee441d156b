import Foundation
import Storage
import Testing

@testable import PMReportKit

/// A document's events while its files are put in place behind its writer: the events of a file
/// already in place get out even when a file after it fails; those of the failed file and after
/// it do not, and the failure met first is the one kept.
@Suite struct SettledReportsTests {
  /// The events reported, as their `detail` names.
  final class Reported {
    var names: [String] = []
    func add(_ event: RunEvent) {
      if case .detail(let name) = event { names.append(name) }
    }
  }

  /// Hands `name` over in `folder` and holds its event.
  static func write(_ name: String, in folder: String, _ settled: SettledReports) throws {
    _ = try OutputFile.handOver(folder + "/" + name, to: settled.settling) {
      $0.write(Array(name.utf8))
    }
    settled.hold(.detail(name))
  }

  /// `placed` and then `blocked` handed over in a new folder, where a folder that is not empty
  /// stands in `blocked`'s way (its rename fails); `body` runs on them, then the folder goes.
  static func placedThenBlocked(_ body: (SettledReports, Reported) throws -> Void) throws {
    let folder = NSTemporaryDirectory() + "pmreport-settled-\(UUID().uuidString)"
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try FileManager.default.createDirectory(
      atPath: folder + "/blocked/inside", withIntermediateDirectories: true)
    let reported = Reported()
    let settled = SettledReports(reported.add)
    try write("placed", in: folder, settled)
    try write("blocked", in: folder, settled)
    try body(settled, reported)
  }

  @Test func aFileInPlaceIsReportedWhenALaterOneFails() throws {
    try Self.placedThenBlocked { settled, reported in
      #expect(throws: StorageError.self) { try settled.settle() }
      #expect(reported.names == ["placed"])
      #expect(settled.settling.inPlace == 1)
      #expect(settled.settling.firstFailure is StorageError)
    }
  }

  @Test func anEventPassedAfterAFailureFollowsTheFilesInPlace() throws {
    try Self.placedThenBlocked { settled, reported in
      settled.pass(.detail("failure"))
      #expect(reported.names == ["placed", "failure"])
    }
  }
}
