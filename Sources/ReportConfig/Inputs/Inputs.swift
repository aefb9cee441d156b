import Foundation
import Storage

/// The one door through which a load reads the file system: the config, the content, the
/// styles, the roster and the images.
///
/// It applies the project root's rule to each path by where the path was given
/// (``locate(_:from:in:)``), and records what the load read, looked for in vain and listed
/// (``record``): `pmreport watch` watches exactly that. A class: one load's reads, from any of the
/// loaders it calls, go into one record.
// @unchecked: the record is only read or changed under `lock`.
public final class Inputs: @unchecked Sendable {
  private let lock = NSLock()
  private var recorded = InputRecord()
  /// The questions asked since ``transcribing(_:)`` began, each as a check that asking it again
  /// gets the same answer; nil when none is being written.
  private var transcript: [(Inputs) -> Bool]?

  public init() {}

  /// What was read, looked for and listed so far.
  public var record: InputRecord { lock.withLock { recorded } }

  /// Why a file could not be read.
  public enum ReadFailure: Error, Sendable, Equatable {
    /// Nothing is there (or a link to nothing).
    case missing
    /// A folder is there.
    case folder
    /// A symbolic link that loops, or something that is not a file (a named pipe): the refusal
    /// says which.
    case refused(RegularFile.Refusal)
    /// The file is larger than the reader accepts.
    case tooLarge(bytes: Int)
    /// It exists but cannot be opened or read.
    case unreadable
  }

  // MARK: The root rule

  /// The absolute file `input` names, relative to `folder`, with symbolic links resolved, if the
  /// root allows it; else why not.
  ///
  /// A path written in a file must be relative and stay inside the root (it may come from someone
  /// else's pull request); a path typed on the command line is the person's choice and may lie
  /// anywhere (``locate(typed:from:)``); a path chosen by pmreport must lie inside the root.
  public func locate(_ input: InputPath, from folder: String, in root: ProjectRoot)
    -> Result<String, ProjectRoot.Violation>
  {
    switch input.origin {
    case .written: resolve(written: input.path, from: folder, in: root)
    case .commandLine: .success(locate(typed: input.path, from: folder))
    case .builtIn: confine(Paths.absolute(input.path, relativeTo: folder), in: root)
    }
  }

  /// The file a path written in a file names (``ProjectRoot/resolve(written:from:)``), if `root`
  /// allows it; else why not.
  public func resolve(written path: String, from folder: String, in root: ProjectRoot)
    -> Result<String, ProjectRoot.Violation>
  {
    let resolved = root.resolve(written: path, from: folder)
    transcribe { $0.resolve(written: path, from: folder, in: root) == resolved }
    return resolved
  }

  /// `absolutePath` with symbolic links resolved, if it lies inside `root`
  /// (``ProjectRoot/confine(_:)``); else why not.
  public func confine(_ absolutePath: String, in root: ProjectRoot)
    -> Result<String, ProjectRoot.Violation>
  {
    let confined = root.confine(absolutePath)
    transcribe { $0.confine(absolutePath, in: root) == confined }
    return confined
  }

  /// The project root `directory` (absolute) names, its symbolic links resolved now.
  ///
  /// Asked again when the transcript is checked: a root whose folder became (or stopped being)
  /// a symbolic link is a different root.
  public func root(_ directory: String) -> ProjectRoot {
    let root = ProjectRoot(directory)
    transcribe { $0.root(directory) == root }
    return root
  }

  /// The root that confines the paths written in `file` (``ProjectRoot/forPathsWritten(in:)``).
  public func root(forPathsWrittenIn file: String, within root: ProjectRoot) -> ProjectRoot {
    let chosen = root.forPathsWritten(in: file)
    transcribe { $0.root(forPathsWrittenIn: file, within: root) == chosen }
    return chosen
  }

  /// The absolute file a path typed on the command line names, with symbolic links resolved.
  ///
  /// Relative to `folder`; never refused, wherever it lies. The paths written in the file are
  /// then confined to ``ProjectRoot/forPathsWritten(in:)``.
  public func locate(typed path: String, from folder: String) -> String {
    let located = Self.typed(path, from: folder)
    transcribe { $0.locate(typed: path, from: folder) == located }
    return located
  }

  /// The absolute file a typed `path` names, relative to `folder`, with symbolic links resolved.
  private static func typed(_ path: String, from folder: String) -> String {
    ProjectRoot.physical(Paths.absolute(path, relativeTo: folder))
  }

  // MARK: Reads

