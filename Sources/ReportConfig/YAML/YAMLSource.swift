import Foundation
import Yams

/// Reads input files and parses them into ``SourceNode`` trees, turning every failure into a
/// diagnostic with a position.
enum YAMLSource {
  /// Deepest nesting accepted.
  ///
  /// pmreport's files need about six levels; Yams' recursive composer (and the C scanner beneath
  /// it) can exhaust the stack on a few thousand, so deeper text is rejected by a cheap scan before
  /// it is parsed.
  static let maximumDepth = 64

  /// No implicit tags: pmreport reads every scalar as text and types it itself, so Yams' default
  /// rules (a regular expression each, run on every mapping key) buy nothing.
  private static let resolver = Resolver.basic
  /// Largest input accepted, in bytes.
  static let maximumBytes = 16 << 20

  // MARK: Files

  /// The text of a file, read through `inputs`, or `MissingFileError` when it cannot be opened,
  /// or `InputError` when it is not UTF-8 text or holds a control character.
  static func read(_ path: String, displayName: String, role: String, inputs: Inputs) throws
    -> String
  {
    let data: Data
    switch inputs.read(path, maximumBytes: maximumBytes) {
    case .success(let bytes): data = bytes
    case .failure(.missing):
      throw MissingFileError(path: displayName, role: role).suggesting(from: path, inputs: inputs)
    case .failure(.tooLarge(let size)):
      throw InputError(diagnostics: [
        Diagnostic(
          file: displayName, line: 0, column: 0, keyPath: "",
          message: "the file is \(size) bytes; a \(role) may be at most \(maximumBytes) bytes")
      ])
    case .failure(let failure):
      throw MissingFileError(path: displayName, role: role, failure: failure)
    }
    guard let text = String(data: data, encoding: .utf8) else {
      let (line, column) = firstInvalidUTF8(in: data)
      throw InputError(diagnostics: [
        Diagnostic(
          file: displayName, line: line, column: column, keyPath: "",
          message: "the file is not UTF-8 text (save it as UTF-8)")
      ])
    }
    let controls = ControlCharacters.diagnostics(in: data, file: displayName)
    if !controls.isEmpty { throw InputError(diagnostics: controls) }
    return text
  }

