import Foundation

extension CheckedFile {
  /// Writes the bytes of the file at `source` (a scratch file another library wrote), a megabyte
  /// at a time; throws when it cannot be read, naming it.
  public func write(contentsOf source: String) throws {
    let input = open(source, O_RDONLY | O_CLOEXEC)
    guard input >= 0 else { throw Self.readBackFailed(source) }
    defer { close(input) }
    var chunk = [UInt8](repeating: 0, count: 1 << 20)
    while true {
      let count = chunk.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
      if count < 0, errno == EINTR { continue }
      guard count >= 0 else { throw Self.readBackFailed(source) }
      guard count > 0 else { return }
      chunk.withUnsafeBytes { write(UnsafeRawBufferPointer(rebasing: $0[..<count])) }
    }
  }

  /// The error for a scratch file that cannot be read back (`errno` as the read left it).
  private static func readBackFailed(_ source: String) -> StorageError {
    .outputFolder(
      path: source, reason: "cannot read back the scratch file just written", errno: errno)
  }
}
