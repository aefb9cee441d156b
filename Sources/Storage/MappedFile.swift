import Foundation

/// A file mapped read-only for its owner's lifetime.
///
/// A file removed meanwhile (by another run's trimming) stays readable through the mapping. Made
/// for files that are never changed in place once renamed into their folder (``PackFolder``), so
/// the mapping never shrinks under its reader.
public final class MappedFile {
  public let path: String
  /// The name in its folder.
  public let name: String
  public let size: Int
  /// Modification time when mapped: seconds since the epoch, and the same in nanoseconds.
  public let modified: Int64
  public let modifiedNanoseconds: Int64
  private let base: UnsafeMutableRawPointer

  /// The file `name` in `folder`, mapped; nil when it is empty or cannot be mapped, and thrown
  /// why when it cannot be opened as a regular file (``RegularFile``).
  public init?(folder: String, name: String) throws(RegularFile.Refusal) {
    let path = folder + "/" + name
    let (fd, status) = try RegularFile.openForReading(path).get()
    defer { close(fd) }
    guard status.size > 0,
      let base = mmap(nil, Int(status.size), PROT_READ, MAP_PRIVATE, fd, 0),
      base != UnsafeMutableRawPointer(bitPattern: -1)
    else { return nil }
    self.path = path
    self.name = name
    self.base = base
    size = Int(status.size)
    modified = status.modifiedSeconds
    modifiedNanoseconds = status.modified
  }

  deinit { munmap(base, size) }

  /// The whole file.
  public var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: size) }

  /// The bytes from `offset`, `length` of them (a range the caller checked lies in the file).
  public func bytes(offset: Int, length: Int) -> UnsafeRawBufferPointer {
    UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + length])
  }
}
