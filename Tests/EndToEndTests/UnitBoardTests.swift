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

  /// The parent's own loop leaves a merged file's unit (spared) to the workers while any other
  /// waits, so it keeps replaying; a worker takes the units in order, and the spared unit is the
  /// parent's once nothing else is left.
  @Test func theParentLeavesASparedUnitToTheWorkers() {
    let board = UnitBoard(count: 4, order: [3, 0, 1, 2], spared: [3])
    #expect(board.take(sparing: true) == 0)
    #expect(board.take() == 3, "a worker takes the spared unit in its turn")
    #expect(board.take(sparing: true) == 1)
    let alone = UnitBoard(count: 2, order: [1, 0], spared: [1])
    #expect(alone.take(sparing: true) == 0)
    #expect(alone.take(sparing: true) == 1, "nothing else waits: the parent draws it")
    #expect(alone.take(sparing: true) == nil)
  }
}
