import CZlib

/// CRC-32 through zlib: the checksum of a shape cache entry's payload, against a pack damaged on
/// disk (a flipped bit, a torn or overwritten stretch), not against anyone who can write the folder
/// (they can write a matching checksum, whatever the checksum; keys and output files stay SHA-256).
public enum CRC32 {
  /// Bytes in a checksum.
  public static let size = 4

  /// The CRC-32 of `bytes` (zlib's `crc32_z`, the polynomial of zip and PNG).
  public static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
    guard let base = bytes.baseAddress, !bytes.isEmpty else { return 0 }
    return UInt32(
      truncatingIfNeeded: crc32_z(0, base.assumingMemoryBound(to: Bytef.self), bytes.count))
  }
}
