import Foundation
import Storage

extension Pipeline {
  /// Builds `units` here and in worker processes at once, then reports them in their order.
  func runShared(_ units: [WorkUnit], with launch: WorkerLaunch, into summary: inout RunSummary) {
    let documents = runDocuments
    let board = UnitBoard(
      count: units.count, order: WorkPlan.dispatchOrder(units, documents: documents.map(\.spec)))
    let pool = WorkerPool(launch: launch, environment: workerEnvironment)
    let names = documents.map(\.name)
    pool.start(
      min(launch.jobs, units.count) - 1, units: units, board: board,
      name: { names[$0.document] })
    var replayed = 0
    var printed: Set<String> = []
    func replayReady() {
      for report in board.ready(from: replayed) {
        let unit = units[replayed]
        onDocument(unit.document, documents.count, names[unit.document])
        report.replay(into: &summary, printed: &printed, log: log)
        replayed += 1
      }
    }
    while let index = board.take() {
      board.finish(index, report(of: units[index]))
      replayReady()
    }
    pool.wait()
    replayReady()
  }

  /// The workers' environment: this one, with the run's date fixed (`SOURCE_DATE_EPOCH`), so that
  /// every process stamps the same date.
  private var workerEnvironment: [String: String] {
    var environment = ProcessInfo.processInfo.environment
    environment["SOURCE_DATE_EPOCH"] = String(Int64(date.timeIntervalSince1970))
    return environment
  }

  /// Serves as a worker: builds each unit read from standard input (one JSON line each) and
  /// answers with its report (one JSON line), until the input ends.
  public func serveUnits() {
    do {
      try FileManager.default.createOutputDirectory(settings.outputDirectory)
      // Its own lock, so that no run's sweep takes this worker's temporary files for leftovers.
      try RunLock.acquire(in: settings.outputDirectory)
    } catch {
      log(LogLine(.error, ErrorReport.message(for: error)))
      return
    }
    defer { RunLock.release() }
    Self.stopWithParent()
    // The parent reports the language's warning; the worker only sets the language. The shape
    // cache is shared through its folder (each process writes packs of its own, renamed into place
    // whole); what the worker stored is written, and the packs it used refreshed, when it is done.
    var ignored = RunSummary()
    prepareLanguage(&ignored)
    let shapeCache = useShapeCache()
    defer { shapeCache?.trim() }
    let decoder = JSONDecoder()
    let encoder = JSONEncoder()
    let input = LineReader(STDIN_FILENO)
    while let line = input.next() {
      guard let unit = try? decoder.decode(WorkUnit.self, from: line),
        runDocuments.indices.contains(unit.document)
      else { return }
      guard var answer = try? encoder.encode(report(of: unit)) else { return }
      answer.append(0x0A)
      guard (try? FileHandle.standardOutput.write(contentsOf: answer)) != nil else { return }
    }
  }

  /// Ends this worker, its temporary files and its lock removed, as soon as the process that started
  /// it is gone (killed outright, it could not stop its workers): no unit outlives its run.
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
