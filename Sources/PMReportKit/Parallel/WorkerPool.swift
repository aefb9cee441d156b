import Foundation
import Storage

/// How a run starts its worker processes: this program again, with the run's own arguments and
/// `--worker`, and how many processes share the run (this one included).
public struct WorkerLaunch: Sendable {
  /// Processes in all, this one included (`--jobs`).
  public var jobs: Int
  public var executable: String
  public var arguments: [String]

  /// Workers started before the project was loaded (``EarlyWorkers``), handed their units first;
  /// nil for none.
  public var early: EarlyWorkers?

  public init(jobs: Int, executable: String, arguments: [String]) {
    self.jobs = jobs
    self.executable = executable
    self.arguments = arguments
  }

  /// The same launch with its workers started now (``EarlyWorkers``), for a run of `options`,
  /// whose date must be fixed (``RunOptions/fixingDate()``): every process stamps it.
  public func startingWorkers(for options: RunOptions) -> WorkerLaunch {
    var launch = self
    let environment = WorkerProcess.environment(date: options.date)
    launch.early = EarlyWorkers(
      (1..<max(jobs, 1)).compactMap { _ in WorkerProcess.start(self, environment: environment) })
    return launch
  }
}

/// Worker processes started first thing, before the run's project is loaded (a roster run with
/// `--jobs` over 1), so that each loads the project while this process does: the run hands them
/// its first units, or ends them when it has none for them (``stop()``; a worker whose input ends
/// before its first unit also ends at once, without a word, even while loading).
public final class EarlyWorkers: @unchecked Sendable {
  private let lock = NSLock()
  private var waiting: [WorkerProcess]

  init(_ workers: [WorkerProcess]) { waiting = workers }

  /// Up to `count` of the workers, no longer waiting.
  func take(_ count: Int) -> [WorkerProcess] {
    lock.withLock {
      let taken = Array(waiting.prefix(count))
      waiting.removeFirst(taken.count)
      return taken
    }
  }

  /// Ends the workers not taken, and waits for them to be gone: at once (SIGTERM), since a
  /// worker holds nothing of the run's before its first unit, and may still be starting up.
  public func stop() {
    for worker in take(Int.max) {
      // Not once it has ended: Foundation may have reaped it, and its id be another's by now.
      if worker.process.isRunning { kill(worker.process.processIdentifier, SIGTERM) }
      worker.stop()
    }
  }
}

/// A worker process and the pipes its units go through.
struct WorkerProcess: @unchecked Sendable {
  let process: Process
  /// Its standard input: the units.
  let input: FileHandle
  /// Its standard output: the answers.
  let reader: LineReader

  /// Starts a worker as `launch` says, in `environment`; nil when it cannot be started.
  static func start(_ launch: WorkerLaunch, environment: [String: String]) -> WorkerProcess? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: launch.executable)
    process.arguments = launch.arguments
    process.environment = environment
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    // Gone from the running set as soon as it ends, so that an interrupt's `terminateAll` does not
    // wait for a worker no thread of this run is reading (an early worker not handed a unit yet).
    process.terminationHandler = { WorkerProcesses.shared.remove($0.processIdentifier) }
    // A unit written to a worker that has died must fail the write (``ask`` returns nil and the
    // unit is reported lost), not end this process by SIGPIPE: an early worker is written to
    // first seconds after it started.
    signal(SIGPIPE, SIG_IGN)
    do {
      try process.run()
    } catch {
      return nil
    }
    WorkerProcesses.shared.add(process.processIdentifier)
    return WorkerProcess(
      process: process, input: input.fileHandleForWriting,
      reader: LineReader(output.fileHandleForReading.fileDescriptor))
  }

  /// The workers' environment: this one, with the run's date fixed (`SOURCE_DATE_EPOCH`), so
  /// that every process stamps the same date, and the run's token (``RunLock/memberEnvironment``).
  static func environment(date: Date?) -> [String: String] {
    var environment = ProcessInfo.processInfo.environment
    if let date { environment["SOURCE_DATE_EPOCH"] = String(Int64(date.timeIntervalSince1970)) }
    environment.merge(RunLock.memberEnvironment) { _, member in member }
    return environment
  }

  /// Sends `request` (one line) and returns the worker's answer line; nil when the worker is gone.
  func ask(_ request: Data) -> Data? {
    guard (try? input.write(contentsOf: request + [0x0A])) != nil else { return nil }
    return reader.next()
  }

  /// Ends the worker's input (it serves no more units, or none at all) and waits for it to end.
  func stop() {
    try? input.close()
    process.waitUntilExit()
    WorkerProcesses.shared.remove(process.processIdentifier)
  }
}

/// The units of a parallel run: which is next to hand out, and the reports that have come back.
///
/// Shared by the parent's own loop and the threads that feed the workers.
final class UnitBoard: @unchecked Sendable {
  private let lock = NSLock()
  private var waiting: [Int]
  private var reports: [UnitReport?]
  private let spared: Set<Int>

