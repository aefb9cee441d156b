import Foundation
import Rendering

/// A fresh folder for one test, inside a folder this test process removes at exit.
func temporaryDirectory(_ name: String) throws -> String {
  let url = try TestRunFolder.url.get().appendingPathComponent("\(name)-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url.path
}

/// The folder holding this test process's temporary folders, removed at exit.
private enum TestRunFolder {
  static let url: Result<URL, any Error> = Result {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "pmreport-rendering-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    atexit {
      if case .success(let url) = TestRunFolder.url { try? FileManager.default.removeItem(at: url) }
    }
    return url
  }
}

/// What the command-line tool `tool` (found on the PATH) prints on its standard output for
/// `arguments`.
func toolOutput(_ tool: String, _ arguments: [String]) throws -> Data {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  process.arguments = [tool] + arguments
  let pipe = Pipe()
  process.standardOutput = pipe
  try process.run()
  let out = pipe.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return out
}

/// The SHA-256 of a file as `sha256sum` prints it (an independent implementation to check ours).
func sha256Hex(_ path: String) -> String {
  guard let out = try? toolOutput("sha256sum", [path]) else { return "" }
  return String(decoding: out, as: UTF8.self).split(separator: " ").first.map(String.init) ?? ""
}

extension DocumentExporter {
  /// Writes `document` to `target`, its files recorded as `test` files of the document `test`.
  func write(_ document: inout RenderDocument, to target: OutputTarget, releasingPages: Bool)
    throws -> [WrittenFile]
  {
    try write(
      &document, to: target, recordedAs: "test", format: "test", releasingPages: releasingPages)
  }
}
