import CQPDF
import Foundation
import Storage

/// Joins the pages of PDF files, in order, into one file, with qpdf's page copying (its C API's
/// `qpdf_add_page`).
///
/// qpdf copies a page lazily: the copy's streams are read from the source file when the joined
/// file is written, so every source stays open until then, an open file and its parsed objects
/// each (some 0.35 MB a one-page file). To bound the files open, they are joined ``batchSize`` at
/// a time into scratch files, and those again, until one is left; every page is copied about
/// log(files)/log(batchSize) times. The last join is copied into the output file through Storage
/// (atomically, each write checked, synced). What is not bounded is the last join itself: qpdf
/// writes a file from its objects all in memory (0.2 to 0.35 MB a certificate page), so a caller
/// joining thousands of pages splits them into several files.
///
/// The joined file is for printing: it has the pages, their resources and their links within a
/// page, but no structure tree, outline or named destination of the sources (qpdf's page copying
/// does not join them), so it does not meet PDF/UA.
public struct PDFJoiner {
  /// The most source files open at once.
  public static let batchSize = 200

  /// The file's name in messages.
  public var path: String

  public init(path: String) { self.path = path }

  /// Joins `sources` (their pages in order) into `path`, recorded under `document`.
  public func join(_ sources: [String], document: String) throws -> WrittenFile {
    precondition(!sources.isEmpty, "a joined file needs a source")
    let started = DispatchTime.now()
    var level = sources
    var scratches: [ScratchFile] = []
    var round = 0
    while level.count > Self.batchSize {
      round += 1
      var joined: [ScratchFile] = []
      for start in stride(from: 0, to: level.count, by: Self.batchSize) {
        let batch = Array(level[start..<min(start + Self.batchSize, level.count)])
        let scratch = ScratchFile("join-\(round)-\(joined.count)", for: path)
        _ = try join(batch, into: scratch.path)
        joined.append(scratch)
      }
      // The previous round's scratch files go once this round's are written.
      scratches = joined
      level = joined.map(\.path)
    }
    let last = ScratchFile("join", for: path)
    let pages = try join(level, into: last.path)
    let stored = try withExtendedLifetime(scratches) {
      try OutputFile.atomically(path) { try $0.write(contentsOf: last.path) }
    }
    return WrittenFile(
      path: path, document: document, format: "pdf", pages: pages, bytes: stored.count,
      sha256: stored.sha256,
      milliseconds: Int(
        (DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1_000_000)
    )
  }

  /// Joins the pages of `sources` into the file at `target` (a scratch file); returns its pages.
  private func join(_ sources: [String], into target: String) throws -> Int {
    var handles: [qpdf_data?] = []
    defer {
      for index in handles.indices { qpdf_cleanup(&handles[index]) }
    }
    guard let joined = qpdf_init() else { throw failure("start", "qpdf_init gave nothing") }
    handles.append(joined)
    QPDFHandle.quiet(joined)
    qpdf_empty_pdf(joined)
    try check(joined, "start the joined file")
    for source in sources {
      guard let q = qpdf_init() else { throw failure("start", "qpdf_init gave nothing") }
      handles.append(q)
      QPDFHandle.quiet(q)
      qpdf_read(q, source, nil)
      try check(q, "read \(source)")
      let pages = qpdf_get_num_pages(q)
      try check(q, "count the pages of \(source)")
      for index in 0..<max(0, pages) {
        qpdf_add_page(joined, q, qpdf_get_page_n(q, Int(index)), QPDF_BOOL(0))
        try check(joined, "copy page \(index + 1) of \(source)")
      }
    }
    qpdf_init_write(joined, target)
    try check(joined, "start writing")
    // The sources' streams are already compressed: written as they are.
    qpdf_set_decode_level(joined, qpdf_dl_none)
    qpdf_set_deterministic_ID(joined, QPDF_BOOL(1))
    qpdf_write(joined)
    try check(joined, "write the joined file")
    let pages = qpdf_get_num_pages(joined)
    try check(joined, "count the joined file's pages")
    return Int(max(0, pages))
  }

  /// Throws qpdf's error, when the last calls left one.
  private func check(_ q: qpdf_data, _ operation: String) throws {
    try QPDFHandle.check(q, operation, path: path)
  }

  /// The error for `operation` failing for `reason`.
  private func failure(_ operation: String, _ reason: String) -> RenderError {
    RenderError.pdf(operation: operation, reason: reason, path: path)
  }
}
