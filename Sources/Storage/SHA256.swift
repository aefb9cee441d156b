import CGLib

/// SHA-256 through GLib's `GChecksum`: the one hasher of pmreport (output files, the PDF's
/// document id, the shape cache's keys and entries).
public final class SHA256 {
  /// Bytes in a digest.
  public static let size = 32
  private let checksum: OpaquePointer?

  public init() { checksum = g_checksum_new(G_CHECKSUM_SHA256) }
  private init(copying other: OpaquePointer?) { checksum = other.flatMap { g_checksum_copy($0) } }
  deinit { if let checksum { g_checksum_free(checksum) } }

  /// A hasher that has taken in what this one has so far (which goes on unchanged): a common
  /// prefix hashed once for many digests.
  public func copy() -> SHA256 { SHA256(copying: checksum) }

  /// Adds `bytes` to what is hashed.
  public func update(_ bytes: UnsafeRawBufferPointer) {
    guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
    g_checksum_update(checksum, base.assumingMemoryBound(to: UInt8.self), bytes.count)
  }

  public func update(_ bytes: [UInt8]) { bytes.withUnsafeBytes { update($0) } }

  /// The digest of everything added (the hasher is spent afterwards).
  public func digest() -> [UInt8] {
    var digest = [UInt8](repeating: 0, count: Self.size)
    var size = Self.size
    g_checksum_get_digest(checksum, &digest, &size)
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
