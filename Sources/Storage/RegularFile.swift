import Foundation

/// Opening a file to read it without ever waiting: opened non-blocking (a named pipe opens at
/// once instead of waiting for a writer) and checked with `fstat`, after the open, to be a
/// regular file.
///
/// The one way pmreport opens a file it reads: its inputs (the config, the content, the styles,
/// the roster, the images) and its caches' files (``PackFile``, ``Folder/readFile(_:)``).
public enum RegularFile {
  /// Why a path was not opened as a regular file.
  public enum Refusal: Error, Sendable, Equatable, CustomStringConvertible {
    /// Nothing is there (or a link to nothing).
    case missing
    /// A symbolic link on the way loops (`ELOOP`).
    case loops
    /// A folder is there.
    case folder
    /// Something that is not a file is there: `kind` says what ("a named pipe (FIFO)").
    case special(kind: String)
    /// It is there but cannot be opened or read: the system's error number.
    case unreadable(errno: Int32)

    /// What is wrong, said after the file's name: `content.md is a symbolic link that loops`.
    public var description: String {
      switch self {
      case .missing: "does not exist"
      case .loops: "is a symbolic link that loops"
      case .folder: "is a folder"
      case .special(let kind): "is \(kind), not a regular file"
      case .unreadable(let code): "cannot be read: \(String(cString: strerror(code)))"
      }
    }
  }

  /// An open regular file: its descriptor and its status (`fstat`).
  public typealias Opened = (descriptor: Int32, status: FileStatus)

  /// `path` opened read-only, non-blocking and close-on-exec, with its `fstat`, when it is a
  /// regular file; the caller closes the descriptor.
  ///
  /// Reads from a regular file never block, so the descriptor stays non-blocking.
  public static func openForReading(_ path: String) -> Result<Opened, Refusal> {
    let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard descriptor >= 0 else { return .failure(refusal(errno)) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else {
      let code = errno
      close(descriptor)
      return .failure(.unreadable(errno: code))
    }
    if let kind = kind(of: info.st_mode) {
      close(descriptor)
      return .failure(kind)
    }
    return .success((descriptor, FileStatus(info)))
  }

  /// Why nothing could be opened at `path`, from `open`'s error number.
  static func refusal(_ code: Int32) -> Refusal {
    switch code {
    case ENOENT, ENOTDIR: .missing
    case ELOOP: .loops
    default: .unreadable(errno: code)
    }
  }

  /// Why a file of mode `mode` is not read; nil for a regular file.
  static func kind(of mode: mode_t) -> Refusal? {
    switch mode & S_IFMT {
    case S_IFREG: nil
    case S_IFDIR: .folder
    case S_IFIFO: .special(kind: "a named pipe (FIFO)")
    case S_IFSOCK: .special(kind: "a socket")
    case S_IFCHR: .special(kind: "a character device")
    case S_IFBLK: .special(kind: "a block device")
    default: .special(kind: "something other than a file")
    }
  }
}
