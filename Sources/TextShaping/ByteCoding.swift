#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Little-endian numbers and length-prefixed strings, appended to a byte array.
struct ByteWriter {
  var bytes: [UInt8] = []

  mutating func u8(_ v: UInt8) { bytes.append(v) }
  mutating func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { bytes += $0 } }
  mutating func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { bytes += $0 } }
  mutating func i32(_ v: Int32) { withUnsafeBytes(of: v.littleEndian) { bytes += $0 } }
  mutating func i64(_ v: Int64) { withUnsafeBytes(of: v.littleEndian) { bytes += $0 } }
  /// A double by its bit pattern (exact, and the same bytes for the same value on every run).
  mutating func f64(_ v: Double) { u64(v.bitPattern) }
  mutating func bool(_ v: Bool) { u8(v ? 1 : 0) }
  /// A Swift string: its UTF-8 length and bytes.
  mutating func text(_ s: String) {
    u32(UInt32(s.utf8.count))
    bytes += s.utf8
  }
  /// An optional string: a presence byte, then the string.
  mutating func optionalText(_ s: String?) {
    bool(s != nil)
    if let s { text(s) }
  }
  mutating func raw<C: Collection<UInt8>>(_ v: C) { bytes += v }

  /// Numbers as narrow as the largest needs: its width in bytes (1, 2 or 4), the count, then each
  /// number little-endian in that width.
  mutating func narrowNumbers(_ numbers: [UInt32]) {
    let largest = numbers.max() ?? 0
    let width = largest <= 0xFF ? 1 : largest <= 0xFFFF ? 2 : 4
    u8(UInt8(width))
    u32(UInt32(numbers.count))
    bytes.reserveCapacity(bytes.count + width * numbers.count)
    for n in numbers {
      for k in 0..<width { bytes.append(UInt8(truncatingIfNeeded: n >> (8 * k))) }
    }
  }
  mutating func bytes(_ v: UnsafeRawBufferPointer) {
    i32(Int32(v.count))
    bytes += v
  }
  /// A C string: its length (-1 for NULL) and its bytes without the NUL.
  mutating func string(_ s: UnsafeMutablePointer<CChar>?) {
    guard let s else { return i32(-1) }
    bytes(UnsafeRawBufferPointer(start: s, count: strlen(s)))
  }
}

/// Reads what ``ByteWriter`` wrote, checking every length against what is left.
struct ByteReader {
  struct Bad: Error {}
  let bytes: UnsafeRawBufferPointer
  var offset = 0
  /// The length of the last string read by ``string()``.
  private var stringLength = 0

  init(bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

  var remaining: Int { bytes.count - offset }
  var atEnd: Bool { offset == bytes.count }
  var lastStringLength: Int { stringLength }

  mutating func u8() throws -> UInt8 {
    guard remaining >= 1 else { throw Bad() }
    defer { offset += 1 }
    return bytes[offset]
  }

  mutating func u32() throws -> UInt32 {
    guard remaining >= 4 else { throw Bad() }
    defer { offset += 4 }
    return UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
  }

  mutating func i32() throws -> Int32 { Int32(bitPattern: try u32()) }

  mutating func u64() throws -> UInt64 {
    guard remaining >= 8 else { throw Bad() }
    defer { offset += 8 }
    return UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
  }

  mutating func i64() throws -> Int64 { Int64(bitPattern: try u64()) }
  mutating func f64() throws -> Double { Double(bitPattern: try u64()) }

  mutating func bool() throws -> Bool {
    switch try u8() {
    case 0: return false
    case 1: return true
    default: throw Bad()
    }
  }

  /// A count written by `u32`, checked against the bytes left at `least` bytes an element, so that
  /// a bad count cannot make a reader allocate more than the file holds.
  mutating func count(atLeast least: Int) throws -> Int {
    let n = Int(try u32())
    guard n <= remaining / max(1, least) else { throw Bad() }
    return n
  }

  /// Numbers written by ``ByteWriter/narrowNumbers(_:)``; a width other than 1, 2 or 4, or a
  /// count past the bytes left, throws.
  mutating func narrowNumbers() throws -> [UInt32] {
    let width = Int(try u8())
    guard width == 1 || width == 2 || width == 4 else { throw Bad() }
    let count = try self.count(atLeast: width)
    let numbers = try raw(count * width)
    return (0..<count).map { i in
      var n: UInt32 = 0
      for k in 0..<width { n |= UInt32(numbers[i * width + k]) << (8 * k) }
      return n
    }
  }

  /// A Swift string written by ``ByteWriter/text(_:)``.
  mutating func text() throws -> String {
    String(decoding: try raw(count(atLeast: 1)), as: UTF8.self)
  }

  /// An optional string written by ``ByteWriter/optionalText(_:)``.
  mutating func optionalText() throws -> String? { try bool() ? try text() : nil }

  mutating func raw(_ count: Int) throws -> UnsafeRawBufferPointer {
    guard count >= 0, remaining >= count else { throw Bad() }
    defer { offset += count }
    return UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + count])
  }

  /// A string as `malloc`ed, NUL-ended bytes (nil for an absent one).
  mutating func string() throws -> UnsafeMutablePointer<CChar>? {
    let length = try i32()
    if length == -1 { return nil }
    let source = try raw(Int(length))
    guard let copy = malloc(Int(length) + 1) else { throw Bad() }
    copy.copyMemory(from: source.baseAddress ?? UnsafeRawPointer(copy), byteCount: Int(length))
    copy.storeBytes(of: 0, toByteOffset: Int(length), as: UInt8.self)
    stringLength = Int(length)
    return copy.bindMemory(to: CChar.self, capacity: Int(length) + 1)
  }
}
