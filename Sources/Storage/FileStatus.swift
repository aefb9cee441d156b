import Foundation

/// What `stat` says of a file: which file it is, whether it is a regular file, its size and modification time.
///
/// The one place that reads a `stat` buffer, so that Glibc's and Darwin's names for the
/// modification time (`st_mtim`, `st_mtimespec`) are told apart once.
public struct FileStatus: Sendable, Hashable {
  public var device: UInt64
  public var inode: UInt64
  public var size: Int64
  /// The modification time: whole seconds since the epoch, and the nanoseconds past them.
  public var modifiedSeconds: Int64
  public var modifiedNanosecondsPart: Int64
  public var isRegularFile: Bool
  /// A symbolic link itself (only ever so when read with `lstat`: `followingLinks` false).
  public var isSymbolicLink: Bool

  /// The modification time in nanoseconds since the epoch.
  public var modified: Int64 { modifiedSeconds * 1_000_000_000 + modifiedNanosecondsPart }

  /// The status of the file at `path`, following a symbolic link (`stat`), or of the link itself
  /// (`lstat`); nil when there is none or it cannot be read.
  public init?(path: String, followingLinks: Bool = true) {
    var info = stat()
    guard (followingLinks ? stat(path, &info) : lstat(path, &info)) == 0 else { return nil }
    self.init(info)
  }

  /// The status of the open file `descriptor` (`fstat`); nil when it cannot be read.
  public init?(descriptor: Int32) {
    var info = stat()
    guard fstat(descriptor, &info) == 0 else { return nil }
    self.init(info)
  }

  /// The status a `stat` buffer holds.
  init(_ info: stat) {
    device = UInt64(info.st_dev)
    inode = UInt64(info.st_ino)
    size = Int64(info.st_size)
    #if canImport(Darwin)
    let time = info.st_mtimespec
    #else
    let time = info.st_mtim
    #endif
    modifiedSeconds = Int64(time.tv_sec)
    modifiedNanosecondsPart = Int64(time.tv_nsec)
    isRegularFile = info.st_mode & S_IFMT == S_IFREG
    isSymbolicLink = info.st_mode & S_IFMT == S_IFLNK
  }
}
