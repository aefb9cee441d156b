import CPango
import Frames
import Storage

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A folder of shaped paragraphs kept from run to run, content-addressed: the entries live in a few
/// pack files (`pack-<16 hex digits>.pmrpack`, ``ShapePack``), written once and never changed.
///
/// On the first lookup every pack in the folder is opened and its index read into one table, newest
/// pack first: a lookup is a table look-up, one `pread` of the entry and a check of it. Every
/// entry is checked whole on reading (``ShapeCacheEntry``); anything that does not check out (a
/// pack truncated meanwhile included) is a miss, shaped again and stored again. Nothing is mapped,
/// so a file changing underneath can cost misses, never a fault. What this object stores is
/// encoded on a thread of its own (``ShapePackWriter``) and gathers in a pending pack, written when
/// it passes ``packThreshold`` bytes, by ``release()`` (without waiting) and by ``flush()`` /
/// ``trim()`` at the end of a run (which wait for it): to a uniquely named temporary, then renamed
/// into place, not synced (a pack lost in a crash is only misses). Each object writes only its own
/// new packs, so runs sharing a folder never see half a file; two of them storing one key leave two
/// intact copies, and a lookup takes the first. A write that fails (a full disk, a read-only folder)
/// turns writing off for the rest of the run; reading goes on. ``trim()`` keeps the packs under
/// ``limit`` bytes, removing the least recently used packs first (a hit refreshes its pack's time at
/// the end of the run when it is over an hour old).
///
/// Not thread-safe: one cache object per measurer, used by one thread (several objects, in threads
/// or processes, may share a folder).
public final class ShapeCache {
  /// The default bound on the folder's size: 256 MB.
  public static let defaultLimit = 256 << 20
  /// How old a temporary must be before ``trim()`` takes it for an interrupted run's, and how old a
  /// used pack before its time is refreshed.
  static let staleAge: Int64 = 3600
  /// The pending bytes past which the pending pack is written: 1 MB (what is pending is memory the
  /// run holds on to: at scale 100, 4 MB packs added 10 MB to the peak).
  static let packThreshold = 1 << 20
  /// The packs that keep their files open while the index is loaded (the newest); a lookup in an
  /// older one opens its file again, so that a folder of many packs cannot use up the process's
  /// descriptors.
  static let openPackLimit = 64

  /// The folder (absolute).
  public var folder: String { packFolder.path }
  /// The folder's pack files.
  private let packFolder: PackFolder
  /// What every key includes besides the paragraph and the measurer's language.
  public let identity: ShapeCacheIdentity
  /// The most bytes of packs the folder keeps; ``trim()`` brings it down to about 80 % of it.
  public let limit: Int
  /// Entries read intact, entries looked up and not found (or not intact).
  public private(set) var hits = 0
  public private(set) var misses = 0
  /// Entries written this run (in packs written whole; ``flush()`` writes what is pending).
  public var writes: Int { writer.writes - writesBefore }
  /// Entries written in runs before this one (``startRun()``).
  private var writesBefore = 0
  /// How many packs this object had written when the run began (``startRun()``).
  private var writtenBefore = 0
  /// Why writing was turned off (the first failure), if it was.
  public var writeFailure: String? { writer.writeFailure }
  /// The folder's entries named as packs that are not regular files (a named pipe, a link that
  /// loops), each with what it is: ignored, never read.
  public private(set) var ignored: [String: RegularFile.Refusal] = [:]
  /// The font files entries name, with their stamps and glyph counts, looked up once a run.
  let fontFiles = FontFiles()

  /// Where an entry lies: a pack of ``packs`` and the entry's bytes in it.
  private struct Location {
    var pack: Int
    var offset: Int
    var length: Int
  }
  /// The packs opened (intact trailers and indexes only), and whether an entry was read from each
  /// (``trim()`` refreshes its time then).
  private var packs: [PackFile] = []
  private var packUsed: [Bool] = []
  /// Every key's locations, newest pack first; nil until the first lookup.
  private var index: [ShapePack.Key: [Location]]?
  /// Encodes and writes what is stored, on a thread of its own.
  private let writer: ShapePackWriter
  /// The first eight bytes of each key stored since the last ``release()`` (its entry is the
  /// writer's to find: pending, or in a pack written but maybe not yet listed by ``index``).
  private var storedKeys: Set<UInt64> = []
  /// Whether a used pack's time was refreshed (``trim()`` then looks at the folder).
  private var touchedPacks = false

