import CNettle

/// SHA-256 through nettle: the one hasher of pmreport (output files, the PDF's document id, the
/// shape cache's keys; its entries' payloads have a ``CRC32``).
public final class SHA256 {
  /// Bytes in a digest.
  public static let size = 32
  private let context: UnsafeMutablePointer<sha256_ctx>

  public init() {
    context = .allocate(capacity: 1)
    nettle_sha256_init(context)
  }

  private init(copying other: UnsafeMutablePointer<sha256_ctx>) {
    context = .allocate(capacity: 1)
    context.initialize(to: other.pointee)
  }

  deinit { context.deallocate() }

  /// A hasher that has taken in what this one has so far (which goes on unchanged): a common
  /// prefix hashed once for many digests.
  public func copy() -> SHA256 { SHA256(copying: context) }

  /// Adds `bytes` to what is hashed.
  public func update(_ bytes: UnsafeRawBufferPointer) {
    guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
    nettle_sha256_update(context, bytes.count, base.assumingMemoryBound(to: UInt8.self))
  }

  public func update(_ bytes: [UInt8]) { bytes.withUnsafeBytes { update($0) } }

  /// The digest of everything added (the hasher is spent afterwards).
  public func digest() -> [UInt8] {
    var digest = [UInt8](repeating: 0, count: Self.size)
    nettle_sha256_digest(context, Self.size, &digest)
    return digest
  }

  /// The digest of everything added as lower-case hex (the hasher is spent afterwards).
  public func hexDigest() -> String {
    let hex = Array("0123456789abcdef".utf8)
    var out: [UInt8] = []
    out.reserveCapacity(2 * Self.size)
    for byte in digest() {
      out.append(hex[Int(byte >> 4)])
      out.append(hex[Int(byte & 0x0f)])
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// The digest of `bytes`.
  public static func digest(_ bytes: UnsafeRawBufferPointer) -> [UInt8] {
    let hasher = SHA256()
    hasher.update(bytes)
    return hasher.digest()
  }
}
