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

  /// A key as tables of entries hold it: hashed by its first eight bytes (a SHA-256 digest's
  /// bytes are uniform already), not byte by byte as an array of bytes is.
  struct Key: Hashable {
    let bytes: [UInt8]

    /// The key's first eight bytes as a number.
    var prefix: UInt64 {
      var word: UInt64 = 0
      for byte in bytes.prefix(8) { word = word << 8 | UInt64(byte) }
      return word
    }

    func hash(into hasher: inout Hasher) { hasher.combine(prefix) }
  }

  /// Where one entry lies in a pack.
  struct Slot {
    var key: [UInt8]
    var offset: Int
    var length: Int
  }

  /// The index of `pack`, read from the file, when its magic, trailer and index check out and
  /// every slot lies between the magic and the index; nil otherwise (or when the file no longer
  /// holds what it held when opened).
  static func slots(of pack: PackFile) -> [Slot]? {
    let size = pack.size
    guard size >= magic.count + trailerSize, pack.read(offset: 0, length: magic.count) == magic,
      let trailerBytes = pack.read(offset: size - trailerSize, length: trailerSize),
      trailerBytes.suffix(magic.count).elementsEqual(magic)
    else { return nil }
    let indexEnd = size - trailerSize
    let place = trailerBytes.withUnsafeBytes { raw -> (offset: UInt64, count: UInt32)? in
      var trailer = ByteReader(bytes: raw)
      guard let offset = try? trailer.u64(), let count = try? trailer.u32() else { return nil }
      return (offset, count)
    }
    guard let place, place.offset >= UInt64(magic.count), place.offset <= UInt64(indexEnd),
      UInt64(indexEnd) - place.offset == UInt64(place.count) * UInt64(slotSize),
      let index = pack.read(offset: Int(place.offset), length: indexEnd - Int(place.offset))
    else { return nil }
    return index.withUnsafeBytes { raw -> [Slot]? in
      var r = ByteReader(bytes: raw)
      var slots: [Slot] = []
      slots.reserveCapacity(Int(place.count))
      for _ in 0..<place.count {
        guard let key = try? r.raw(SHA256.size), let offset = try? r.u64(),
          let length = try? r.u32(), offset >= UInt64(magic.count), offset <= place.offset,
          UInt64(length) <= place.offset - offset
        else { return nil }
        slots.append(Slot(key: Array(key), offset: Int(offset), length: Int(length)))
      }
      return slots
    }
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

    /// Appends the entry under `key` whose payload `payload` writes; returns where it lies.
    @discardableResult
    mutating func append(key: [UInt8], payload: (inout ByteWriter) -> Void) -> Slot {
      let offset = bytes.count
      ShapeCacheEntry.append(key: key, to: &bytes, payload: payload)
      let slot = Slot(key: key, offset: offset, length: bytes.count - offset)
      slots.append(slot)
      return slot
    }

    /// What follows the entries in the file: the index and the trailer (the file is ``bytes``
    /// and then these, written one after the other, not joined).
    func index() -> [UInt8] {
      var w = ByteWriter()
      w.bytes.reserveCapacity(slots.count * ShapePack.slotSize + trailerSize)
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
