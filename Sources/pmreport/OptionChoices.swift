import ArgumentParser
import PMReportKit
import ReportModel

/// The choices of `export-content --format`: YAML or Markdown (also written `md`).
enum ContentFormatChoice: String, ExpressibleByArgument, CaseIterable {
  case yaml, markdown, md
  var format: ContentExport.Format { self == .yaml ? .yaml : .markdown }
}

/// `--diagnostics` values: the text sink, or GitHub annotations.
enum DiagnosticsChoice: String, ExpressibleByArgument, CaseIterable {
  case text, github
}

/// `--format` values: a format or `all`.
enum FormatChoice: String, ExpressibleByArgument, CaseIterable {
  case pdf, svg, png, all
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

extension PaperSize: ExpressibleByArgument {}

/// `--pdf-standard` values: a standard, or `none`.
enum PDFStandardChoice: String, ExpressibleByArgument, CaseIterable {
  case ua1 = "ua-1"
  case a2b = "a-2b"
  case none
  static func expand(_ choices: [PDFStandardChoice]) -> Set<PDFStandard> {
    Set(choices.compactMap { PDFStandard(rawValue: $0.rawValue) })
  }
}
