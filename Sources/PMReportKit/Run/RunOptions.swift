import Foundation
import Frames
import Rendering
import ReportModel
import TextShaping

/// What the command line asks for; nil fields fall back to the config, the document, then the style.
public struct RunOptions: Sendable {
  public var configPath: String?
  public var contentPath: String?
  public var style: String?
  public var formats: [OutputFormat]?
  public var documents: [String]?
  public var paperSize: PaperSize?
  public var outputDirectory: String?
  public var dpi: Double?
  public var workingDirectory: String
  /// `--root`: the folder every file read must lie in (default: the config file's folder, else
  /// the working directory).
  public var root: String?
  /// Creation date for metadata and the cover; nil for now (or `SOURCE_DATE_EPOCH`).
  public var date: Date?
  /// `--pdf-standard`: what every PDF meets, over the documents' and the config's choice.
  public var pdfStandards: Set<PDFStandard>?
  /// `--seed`: every worksheet's shuffle seed.
  public var seed: UInt64?
  /// `--roster`: the participants' CSV file (overrides the config's `roster:`).
  public var rosterPath: String?
  /// `--shard K/N`: build only the K-th (from 1) of N slices of the roster.
  public var shard: Shard?
  /// Whether a run waits while another holds the output folder (else it fails: `--no-wait`).
  public var waitsForOutputFolder = true
  /// `--cache DIR`, `--no-cache`: where shaped paragraphs are kept from run to run.
  ///
  /// Off unless asked for, so that a library caller writes no folder it did not choose; the command
  /// line asks for `.besideConfig` by default.
  public var cache: ShapeCacheChoice = .off
  /// The most bytes the cache folder keeps (tests set a small one).
  public var cacheLimit = ShapeCache.defaultLimit

  public init(
    configPath: String? = nil, contentPath: String? = nil, style: String? = nil,
    formats: [OutputFormat]? = nil, documents: [String]? = nil, paperSize: PaperSize? = nil,
    outputDirectory: String? = nil, dpi: Double? = nil,
    workingDirectory: String = FileManager.default.currentDirectoryPath, date: Date? = nil,
    root: String? = nil, pdfStandards: Set<PDFStandard>? = nil
  ) {
    self.pdfStandards = pdfStandards
    self.root = root
    self.configPath = configPath
    self.contentPath = contentPath
    self.style = style
    self.formats = formats
    self.documents = documents
    self.paperSize = paperSize
    self.outputDirectory = outputDirectory
    self.dpi = dpi
    self.workingDirectory = workingDirectory
    self.date = date
  }

  /// The standards `document`'s PDF meets: the command line's, else the document's, else the
  /// config's.
  func pdfStandards(for document: DocumentSpec, in settings: ReportSettings) -> PDFStandards {
    let chosen = pdfStandards ?? document.pdfStandards ?? settings.pdfStandards
    var standards: PDFStandards = []
    if chosen.contains(.ua1) { standards.insert(.ua1) }
    if chosen.contains(.a2b) { standards.insert(.a2b) }
    return standards
  }

  /// A command-line path made absolute against the working directory.
  func absolute(_ path: String) -> String {
    path.hasPrefix("/")
      ? path : URL(fileURLWithPath: workingDirectory).appendingPathComponent(path).standardized.path
  }

  /// These options with the run's date fixed now (``effectiveDate``, to the second), so that
  /// worker processes started before the project is loaded stamp the same date.
  public func fixingDate() -> RunOptions {
    var options = self
    options.date = Date(timeIntervalSince1970: effectiveDate.timeIntervalSince1970.rounded(.down))
    return options
  }

  /// The latest `SOURCE_DATE_EPOCH` taken: the last second of the year 9999 (a date's fields
  /// have four-digit years, and whole seconds must fit an `Int64`).
  static let latestEpoch = 253_402_300_799.0

  /// The run's date: the option, else `SOURCE_DATE_EPOCH` when it is a number of seconds from 1970
  /// to the end of 9999, else now (a value that is not, such as `nan` or `1e300`, is ignored as a
  /// word is).
  var effectiveDate: Date {
    if let date { return date }
    // One variable read, not the whole environment copied (a `watch` build asks every time).
    if let epoch = getenv("SOURCE_DATE_EPOCH").map({ String(cString: $0) }),
      let seconds = Double(epoch), (0...Self.latestEpoch).contains(seconds)
    {
      return Date(timeIntervalSince1970: seconds)
    }
    return Date()
  }
}

/// Where a run keeps its shaped paragraphs.
public enum ShapeCacheChoice: Sendable, Hashable {
  /// None: every paragraph is shaped.
  case off
  /// `.pmreport-cache/` in the config file's folder (without a config, the working directory).
  case besideConfig
  /// This folder (relative to the working directory).
  case folder(String)

  /// The folder's name beside the config.
  public static let defaultName = ".pmreport-cache"
}

/// What a run did: the files, the warnings, and the documents that failed.
public struct RunSummary: Sendable {
  public var files: [WrittenFile] = []
  /// Each document in each format, in the order written.
  public var outputs: [DocumentOutput] = []
  public var warnings: [String] = []
  public var failures: [(document: String, error: any Error)] = []
}

/// A document written in one format: a PDF file, or a folder of page files (or of charts).
public struct DocumentOutput: Sendable, Hashable, Codable {
  public var document: String
  public var format: OutputFormat
  /// Relative to the output folder: `pdf/full-report.pdf`, `svg/full-report/`.
  public var path: String
  public var files: Int
  public var pages: Int
  public var bytes: Int
  /// Measured for this document in this format (its files together), not divided.
  public var seconds: Double

  /// `pdf/full-report.pdf  13 pages  172 KB  0.11 s`.
  public var line: String {
    "\(path)  \(pages) page\(pages == 1 ? "" : "s")  \(Self.size(bytes))  "
      + String(format: "%.2f s", seconds)
  }

  /// `812 B`, `172 KB`, `4.2 MB`.
  static func size(_ bytes: Int) -> String {
    if bytes < 1024 { return "\(bytes) B" }
    if bytes < 1024 * 1024 { return "\(bytes / 1024) KB" }
    return String(format: "%.1f MB", Double(bytes) / 1_048_576)
  }
}

/// `--shard K/N`: the K-th (from 1) of N contiguous slices of the roster.
public struct Shard: Sendable, Hashable {
  public var index: Int
  public var count: Int

  /// `K/N` with 1 ≤ K ≤ N; nil for anything else.
  public init?(_ text: String) {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]) else { return nil }
    self.init(index: k, count: n)
  }

  /// The `index`-th (from 1) of `count` slices; nil unless 1 ≤ index ≤ count.
  public init?(index: Int, count: Int) {
    guard count >= 1, (1...count).contains(index) else { return nil }
    self.index = index
    self.count = count
  }

  /// The manifest this shard writes: `manifest-K-of-N.json`.
  var manifestName: String { "manifest-\(index)-of-\(count).json" }
}
