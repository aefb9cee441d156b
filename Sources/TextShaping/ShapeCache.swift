import CPango
import Frames

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A folder of shaped paragraphs kept from run to run, content-addressed: one file an entry, named by
/// its key's hex (`ab/ab12…`, 256 subfolders by the first two digits).
///
/// Every entry is checked whole on reading (``ShapeCacheEntry``): anything that does not check out
/// is a miss and is written again. Entries are written to a uniquely named temporary in their folder
/// and renamed into place, so concurrent runs sharing the folder never read half a file; they are not
/// synced (an entry lost in a crash is only a miss). A write that fails (a full disk, a read-only
/// folder) turns writing off for the rest of the run; reading goes on. ``trim()`` keeps the folder
/// under ``limit`` bytes, removing the least recently used entries first (a hit refreshes an entry's
/// time when it is over an hour old).
///
/// Not thread-safe: one cache object per measurer (several objects, in threads or processes, may
/// share a folder).
public final class ShapeCache {
  /// The default bound on the folder's size: 256 MB.
  public static let defaultLimit = 256 << 20
  /// How old a temporary must be before ``trim()`` takes it for an interrupted run's.
  static let staleAge: Int64 = 3600

  /// The folder (absolute).
  public let folder: String
  /// What every key includes besides the paragraph and the measurer's language.
  public let identity: ShapeCacheIdentity
  /// The most bytes of entries the folder keeps; ``trim()`` brings it down to about 80 % of it.
  public let limit: Int
  /// Entries read intact, entries looked up and not found (or not intact), entries written.
  public private(set) var hits = 0
  public private(set) var misses = 0
  public private(set) var writes = 0
  /// Why writing was turned off (the first failure), if it was.
  public private(set) var writeFailure: String?
  /// Font files' stamps, looked up once a run.
  private var stamps: [String: FileStamp?] = [:]
  /// Font faces' files, read from their patterns once.
  private var fontFiles: [FontFace: String?] = [:]

  /// A cache in `folder` (made absolute against the working directory; created when first written).
  public init(folder: String, identity: ShapeCacheIdentity, limit: Int = ShapeCache.defaultLimit) {
    var absolute = folder
    if !folder.hasPrefix("/"), let cwd = getcwd(nil, 0) {
      absolute = String(cString: cwd) + "/" + folder
      free(cwd)
    }
    self.folder = absolute
    self.identity = identity
    self.limit = limit
  }

  /// Where the entry for `key` lives.
  func path(for key: [UInt8]) -> (folder: String, file: String) {
    var digits: [UInt8] = []
    digits.reserveCapacity(2 * key.count)
    for byte in key {
      digits.append(Self.hexDigits[Int(byte >> 4)])
      digits.append(Self.hexDigits[Int(byte & 0xF)])
    }
    let hex = String(decoding: digits, as: UTF8.self)
    let sub = folder + "/" + hex.prefix(2)
    return (sub, sub + "/" + hex)
  }

  // MARK: Entries

  /// The payload stored under `key`, when its file is there and intact.
  func payload(for key: [UInt8]) -> ArraySlice<UInt8>? {
    let path = path(for: key).file
    guard let file = CacheFiles.readFile(path),
      let payload = ShapeCacheEntry.payload(of: file, key: key)
    else {
      misses += 1
      return nil
    }
    hits += 1
    touch(path)
    return payload
  }

  /// Counts a payload that was intact but not usable (a font file changed) as a miss.
  func rejected() {
    hits -= 1
    misses += 1
  }

  /// Stores `payload` under `key` (unless writing is off).
  func store(_ payload: [UInt8], for key: [UInt8]) {
    guard writeFailure == nil else { return }
    let (sub, file) = path(for: key)
    if CacheFiles.writeAtomically(
      ShapeCacheEntry.file(key: key, payload: payload), to: file, in: sub)
    {
      writes += 1
    } else {
      writeFailure = "cannot write to \(folder): " + String(cString: strerror(errno))
    }
  }

  /// Sets an entry's time to now when it is over an hour old, so that its time is about its last use.
  private func touch(_ path: String) {
    var st = stat()
    guard stat(path, &st) == 0, Int64(time(nil)) - Int64(st.st_mtim.tv_sec) > Self.staleAge
    else { return }
    utimensat(AT_FDCWD, path, nil, 0)
  }

  // MARK: Font files

  /// The file `face` comes from and its stamp now (nil: fontconfig names no file, or it is gone).
  func fontFile(of face: FontFace) -> (path: String, stamp: FileStamp)? {
    let file: String?
    if let known = fontFiles[face] {
      file = known
    } else {
      file = Self.file(ofPattern: face.pattern)
      fontFiles[face] = file
    }
    guard let file, let stamp = stamp(of: file) else { return nil }
    return (file, stamp)
  }

