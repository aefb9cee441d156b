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

  /// A missing key with a key close to it in its mapping: placed at that key, with a
  /// did-you-mean.
  @Test func aMissingKeyAsksAboutAKeyCloseToIt() throws {
    #expect(
      try problem(#"{"files": [{"pth": "a.pdf"}]}"#)
        == "m.json:1:13: error: files[0]: missing required key 'path'; did you mean 'path' "
        + "instead of 'pth'?")
    #expect(
      try problem(#"{"files": [{"path": "a.pdf", "owner": {"line": 2, "Slug": "b"}}]}"#)
        == "m.json:1:51: error: files[0].owner: missing required key 'slug'; did you mean "
        + "'slug' instead of 'Slug'?")
  }

  @Test func textThatIsNotJSONIsPlacedWhereItBreaksOff() throws {
    #expect(
      try problem("{\n  \"files\": [\n    {\"path\": \"a\"},\n")
        == "m.json:4:1: error: not valid JSON: the text breaks off or holds something "
        + "unexpected here")
    #expect(try problem("") == "m.json: error: the file is empty; expected JSON")
  }
}
