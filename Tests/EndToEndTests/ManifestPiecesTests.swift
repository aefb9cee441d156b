import Foundation
import Testing

@testable import PMReportKit
@testable import Rendering

/// `manifest.json` written in pieces has the bytes of the manifest encoded whole.
@Suite struct ManifestPiecesTests {
  /// A manifest of `count` files under `/out`, one path with a bracket, a newline and a slash
  /// to escape or not; with `shard`, every file owned and the roster stamped.
  static func manifest(files count: Int, shard: Bool) throws -> Manifest {
    let written = (0..<count).map { index in
      WrittenFile(
        path: "/out/pdf/certificate/" + (index == 1 ? "a[b]\n\"c\\d/é" : "name-\(index)") + ".pdf",
        document: "certificate", format: "pdf", pages: 1 + index % 3, bytes: 30_000 + index,
        sha256: String(repeating: "0123456789abcdef", count: 4), milliseconds: index)
    }
    var manifest = Manifest(files: written, outputDirectory: "/out")
    if shard {
      let decoder = JSONDecoder()
      manifest.roster = try decoder.decode(
        RosterStamp.self, from: Data(#"{"rows": 3, "sha256": "ab"}"#.utf8))
      for index in manifest.files.indices {
        manifest.files[index].participant = try decoder.decode(
          CopyOwner.self, from: Data(#"{"line": \#(index + 2), "slug": "s\#(index)"}"#.utf8))
      }
    }
    return manifest
  }

  @Test(arguments: [0, 1, 2, Manifest.filesAPiece, Manifest.filesAPiece * 2 + 1], [false, true])
  func piecesAreTheWholeEncoding(files: Int, shard: Bool) throws {
    let manifest = try Self.manifest(files: files, shard: shard)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let whole = Array(try encoder.encode(manifest)) + Array("\n".utf8)
    var pieces: [[UInt8]] = []
    try manifest.encoded { pieces.append($0) }
    #expect(pieces.joined().elementsEqual(whole))
    #expect(pieces.count == 2 + (files + Manifest.filesAPiece - 1) / Manifest.filesAPiece)
  }
}
