import Crypto
import Foundation
import ReportModel
import Rendering

/// `manifest.json` in the output folder: every file the run wrote, for CI to check and archive.
///
/// Paths are relative to the output folder and sorted, and no timing goes in, so the same inputs
/// give the same bytes.
struct Manifest: Encodable {
    struct Entry: Encodable {
        var path: String
        var document: String
        var format: String
        var pages: Int
        var bytes: Int
        var sha256: String
    }

    var generator: String
    var files: [Entry]

    init(files: [WrittenFile], outputDirectory: String) throws {
        generator = "pmreport \(Pipeline.version)"
        let root = outputDirectory.hasSuffix("/") ? outputDirectory : outputDirectory + "/"
        self.files = try files.map { file in
            let data = try Data(contentsOf: URL(fileURLWithPath: file.path))
            let digest = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
            let relative = file.path.hasPrefix(root) ? String(file.path.dropFirst(root.count)) : file.path
            return Entry(path: relative, document: file.document, format: file.format.rawValue,
                         pages: file.pages, bytes: data.count, sha256: digest)
        }.sorted { $0.path < $1.path }
    }

    /// Writes `manifest.json` into `outputDirectory`, atomically.
    func write(to outputDirectory: String) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(self) + Data("\n".utf8)
        let path = (outputDirectory as NSString).appendingPathComponent("manifest.json")
        try OutputFile.writeAtomically(data, to: path)
        return path
    }
}
