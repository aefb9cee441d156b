import Foundation

extension OutputFile {
  /// The most bytes a temporary's name adds to the name of the file or folder it stands for:
  /// `.<name>.tmp-<token>`, then a random `-<hex>` (or a retired folder's `-old`), then `.gone`
  /// while it is removed on exit (``TemporaryFiles``).
  ///
  /// A name fits the file system when it is at least this much under ``maximumNameBytes``.
  public static let temporaryNameOverhead =
    ".".utf8.count + RunLock.temporaryMarker.utf8.count + longestToken
    + max("-ffffffff".utf8.count, "-old".utf8.count) + ".gone".utf8.count

  /// The longest name a folder entry may have, in bytes (Linux's `NAME_MAX`).
  public static let maximumNameBytes = 255

  /// The longest ``RunLock/token``: a process id, a hyphen and 32 bits in hex.
  static let longestToken = String(Int32.max).utf8.count + 1 + 8
}
