import Storage

/// A document's events while its files are put in place behind its writer (``SettlingFiles``):
/// a file is reported only once it is in place, and the events keep their order.
///
/// The writer holds the events of what it wrote (``hold(_:)``) and lets out those whose files are
/// in place as it goes (``reportPlaced()``); any other event (``pass(_:)``) first waits for every
/// file in flight and lets out all that is held. The events of a file that failed, and of the
/// files handed over after it, are dropped (those of files already in place still get out): the
/// failure is the document's, thrown by its next hand-over or by ``settle()``.
final class SettledReports {
  /// Where the document's files are handed over.
  let settling = SettlingFiles()
  private let report: (RunEvent) -> Void
  /// Events held, each with the files handed over when it was held: out once those are in place.
  private var held: [(after: Int, event: RunEvent)] = []

  init(_ report: @escaping (RunEvent) -> Void) { self.report = report }

  /// Reports `event` after everything held, once every file in flight is in place.
  func pass(_ event: RunEvent) {
    // A failure is the document's: its hand-overs and ``settle()`` throw it.
    if !held.isEmpty { try? settle() }
    report(event)
  }

  /// Holds `event` until every file handed over so far is in place.
  func hold(_ event: RunEvent) {
    reportPlaced()
    held.append((settling.handedOver, event))
  }

  /// Reports, in order, the events held whose files are in place, without waiting for the rest.
  func reportPlaced() {
    let placed = settling.inPlace
    let out = held.prefix { $0.after <= placed }
    held.removeFirst(out.count)
    for item in out { report(item.event) }
  }

  /// Waits for every file in flight and reports what is held; throws the first failure (what is
  /// held for the failed file and those after it is then dropped).
  func settle() throws {
    do {
      try settling.settle()
    } catch {
      reportPlaced()
      held = []
      throw error
    }
    reportPlaced()
  }
}
