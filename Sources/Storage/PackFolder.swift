import Foundation

/// A cache folder of pack files (`pack-<16 hex digits><extension>`), each written once under a
/// fresh name and never changed: written through a temporary and a rename, not synced (a pack lost
/// in a crash is only misses), read with `pread` (``PackFile``), and trimmed oldest first.
///
/// What a pack holds is its owner's business; several writers (threads or processes) may share a
/// folder, since each writes only new packs.
public struct PackFolder: Sendable {
  /// The folder (absolute).
  public let path: String
  /// The packs' file name extension, with its dot.
  public let fileExtension: String

  public init(path: String, fileExtension: String) {
    self.path = path
    self.fileExtension = fileExtension
  }

  /// Whether `name` is a pack's (not a temporary's).
  public func isPackName(_ name: String) -> Bool {
    !name.hasPrefix(".") && name.hasSuffix(fileExtension)
  }

  /// The names of the packs in the folder (none when it cannot be read), in no order.
  public func packNames() -> [String] { Folder.names(in: path).filter(isPackName) }

  /// The folder's packs, from one listing: the names of those that are regular files, the
  /// newest first (by modification time, then name), and those that are not (a named pipe, a
  /// link that loops), each with why: they are never read, and the run says so.
  public func packs() -> (newestFirst: [String], refused: [String: RegularFile.Refusal]) {
    var regular: [Listed] = []
    var refused: [String: RegularFile.Refusal] = [:]
    for name in Folder.names(in: path) where isPackName(name) {
      let file = path + "/" + name
      if let listed = Listed(path: file, name: name) {
        regular.append(listed)
        continue
      }
      switch RegularFile.openForReading(file) {
      case .success(let opened): close(opened.descriptor)
      case .failure(.missing): break
      case .failure(let refusal): refused[name] = refusal
      }
    }
    let newestFirst = regular.sorted {
      ($0.modifiedNanoseconds, $0.name) > ($1.modifiedNanoseconds, $1.name)
    }.map(\.name)
    return (newestFirst, refused)
  }

  /// Writes `parts`, one after the other, as a new pack (creating the folder when missing);
  /// returns its name.
  public func write(_ parts: [[UInt8]]) throws -> String {
    var random = String(UInt64.random(in: 0...UInt64.max), radix: 16)
    random = String(repeating: "0", count: 16 - random.utf8.count) + random
    let name = "pack-" + random + fileExtension
    try OutputFile.writeCacheFile(parts, to: path + "/" + name, in: path)
    return name
  }

  /// The pack `name`, open for reading; nil when it cannot be.
  public func open(_ name: String) -> PackFile? { PackFile(folder: path, name: name) }

  /// Sets the modification time of the file at `path` to now; whether it was set.
  public static func touch(_ path: String) -> Bool { utimensat(AT_FDCWD, path, nil, 0) == 0 }

  /// Keeps the folder's packs under `limit` bytes and removes interrupted writers' temporaries.
  ///
  /// Removes temporaries older than `staleAge` seconds and, when the packs together pass `limit`
  /// bytes, the oldest packs (by modification time) until they are under 80 % of it, never one
  /// named in `keeping`. Removes nothing else. Returns whether it removed a pack.
  @discardableResult
  public func trim(limit: Int, keeping: Set<String>, staleAge: Int64) -> Bool {
    let now = Int64(time(nil))
    let files = listed()
    for file in files
    where file.name.hasPrefix(".") && file.name.contains(".tmp-")
      && now - file.modified > staleAge
    {
      unlink(file.path)
    }
    let packs = files.filter { isPackName($0.name) }
    var total = packs.reduce(0) { $0 + $1.size }
    guard total > Int64(limit) else { return false }
    let target = Int64(limit) * 4 / 5
    var removed = false
    for pack in packs.sorted(by: {
      ($0.modifiedNanoseconds, $0.name) < ($1.modifiedNanoseconds, $1.name)
    })
    where total > target && !keeping.contains(pack.name) {
      if unlink(pack.path) == 0 {
        total -= pack.size
        removed = true
      }
    }
    return removed
  }

  /// Removes the files of a layout from before packs: one file an entry, named by `nameLength`
  /// lower-case hex digits, in subfolders named by their first two; the subfolders too once empty.
  public func removeEntryFiles(nameLength: Int) {
    for sub in Folder.names(in: path) where sub.utf8.count == 2 && Self.isHex(sub) {
      let subPath = path + "/" + sub
      for name in Folder.names(in: subPath)
      where name.utf8.count == nameLength && name.hasPrefix(sub) && Self.isHex(name) {
        unlink(subPath + "/" + name)
      }
      rmdir(subPath)
    }
  }

  private static func isHex(_ name: String) -> Bool {
    name.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
  }

  /// A regular file in the folder.
  private struct Listed {
    var path: String
    var name: String
    var size: Int64
    /// Seconds since the epoch, and the same in nanoseconds.
    var modified: Int64
    var modifiedNanoseconds: Int64

    /// The file `name` at `path`; nil when it is not a regular file (a link is not followed).
    init?(path: String, name: String) {
      guard let status = FileStatus(path: path, followingLinks: false), status.isRegularFile
      else { return nil }
      self.path = path
      self.name = name
      size = status.size
      modified = status.modifiedSeconds
      modifiedNanoseconds = status.modified
    }
  }

  /// The regular files in the folder.
  private func listed() -> [Listed] {
    Folder.names(in: path).compactMap { Listed(path: path + "/" + $0, name: $0) }
  }
}
