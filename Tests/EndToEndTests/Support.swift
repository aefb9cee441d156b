import Foundation
import PMReportKit
import ReportConfig
import ReportModel
import Testing

/// Runs a command-line tool and returns its exit status and standard output.
@discardableResult
func run(_ tool: String, _ arguments: [String], environment: [String: String] = [:]) throws -> (
  status: Int32, output: String, error: String
) {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  process.arguments = [tool] + arguments
  var env = ProcessInfo.processInfo.environment
  for (k, v) in environment { env[k] = v }
  process.environment = env
  let out = Pipe()
  let err = Pipe()
  process.standardOutput = out
  process.standardError = err
  try process.run()
  let data = out.fileHandleForReading.readDataToEndOfFile()
  let errData = err.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return (
    process.terminationStatus, String(decoding: data, as: UTF8.self),
    String(decoding: errData, as: UTF8.self)
  )
}

/// A fresh empty folder.
///
/// By default it lies in this test process's own folder, which is removed when the process exits
/// (suites share rendered output between tests, so no single test can remove it); `keptAfterRun`
/// puts it directly under the system temporary folder, for a test that removes it itself but keeps
/// it to be inspected when it fails.
func temporaryDirectory(_ name: String = "pmreport-test", keptAfterRun: Bool = false) throws
  -> String
{
  let parent = keptAfterRun ? FileManager.default.temporaryDirectory : try TestRunFolder.url.get()
  let url = parent.appendingPathComponent("\(name)-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url.path
}

/// A fresh folder holding a project: `config` as its `pmreport.yml`.
func projectFolder(_ name: String, config: String) throws -> String {
  let dir = try temporaryDirectory(name)
  try config.write(toFile: dir + "/pmreport.yml", atomically: true, encoding: .utf8)
  return dir
}

/// Runs the project in `dir` (its `pmreport.yml`; `contentPath`, when given, instead of the
/// content it names) dated 1,700,000,000 (2023-11-14), telling `reporter`; throws the first
/// document's failure.
@discardableResult func runProject(
  in dir: String, contentPath: String? = nil, reporter: any Reporter = SilentReporter()
) throws -> RunSummary {
  let summary = try RunScheduler.load(
    options: RunOptions(
      configPath: dir + "/pmreport.yml", contentPath: contentPath, workingDirectory: dir,
      date: Date(timeIntervalSince1970: 1_700_000_000)), reporter: reporter
  ).run()
  if let failure = summary.failures.first { throw failure.error }
  return summary
}

/// The folder holding this test process's temporary folders, removed at exit.
private enum TestRunFolder {
  static let url: Result<URL, any Error> = Result {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "pmreport-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    atexit {
      if case .success(let url) = TestRunFolder.url { try? FileManager.default.removeItem(at: url) }
    }
    return url
  }
}

/// Text normalised for comparison: soft hyphens and hyphens at line ends removed, right-to-left marks
/// dropped, typographic quotes kept, all white space folded to single spaces.
func normalised(_ text: String) -> String {
  var t = text.replacingOccurrences(of: "\u{00AD}\n", with: "").replacingOccurrences(
    of: "\u{00AD}", with: "")
  for mark in ["\u{202B}", "\u{202C}", "\u{200E}", "\u{200F}"] {
    t = t.replacingOccurrences(of: mark, with: "")
  }
  t = t.replacingOccurrences(of: "-\n", with: "")
  t = t.replacingOccurrences(of: "\u{FB01}", with: "fi").replacingOccurrences(
    of: "\u{FB02}", with: "fl")
  return t.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
}

/// Text reduced for containment checks across line breaks: white space and every kind of hyphen
/// removed (a word broken as "mar-" / "ket-oriented" and the unbroken "market-oriented" compare equal).
func squeezed(_ text: String) -> String {
  String(
    normalised(text).unicodeScalars.filter {
      !CharacterSet.whitespacesAndNewlines.contains($0)
        && !["-", "\u{00AD}", "\u{2010}", "\u{2011}"].contains(Character($0))
    }.map(Character.init))
}

/// Every string of the content model a reader should find in the full report.
func modelStrings(_ c: Comparison) -> [String] {
  var out = c.introduction.flatMap(strings)
  func walk(_ s: Section) {
    out.append(s.title)
    out += s.blocks.flatMap(strings)
    s.subsections.forEach(walk)
  }
  c.sections.forEach(walk)
  return out
}

/// The full report rendered once for the whole suite (rendering is deterministic, so sharing is safe).
enum RenderedReport {
  /// The output folder holding `pdf/full-report.pdf`.
  static let directory: Result<String, any Error> = Result {
    let dir = try temporaryDirectory("pmreport-e2e")
    let scheduler = try RunScheduler.load(
      options: RunOptions(
        formats: [.pdf], documents: ["full-report"],
        outputDirectory: dir, workingDirectory: dir,
        date: Date(timeIntervalSince1970: 1_700_000_000)))
    let summary = scheduler.run()
    if let failure = summary.failures.first { throw failure.error }
    return dir
  }

  static func pdf() throws -> String { try directory.get() + "/pdf/full-report.pdf" }
}

extension Tag {
  /// Suites that take a minute or more (fuzzing, interrupting and killing real runs): `make test`
  /// runs them, `make test-fast` leaves them out.
  @Tag static var long: Self
}

/// A block's strings, in reading order.
func strings(_ block: ContentBlock) -> [String] {
  switch block {
  case .paragraph(let text): return [text.plain]
  case .labelledList(let items): return items.flatMap { [$0.label, $0.text.plain] }
  case .faq(let entries): return entries.flatMap { [$0.question, $0.answer.plain] }
  case .roleTable(let table): return table.rows.flatMap { [$0.label] + $0.cells.map(\.text.plain) }
  case .table(let table): return (table.header + table.rows.flatMap { $0 }).map(\.plain)
  case .list(let list): return list.items.flatMap { $0.flatMap(strings) }
  case .quote(let blocks): return blocks.flatMap(strings)
  case .code(let code): return [code.text]
  case .image(let image): return [image.alt]
  case .rule: return []
  }
}

extension Comparison {
  /// The built-in content as every run reads it: `ConfigLoader.builtInContent()` (the embedded
  /// `BuiltinContent/comparison.md`).
  static var builtIn: Comparison {
    get throws { try ConfigLoader.builtInContent() }
  }
}
