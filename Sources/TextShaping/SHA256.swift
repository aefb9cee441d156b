import CPango

/// SHA-256 through GLib's `GChecksum` (the digest the shape cache names and checks entries by).
final class SHA256 {
  /// Bytes in a digest.
  static let size = 32
  private let checksum: OpaquePointer?

  init() { checksum = g_checksum_new(G_CHECKSUM_SHA256) }
  deinit { if let checksum { g_checksum_free(checksum) } }

  /// Adds `bytes` to what is hashed.
  func update(_ bytes: UnsafeRawBufferPointer) {
    guard let base = bytes.baseAddress else { return }
    g_checksum_update(checksum, base.assumingMemoryBound(to: UInt8.self), bytes.count)
  }

  func update(_ bytes: [UInt8]) { bytes.withUnsafeBytes { update($0) } }

  /// The digest of everything added (the hasher is spent afterwards).
  func digest() -> [UInt8] {
    var digest = [UInt8](repeating: 0, count: Self.size)
    var size = Self.size
    g_checksum_get_digest(checksum, &digest, &size)
    return digest
  }

  /// The digest of `bytes`.
  static func digest(_ bytes: UnsafeRawBufferPointer) -> [UInt8] {
    let hasher = SHA256()
    hasher.update(bytes)
    return hasher.digest()
  }
}
