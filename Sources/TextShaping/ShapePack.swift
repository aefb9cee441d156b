import Storage

/// The layout of a shape cache pack file, written once and never changed: the magic `PMRPACK1`,
/// the entries back to back (each framed by ``ShapeCacheEntry``), an index (for each entry its
/// 32-byte key, offset u64 and length u32) and a trailer (the index's offset u64, the entry count
/// u32 and the magic again), little-endian.
///
/// ``slots(of:)`` trusts nothing: a pack whose trailer or index does not check out is ignored whole;
/// each entry is still checked on its own when read.
enum ShapePack {
  static let magic = Array("PMRPACK1".utf8)
  /// A key, an offset and a length.
  static let slotSize = SHA256.size + 8 + 4
  /// The index offset, the entry count and the magic.
  static let trailerSize = 8 + 4 + 8
  static let fileExtension = ".pmrpack"

  /// Where one entry lies in a pack.
  struct Slot {
    var key: [UInt8]
    var offset: Int
    var length: Int
  }

  /// The index of a pack's bytes, when its magic, trailer and index check out and every slot lies
  /// between the magic and the index; nil otherwise.
  static func slots(of bytes: UnsafeRawBufferPointer) -> [Slot]? {
    let size = bytes.count
    guard size >= magic.count + trailerSize, bytes.prefix(magic.count).elementsEqual(magic),
      bytes.suffix(magic.count).elementsEqual(magic)
    else { return nil }
    let indexEnd = size - trailerSize
    var trailer = ByteReader(bytes: UnsafeRawBufferPointer(rebasing: bytes[indexEnd...]))
    guard let indexOffset = try? trailer.u64(), let count = try? trailer.u32(),
      indexOffset >= UInt64(magic.count), indexOffset <= UInt64(indexEnd),
      UInt64(indexEnd) - indexOffset == UInt64(count) * UInt64(slotSize)
    else { return nil }
    var r = ByteReader(bytes: UnsafeRawBufferPointer(rebasing: bytes[Int(indexOffset)..<indexEnd]))
    var slots: [Slot] = []
    slots.reserveCapacity(Int(count))
    for _ in 0..<count {
      guard let key = try? r.raw(SHA256.size), let offset = try? r.u64(),
        let length = try? r.u32(), offset >= UInt64(magic.count), offset <= indexOffset,
        UInt64(length) <= indexOffset - offset
      else { return nil }
      slots.append(Slot(key: Array(key), offset: Int(offset), length: Int(length)))
    }
    return slots
  }

  /// A pack being filled in memory.
  struct Builder {
    private(set) var bytes = ShapePack.magic
    private(set) var slots: [Slot] = []

    /// An empty pack with room for about `capacity` bytes of entries (no regrowing on the way).
    init(capacity: Int = 0) {
      bytes.reserveCapacity(capacity + (64 << 10))
    }

    var isEmpty: Bool { slots.isEmpty }

    /// Appends the entry holding `payload` under `key`; returns where it lies.
    @discardableResult
    mutating func append(key: [UInt8], payload: [UInt8]) -> Slot {
      let entry = ShapeCacheEntry.file(key: key, payload: payload)
      let slot = Slot(key: key, offset: bytes.count, length: entry.count)
      slots.append(slot)
      bytes += entry
      return slot
    }

    /// The whole pack: the magic and entries, the index and the trailer.
    func file() -> [UInt8] {
      var w = ByteWriter()
      w.bytes = bytes
      w.bytes.reserveCapacity(bytes.count + slots.count * ShapePack.slotSize + trailerSize)
      for slot in slots {
        w.raw(slot.key)
        w.u64(UInt64(slot.offset))
        w.u32(UInt32(slot.length))
      }
      w.u64(UInt64(bytes.count))
      w.u32(UInt32(slots.count))
      w.raw(ShapePack.magic)
      return w.bytes
    }
  }
}
