import Dispatch
import Foundation
import Storage

/// Where an exporter writes: one file, or a folder of one file a page (`page-001.svg`…).
public enum OutputTarget: Sendable {
  case file(String)
  case pageFolder(String)
}

/// The sink that writes an exporter's files to an ``OutputTarget`` and records each
/// (``WrittenFile``): its path, pages, size, SHA-256 and the time spent on it alone (drawing
/// included; for a file handed over, up to its hand-over), under the document and format the
/// caller names.
///
/// A page folder is filled under a temporary name and swapped in whole (``OutputFile``); a file
/// is put in place here, or handed over to a ``SettlingFiles`` to be put in place behind the caller.
public final class RecordingSink: ExportSink, @unchecked Sendable {
  // @unchecked: every access to `written` goes through `lock`; the rest is constant.
  private let target: OutputTarget
  /// What the files are recorded as.
  private let document: String
  private let format: String
  /// Where a page folder's files are written before the swap.
  private let staging: String?
  /// Where a file target is handed over; nil: it is put in place before the sink returns.
  private let settling: SettlingFiles?
  private let lock = NSLock()
  private var written: [Int: WrittenFile] = [:]

  private init(
    target: OutputTarget, document: String, format: String, staging: String?,
    settling: SettlingFiles? = nil
  ) {
    self.target = target
    self.document = document
    self.format = format
    self.staging = staging
    self.settling = settling
  }

  /// Runs `export` with a sink writing to `target`, its files recorded as `format` files of
  /// `document`; returns the files written, in page order.
  ///
  /// With `settling`, a file target is handed over to it (``OutputFile/handOver(_:to:_:)``)
  /// rather than put in place here.
  public static func writing(
    to target: OutputTarget, recordedAs document: String, format: String,
    settling: SettlingFiles? = nil, _ export: (RecordingSink) throws -> Void
  ) throws -> [WrittenFile] {
    switch target {
    case .file:
      let sink = RecordingSink(
        target: target, document: document, format: format, staging: nil, settling: settling)
      try export(sink)
      return sink.files
    case .pageFolder(let directory):
      return try OutputFile.replacingDirectory(directory, owning: isPageFileName) { staging in
        let sink = RecordingSink(
          target: target, document: document, format: format, staging: staging)
        try export(sink)
        // The files handed over before are in place before the folder is swapped in: if one
        // failed, the document stops here with its earlier folder as it was.
        try settling?.settle()
        return sink.files
      }
    }
  }

  /// What was written, in page order.
  private var files: [WrittenFile] {
    lock.lock()
    defer { lock.unlock() }
    return written.keys.sorted().compactMap { written[$0] }
  }

  public func document(pages: Int, _ write: (CheckedFile) throws -> Void) throws {
    try document { file in
      try write(file)
      return pages
    }
  }

  /// Writes the whole document as one file through `write`, which returns the pages it wrote: a
  /// file written as its pages come, their number known only at its end.
  public func document(_ write: (CheckedFile) throws -> Int) throws {
    guard case .file(let path) = target else {
      throw RenderError.cairo(
        operation: "write a document into a page folder", status: "one file expected",
        path: targetPath)
    }
    let started = Clock.now
    var pages = 0
    let stored = try place(path) { pages = try write($0) }
    record(0, path: path, pages: pages, stored, since: started)
  }

  public func page(_ index: Int, of count: Int, ext: String, _ write: (CheckedFile) throws -> Void)
    throws
  {
    let started = Clock.now
    switch target {
    case .file(let path):
      guard count == 1 else {
        throw RenderError.cairo(
          operation: "write \(count) pages as one file", status: "one page expected", path: path)
      }
      record(index, path: path, pages: 1, try place(path, write), since: started)
    case .pageFolder(let directory):
      let name = pageFileName(index, pageCount: count, ext: ext)
      let path = (directory as NSString).appendingPathComponent(name)
      let file = try CheckedFile(
        creating: ((staging ?? directory) as NSString).appendingPathComponent(name),
        reportedAs: path)
      try OutputFile.writing(into: file, write)
      record(index, path: path, pages: 1, try file.finish(), since: started)
    }
  }

  /// Writes the file `path` through `write` whole, put in place or handed over (`settling`).
  private func place(_ path: String, _ write: (CheckedFile) throws -> Void) throws -> StoredBytes {
    guard let settling else { return try OutputFile.atomically(path, write) }
    return try OutputFile.handOver(path, to: settling, write)
  }

  private var targetPath: String {
    switch target {
    case .file(let path), .pageFolder(let path): path
    }
  }

  private func record(_ index: Int, path: String, pages: Int, _ stored: StoredBytes, since: UInt64)
  {
    let file = WrittenFile(
      path: path, document: document, format: format, pages: pages, bytes: stored.count,
      sha256: stored.sha256, milliseconds: Clock.milliseconds(since: since))
    lock.lock()
    written[index] = file
    lock.unlock()
  }
}

/// `page-001.svg`: zero-padded to at least three digits, more when there are more pages.
public func pageFileName(_ index: Int, pageCount: Int, ext: String) -> String {
  let digits = max(3, String(pageCount).count)
  let number = String(index + 1)
  return "page-" + String(repeating: "0", count: max(0, digits - number.count)) + number + "." + ext
}

/// Monotonic time for the per-file timings.
enum Clock {
  static var now: UInt64 { DispatchTime.now().uptimeNanoseconds }
  static func milliseconds(since start: UInt64) -> Int { Int((now - start) / 1_000_000) }
}
