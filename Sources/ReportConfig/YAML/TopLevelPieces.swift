#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A YAML file cut into the pieces ``YAMLPieces`` parses one at a time: each entry of its
/// top-level mapping, and each item of a list such an entry holds written at column 1 (`sections:`
/// then `- title: …` lines).
///
/// The cut is made only at lines that begin at column 1 with a plain name (an entry) or with
/// `- ` under a key written alone on its line (an item): no block scalar, block collection or
/// plain scalar of the entry above continues past such a line, so each piece parses alone as it
/// does in the file, except what spans pieces on purpose: a quoted scalar or flow collection left
/// open (its piece fails to parse) and an alias to an anchor in another piece (unknown in its
/// piece). ``YAMLPieces`` parses the whole file whenever a piece fails. A file this does not cut
/// gives nil: one that starts with anything but comments and a name, or holds a document marker
/// (`---`, `...`), a directive, a carriage return, or any other line at column 1 (a quoted or
/// complex key, a tab).
struct TopLevelPieces {
  /// One piece of the file.
  struct Piece {
    enum Kind {
      /// A top-level entry.
      case entry
      /// A top-level entry whose key is alone on its line: its value may be the items after it.
      case head
      /// An item of the list the last head holds.
      case item
    }

    var kind: Kind
    /// The piece's bytes in the file.
    var range: Range<Int>
    /// The 1-based line it starts on.
    var line: Int
  }

  /// The pieces of a file's UTF-8 `bytes`, in order; nil when the file is not cut.
  static func cut(_ bytes: UnsafeBufferPointer<UInt8>) -> [Piece]? {
    guard let base = bytes.baseAddress, memchr(base, Int32(carriageReturn), bytes.count) == nil
    else { return nil }
    var pieces: [Piece] = []
    /// Starts a piece at `start`, ending the one before there.
    func begin(_ kind: Piece.Kind, at start: Int, line: Int) {
      if let last = pieces.indices.last {
        pieces[last].range = pieces[last].range.lowerBound..<start
      }
      pieces.append(Piece(kind: kind, range: start..<bytes.count, line: line))
    }
    var lineStart = 0
    var line = 1
    while lineStart < bytes.count {
      let lineEnd = end(ofLineFrom: lineStart, in: base, count: bytes.count)
      let first = bytes[lineStart]
      if first == space || first == lineFeed || first == hash {
        // Inside the piece above; before the first piece, only comments and blank lines.
        if pieces.isEmpty, first == space, !isBlank(bytes[lineStart..<lineEnd]) { return nil }
      } else if isNameStart(first) {
        // The first piece keeps the comments above it.
        begin(
          isKeyAlone(bytes[lineStart..<lineEnd]) ? .head : .entry,
          at: pieces.isEmpty ? 0 : lineStart, line: pieces.isEmpty ? 1 : line)
      } else if first == dash, let last = pieces.last?.kind, last != .entry,
        lineStart + 1 == lineEnd || bytes[lineStart + 1] == space
          || bytes[lineStart + 1] == lineFeed
      {
        begin(.item, at: lineStart, line: line)
      } else {
        return nil
      }
      lineStart = lineEnd
      line += 1
    }
    return pieces.isEmpty ? nil : pieces
  }

  private static let space = UInt8(ascii: " ")
  private static let lineFeed = UInt8(ascii: "\n")
  private static let carriageReturn = UInt8(ascii: "\r")
  private static let hash = UInt8(ascii: "#")
  private static let dash = UInt8(ascii: "-")
  private static let colon = UInt8(ascii: ":")

  /// Where the line starting at `start` ends: after its line feed, or at the end of the file.
  private static func end(ofLineFrom start: Int, in base: UnsafePointer<UInt8>, count: Int) -> Int {
    guard let feed = memchr(base + start, Int32(lineFeed), count - start) else { return count }
    return UnsafePointer(feed.assumingMemoryBound(to: UInt8.self)) - base + 1
  }

  private static func isNameStart(_ byte: UInt8) -> Bool {
    (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
      || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
      || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_")
  }

  private static func isBlank(_ line: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
    line.allSatisfy { $0 == space || $0 == lineFeed }
  }

  /// Whether a line is a plain name, a colon and nothing else but spaces (`sections:`).
  private static func isKeyAlone(_ line: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
    guard let colonIndex = line.firstIndex(of: colon) else { return false }
    let name = line[line.startIndex..<colonIndex]
    return name.allSatisfy { isNameStart($0) || $0 == dash }
      && isBlank(line[(colonIndex + 1)..<line.endIndex])
  }
}
