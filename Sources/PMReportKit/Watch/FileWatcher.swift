import Foundation
import ReportConfig

#if canImport(Glibc)
import Glibc
#endif

/// Watches the folders of a build's inputs with inotify and waits for a change to one of them:
/// a save is seen at once, other changes once they have stopped (``Debouncer``).
///
/// One inotify descriptor; a watch a folder (`WatchedInputs.folders`); each event's name is
/// checked against the inputs (``WatchedInputs/matches(folder:name:)``), so a temporary file an
/// editor writes and renames counts as the file it becomes. Every event queued is read before
/// deciding, so the saves made during a build become one next build. Not thread-safe: one thread
/// waits.
public final class FileWatcher {
  /// The events that can change an input: written, written and closed, renamed in or out,
  /// deleted, made (a folder made where an input was looked for).
  static let mask = UInt32(
    IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | IN_CREATE)
  /// The events after which a file is whole: written and closed, renamed into place.
  static let wholeMask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO)
  private let descriptor: Int32
  /// The folders each watch descriptor watches (two paths to one folder share a descriptor).
  private var folders: [Int32: Set<String>] = [:]
  private var inputs: WatchedInputs
  private let quietMilliseconds: Int

  /// Starts watching `inputs`; a build starts once every input changed is saved whole, or once
  /// events have stopped for `quietMilliseconds`.
  public init(_ inputs: WatchedInputs, quietMilliseconds: Int) throws {
    descriptor = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
    guard descriptor >= 0 else { throw WatchError.system("inotify_init1", errno) }
    self.inputs = inputs
    self.quietMilliseconds = quietMilliseconds
    do {
      try watch(inputs)
    } catch {
      close(descriptor)
      throw error
    }
  }

  deinit { close(descriptor) }

  /// The number of folders watched.
  public var folderCount: Int { folders.count }

  /// Watches `inputs` instead: new folders are added before the old ones go, so no event is lost.
  public func watch(_ inputs: WatchedInputs) throws {
    var added: [Int32: Set<String>] = [:]
    for folder in inputs.folders.sorted() {
      let wd = inotify_add_watch(descriptor, folder, Self.mask | UInt32(IN_ONLYDIR))
      if wd < 0 {
        // A folder that does not exist (yet) holds no input to watch.
        if errno == ENOENT || errno == ENOTDIR { continue }
        throw WatchError.system("inotify_add_watch \(folder)", errno)
      }
      added[wd, default: []].insert(folder)
    }
    for wd in folders.keys where added[wd] == nil {
      // The folder may be gone already (its watch removed by the kernel): EINVAL is no error.
      if inotify_rm_watch(descriptor, wd) != 0, errno != EINVAL {
        throw WatchError.system("inotify_rm_watch", errno)
      }
    }
    folders = added
    self.inputs = inputs
  }

  /// Waits for a change to an input, then until every input changed is whole or the events have
  /// stopped for the quiet period (``Debouncer``); returns the inputs changed (absolute paths).
  public func nextChange() throws -> Set<String> {
    try change(firstBy: nil) ?? []
  }

  /// As ``nextChange()``, but nil when no input has changed within `milliseconds`.
  public func change(within milliseconds: Int) throws -> Set<String>? {
    try change(
      firstBy: DispatchTime.now().uptimeNanoseconds + UInt64(max(0, milliseconds)) * 1_000_000)
  }

  /// Waits for a change to an input, then for the end of its burst; nil when no input changed
  /// by `deadline` (nanoseconds of the monotonic clock; nil waits as long as it takes).
  private func change(firstBy deadline: UInt64?) throws -> Set<String>? {
    var debouncer = Debouncer(quietMilliseconds: quietMilliseconds)
    var changed: Set<String> = []
    while true {
      let now = DispatchTime.now().uptimeNanoseconds
      var timeout = debouncer.pollTimeout(at: now)
      if timeout == 0 { return changed }
      if timeout < 0, let deadline {
        guard now < deadline else { return nil }
        timeout = Int32(clamping: (deadline - now + 999_999) / 1_000_000)
      }
      var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
      let ready = poll(&request, 1, timeout)
      if ready < 0 {
        if errno == EINTR { continue }
        throw WatchError.system("poll", errno)
      }
      guard ready > 0 else { continue }
      let arrived = DispatchTime.now().uptimeNanoseconds
      for change in try readEvents().flatMap(changes(of:)) {
        changed.insert(change.path)
        debouncer.note(change, at: arrived)
      }
    }
  }

  /// The inputs an event changed: none, or the one it names.
  ///
  /// Lost events (the kernel's queue overflowed) may have concerned any: that counts as an
  /// unfinished change to every input.
  private func changes(of event: InotifyEvent) -> [InputChange] {
    if event.mask & UInt32(IN_Q_OVERFLOW) != 0 {
      return inputs.files.sorted().map { InputChange(path: $0, isWhole: false) }
    }
    guard !event.name.isEmpty else { return [] }
    return (folders[event.watch] ?? []).sorted().filter {
      inputs.matches(folder: $0, name: event.name)
    }.map {
      InputChange(
        path: ($0 as NSString).appendingPathComponent(event.name),
        isWhole: event.mask & Self.wholeMask != 0)
    }
  }

  /// The events waiting on the descriptor (none when it would block).
  private func readEvents() throws -> [InotifyEvent] {
    var events: [InotifyEvent] = []
    var buffer = [UInt8](repeating: 0, count: 64 * 1024)
    while true {
      let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        if errno == EAGAIN || errno == EWOULDBLOCK { return events }
        throw WatchError.system("read inotify events", errno)
      }
      guard count > 0 else { return events }
      events += InotifyEvent.parse(buffer[0..<count])
    }
  }
}

/// One inotify event: the watch it came from, what happened, and the entry's name in the folder.
struct InotifyEvent: Equatable {
  var watch: Int32
  var mask: UInt32
  var name: String

  /// The events in `bytes`, as `read(2)` returns them from an inotify descriptor.
  ///
  /// Each is a `struct inotify_event` (watch, mask, cookie, name length; native byte order) and
  /// its name, padded with NULs. A truncated event at the end is left out.
  static func parse(_ bytes: ArraySlice<UInt8>) -> [InotifyEvent] {
    var events: [InotifyEvent] = []
    var offset = bytes.startIndex
    let header = MemoryLayout<inotify_event>.size
    func word(_ at: Int) -> UInt32 {
      bytes.withUnsafeBytes {
        $0.loadUnaligned(fromByteOffset: at - bytes.startIndex, as: UInt32.self)
      }
    }
    while bytes.endIndex - offset >= header {
      let length = Int(word(offset + 12))
      guard bytes.endIndex - offset - header >= length else { break }
      let nameBytes = bytes[(offset + header)..<(offset + header + length)].prefix { $0 != 0 }
      events.append(
        InotifyEvent(
          watch: Int32(bitPattern: word(offset)), mask: word(offset + 4),
          name: String(decoding: nameBytes, as: UTF8.self)))
      offset += header + length
    }
    return events
  }
}

/// A system call of the file watcher failed.
public struct WatchError: Error, CustomStringConvertible {
  public var call: String
  public var errno: Int32

  static func system(_ call: String, _ errno: Int32) -> WatchError {
    WatchError(call: call, errno: errno)
  }

  public var description: String {
    "cannot watch the input files: \(call): \(String(cString: strerror(errno)))"
  }
}
