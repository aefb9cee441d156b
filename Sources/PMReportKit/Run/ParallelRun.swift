import Foundation
import Storage

extension RunScheduler {
  /// Builds `units` here and in worker processes at once, then replays their events in the units'
  /// order.
  func runShared(_ units: [WorkUnit], with launch: WorkerLaunch, recorder: RunRecorder) {
    let documents = runDocuments
    let board = UnitBoard(
      count: units.count,
      order: WorkPlan.dispatchOrder(
        units, documents: documents.map(\.spec), participants: participants.count),
      spared: Set(units.indices.filter { units[$0].writesMerged }))
    let pool = WorkerPool(launch: launch, environment: workerEnvironment)
    let names = documents.map(\.name)
    pool.start(
      min(launch.jobs, units.count) - 1, units: units, board: board,
      name: { names[$0.document] })
    var replayed = 0
    func replayReady() {
      for report in board.ready(from: replayed) {
        let unit = units[replayed]
        recorder.report(
          .documentStarted(index: unit.document, count: documents.count, name: names[unit.document])
        )
        for event in report.events { recorder.report(event) }
        replayed += 1
      }
    }
    while let index = board.take(sparing: true) {
      board.finish(index, report(of: units[index]))
      replayReady()
    }
    pool.wait()
    replayReady()
  }

  /// Builds `unit` and returns its events, to be replayed in order.
  func report(of unit: WorkUnit) -> UnitReport {
    let log = EventLog()
    build(unit, report: log.append)
    return UnitReport(events: log.events)
  }

  /// The workers' environment (``WorkerProcess/environment(date:)``), with this run's date.
  private var workerEnvironment: [String: String] { WorkerProcess.environment(date: project.date) }

  /// Serves as a worker: builds each unit read from `lines` (one JSON line each) and answers with
  /// its report (one JSON line), until the input ends; what fails outside the units goes to
  /// `reporter`.
  ///
  /// Waits for the first line before it takes part in the run (the output folder made, the run's
  /// lock joined): a worker started early is sent units only once its parent holds the folder.
  /// Every line gets one answer: a line that holds no unit of this run is answered with that
  /// failure (an internal error, exit 70). Throws ``WorkerProtocolError`` when no answer can be
  /// written.
  public func serveUnits(_ lines: UnitLines, reporter: any Reporter) throws {
    var line: Data? = lines.first()
    do {
      try FileManager.default.createOutputDirectory(settings.outputDirectory)
      // A member of its parent's run (the folder is the run's): holding the run's token lock, so
      // that no run's sweep takes this worker's temporaries for leftovers and no other run writes
      // here until this worker is gone too.
      try RunLock.join(in: settings.outputDirectory)
    } catch {
      reporter.report(.failure(RunFailure(document: "output", error: error, context: nil)))
      return
    }
    defer { RunLock.release(settings.outputDirectory) }
    // The parent reports the language's warning; the worker only sets the language. The shape
    // cache is shared through its folder (each process writes packs of its own, renamed into place
    // whole); what the worker stored is written, and the packs it used refreshed, when it is done.
    prepareLanguage(report: { _ in })
    let shapeCache = useShapeCache()
    defer { shapeCache?.trim() }
    while let unitLine = line {
      let unitReport = report(ofUnitIn: unitLine)
      // The parent lists the unit's files in its manifest: their folders go to the disk first.
      UnsyncedFolders.shared.syncAll()
      try Self.answer(unitReport)
      line = lines.next()
    }
  }

  /// The report of the unit `line` holds; a line that holds no unit of this run is reported as
  /// that failure.
  private func report(ofUnitIn line: Data) -> UnitReport {
    let unit: WorkUnit
    do {
      unit = try JSONDecoder().decode(WorkUnit.self, from: line)
    } catch {
      return .failed(.unreadableUnit(String(describing: error)))
    }
    guard runDocuments.indices.contains(unit.document) else {
      return .failed(.unknownDocument(unit.document, count: runDocuments.count))
    }
    return report(of: unit)
  }

  /// Writes `report` for the parent as one line of JSON on standard output; a report that does
  /// not encode is answered with that failure instead.
  private static func answer(_ report: UnitReport) throws {
    let encoder = JSONEncoder()
    do {
      var line: Data
      do {
        line = try encoder.encode(report)
      } catch {
        line = try encoder.encode(UnitReport.failed(.unencodableReport(String(describing: error))))
      }
      line.append(0x0A)
      try FileHandle.standardOutput.write(contentsOf: line)
    } catch {
      throw WorkerProtocolError.cannotAnswer(String(describing: error))
    }
  }
}
