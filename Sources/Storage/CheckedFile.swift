import CWriteback
import Foundation

/// The one way pmreport writes a file's bytes: every `write(2)` checked, the first failure's `errno`
/// kept, the SHA-256 of the bytes computed as they go out, and the file `fsync`ed before it counts
/// as written (unless it is a cache's: ``Durability/unsynced``).
///
/// Small writes are gathered in a buffer of ``bufferSize`` bytes and go out together (cairo's
/// stream function hands over a few dozen bytes at a time: a system call each cost a certificate
/// over a thousand); the hash still takes every byte in order as it is given, and a failure is
/// seen when the buffer goes out, at the latest by ``finish(_:)``.
///
/// A writer that cannot report failures itself (cairo 1.16 loses write errors: a stream function
/// that returns `CAIRO_STATUS_WRITE_ERROR` still leaves the surface's status at success) writes
/// here and its caller then asks this file, not the writer, whether the bytes reached the disk.
public final class CheckedFile {
  /// The file's name in messages: where it lands once renamed into place.
  public let path: String
  private var descriptor: Int32
  /// Nil for a file written without its SHA-256 (``init(creating:reportedAs:exclusive:hashing:)``).
  private let checksum: SHA256?
  /// Bytes given but not yet written: the first `buffered` of them (none once
  /// ``flushBuffered()`` has given it back).
  private var buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: bufferSize, alignment: 1)
  private var buffered = 0
  /// The `errno` of the first write that failed; 0 while all went well.
  public private(set) var firstError: Int32 = 0
  /// Bytes given so far (written, or in the buffer on their way).
  public private(set) var byteCount = 0

  /// How many bytes are gathered before they are written.
  public static let bufferSize = 64 << 10

  /// Creates the file at `location` afresh, replacing a file or symbolic link already there.
  ///
  /// Messages name it `path` (the final name of a temporary file; `location` itself by default).
  /// With `exclusive`, anything already there is an error instead. The new file is always
  /// created with `O_EXCL | O_NOFOLLOW`: a symbolic link planted at `location` (or planted again
  /// after the stale one is removed) is never followed, and a hard link to another file is never
  /// truncated. A device already there (`/dev/full`) is opened as it is. Without `hashing`, the
  /// bytes' SHA-256 is not computed (a cache's or a scratch file's, which nobody reads): the
  /// ``StoredBytes`` ``finish(_:)`` gives then has an empty `sha256`.
  public init(
    creating location: String, reportedAs path: String? = nil, exclusive: Bool = false,
    hashing: Bool = true
  ) throws {
    self.path = path ?? location
    checksum = hashing ? SHA256() : nil
    let flags = O_WRONLY | O_CLOEXEC | O_NOFOLLOW
    // Nothing there (a temporary's fresh name, nearly always): created at once. Only when
    // something is there is it looked at (a device opened as it is; else removed) and the file
    // opened again: the same outcome as looking first, without two failing calls a file.
    descriptor = open(location, flags | O_CREAT | O_EXCL, 0o666)
    if descriptor < 0, errno == EEXIST, !exclusive {
      var status = stat()
      if lstat(location, &status) == 0, status.st_mode & S_IFMT == S_IFCHR {
        descriptor = open(location, flags | O_TRUNC, 0o666)
      } else {
        unlink(location)
        descriptor = open(location, flags | O_CREAT | O_EXCL, 0o666)
      }
    }
    guard descriptor >= 0 else { throw StorageError.write(path: self.path, errno: errno) }
  }

  deinit {
    if descriptor >= 0 { close(descriptor) }
    buffer.deallocate()
  }

  /// Writes `bytes` whole, through the buffer when they fit in it; after the first failure
  /// nothing more is written and the failure is kept.
  public func write(_ bytes: UnsafeRawBufferPointer) {
    guard firstError == 0, !bytes.isEmpty else { return }
    checksum?.update(bytes)
    byteCount += bytes.count
    if buffered + bytes.count > buffer.count {
      flush()
      if bytes.count >= buffer.count {
        writeOut(bytes)
        return
      }
    }
    UnsafeMutableRawBufferPointer(rebasing: buffer[buffered...]).copyMemory(from: bytes)
    buffered += bytes.count
  }

  /// Writes the buffer out and empties it.
  private func flush() {
    guard buffered > 0 else { return }
    writeOut(UnsafeRawBufferPointer(rebasing: buffer[..<buffered]))
    buffered = 0
  }

  /// Writes `bytes` to the file (retrying after interruptions and short writes) unless a write
  /// failed before; keeps the first failure.
  private func writeOut(_ bytes: UnsafeRawBufferPointer) {
    guard firstError == 0, let base = bytes.baseAddress else { return }
    var done = 0
    while done < bytes.count {
      let n = Glibc.write(descriptor, base + done, bytes.count - done)
      if n < 0 {
        if errno == EINTR { continue }
        firstError = errno
        return
      }
      done += n
    }
  }

  /// Writes `bytes` whole.
  public func write(_ bytes: [UInt8]) { bytes.withUnsafeBytes { write($0) } }

  /// The write failure, when there was one: it explains whatever the writer said afterwards.
  public var failure: StorageError? {
    firstError == 0 ? nil : .write(path: path, errno: firstError)
  }

  /// Writes out what is buffered, flushes the file to the disk (when `durability` says so) and
  /// closes it; throws the first failure, naming the file and the system's reason.
  public func finish(_ durability: Durability = .synced) throws -> StoredBytes {
    flush()
    if firstError == 0, durability == .synced, fsync(descriptor) != 0 { firstError = errno }
    if close(descriptor) != 0, firstError == 0 { firstError = errno }
    descriptor = -1
    if let failure { throw failure }
    return stored
  }

  /// Writes out what is buffered and returns what the file's bytes came to; throws the first
  /// failure.
  ///
  /// The file is left open for ``finish(_:)``, which may then run on another thread: nothing is
  /// written after this. The buffer is given back: a file waiting to be flushed holds its
  /// descriptor and no more.
  public func flushBuffered() throws -> StoredBytes {
    flush()
    buffer.deallocate()
    buffer = UnsafeMutableRawBufferPointer(start: nil, count: 0)
    if let failure { throw failure }
    return stored
  }

  /// Starts writing the file's bytes to the disk without waiting (``flushBuffered()`` first).
  ///
  /// Their blocks are allocated now, so one journal commit carries those of every file started
  /// before it, and the ``finish(_:)`` that follows has less to wait for. Advisory: a failure
  /// shows in that ``finish(_:)``.
  public func startWriteback() { _ = pmreport_start_writeback(descriptor) }

  /// The bytes' size and SHA-256, the hash computed once (the hasher is spent by it).
  private lazy var stored = StoredBytes(count: byteCount, sha256: checksum?.hexDigest() ?? "")
}

/// Whether a write is flushed to the disk before it counts: outputs are; a cache's files are not (a
/// cache file lost in a crash is only a miss).
public enum Durability: Sendable {
  case synced, unsynced
}

/// What one file's bytes came to.
public struct StoredBytes: Sendable, Hashable {
  /// Bytes written.
  public var count: Int
  /// SHA-256 of the bytes, lower-case hex.
  public var sha256: String
}