  /// The line and column of the first byte that is not part of valid UTF-8.
  static func firstInvalidUTF8(in data: Data) -> (line: Int, column: Int) {
    let bytes = [UInt8](data)
    var line = 1
    var column = 1
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      let length: Int
      switch byte {
      case 0x00...0x7F: length = 1
      case 0xC2...0xDF: length = 2
      case 0xE0...0xEF: length = 3
      case 0xF0...0xF4: length = 4
      default: return (line, column)
      }
      // String(bytes:) also rejects overlong forms and surrogates, which the table lets through.
      guard index + length <= bytes.count,
        String(bytes: bytes[index..<index + length], encoding: .utf8) != nil
      else { return (line, column) }
      if byte == 0x0A {
        line += 1
        column = 1
      } else {
        column += 1
      }
      index += length
    }
    return (line, column)
  }

  // MARK: Parsing

  /// The tree of one YAML document; nil for an empty file.
  ///
  /// Throws `InputError` for text too deeply nested, for YAML syntax errors, and for mapping keys
  /// that are not plain values.
  static func parse(_ text: String, file: String) throws -> SourceNode? {
    if let (line, column, depth) = excessiveNesting(in: text) {
      throw InputError(diagnostics: [
        Diagnostic(
          file: file, line: line, column: column, keyPath: "",
          message: "nesting is deeper than \(maximumDepth) levels (at least \(depth) here); "
            + "pmreport files need only a few levels")
      ])
    }
    do {
      guard let node = try compose(text) else { return nil }
      return try SourceNode(node, file: file)
    } catch let error as YamlError {
      throw InputError(diagnostics: [diagnostic(for: error, text: text, file: file)])
    } catch SourceNode.ConversionProblem.tooManyNodes(let location) {
      throw InputError(diagnostics: [
        Diagnostic(
          "the document expands to more than \(SourceNode.nodeLimit) values (through aliases?)",
          at: location, keyPath: .root)
      ])
    } catch SourceNode.ConversionProblem.complexKey(let location, let path) {
      throw InputError(diagnostics: [
        Diagnostic(
          "a mapping key must be a plain name, not a list or mapping", at: location, keyPath: path)
      ])
    } catch SourceNode.ConversionProblem.controlCharacter(let code, let location, let path) {
      throw InputError(diagnostics: [
        Diagnostic(
          ControlCharacters.message(for: code, escaped: true), at: location, keyPath: path)
      ])
    }
  }

  /// Yams' tree of `text` (nil for no document), as pmreport composes every file: no implicit
  /// tags (``resolver``), UTF-8 named (Yams' default encoding is looked up on every parse, copying
  /// the whole environment to read `YAMS_DEFAULT_ENCODING`, and printing to standard output when
  /// set); throws Yams' error.
  static func compose(_ text: String) throws -> Node? {
    try Yams.compose(yaml: text, resolver, .default, .utf8)
  }

  /// Describes a Yams error as a diagnostic at its mark.
  static func diagnostic(for error: YamlError, text: String, file: String) -> Diagnostic {
    func make(_ kind: String, _ context: YamlError.Context?, _ problem: String, _ mark: Mark)
      -> Diagnostic
    {
      var message = "YAML \(kind) error: \(problem)"
      if let context {
        message +=
          " (\(context.text), which starts at line \(context.mark.line), column \(context.mark.column))"
      }
      return Diagnostic(
        file: file, line: mark.line, column: mark.column, keyPath: "", message: message)
    }
    switch error {
    case .scanner(let context, let problem, let mark, _):
      return make("syntax", context, problem, mark)
    case .parser(let context, let problem, let mark, _):
      return make("syntax", context, problem, mark)
    case .composer(let context, let problem, let mark, _):
      return make("structure", context, problem, mark)
    case .reader(let problem, let offset, _, _):
      let (line, column) = position(ofCharacterOffset: offset ?? 0, in: text)
      return Diagnostic(
        file: file, line: line, column: column, keyPath: "",
        message: "unreadable text: \(problem)")
    case .duplicatedKeysInMapping(let duplicates, let context):
      let names = duplicates.map { "'\($0)'" }.joined(separator: ", ")
      let plural = duplicates.count == 1 ? "key \(names) appears" : "keys \(names) appear"
      return Diagnostic(
        file: file, line: context.mark.line, column: context.mark.column, keyPath: "",
        message: "\(plural) more than once in the same mapping")
    default:
      return Diagnostic(
        file: file, line: 0, column: 0, keyPath: "", message: "cannot parse YAML: \(error)")
    }
  }

  /// 1-based line and column (in Unicode scalars) of a character offset.
  static func position(ofCharacterOffset offset: Int, in text: String) -> (Int, Int) {
    var line = 1
    var column = 1
    for (index, character) in text.enumerated() {
      if index >= offset { break }
      if character.isNewline {
        line += 1
        column = 1
      } else {
        column += character.unicodeScalars.count
      }
    }
    return (line, column)
  }

  // MARK: Nesting

  /// Where the text first nests deeper than ``maximumDepth``, by a cheap over-the-text scan that
  /// counts open flow brackets, block indentation levels and compact `- - -` sequences; nil if it
  /// stays shallow.
  ///
  /// Quoted scalars, comments and block scalars are skipped. The scan reads UTF-8 bytes (every
  /// character it looks for is ASCII, and no byte of a longer character is one); lines end at
  /// LF, a CR before it dropped; the column reported counts Unicode scalars.
  static func excessiveNesting(in text: String) -> (line: Int, column: Int, depth: Int)? {
    var text = text
    return text.withUTF8 { NestingScan(bytes: $0).firstExcess() }
  }
}
