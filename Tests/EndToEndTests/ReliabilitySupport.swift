import Foundation
import ReportConfig
import ReportModel
import Testing

// Helpers for the reliability suites: the `pmreport` executable run with a deadline, content files
// made from the built-in comparison, and poppler's word boxes.

// MARK: - The executable, with a deadline

/// How one run of the executable ended.
struct ExecutableRun {
  /// The exit status, or the signal number when `signalled`.
  var status: Int32
  /// Ended by a signal it did not handle.
  var signalled: Bool
  /// Still running at the deadline, so it was killed.
  var timedOut: Bool
  var output: String
  var error: String

  /// A crash: killed by a signal, an exit status of 128 or more, or a Swift runtime trap's words.
  var crashed: Bool {
    signalled || status >= 128
      || ["Fatal error", "Stack dump", "Segmentation", "Illegal instruction"].contains {
        error.contains($0)
      }
  }

  var summary: String {
    let how = timedOut ? "timed out" : signalled ? "signal \(status)" : "exit \(status)"
    return "\(how): \(error.prefix(400))"
  }
}

/// A running `pmreport`, its output going to files (so a chatty or hung process never blocks a pipe).
final class PMReportProcess {
  let process = Process()
  private let outPath: String, errPath: String

  /// Starts the built executable with `arguments` in `directory`, `SOURCE_DATE_EPOCH` fixed.
  init(
    _ arguments: [String], in directory: String, epoch: String = "1700000000",
    environment: [String: String] = [:]
  ) throws {
    let binary = try #require(CLITests.binary, "build the pmreport executable first")
    let logs = FileManager.default.temporaryDirectory.appendingPathComponent(
      "pmreport-log-\(UUID().uuidString)"
    ).path
    outPath = logs + ".out"
    errPath = logs + ".err"
    _ = FileManager.default.createFile(atPath: outPath, contents: nil)
    _ = FileManager.default.createFile(atPath: errPath, contents: nil)
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    var env = ProcessInfo.processInfo.environment
    env["SOURCE_DATE_EPOCH"] = epoch
    for (k, v) in environment { env[k] = v }
    process.environment = env
    let out = try #require(FileHandle(forWritingAtPath: outPath))
    let err = try #require(FileHandle(forWritingAtPath: errPath))
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    try? out.close()
    try? err.close()
  }

  var isRunning: Bool { process.isRunning }

  /// What the process has written to standard error so far.
  var errorSoFar: String {
    String(decoding: FileManager.default.contents(atPath: errPath) ?? Data(), as: UTF8.self)
  }

  /// What the process has written to standard output so far.
  var outputSoFar: String {
    String(decoding: FileManager.default.contents(atPath: outPath) ?? Data(), as: UTF8.self)
  }

  /// Waits until the process has written `text` to standard error, has ended, or `timeout`
  /// seconds have gone by; whether it wrote `text`.
  func waitForError(containing text: String, timeout: TimeInterval = 60) -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while isRunning, !errorSoFar.contains(text), Date() < deadline { usleep(10_000) }
    return errorSoFar.contains(text)
  }

  /// Sends `signal` (SIGINT by default) to the process.
  func send(_ signal: Int32 = SIGINT) { kill(process.processIdentifier, signal) }

  /// Waits up to `timeout` seconds; past it the process is killed and the run marked `timedOut`.
  func wait(timeout: TimeInterval) -> ExecutableRun {
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning && Date() < deadline { usleep(5_000) }
    let timedOut = process.isRunning
    if timedOut { kill(process.processIdentifier, SIGKILL) }
    process.waitUntilExit()
    defer {
      try? FileManager.default.removeItem(atPath: outPath)
      try? FileManager.default.removeItem(atPath: errPath)
    }
    let read = { (path: String) in
      String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
    }
    return ExecutableRun(
      status: process.terminationStatus, signalled: process.terminationReason == .uncaughtSignal,
      timedOut: timedOut, output: read(outPath), error: read(errPath))
  }
}

/// Runs `pmreport` to the end, or kills it after `timeout` seconds.
func runPMReport(_ arguments: [String], in directory: String, timeout: TimeInterval = 120) throws
  -> ExecutableRun
{
  try PMReportProcess(arguments, in: directory).wait(timeout: timeout)
}

// MARK: - Content files

