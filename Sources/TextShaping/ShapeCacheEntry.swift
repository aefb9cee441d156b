import Storage

/// The framing of one shape cache entry (in a pack, ``ShapePack``): magic and format version, the
/// entry's full key, the payload's length, the payload, and the payload's SHA-256.
///
/// ``payloadRange(in:key:)`` trusts nothing: a short entry, another magic or version, another key, a
/// length that does not match or a checksum that does not is nil (a miss), never a crash.
enum ShapeCacheEntry {
  static let magic = Array("PMRSHAPE".utf8)
  /// Bumped whenever the framing or a payload's layout changes (it is also part of every key).
  static let formatVersion: UInt32 = 4
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
    let sum = w.bytes.withUnsafeBytes {
      SHA256.digest(UnsafeRawBufferPointer(rebasing: $0[start...]))
    }
    w.raw(sum)
  }

  /// Where the payload of `entry` lies in it, when it is an intact entry for `key`.
  static func payloadRange(in entry: UnsafeRawBufferPointer, key: [UInt8]) -> Range<Int>? {
    var r = ByteReader(bytes: entry)
    guard let fileMagic = try? r.raw(magic.count), fileMagic.elementsEqual(magic),
      (try? r.u32()) == formatVersion, (try? r.u32()) == 0,
      let fileKey = try? r.raw(key.count), fileKey.elementsEqual(key),
      let length = try? r.u64(), r.remaining >= SHA256.size,
      length == UInt64(r.remaining - SHA256.size)
    else { return nil }
    let start = r.offset
    guard let payload = try? r.raw(Int(length)), let sum = try? r.raw(SHA256.size),
      sum.elementsEqual(SHA256.digest(payload))
    else { return nil }
    return start..<start + payload.count
  }
}