  /// A cache in `folder` (made absolute against the working directory; created when first written).
  public init(folder: String, identity: ShapeCacheIdentity, limit: Int = ShapeCache.defaultLimit) {
    var absolute = folder
    if !folder.hasPrefix("/"), let cwd = getcwd(nil, 0) {
      absolute = String(cString: cwd) + "/" + folder
      free(cwd)
    }
    packFolder = PackFolder(path: absolute, fileExtension: ShapePack.fileExtension)
    writer = ShapePackWriter(packFolder: packFolder)
    self.identity = identity
    self.limit = limit
  }

  /// Writes what is pending and waits for it (the open files go with the packs).
  deinit { writer.flush() }

  /// Begins another run on this cache: `pmreport watch` keeps one from build to build, so that
  /// its index and open packs are not read again for each build's few misses.
  ///
  /// The counts start from zero, a write failure is forgotten (writing is tried again), and the
  /// font files are looked up again, so that an entry is checked against the fonts as they are
  /// now. What the last run found to refresh, and the files its index load ignored (reported by
  /// that run), are forgotten: a run trims the folder only when it wrote or refreshed a pack
  /// itself. Call it between runs, after ``flush()`` (then nothing stored in the last run is still
  /// being encoded with its fonts' stamps). Packs another process wrote since the index was read
  /// are not listed (their entries are misses, shaped again) until ``release()``.
  public func startRun() {
    hits = 0
    misses = 0
    writesBefore = writer.writes
    writtenBefore = writer.written.count
    touchedPacks = false
    ignored = [:]
    writer.retry()
    fontFiles.forget()
  }

  // MARK: Entries

  /// The payload stored under `key`, when an intact entry for it is found.
  func payload(for key: [UInt8]) -> ArraySlice<UInt8>? {
    let packKey = ShapePack.Key(bytes: key)
    if storedKeys.contains(packKey.prefix), let entry = writer.entry(for: key),
      let payload = entry.withUnsafeBytes({ ShapeCacheEntry.payloadRange(in: $0, key: key) })
    {
      hits += 1
      return entry[payload]
    }
    for location in loadedIndex()[packKey] ?? [] {
      if let entry = packs[location.pack].read(offset: location.offset, length: location.length),
        let payload = entry.withUnsafeBytes({ ShapeCacheEntry.payloadRange(in: $0, key: key) })
      {
        hits += 1
        packUsed[location.pack] = true
        return entry[payload]
      }
    }
    misses += 1
    return nil
  }

  /// Counts a payload that was intact but not usable (a font file changed) as a miss.
  func rejected() {
    hits -= 1
    misses += 1
  }

  /// Stores the payload `payload` writes under `key` (unless writing is off: then `payload` is not
  /// called): in the pending pack, written when it is full and at the end of the run.
  ///
  /// `payload` runs later, on the writer's thread (``ShapePackWriter``), in the order stored.
  ///
  /// `payload` writes into the pending pack itself, so it must not call back into the cache (to
  /// read or store an entry); asking for a font file's stamp (``fontFiles``) is fine.
  func store(for key: [UInt8], payload: @escaping ShapePackWriter.Payload) {
    storedKeys.insert(ShapePack.Key(bytes: key).prefix)
    writer.store(for: key, payload: payload)
  }

  /// Writes the pending pack, if any, once everything stored is encoded, and waits for it.
  ///
  /// Through a temporary in the folder (created when missing) and a rename, not synced (a cache: a
  /// pack lost in a crash is only misses). A failure turns writing off.
  public func flush() { writer.flush() }

  /// Has what is pending written (without waiting: the writer's thread does it while the PDF is
  /// drawn) and lets go of the packs' index and files (read again at the next lookup, once the
  /// writer is done): between documents, so that the memory goes to the next PDF (at scale 100
  /// the index and what mapped packs had read added 40–50 MB to the run's peak).
  public func release() {
    writer.flushLater()
    storedKeys = []
    touchUsedPacks()
    dropIndex()
  }

