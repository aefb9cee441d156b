import ArgumentParser
import PMReportKit
import ReportModel

/// An option whose value is one of fixed names: parsed with ``parse(_:)``, so a value that is none
/// of them is refused with the names and a did-you-mean (`--page-size A4`: did you mean 'a4'?).
protocol OptionChoice: CaseIterable, RawRepresentable where RawValue == String {
  /// What a value is called in messages: "page size".
  static var valueDescription: String { get }
}

extension OptionChoice {
  /// The choice `argument` names; else a usage error naming the choices and the nearest one.
  static func parse(_ argument: String) throws -> Self {
    if let choice = Self(rawValue: argument) { return choice }
    throw UsageError.unknownValue(
      argument, what: valueDescription, choices: allCases.map(\.rawValue))
  }

  /// The choices, for shell completion.
  static var completion: CompletionKind { .list(allCases.map(\.rawValue)) }
}

/// The choices of `export-content --format`: YAML or Markdown (also written `md`).
enum ContentFormatChoice: String, OptionChoice {
  case yaml, markdown, md
  static let valueDescription = "format"
  var format: ContentExport.Format { self == .yaml ? .yaml : .markdown }
}

/// `--diagnostics` values: the text sink, or GitHub annotations.
enum DiagnosticsChoice: String, OptionChoice {
  case text, github
  static let valueDescription = "diagnostics form"
}

/// `--format` values: a format or `all`.
enum FormatChoice: String, OptionChoice {
  case pdf, svg, png, all
  static let valueDescription = "format"
  static func expand(_ choices: [FormatChoice]) -> [OutputFormat] {
    var out: [OutputFormat] = []
    for c in choices {
      let add: [OutputFormat] =
        c == .all ? OutputFormat.allCases : [OutputFormat(rawValue: c.rawValue) ?? .pdf]
      for f in add where !out.contains(f) { out.append(f) }
    }
    return out
  }
}

extension PaperSize: OptionChoice {
  static let valueDescription = "page size"
}

/// `--pdf-standard` values: a standard, or `none`.
enum PDFStandardChoice: String, OptionChoice {
  case ua1 = "ua-1"
  case a2b = "a-2b"
  case none
  static let valueDescription = "PDF standard"
  static func expand(_ choices: [PDFStandardChoice]) -> Set<PDFStandard> {
    Set(choices.compactMap { PDFStandard(rawValue: $0.rawValue) })
  }
}