  /// `units` units, handed out in `order` (indices); the units in `spared` are left to the workers
  /// while any other waits (``take(sparing:)``).
  init(count: Int, order: [Int], spared: Set<Int> = []) {
    waiting = order.reversed()
    reports = Array(repeating: nil, count: count)
    self.spared = spared
  }

  /// The next unit to build; nil when every unit has been handed out.
  ///
  /// With `sparing` (the parent's own loop, which replays the reports between its units) a spared
  /// unit is passed over while any other waits: a merged file draws every copy of the roster, and
  /// the parent drawing it would replay nothing, and hold every report that came back, until it
  /// was done.
  func take(sparing: Bool = false) -> Int? {
    lock.withLock {
      if sparing, let next = waiting.lastIndex(where: { !spared.contains($0) }) {
        return waiting.remove(at: next)
      }
      return waiting.popLast()
    }
  }

  func finish(_ unit: Int, _ report: UnitReport) {
    lock.withLock { reports[unit] = report }
  }

  /// The reports from `start` on that are in, up to the first still missing; each is handed out
  /// once and no longer held, so a long roster's events do not pile up until the run ends.
  func ready(from start: Int) -> [UnitReport] {
    lock.withLock {
      var out: [UnitReport] = []
      var index = start
      while index < reports.count, let report = reports[index] {
        out.append(report)
        reports[index] = nil
        index += 1
      }
      return out
    }
  }

  /// How many reports are in and not yet handed out (for the tests).
  var held: Int { lock.withLock { reports.count(where: { $0 != nil }) } }
}

/// Worker processes, each fed units one at a time by a thread of its own: a unit as one line of
/// JSON on the worker's standard input, its ``UnitReport`` as one line back on its standard output.
///
/// A worker that dies or answers nonsense has its unit reported as failed, and takes no more.
final class WorkerPool: @unchecked Sendable {
  private let launch: WorkerLaunch
  private let environment: [String: String]
  private var threads: [Thread] = []
  private let done = DispatchGroup()

  init(launch: WorkerLaunch, environment: [String: String]) {
    self.launch = launch
    self.environment = environment
  }

  /// Starts `count` workers on `units` (described for failures by `name`): the launch's early
  /// workers first, the others ended.
  func start(
    _ count: Int, units: [WorkUnit], board: UnitBoard,
    name: @escaping @Sendable (WorkUnit) -> String
  ) {
    let early = launch.early?.take(count) ?? []
    launch.early?.stop()
    for number in 0..<count {
      done.enter()
      let ready = number < early.count ? early[number] : nil
      let thread = Thread { [self] in
        defer { done.leave() }
        // No worker: the units go to whoever is left (the parent always builds too).
        guard let worker = ready ?? WorkerProcess.start(launch, environment: environment) else {
          return
        }
        feed(worker, units: units, board: board, name: name)
      }
      thread.name = "pmreport-worker-\(number + 1)"
      thread.start()
      threads.append(thread)
    }
  }

  /// Waits until every worker has stopped.
  func wait() { done.wait() }

  private func feed(
    _ worker: WorkerProcess, units: [WorkUnit], board: UnitBoard,
    name: @Sendable (WorkUnit) -> String
  ) {
    defer { worker.stop() }
    let encoder = JSONEncoder()
    let decoder = JSONDecoder()
    while let index = board.take() {
      let unit = units[index]
      // Every unit taken is finished, with its report or as lost: the parent replays in order.
      guard let request = try? encoder.encode(unit), let answer = worker.ask(request),
        let report = try? decoder.decode(UnitReport.self, from: answer)
      else {
        board.finish(index, .lost(document: name(unit), formats: unit.formats))
        break
      }
      board.finish(index, report)
    }
  }
}

/// Reads a file descriptor line by line.
final class LineReader {
  private let fd: Int32
  private var buffer: [UInt8] = []
  private var start = 0

  init(_ fd: Int32) { self.fd = fd }

  /// The next line without its newline; nil at the end of the input or on an error.
  func next() -> Data? {
    while true {
      if let newline = buffer[start...].firstIndex(of: 0x0A) {
        let line = Data(buffer[start..<newline])
        start = newline + 1
        if start > 65536 {
          buffer.removeFirst(start)
          start = 0
        }
        return line
      }
      var chunk = [UInt8](repeating: 0, count: 65536)
      let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if count < 0, errno == EINTR { continue }
      guard count > 0 else { return nil }
      buffer += chunk[0..<count]
    }
  }
}

/// The worker processes running, so that an interrupted run can stop them too.
public final class WorkerProcesses: @unchecked Sendable {
  public static let shared = WorkerProcesses()
  private let lock = NSLock()
  private var running: Set<Int32> = []

  func add(_ pid: Int32) { lock.withLock { _ = running.insert(pid) } }
  func remove(_ pid: Int32) { lock.withLock { _ = running.remove(pid) } }

  /// Sends SIGTERM to every worker still running (each removes its own temporary files), and
  /// waits up to two seconds for them to be gone.
  public func terminateAll() {
    let pids = lock.withLock { running }
    for pid in pids { kill(pid, SIGTERM) }
    for _ in 0..<200 where lock.withLock({ !running.isDisjoint(with: pids) }) { usleep(10_000) }
  }
}
