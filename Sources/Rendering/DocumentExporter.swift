import Storage

/// Where an exporter's bytes go.
///
/// The exporter only draws; the sink opens each file (whole or not at all, through Storage), and
/// whoever gave the sink times and records what was written.
public protocol ExportSink: Sendable {
  /// Writes the whole document, `pages` long, as one file through `write`.
  func document(pages: Int, _ write: (CheckedFile) throws -> Void) throws
  /// Writes page `index` of `count` as a file of its own (`page-001.<ext>`…) through `write`; may
  /// be called from several threads at once.
  func page(_ index: Int, of count: Int, ext: String, _ write: (CheckedFile) throws -> Void) throws
}

/// Draws documents in one format into the sink it is given.
public protocol DocumentExporter: Sendable {
  /// Writes `document` into `sink`. With `releasingPages`, pages may be emptied once drawn, so a
  /// long document's lines are freed while the file is written.
  func write(_ document: inout RenderDocument, into sink: any ExportSink, releasingPages: Bool)
    throws
}

extension DocumentExporter {
  /// Writes `document` to `target` through a ``RecordingSink``; returns each file written, timed
  /// and recorded as a `format` file of the document `name`.
  ///
  /// Every file lands whole or not at all: a failed write leaves the earlier file (or folder) as
  /// it was. With `settling`, a file target is handed over to it to be put in place
  /// (``OutputFile/handOver(_:to:_:)``): it is in place once `settling` says so.
  public func write(
    _ document: inout RenderDocument, to target: OutputTarget, recordedAs name: String,
    format: String, releasingPages: Bool, settling: SettlingFiles? = nil
  ) throws -> [WrittenFile] {
    try RecordingSink.writing(to: target, recordedAs: name, format: format, settling: settling) {
      sink in
      try write(&document, into: sink, releasingPages: releasingPages)
    }
  }
}