  /// Lets go of the packs' index and open files (read again at the next lookup).
  private func dropIndex() {
    packs = []
    packUsed = []
    index = nil
  }

  /// Sets the time of each pack read from to now, when it is over an hour old (so that a pack's
  /// time is about its last use).
  private func touchUsedPacks() {
    let now = Int64(time(nil))
    for (number, pack) in packs.enumerated() where packUsed[number] {
      if now - pack.modified > Self.staleAge, PackFolder.touch(pack.path) { touchedPacks = true }
      packUsed[number] = false
    }
  }

  /// ``index``, read from the folder's packs on the first call (after the packs this object
  /// stored are written, so that it lists them).
  private func loadedIndex() -> [ShapePack.Key: [Location]] {
    if let index { return index }
    writer.flush()
    index = [:]
    let listing = packFolder.packs()
    ignored = listing.refused
    for name in listing.newestFirst {
      guard let pack = packFolder.open(name) else { continue }
      if packs.count >= Self.openPackLimit { pack.closeDescriptor() }
      // A pack whose trailer or index does not check out is left out (and closed).
      if let slots = ShapePack.slots(of: pack) { add(pack, slots: slots) }
    }
    return index ?? [:]
  }

  /// Adds `pack`'s entries, at `slots`, to ``index``, after those there.
  private func add(_ pack: PackFile, slots: [ShapePack.Slot]) {
    let number = packs.count
    packs.append(pack)
    packUsed.append(false)
    for slot in slots {
      let location = Location(pack: number, offset: slot.offset, length: slot.length)
      index?[ShapePack.Key(bytes: slot.key), default: []].append(location)
    }
  }

  // MARK: Font files

  /// The number of glyphs of the font `face` names (its file and face in it), read once; nil
  /// when fontconfig names no file or the file holds no such font.
  func glyphCount(of face: FontFace) -> Int? { fontFiles.glyphCount(of: face) }

  /// Whether every font of `entry` is still the file it was when the entry was written.
  func fontsUnchanged(_ entry: CachedParagraph) -> Bool { fontFiles.unchanged(entry) }

  // MARK: Trimming

  /// Writes what is pending and keeps the folder under ``limit``: run once, at the end of a run.
  ///
  /// Refreshes the time of every pack a hit came from when it is over an hour old. When this run
  /// wrote or refreshed a pack, removes temporaries over an hour old, the old layout's entry files
  /// (one file an entry in two-hex-digit subfolders, from before packs) and, when the packs together
  /// pass ``limit``, the oldest packs (by modification time) until they are under 80 % of it,
  /// never one this object wrote. Removes nothing else. When it removed a pack, the index and the
  /// open packs are let go (read again at the next lookup), so that a kept cache holds no removed
  /// pack open.
  public func trim() {
    writer.flush()
    let written = writer.written
    touchUsedPacks()
    guard written.count > writtenBefore || touchedPacks else { return }
    packFolder.removeEntryFiles(nameLength: 2 * SHA256.size)
    if packFolder.trim(limit: limit, keeping: written, staleAge: Self.staleAge) { dropIndex() }
  }

  /// The entries in the folder's packs that are intact, and what is not: packs whose trailer or
  /// index does not check out, and entries whose framing, key or checksum does not.
  public func check() -> (intact: Int, damaged: [String]) {
    var intact = 0
    var damaged: [String] = []
    for name in packFolder.packNames().sorted() {
      guard let pack = packFolder.open(name), let slots = ShapePack.slots(of: pack) else {
        damaged.append(folder + "/" + name)
        continue
      }
      for slot in slots {
        if let entry = pack.read(offset: slot.offset, length: slot.length),
          entry.withUnsafeBytes({ ShapeCacheEntry.payloadRange(in: $0, key: slot.key) }) != nil
        {
          intact += 1
        } else {
          damaged.append("\(pack.path) at \(slot.offset)")
        }
      }
    }
    return (intact, damaged)
  }
}
