import Storage

/// The framing of one shape cache entry (in a pack, ``ShapePack``): magic and format version, the
/// entry's full key, the payload's length, the payload, and the payload's CRC-32.
///
/// ``payloadRange(in:key:)`` trusts nothing: a short entry, another magic or version, another key, a
/// length that does not match or a checksum that does not is nil (a miss), never a crash.
///
/// The checksum is against damage on disk only: whoever can write the folder can write an entry
/// with a matching checksum, whatever the checksum, so a hit is trusted only with how glyphs look
/// (``DiskCachedShaper`` checks every payload it takes). The key, which names the content, is the
/// SHA-256 of everything the lines depend on (``ShapeCacheKeys``).
enum ShapeCacheEntry {
  static let magic = Array("PMRSHAPE".utf8)
  /// Bumped whenever the framing or a payload's layout changes (it is also part of every key): 5,
  /// the payload's checksum a CRC-32 (4, a SHA-256).
  static let formatVersion: UInt32 = 5
  /// Magic, version, a reserved word, the key, the payload length.
  static let headerSize = 8 + 4 + 4 + SHA256.size + 8

  /// Appends the entry under `key` whose payload `payload` writes to `bytes` (a pack being
  /// filled): the payload is written in place, then its length and checksum filled in, so it is
  /// never a copy of its own.
  static func append(key: [UInt8], to bytes: inout [UInt8], payload: (inout ByteWriter) -> Void) {
    var w = ByteWriter()
    swap(&w.bytes, &bytes)
    defer { swap(&w.bytes, &bytes) }
    w.raw(magic)
    w.u32(formatVersion)
    w.u32(0)
    w.raw(key)
    let lengthOffset = w.bytes.count
    w.u64(0)
    let start = w.bytes.count
    payload(&w)
    let length = UInt64(w.bytes.count - start)
    w.bytes.withUnsafeMutableBytes {
      $0.storeBytes(of: length.littleEndian, toByteOffset: lengthOffset, as: UInt64.self)
    }
    w.u32(
      w.bytes.withUnsafeBytes { CRC32.checksum(UnsafeRawBufferPointer(rebasing: $0[start...])) })
  }

  /// Where the payload of `entry` lies in it, when it is an intact entry for `key`.
  static func payloadRange(in entry: UnsafeRawBufferPointer, key: [UInt8]) -> Range<Int>? {
    var r = ByteReader(bytes: entry)
    guard let fileMagic = try? r.raw(magic.count), fileMagic.elementsEqual(magic),
      (try? r.u32()) == formatVersion, (try? r.u32()) == 0,
      let fileKey = try? r.raw(key.count), fileKey.elementsEqual(key),
      let length = try? r.u64(), r.remaining >= CRC32.size,
      length == UInt64(r.remaining - CRC32.size)
    else { return nil }
    let start = r.offset
    guard let payload = try? r.raw(Int(length)), let sum = try? r.u32(),
      sum == CRC32.checksum(payload)
    else { return nil }
    return start..<start + payload.count
  }
}
