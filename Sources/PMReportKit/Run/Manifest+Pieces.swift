import Foundation

extension Manifest {
  /// The files encoded together: `JSONEncoder` builds a tree of what it encodes before writing
  /// it (about 1 KB a file), so the whole list of a 10,000-name roster's copies held ~10 MB at
  /// the end of the run; a piece's tree is all that is held now.
  static let filesAPiece = 256

  /// The manifest's bytes, handed to `emit` in pieces: those of `JSONEncoder` (pretty-printed,
  /// keys sorted, slashes left unescaped) for the whole manifest, and a newline.
  ///
  /// First the manifest without its files, up to inside its empty list (`"files"` sorts first,
  /// so the first `[` opens it: `[\n\n  ]`); then the files ``filesAPiece`` at a time, each
  /// piece encoded as a list by the same encoder, its brackets taken off and every line indented
  /// one level more (two spaces: a list inside the manifest's object); then the rest. Every
  /// newline the encoder writes is its own (a string's is escaped), so the bytes are those of
  /// encoding the manifest whole.
  func encoded(_ emit: ([UInt8]) throws -> Void) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    var shell = self
    shell.files = []
    let framing = Array(try encoder.encode(shell))
    guard let open = framing.firstIndex(of: UInt8(ascii: "[")) else {
      throw EncodingError.invalidValue(
        shell, .init(codingPath: [], debugDescription: "the manifest encoded without its list"))
    }
    let split = open + 2
    try emit(Array(framing[..<split]))
    let newline = UInt8(ascii: "\n")
    let indent = Array("  ".utf8)
    for start in stride(from: 0, to: files.count, by: Self.filesAPiece) {
      let list = Array(
        try encoder.encode(Array(files[start..<min(start + Self.filesAPiece, files.count)])))
      var piece = start == 0 ? indent : Array(",\n  ".utf8)
      piece.reserveCapacity(list.count + list.count / 4)
      // `[\n` … `\n]` off.
      for byte in list[2..<(list.count - 2)] {
        piece.append(byte)
        if byte == newline { piece += indent }
      }
      try emit(piece)
    }
    try emit(Array(framing[split...]) + [newline])
  }
}
