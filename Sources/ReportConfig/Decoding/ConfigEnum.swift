import ReportModel

/// An enum a file names by its raw value.
///
/// Decoding checks the value against the cases and reports "unknown page size 'a3'; expected a4,
/// letter, a5 or legal; did you mean 'a4'?".
protocol ConfigEnum: CaseIterable, RawRepresentable, Decodable where RawValue == String {
  /// What a value of this type is called in messages: "page size".
  static var valueDescription: String { get }
}

extension ConfigEnum {
  /// What decoding says of `text` when no case has it as its raw value.
  static func unknownValueMessage(_ text: String) -> String {
    Suggestions.unknownValue(text, what: valueDescription, expected: allCases.map(\.rawValue))
  }
}

extension PaperSize: ConfigEnum { static var valueDescription: String { "page size" } }
extension Orientation: ConfigEnum { static var valueDescription: String { "orientation" } }
extension OutputFormat: ConfigEnum { static var valueDescription: String { "format" } }
extension TableRules: ConfigEnum { static var valueDescription: String { "table rules value" } }
extension ChartKind: ConfigEnum { static var valueDescription: String { "chart kind" } }
extension PDFStandard: ConfigEnum { static var valueDescription: String { "PDF standard" } }
extension DocumentKind: ConfigEnum { static var valueDescription: String { "document kind" } }
extension SectionKind: ConfigEnum { static var valueDescription: String { "section kind" } }
extension CellAlignment: ConfigEnum { static var valueDescription: String { "alignment" } }
extension CardSize: ConfigEnum { static var valueDescription: String { "card size" } }
extension SheetSize: ConfigEnum { static var valueDescription: String { "booklet paper" } }
extension SectionStart: ConfigEnum { static var valueDescription: String { "section start" } }
extension ExerciseKind: ConfigEnum { static var valueDescription: String { "exercise kind" } }
