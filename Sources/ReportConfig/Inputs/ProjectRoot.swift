import Foundation

/// The folder every file a run reads must lie in: `--root DIR`, else the config file's folder,
/// else the working directory.
///
/// A config or content file may come from a pull request that CI builds, so a path written in one
/// (the content file, a style file, an image) that is absolute, that leads out with `..`, or that
/// is a symbolic link leading out is refused before a byte of it is read. A path typed on the
/// command line is the person's choice and is never refused; a typed file outside the root is the
/// root of the paths written in it (``forPathsWritten(in:)``), as Typst takes the input file's
/// folder.
public struct ProjectRoot: Sendable, Hashable, CustomStringConvertible {
  /// The root as given, absolute (how messages name it).
  public let path: String
  /// The root with symbolic links resolved.
  public let physicalPath: String

  /// `directory` made absolute against the working directory.
  public init(_ directory: String) {
    path = Paths.absolute(directory, relativeTo: Paths.current)
    physicalPath = Self.physical(path)
  }

  public var description: String { Paths.display(path) }

  /// Why a path is refused.
  public enum Violation: Error, Sendable, Hashable {
    /// Written as an absolute path (`/etc/passwd`, `~/x`) in a file.
    case absolute
    /// Its `..` lead out of the root.
    case leadsOut
    /// A symbolic link on the way leads out of the root, to `target`.
    case linksOut(target: String)
  }

  /// The file a path written in a file names, relative to `folder` (the writing file's folder),
  /// with symbolic links resolved; or why it is refused.
  public func resolve(written: String, from folder: String) -> Result<String, Violation> {
    if written.hasPrefix("/") || written == "~" || written.hasPrefix("~/") {
      return .failure(.absolute)
    }
    return confine(Paths.absolute(written, relativeTo: folder))
  }

  /// `absolutePath` with symbolic links resolved, if it lies inside the root.
  public func confine(_ absolutePath: String) -> Result<String, Violation> {
    let lexical = URL(fileURLWithPath: absolutePath).standardizedFileURL.path
    guard Self.isInside(lexical, path) || Self.isInside(lexical, physicalPath) else {
      return .failure(.leadsOut)
    }
    let real = Self.physical(lexical)
    guard Self.isInside(real, physicalPath) else { return .failure(.linksOut(target: real)) }
    return .success(real)
  }

  /// The root that confines the paths written in `file` (absolute): this root when the file lies
  /// inside it, else the file's own folder (a file typed on the command line outside the root).
  public func forPathsWritten(in file: String) -> ProjectRoot {
    contains(file) ? self : ProjectRoot(Paths.directory(of: Self.physical(file)))
  }

  /// Whether `absolutePath` (symbolic links resolved) lies inside the root.
  public func contains(_ absolutePath: String) -> Bool {
    if case .success = confine(absolutePath) { return true }
    return false
  }

  /// What is wrong with `written`, for a message.
  public func message(_ violation: Violation, for written: String, what: String) -> String {
    let problem = self.problem(violation, for: written, what: what)
    switch violation {
    case .absolute:
      return problem + "; write it relative to the file that names it, inside the project root "
        + "\(self)"
    case .leadsOut:
      return problem + "; nothing outside it is read (pass --root to widen the root)"
    case .linksOut:
      return problem + "; nothing outside it is read"
    }
  }

  /// What is wrong with the output folder `written` in a config, and how to write there anyway:
  /// type it on the command line, as `typed`.
  public func outputMessage(_ violation: Violation, for written: String, typed: String) -> String {
    let root = violation == .absolute ? "the project root \(self)" : "it"
    return problem(violation, for: written, what: "the output folder")
      + "; a config writes only inside \(root): pass --output \(typed) on the command line to "
      + "write there"
  }

  /// The first half of a message about `written`: what it is, not what to do.
  private func problem(_ violation: Violation, for written: String, what: String) -> String {
    switch violation {
    case .absolute:
      "\(what) '\(written)' is an absolute path"
    case .leadsOut:
      "\(what) '\(written)' \(written.hasPrefix("/") ? "lies outside" : "leads out of") "
        + "the project root \(self)"
    case .linksOut(let target):
      "\(what) '\(written)' is a symbolic link leading out of the project root \(self) "
        + "(to \(target))"
    }
  }

  static func isInside(_ path: String, _ root: String) -> Bool {
    root == "/" || path == root || path.hasPrefix(root.hasSuffix("/") ? root : root + "/")
  }

  /// `path` with every symbolic link resolved (`realpath`); a tail that does not exist yet is
  /// kept as written after its deepest existing folder.
  public static func physical(_ path: String) -> String {
    var head = path
    var tail: [String] = []
    while true {
      if let resolved = realpath(head, nil) {
        defer { free(resolved) }
        var out = String(cString: resolved)
        for component in tail.reversed() {
          out = out == "/" ? "/" + component : out + "/" + component
        }
        return out
      }
      let parent = (head as NSString).deletingLastPathComponent
      if parent == head || parent.isEmpty { return path }
      tail.append((head as NSString).lastPathComponent)
      head = parent
    }
  }
}