  /// Whether every font of `entry` is still the file it was when the entry was written.
  func fontsUnchanged(_ entry: CachedParagraph) -> Bool {
    entry.fonts.allSatisfy { font in
      guard let file = font.file else { return font.stamp == nil }
      return stamp(of: file) == font.stamp
    }
  }

  private func stamp(of path: String) -> FileStamp? {
    if let known = stamps[path] { return known }
    let stamp = FileStamp(path: path)
    stamps[path] = stamp
    return stamp
  }

  /// The `file` of a fontconfig pattern in its text form (parsed by fontconfig).
  static func file(ofPattern pattern: String) -> String? {
    guard let parsed = FcNameParse(pattern) else { return nil }
    defer { FcPatternDestroy(parsed) }
    var value: UnsafeMutablePointer<FcChar8>?
    guard FcPatternGetString(parsed, FC_FILE, 0, &value) == FcResultMatch, let value else {
      return nil
    }
    return String(cString: UnsafeRawPointer(value).assumingMemoryBound(to: CChar.self))
  }

  // MARK: Trimming

  /// A file in one of the cache's subfolders: an entry (named by its key) or anything else.
  private struct Listed {
    var path: String
    var name: String
    var isEntry: Bool
    var size: Int64
    /// Seconds since the epoch.
    var modified: Int64
  }

  /// The regular files in the cache's subfolders.
  private func listed() -> [Listed] {
    var out: [Listed] = []
    for sub in Self.names(in: folder) where Self.isSubfolderName(sub) {
      let subPath = folder + "/" + sub
      for name in Self.names(in: subPath) {
        let path = subPath + "/" + name
        var st = stat()
        guard lstat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { continue }
        out.append(
          Listed(
            path: path, name: name, isEntry: Self.isEntryName(name, in: sub),
            size: Int64(st.st_size), modified: Int64(st.st_mtim.tv_sec)))
      }
    }
    return out
  }

  /// Keeps the folder under ``limit``: run once, at the end of a run.
  ///
  /// When this run wrote entries, removes temporaries over an hour old and, when the entries together
  /// pass ``limit``, the oldest (by modification time) until they are under 80 % of it. Removes
  /// nothing but entries and temporaries inside ``folder``.
  public func trim() {
    guard writes > 0 else { return }
    let files = listed()
    let now = Int64(time(nil))
    for file in files
    where !file.isEntry && file.name.hasPrefix(".") && file.name.contains(".tmp-")
      && now - file.modified > Self.staleAge
    {
      unlink(file.path)
    }
    let entries = files.filter(\.isEntry)
    var total = entries.reduce(0) { $0 + $1.size }
    guard total > Int64(limit) else { return }
    let target = Int64(limit) * 4 / 5
    for entry in entries.sorted(by: { $0.modified < $1.modified }) where total > target {
      if unlink(entry.path) == 0 { total -= entry.size }
    }
  }

  /// The entries in the folder that are not intact (their framing, key or checksum wrong), and how
  /// many are.
  public func check() -> (intact: Int, damaged: [String]) {
    var intact = 0
    var damaged: [String] = []
    for entry in listed() where entry.isEntry {
      let key = stride(from: 0, to: entry.name.utf8.count, by: 2).compactMap {
        UInt8(String(entry.name.utf8.dropFirst($0).prefix(2)) ?? "", radix: 16)
      }
      if let file = CacheFiles.readFile(entry.path),
        ShapeCacheEntry.payload(of: file, key: key) != nil
      {
        intact += 1
      } else {
        damaged.append(entry.path)
      }
    }
    return (intact, damaged)
  }

  private static let hexDigits = Array("0123456789abcdef".utf8)

  /// Two lower-case hex digits.
  private static func isSubfolderName(_ name: String) -> Bool {
    name.utf8.count == 2 && name.utf8.allSatisfy(isHexDigit)
  }

  /// 64 lower-case hex digits starting with the subfolder's two.
  private static func isEntryName(_ name: String, in sub: String) -> Bool {
    name.utf8.count == 2 * SHA256.size && name.hasPrefix(sub) && name.utf8.allSatisfy(isHexDigit)
  }

  private static func isHexDigit(_ c: UInt8) -> Bool {
    (0x30...0x39).contains(c) || (0x61...0x66).contains(c)
  }

  /// The names in `folder` (none when it cannot be read).
  private static func names(in folder: String) -> [String] {
    guard let dir = g_dir_open(folder, 0, nil) else { return [] }
    defer { g_dir_close(dir) }
    var out: [String] = []
    while let name = g_dir_read_name(dir) { out.append(String(cString: name)) }
    return out
  }
}
