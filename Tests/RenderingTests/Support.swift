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

/// The SHA-256 of a file as `sha256sum` prints it (an independent implementation to check ours).
func sha256Hex(_ path: String) -> String {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
  process.arguments = [path]
  let pipe = Pipe()
  process.standardOutput = pipe
  guard (try? process.run()) != nil else { return "" }
  let out = pipe.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
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
