import CCairo
import CGLib
import Foundation

/// The one way pmreport writes a file's bytes: every `write(2)` checked, the first failure's `errno`
/// kept, the SHA-256 of the bytes computed as they go out, and the file `fsync`ed before it counts
/// as written.
///
/// cairo 1.16 loses write errors (a stream function that returns `CAIRO_STATUS_WRITE_ERROR` still
/// leaves the surface's status at success), so exporters hand cairo ``cairoWriter`` and then ask
/// this file, not cairo, whether the bytes reached the disk.
final class CheckedFile {
  /// The file's name in messages: where it lands once renamed into place.
  let path: String
  private var descriptor: Int32
  private var checksum: OpaquePointer?
  /// The `errno` of the first write that failed; 0 while all went well.
  private(set) var firstError: Int32 = 0
  /// Bytes written so far.
  private(set) var byteCount = 0

  /// Creates (or truncates) the file at `location`; messages name it `path` (the final name of a
  /// temporary file; `location` itself by default).
  init(creating location: String, reportedAs path: String? = nil) throws {
    self.path = path ?? location
    descriptor = open(location, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
    guard descriptor >= 0 else { throw RenderError.write(path: self.path, errno: errno) }
    checksum = g_checksum_new(G_CHECKSUM_SHA256)
  }

  deinit {
    if descriptor >= 0 { close(descriptor) }
    if let checksum { g_checksum_free(checksum) }
  }

  /// Writes `bytes` whole (retrying after interruptions and short writes); after the first
  /// failure nothing more is written and the failure is kept.
  func write(_ bytes: UnsafeRawBufferPointer) {
    guard firstError == 0, let base = bytes.baseAddress, !bytes.isEmpty else { return }
    g_checksum_update(checksum, base.assumingMemoryBound(to: UInt8.self), bytes.count)
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
    byteCount += done
  }

  /// Writes `bytes` whole.
  func write(_ bytes: [UInt8]) { bytes.withUnsafeBytes { write($0) } }

  /// The write failure, when there was one: it explains whatever cairo said afterwards.
  var failure: RenderError? { firstError == 0 ? nil : .write(path: path, errno: firstError) }

  /// Flushes the file to the disk and closes it; throws the first failure, naming the file and the
  /// system's reason.
  ///
  /// Returns the file's size and SHA-256 (lower-case hex).
  func finish() throws -> (bytes: Int, sha256: String) {
    if firstError == 0, fsync(descriptor) != 0 { firstError = errno }
    if close(descriptor) != 0, firstError == 0 { firstError = errno }
    descriptor = -1
    if firstError != 0 { throw RenderError.write(path: path, errno: firstError) }
    let digest = g_checksum_get_string(checksum).map { String(cString: $0) } ?? ""
    return (byteCount, digest)
  }

  /// A cairo stream function writing into the `CheckedFile` passed as its closure.
  ///
  /// It answers `CAIRO_STATUS_WRITE_ERROR` after a failure, though cairo 1.16 may not pass that on:
  /// callers rely on ``finish()``.
  static let cairoWriter: cairo_write_func_t = { closure, data, length in
    guard let closure else { return CAIRO_STATUS_WRITE_ERROR }
    let file = Unmanaged<CheckedFile>.fromOpaque(closure).takeUnretainedValue()
    if let data { file.write(UnsafeRawBufferPointer(start: data, count: Int(length))) }
    return file.firstError == 0 ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR
  }

  /// This file as a cairo stream closure (valid while the file lives).
  var cairoClosure: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }
}

/// What writing one file gave.
public struct FileWritten: Sendable, Hashable {
  /// Absolute path.
  public var path: String
  public var pages: Int
  public var bytes: Int
  /// SHA-256 of the bytes, lower-case hex.
  public var sha256: String
  /// Time spent writing this file (drawing included), measured for it alone.
  public var milliseconds: Int

  public init(path: String, pages: Int, bytes: Int, sha256: String, milliseconds: Int) {
    self.path = path
    self.pages = pages
    self.bytes = bytes
    self.sha256 = sha256
    self.milliseconds = milliseconds
  }
}
