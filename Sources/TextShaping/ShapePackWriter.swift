import Dispatch
import Storage

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a ``ShapeCache``'s stored entries are encoded, checksummed and written: on a serial queue
/// of the cache's own, so that the thread laying out and drawing does not wait for them (the
/// machine's other core does the work while the layout goes on and the PDF is drawn).
///
/// Entries are handed over in batches (``store(for:payload:)``; one hand-over an entry would cost
/// a thread wake-up each) and appended to the pending pack in the order stored, so the packs are
/// the bytes one thread would write. The pending pack is written when it passes
/// ``ShapeCache/packThreshold`` bytes, and on ``flushLater()`` / ``flush()``. The first failed
/// write turns writing off: nothing later is encoded. Where the entries of the packs it wrote lie
/// is kept until ``flushLater()`` (the owner then finds them by listing the folder).
///
/// The owner (one thread) calls every method; ``flush()``, ``entry(for:)`` and the counts wait
/// for what was handed over before them.
final class ShapePackWriter: @unchecked Sendable {
  // @unchecked: `batch` is the owning thread's alone; every other variable is used on `queue`
  // alone (through `queue.async` or `queue.sync`).
  /// What writes an entry's payload into the pending pack, on the writer's queue.
  typealias Payload = @Sendable (inout ByteWriter) -> Void
  /// The entries handed over together.
  static let batchSize = 64

  private let queue = DispatchQueue(label: "pmreport.shape-cache.writer")
  private let packFolder: PackFolder
  /// Stored and not yet handed to the queue.
  private var batch: [(key: [UInt8], payload: Payload)] = []

  /// What is encoded and not yet written, and where each key's entry lies in it.
  private var pending = ShapePack.Builder(capacity: ShapeCache.packThreshold)
  private var pendingSlots: [ShapePack.Key: ShapePack.Slot] = [:]
  /// Where each entry of the packs this writer wrote lies: the pack's name and the slot.
  private var writtenSlots: [ShapePack.Key: (pack: String, slot: ShapePack.Slot)] = [:]
  private var writeCount = 0
  private var failure: String?
  private var writtenNames: Set<String> = []

  init(packFolder: PackFolder) { self.packFolder = packFolder }

  /// Stores the entry under `key` whose payload `payload` writes (on the writer's queue, later).
  func store(for key: [UInt8], payload: @escaping Payload) {
    batch.append((key, payload))
    if batch.count >= Self.batchSize { handOver() }
  }

  /// Writes the pending pack once what is stored before it is encoded, without waiting for it,
  /// and then forgets where the entries of the packs written lie: ``entry(for:)`` no longer
  /// finds them, the folder's listing does (after a ``flush()``).
  func flushLater() {
    handOver()
    queue.async {
      self.writePending()
      self.writtenSlots = [:]
    }
  }

  /// Writes the pending pack once what is stored before it is encoded, and waits until it is.
  func flush() {
    handOver()
    queue.sync { writePending() }
  }

  /// The entry stored under `key`, pending or in a pack this writer wrote (read from its file),
  /// after what was stored before is encoded; nil when it is not there (writing failed).
  func entry(for key: [UInt8]) -> [UInt8]? {
    handOver()
    return queue.sync {
      let packKey = ShapePack.Key(bytes: key)
      if let slot = pendingSlots[packKey] {
        return Array(pending.bytes[slot.offset..<slot.offset + slot.length])
      }
      guard let written = writtenSlots[packKey], let pack = packFolder.open(written.pack) else {
        return nil
      }
      return pack.read(offset: written.slot.offset, length: written.slot.length)
    }
  }

  /// Turns writing on again after a failure (``ShapeCache/startRun()``), once what was stored
  /// before is encoded.
  func retry() { waited { failure = nil } }

  /// Entries written (in packs written whole), once what was stored before is encoded.
  var writes: Int { waited { writeCount } }
  /// Why writing was turned off (the first failure), once what was stored before is encoded.
  var writeFailure: String? { waited { failure } }
  /// The names of the packs written, once what was stored before is encoded.
  var written: Set<String> { waited { writtenNames } }

  /// `value` once everything stored before is encoded (and any full pack written).
  private func waited<T>(_ value: () -> T) -> T {
    handOver()
    return queue.sync(execute: value)
  }

  /// Hands the batch to the queue.
  private func handOver() {
    guard !batch.isEmpty else { return }
    let entries = batch
    batch = []
    queue.async {
      for entry in entries { self.append(key: entry.key, payload: entry.payload) }
    }
  }

  /// Appends an entry to the pending pack, and writes the pack when it is full (on the queue).
  private func append(key: [UInt8], payload: Payload) {
    guard failure == nil else { return }
    pendingSlots[ShapePack.Key(bytes: key)] = pending.append(key: key, payload: payload)
    if pending.bytes.count >= ShapeCache.packThreshold { writePending() }
  }

  /// Writes the pending pack, if any, through a temporary in the folder (created when missing)
  /// and a rename, not synced; a failure turns writing off (on the queue).
  private func writePending() {
    guard !pending.isEmpty else { return }
    defer {
      pending = ShapePack.Builder(capacity: ShapeCache.packThreshold)
      pendingSlots = [:]
    }
    guard failure == nil else { return }
    let name: String
    do {
      name = try packFolder.write([pending.bytes, pending.index()])
    } catch {
      let code = (error as? StorageError)?.code ?? EIO
      failure = "cannot write to \(packFolder.path): " + StorageError.reason(code)
      return
    }
    writeCount += pending.slots.count
    writtenNames.insert(name)
    for slot in pending.slots { writtenSlots[ShapePack.Key(bytes: slot.key)] = (name, slot) }
  }
}