enum ContentFixture {
  /// The built-in comparison with `sections` put before its own (the built-in ones stay, so the
  /// charts' section references still hold), as content-file YAML.
  static func yaml(adding sections: [Section]) throws -> String {
    var content = try Comparison.builtIn
    content.sections.insert(contentsOf: sections, at: 0)
    return try ConfigLoader.exportContent(content)
  }

  /// A config with one report document, `name`, that shows only `sections`, with no contents page.
  static func config(document name: String, sections: [String]) -> String {
    """
    documents:
      - name: \(name)
        kind: report
        sections: [\(sections.joined(separator: ", "))]
        toc: false

    """
  }

  /// Writes `content.yml` and `pmreport.yml` (one document, `name`, showing `sections`) into
  /// `directory`; returns the arguments that render that document as PDF into `out/`.
  static func write(_ sections: [Section], document name: String, in directory: String) throws
    -> [String]
  {
    try yaml(adding: sections).write(
      toFile: directory + "/content.yml", atomically: true, encoding: .utf8)
    try config(document: name, sections: sections.map(\.id))
      .write(toFile: directory + "/pmreport.yml", atomically: true, encoding: .utf8)
    return [
      "--config", "pmreport.yml", "--content", "content.yml", "--document", name,
      "--format", "pdf", "--output", "out",
    ]
  }
}

// MARK: - Reading the PDF back

/// A word and its box, as `pdftotext -bbox-layout` reports it.
struct PDFWord {
  var page: Int
  var x0, y0, x1, y1: Double
  var text: String
}

enum PDFText {
  /// Every word with its box, and each page's size (1-based page numbers).
  static func words(_ pdf: String) throws -> (
    words: [PDFWord], pageSizes: [Int: (width: Double, height: Double)]
  ) {
    let xml = try run("pdftotext", ["-bbox-layout", pdf, "-"]).output
    var words: [PDFWord] = []
    var sizes: [Int: (width: Double, height: Double)] = [:]
    var page = 0
    let attribute = try Regex(#"(\w+)="([^"]*)""#)
    func attributes(_ line: Substring) -> [String: Double] {
      var a: [String: Double] = [:]
      for m in line.matches(of: attribute) {
        a[String(m.output[1].substring ?? "")] = Double(m.output[2].substring ?? "")
      }
      return a
    }
    for line in xml.split(separator: "\n") {
      let trimmed = line.drop { $0 == " " || $0 == "\t" }
      if trimmed.hasPrefix("<page ") {
        page += 1
        let a = attributes(trimmed)
        sizes[page] = (a["width"] ?? 0, a["height"] ?? 0)
      } else if trimmed.hasPrefix("<word ") {
        let a = attributes(trimmed)
        let text =
          trimmed.split(separator: ">").dropFirst().first.map {
            String($0.split(separator: "<").first ?? "")
          } ?? ""
        words.append(
          PDFWord(
            page: page, x0: a["xMin"] ?? 0, y0: a["yMin"] ?? 0,
            x1: a["xMax"] ?? 0, y1: a["yMax"] ?? 0, text: text))
      }
    }
    return (words, sizes)
  }

  /// Pairs of words on the same page whose boxes overlap by more than half a point both ways.
  static func overlaps(_ words: [PDFWord]) -> [String] {
    var clashes: [String] = []
    for page in Set(words.map(\.page)).sorted() {
      let onPage = words.filter { $0.page == page }
      for i in onPage.indices {
        for j in onPage.indices where j > i {
          let a = onPage[i]
          let b = onPage[j]
          let dx = min(a.x1, b.x1) - max(a.x0, b.x0)
          let dy = min(a.y1, b.y1) - max(a.y0, b.y0)
          if dx > 0.5 && dy > 0.5 {
            clashes.append("p\(page): '\(a.text.prefix(20))' × '\(b.text.prefix(20))'")
          }
        }
      }
    }
    return clashes
  }

  /// The PDF's text (UTF-8), one string per page.
  static func pages(_ pdf: String) throws -> [String] {
    let text = try run("pdftotext", ["-enc", "UTF-8", pdf, "-"]).output
    var pages = text.components(separatedBy: "\u{0C}")
    if pages.last?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == true {
      pages.removeLast()
    }
    return pages
  }

  /// How often `needle` occurs in `haystack` (not overlapping).
  static func count(_ needle: String, in haystack: String) -> Int {
    guard !needle.isEmpty else { return 0 }
    return haystack.components(separatedBy: needle).count - 1
  }
}

/// A failure in a test's own set-up, with its reason.
struct ReliabilityFailure: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
