/// Bytes on their way from one library to the next (cairo's PDF to qpdf): kept in memory while
/// they stay within `limit`, moved into a ``ScratchFile`` through a ``CheckedFile`` the moment
/// they pass it, so that a long document's copy never adds to the run's peak memory and a short
/// one's never touches the disk.
public final class ScratchBytes {
  /// Where the bytes are once they are all given.
  public enum Contents {
    /// Every byte, in memory.
    case memory([UInt8])
    /// In this scratch file, removed when the value goes.
    case file(ScratchFile)
  }

  /// The scratch file's label (`.<target>.<label>.tmp-<token>`).
  private let label: String
  /// The output file the bytes are on their way to: where the scratch file goes, and the name
  /// failures are reported under.
  private let target: String
  /// The most bytes kept in memory.
  private let limit: Int
  private var memory: [UInt8] = []
  private var spilled: (scratch: ScratchFile, file: CheckedFile)?
  /// The first failure: the scratch file could not be made, or a write to it failed.
  public private(set) var failure: (any Error)?

  /// Bytes labelled `label` on their way to `target`, in memory up to `limit` bytes.
  public init(_ label: String, for target: String, limit: Int) {
    self.label = label
    self.target = target
    self.limit = limit
    memory.reserveCapacity(min(limit, CheckedFile.bufferSize))
  }

  /// Takes `bytes`; after the first failure nothing more is taken and the failure is kept.
  public func write(_ bytes: UnsafeRawBufferPointer) {
    guard failure == nil else { return }
    if spilled == nil, memory.count + bytes.count <= limit {
      memory.append(contentsOf: bytes)
      return
    }
    do {
      let file = try spilled?.file ?? spill()
      file.write(bytes)
      failure = file.failure
    } catch {
      failure = error
    }
  }

  /// Creates the scratch file and moves the bytes kept so far into it.
  private func spill() throws -> CheckedFile {
    let scratch = ScratchFile(label, for: target)
    let file = try CheckedFile(creating: scratch.path, reportedAs: target, hashing: false)
    file.write(memory)
    memory = []
    spilled = (scratch, file)
    return file
  }

  /// The bytes taken, in memory or in a scratch file (closed, not synced: it is read back at once
  /// and never kept); throws the first failure.
  public func finish() throws -> Contents {
    if let failure { throw failure }
    guard let spilled else { return .memory(memory) }
    _ = try spilled.file.finish(.unsynced)
    return .file(spilled.scratch)
  }
}
