import Foundation
import Storage

/// The units a worker process is sent: one JSON line each on its standard input.
///
/// Read from the moment the worker starts (``awaited()``), before it loads the project: a worker
/// whose input ends before its first unit (started early for a run that had no unit for it, or
/// whose parent's load failed and was reported there) ends at once, without a word, however far
/// its own load got. And a worker ends, its temporary files and its lock removed, as soon as the
/// process that started it is gone (killed outright, it could not stop its workers): no unit
/// outlives its run.
public final class UnitLines: @unchecked Sendable {
  private let reader = LineReader(STDIN_FILENO)
  private let arrived = DispatchSemaphore(value: 0)
  private var firstLine = Data()
  /// Whether ``first()`` has seen the first line come (asked on the worker's main thread alone).
  private var hasArrived = false

  private init() {}

  /// The worker's input, its first line awaited on a thread of its own from now on.
  public static func awaited() -> UnitLines {
    let lines = UnitLines()
    stopWithParent()
    let reading = Thread {
      // Nothing of the run's is held before the first unit: there is nothing to remove.
      guard let line = lines.reader.next() else { _exit(0) }
      lines.firstLine = line
      lines.arrived.signal()
    }
    reading.name = "pmreport-first-unit"
    reading.start()
    return lines
  }

  /// The first line, once it has come (asked before ``next()``).
  public func first() -> Data {
    if !hasArrived {
      arrived.wait()
      hasArrived = true
    }
    return firstLine
  }

  /// The next line; nil at the end of the input.
  func next() -> Data? { reader.next() }

  private static func stopWithParent() {
    let parent = getppid()
    let watcher = Thread {
      while getppid() == parent { usleep(50_000) }
      ErrorReport.removeTemporaryFilesBeforeExit()
      RunLock.release()
      _exit(75)
    }
    watcher.name = "pmreport-parent-watch"
    watcher.start()
  }
}
