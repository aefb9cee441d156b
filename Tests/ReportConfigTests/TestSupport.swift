import Foundation
import ReportModel
import Testing

@testable import ReportConfig

/// A fresh temporary folder for one test, removed by `remove()`.
struct TempFolder {
  let path: String

  init() throws {
    path = NSTemporaryDirectory().appending("pmreport-config-\(UUID().uuidString)")
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  /// Writes `text` to `name` (which may contain folders) and returns the absolute path.
  @discardableResult
  func write(_ name: String, _ text: String) throws -> String {
    let file = path + "/" + name
    try FileManager.default.createDirectory(
      atPath: (file as NSString).deletingLastPathComponent,
      withIntermediateDirectories: true)
    try text.write(toFile: file, atomically: true, encoding: .utf8)
    return file
  }

  func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// The `InputError` a throwing call gives, or nil (recording an issue) if it gives none.
func inputError<T>(
  _ body: () throws -> T, sourceLocation: Testing.SourceLocation = #_sourceLocation
) -> InputError? {
  do {
    _ = try body()
    Issue.record("expected an InputError, but the call succeeded", sourceLocation: sourceLocation)
  } catch let error as InputError {
    return error
  } catch {
    Issue.record("expected an InputError, got \(error)", sourceLocation: sourceLocation)
  }
  return nil
}

/// Loads `text` as a config file named pmreport.yml in a fresh folder.
func configErrors(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws
  -> [Diagnostic]
{
  let folder = try TempFolder()
  defer { folder.remove() }
  let path = try folder.write("pmreport.yml", text)
  return inputError(
    {
      try ConfigLoader.loadSettings(
        configPath: path, workingDirectory: folder.path, inputs: Inputs())
    },
    sourceLocation: sourceLocation)?.diagnostics ?? []
}

/// Loads `text` as `Styles/<name>.yml` in a fresh folder.
func styleErrors(
  _ text: String, name: String = "test", sourceLocation: Testing.SourceLocation = #_sourceLocation
) throws -> [Diagnostic] {
  let folder = try TempFolder()
  defer { folder.remove() }
  try folder.write("Styles/\(name).yml", text)
  return inputError(
    {
      try ConfigLoader.loadStyle(
        name, baseDirectory: folder.path, workingDirectory: folder.path, inputs: Inputs())
    },
    sourceLocation: sourceLocation)?.diagnostics ?? []
}

/// The first diagnostic at a key path.
func diagnostic(_ diagnostics: [Diagnostic], at keyPath: String) -> Diagnostic? {
  diagnostics.first { $0.keyPath == keyPath }
}

extension Tag {
  /// Suites that take a minute or more (fuzzing, interrupting and killing real runs): `make test`
  /// runs them, `make test-fast` leaves them out.
  @Tag static var long: Self
}
