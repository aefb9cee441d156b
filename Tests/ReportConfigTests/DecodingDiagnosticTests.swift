import Foundation
import Testing

@testable import ReportConfig

/// A JSON file's decoding error told as a config file's problems are: the place, the key path and
/// what was expected.
@Suite struct DecodingDiagnosticTests {
  struct Owner: Decodable {
    var line: Int
    var slug: String
  }

  struct Entry: Decodable {
    var path: String
    var owner: Owner?
  }

  struct File: Decodable {
    var files: [Entry]
  }

  /// The diagnostic of decoding `text` as a ``File``, as one line.
  func problem(_ text: String) throws -> String {
    do {
      _ = try JSONDecoder().decode(File.self, from: Data(text.utf8))
    } catch let error as DecodingError {
      return Diagnostic(decoding: error, in: text, file: "m.json").description
    }
    Issue.record("\(text) decoded")
    return ""
  }

  @Test func aValueOfTheWrongTypeIsNamedByItsKeyPathAndPlace() throws {
    let text = """
      {
        "files": [
          {"path": "a.pdf"},
          {"path": "b.pdf", "owner": {"line": "x", "slug": "b"}}
        ]
      }
      """
    #expect(
      try problem(text)
        == "m.json:4:41: error: files[1].owner.line: expected a whole number, found the text 'x'")
  }

  @Test func aMissingKeyIsNamedAtItsMapping() throws {
    #expect(
      try problem(#"{"files": [{"owner": {"line": 2, "slug": "b"}}]}"#)
        == "m.json:1:12: error: files[0]: missing required key 'path'")
    #expect(
      try problem(#"{"files": {"path": "a"}}"#)
        == "m.json:1:11: error: files: expected a list, found a mapping")
  }

  @Test func textThatIsNotJSONIsPlacedWhereItBreaksOff() throws {
    #expect(
      try problem("{\n  \"files\": [\n    {\"path\": \"a\"},\n")
        == "m.json:4:1: error: not valid JSON: the text breaks off or holds something "
        + "unexpected here")
    #expect(try problem("") == "m.json: error: the file is empty; expected JSON")
  }
}
