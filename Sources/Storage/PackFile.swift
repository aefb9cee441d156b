import Foundation

/// A pack file open for reading with `pread`, a range at a time.
///
/// Nothing of the file is mapped: a file truncated or replaced meanwhile gives a short read (nil,
/// which its reader takes for a miss), never a fault, and no more of it is in memory than a
/// reader asks for. The descriptor is kept until ``closeDescriptor()`` (a file removed meanwhile
/// stays readable through it); after that each read opens the file by its path again.
public final class PackFile {
  public let path: String
  /// The name in its folder.
  public let name: String
  /// The size when opened.
  public let size: Int
  /// Modification time when opened: seconds since the epoch, and the same in nanoseconds.
  public let modified: Int64
  public let modifiedNanoseconds: Int64
  /// The open descriptor, or -1 once closed.
  private var descriptor: Int32

  /// The file `name` in `folder`, open; nil when it cannot be opened, is empty or not a file.
  public init?(folder: String, name: String) {
    let path = folder + "/" + name
    guard let opened = try? RegularFile.openForReading(path).get() else { return nil }
    let (fd, status) = opened
    guard status.size > 0 else {
      close(fd)
      return nil
    }
    self.path = path
    self.name = name
    descriptor = fd
    size = Int(status.size)
    modified = status.modifiedSeconds
    modifiedNanoseconds = status.modified
  }

  deinit { closeDescriptor() }

  /// Lets go of the descriptor: later reads open the file by its path again.
  public func closeDescriptor() {
    if descriptor >= 0 { close(descriptor) }
    descriptor = -1
  }

  /// The `length` bytes from `offset`; nil when the file no longer has them all or cannot be read.
  public func read(offset: Int, length: Int) -> [UInt8]? {
    guard offset >= 0, length >= 0 else { return nil }
    let opened: Int32? =
      descriptor >= 0 ? descriptor : try? RegularFile.openForReading(path).get().descriptor
    guard let fd = opened else { return nil }
    defer { if fd != descriptor { close(fd) } }
    var complete = length == 0
    let bytes = [UInt8](unsafeUninitializedCapacity: length) { buffer, count in
      guard let base = buffer.baseAddress else { return }
      while count < length {
        let got = pread(fd, base + count, length - count, off_t(offset + count))
        if got < 0, errno == EINTR { continue }
        guard got > 0 else { break }
        count += got
      }
      complete = count == length
    }
    return complete ? bytes : nil
  }
}
