#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A watch session's content file parsed a piece at a time (``TopLevelPieces``: each top-level
/// entry, and each item of a list written at column 1), each piece's tree kept by its bytes, so a
/// save that changed one section parses that section alone.
///
/// The tree is the one ``YAMLSource/parse(_:file:)`` gives for the whole file: a kept piece that
/// moved is shifted to its new line, and whenever a piece does not parse alone into the one entry
/// or item it should (a syntax error, an alias to another piece, nesting near the limit, a key
/// written twice, too many nodes), the whole file is parsed instead, so every error is reported
/// as a whole parse reports it. Pieces of the last two parses are kept (an undo finds the pieces
/// from before the edit).
public final class YAMLPieces {
  /// A piece's tree as parsed, by its bytes.
  struct Kept {
    /// The piece's text.
    let bytes: [UInt8]
    /// The file its locations name.
    let file: String
    /// The tree, placed as if the piece started on `line`.
    var placed: (line: Int, tree: SourceNode)
    /// The nodes its tree counts toward ``SourceNode/nodeLimit``.
    let nodes: Int
  }

  /// The pieces the last parse used and those the one before used, by their byte count.
  private var last: [Int: [Kept]] = [:]
  private var older: [Int: [Kept]] = [:]

  /// How many pieces were parsed and how many were taken as kept, over the session.
  ///
  /// Test-only: what tests observe.
  public private(set) var counts = (parsed: 0, reused: 0)

  public init() {}

  /// The tree of one YAML document, `file` naming it in every location: nil for an empty file;
  /// throws as ``YAMLSource/parse(_:file:)`` does.
  func parse(_ text: String, file: String) throws -> SourceNode? {
    var text = text
    let tree = text.withUTF8 { bytes in
      TopLevelPieces.cut(bytes).flatMap { assembled($0, of: bytes, file: file) }
    }
    if let tree { return tree }
    return try YAMLSource.parse(text, file: file)
  }

  /// The whole tree from the pieces' trees; nil when a piece does not give its part of it.
  private func assembled(
    _ pieces: [TopLevelPieces.Piece], of bytes: UnsafeBufferPointer<UInt8>, file: String
  ) -> SourceNode? {
    var used: [Int: [Kept]] = [:]
    var entries: [SourceNode.Entry] = []
    var keys = Set<String>()
    var items: [SourceNode] = []
    var listLocation: SourceLocation?
    var root: SourceLocation?
    var nodes = 0
    /// Puts the items read into the last entry, whose key was alone on its line.
    func closeList() -> Bool {
      guard let listLocation, let index = entries.indices.last else { return true }
      guard case .scalar("", plain: true) = entries[index].value.value else { return false }
      entries[index].value = SourceNode(.sequence(items), at: listLocation)
      items = []
      return true
    }
    for piece in pieces {
      guard let kept = tree(of: piece, in: bytes, file: file) else { return nil }
      used[kept.bytes.count, default: []].append(kept)
      nodes += kept.nodes
      let tree = kept.placed.tree
      switch piece.kind {
      case .entry, .head:
        guard closeList(), let entry = tree.entries?.first, tree.entries?.count == 1,
          keys.insert(entry.key).inserted
        else { return nil }
        listLocation = nil
        root = root ?? tree.location
        entries.append(entry)
      case .item:
        guard let item = tree.items?.first, tree.items?.count == 1 else { return nil }
        listLocation = listLocation ?? tree.location
        items.append(item)
      }
    }
    guard closeList(), let root, nodes <= SourceNode.nodeLimit else { return nil }
    older = last
    last = used
    return SourceNode(.mapping(entries), at: root)
  }

  /// The piece's tree placed at its line: kept from an earlier parse, else parsed; nil when it
  /// does not parse alone.
  private func tree(
    of piece: TopLevelPieces.Piece, in bytes: UnsafeBufferPointer<UInt8>, file: String
  ) -> Kept? {
    let text = UnsafeBufferPointer(rebasing: bytes[piece.range])
    if var kept = find(text, file: file) {
      counts.reused += 1
      if kept.placed.line != piece.line {
        kept.placed = (
          piece.line, kept.placed.tree.shifted(lines: piece.line - kept.placed.line, columns: 0)
        )
      }
      return kept
    }
    counts.parsed += 1
    // Alone, an item nests one level less than in its list: leave a margin below the limit.
    guard NestingScan(bytes: text, maximumDepth: YAMLSource.maximumDepth - 2).firstExcess() == nil,
      let node = try? YAMLSource.compose(String(decoding: text, as: UTF8.self))
    else { return nil }
    var budget = SourceNode.nodeLimit
    guard let tree = try? SourceNode(node, file: file, budget: &budget) else { return nil }
    return Kept(
      bytes: Array(text), file: file,
      placed: (piece.line, tree.shifted(lines: piece.line - 1, columns: 0)),
      nodes: SourceNode.nodeLimit - budget)
  }

  /// A kept piece of the same bytes and file.
  private func find(_ text: UnsafeBufferPointer<UInt8>, file: String) -> Kept? {
    for table in [last, older] {
      for kept in table[text.count] ?? [] where kept.file == file {
        let same = kept.bytes.withUnsafeBufferPointer { keptBytes in
          guard let left = keptBytes.baseAddress, let right = text.baseAddress else { return true }
          return memcmp(left, right, text.count) == 0
        }
        if same { return kept }
      }
    }
    return nil
  }
}
