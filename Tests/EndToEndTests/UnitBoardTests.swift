import Testing

@testable import PMReportKit

/// The parallel run's board hands each unit's report out once, in order, and then lets it go: a
/// long roster's events (a file and an output a copy) must not stay in the parent until the run
/// ends (issue #29's memory growth).
@Suite struct UnitBoardTests {
  static func report(_ name: String) -> UnitReport {
    UnitReport(events: [.detail(name)])
  }

  @Test func aReportHandedOutIsNoLongerHeld() {
    let board = UnitBoard(count: 3, order: [0, 1, 2])
    board.finish(1, Self.report("second"))
    #expect(board.ready(from: 0).isEmpty, "the first unit is still missing")
    #expect(board.held == 1)
    board.finish(0, Self.report("first"))
    let ready = board.ready(from: 0)
    #expect(ready.count == 2)
    #expect(board.held == 0, "replayed reports are let go")
    board.finish(2, Self.report("third"))
    #expect(board.ready(from: 2).count == 1)
    #expect(board.held == 0)
  }
}