  /// The bytes of the file at `path` (absolute), at most `maximumBytes` of them.
  public func read(_ path: String, maximumBytes: Int = .max) -> Result<Data, ReadFailure> {
    let result = readFile(path, maximumBytes: maximumBytes)
    transcribe { $0.read(path, maximumBytes: maximumBytes) == result }
    return result
  }

  /// ``read(_:maximumBytes:)`` without the transcript.
  private func readFile(_ path: String, maximumBytes: Int) -> Result<Data, ReadFailure> {
    // Opened non-blocking and checked to be a regular file: a named pipe never hangs the load.
    let descriptor: Int32
    let status: FileStatus
    switch RegularFile.openForReading(path) {
    case .success(let opened): (descriptor, status) = opened
    case .failure(let refusal):
      // Recorded either way: the file may yet appear, or become readable.
      note { $0.notFound.insert(path) }
      return .failure(Self.failure(refusal))
    }
    let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    let identity = FileIdentity(status)
    // Recorded whatever comes of the read: a file refused as too large that is then replaced is
    // a change the next build must see.
    note { $0.filesRead[path] = identity }
    if identity.size > maximumBytes { return .failure(.tooLarge(bytes: Int(identity.size))) }
    // Bounded even if the file grows after fstat.
    let read =
      maximumBytes == .max
      ? try? handle.readToEnd() : try? handle.read(upToCount: maximumBytes + 1)
    let data = read ?? Data()
    if data.count > maximumBytes { return .failure(.tooLarge(bytes: data.count)) }
    return .success(data)
  }

  /// Whether a file to read is at `path` (links followed): anything but a folder, so a named pipe
  /// or a link that loops counts, for the read to say what is wrong with it; a lookup that finds
  /// none is recorded.
  public func isFile(_ path: String) -> Bool {
    let found = Self.entry(at: path)
    if found == nil { note { $0.notFound.insert(path) } }
    transcribe { $0.isFile(path) == (found == .file) }
    return found == .file
  }

  /// Whether anything (a file, a folder, a link that loops) is at `path`; a lookup that finds
  /// nothing is recorded.
  public func exists(_ path: String) -> Bool {
    let exists = Self.entry(at: path) != nil
    if !exists { note { $0.notFound.insert(path) } }
    transcribe { $0.exists(path) == exists }
    return exists
  }

  /// The names in `folder` (none when it cannot be listed); the folder is recorded as listed.
  public func names(in folder: String) -> [String] {
    let names = listing(folder)
    transcribe { $0.names(in: folder) == names }
    return names
  }

  /// ``names(in:)`` without the transcript, for a caller that writes its own check.
  private func listing(_ folder: String) -> [String] {
    note { $0.foldersScanned.insert(folder) }
    return (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
  }

  /// The names of the `*.yml` files in `folder`, without extension; the folder is recorded as
  /// listed.
  public func ymlStems(in folder: String) -> [String] {
    let stems = listing(folder).filter {
      $0.hasSuffix(".yml") && !$0.hasPrefix(".") && Self.entry(at: folder + "/" + $0) == .file
    }
    .map { String($0.dropLast(4)) }
    transcribe { $0.ymlStems(in: folder) == stems }
    return stems
  }

  // MARK: Transcripts

  /// What `load` returns, with the transcript of every question it asked through these inputs.
  ///
  /// A transcript written inside another also goes into the outer one.
  func transcribing<Value>(_ load: () throws -> Value) rethrows
    -> (value: Value, transcript: InputTranscript)
  {
    let outer = lock.withLock {
      defer { transcript = [] }
      return transcript
    }
    defer { lock.withLock { transcript = outer.map { $0 + (transcript ?? []) } } }
    let value = try load()
    return (value, InputTranscript(checks: lock.withLock { transcript ?? [] }))
  }

  /// What a path holds.
  private enum Entry { case file, folder }

  /// What is at `path` (links followed): a folder, a file (anything else, a link that loops
  /// included), or nil for nothing.
  private static func entry(at path: String) -> Entry? {
    var info = stat()
    guard stat(path, &info) == 0 else { return errno == ELOOP ? .file : nil }
    return info.st_mode & S_IFMT == S_IFDIR ? .folder : .file
  }

  /// The read's failure for a path the open refused.
  private static func failure(_ refusal: RegularFile.Refusal) -> ReadFailure {
    switch refusal {
    case .missing: .missing
    case .folder: .folder
    case .unreadable: .unreadable
    case .loops, .special: .refused(refusal)
    }
  }

  private func note(_ change: (inout InputRecord) -> Void) {
    lock.withLock { change(&recorded) }
  }

  /// Adds `check` to the transcript being written, if one is.
  private func transcribe(_ check: @escaping (Inputs) -> Bool) {
    lock.withLock { transcript?.append(check) }
  }
}
