import Rendering
import ReportConfig

/// A written file as `manifest.json` and `--json` list it: the ``WrittenFile`` with its path
/// relative to the output folder, and its time in `--json` only.
///
/// The one JSON shape of a written file, in both (`schemas/run-report.schema.json` describes
/// `--json`'s).
struct FileRecord: Codable {
  var path: String
  var document: String
  var format: String
  var pages: Int
  var bytes: Int
  var sha256: String
  /// Seconds spent writing it; nil, and left out, in the manifest, which holds no timing so that
  /// the same inputs give the same bytes.
  var seconds: Double?
  /// Whose copy it is, in a shard's manifest (and the one `pmreport gather` joins); nil, and left
  /// out, elsewhere.
  var participant: CopyOwner?

  /// The record of `file`, its path relative to `outputDirectory`; `timed` keeps its time.
  init(_ file: WrittenFile, outputDirectory: String, timed: Bool) {
    path = Paths.relative(file.path, to: outputDirectory)
    document = file.document
    format = file.format
    pages = file.pages
    bytes = file.bytes
    sha256 = file.sha256
    seconds = timed ? Double(file.milliseconds) / 1000 : nil
  }
}
