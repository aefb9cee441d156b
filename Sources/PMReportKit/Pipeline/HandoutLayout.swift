import Foundation
import Frames
import Geometry
import Pagination
import ReportConfig
import ReportModel
import TextShaping

/// Lays out one handout document: page template from the style, blocks from the builder for the
/// document's kind, page furniture, and the contents pass until page numbers settle.
struct HandoutLayout {
  let content: Comparison
  /// The document with its style, colours and page resolved.
  let resolved: ResolvedDocument
  let metadata: Metadata
  let measurer: any TextMeasurer
  let date: Date
  /// The words the document prints itself (contents, footer, captions, dates).
  var words: Words = .english
  /// The content's images by path as written: file, kind and natural size.
  var images: [String: ImageItem] = [:]
  /// The worksheet whose exercises a worksheet or an answer key prints (itself, or the one its
  /// `key-for` names).
  var worksheet: DocumentSpec?

  var document: DocumentSpec { resolved.spec }
  var style: Style { resolved.style }

  /// The page and its text area.
  var template: PageTemplate {
    PageTemplate(
      pageSize: Size(width: resolved.paperWidth, height: resolved.paperHeight), body: resolved.body)
  }

  /// The document's fonts, colours, words and images.
  private func makeType() -> TypeSet {
    let type = TypeSet(
      style: style, colors: resolved.colors, measurer: measurer, width: template.body.width,
      words: words)
    type.images = images
    type.bodyHeight = template.body.height
    type.sectionStartRight = document.sectionStartRight
    return type
  }

  /// The personalised line's slots on this document's pages.
  var personalLine: PersonalLine { PersonalLine(type: makeType(), template: template) }

  /// The certificate page maker: what was completed is the content's title (the metadata's).
  func certificates(trainer: String) -> CertificateBuilder {
    CertificateBuilder(
      type: makeType(), template: template, completed: metadata.title,
      date: ReportBuilder.formatted(date, words: words), trainer: trainer)
  }

  func layout() throws -> LaidOutDocument {
    let type = makeType()
    switch document.kind {
    case .certificate: throw DocumentError.needsRoster(document.name)
    case .comparisonTable: return try comparisonTable(type)
    case .roleCards where document.cardSize == .a6:
      return CardSheetBuilder(
        content: content, type: type,
        sheet: Size(width: resolved.paperWidth, height: resolved.paperHeight),
        copies: document.copies
      ).layout()
    case .roleCards: return try layout(type, RoleCardsBuilder(content: content, type: type).blocks)
    case .report, .charts: return try layout(type, reportBuilder(type).blocks(pages:))
    case .worksheet, .answerKey:
      let builder = WorksheetBuilder(
        content: content, worksheet: worksheet ?? document, title: title,
        isKey: document.kind == .answerKey, type: type)
      return try layout(type, builder.blocks)
    }
  }

  /// The title the document prints and its PDF carries.
  var title: String { Self.title(of: document, metadata: metadata, words: words) }

  /// A document's title: its own, else the metadata title (a worksheet's and an answer key's
  /// with ": Worksheet" or ": Answer Key", in the document's words).
  static func title(of document: DocumentSpec, metadata: Metadata, words: Words) -> String {
    if let title = document.title { return title }
    switch document.kind {
    case .worksheet: return words.fill(.worksheetTitle, ["title": metadata.title])
    case .answerKey: return words.fill(.answerKeyTitle, ["title": metadata.title])
    default: return metadata.title
    }
  }

  private func reportBuilder(_ type: TypeSet) -> ReportBuilder {
    ReportBuilder(
      content: content, document: document, metadata: metadata, type: type, date: date,
      maxFigureHeight: template.body.height * 0.42)
  }

  /// Runs the document layout with `build`, rethrowing what the builder threw.
  private func layout(_ type: TypeSet, _ build: (PageMap) throws -> [any Block]) throws
    -> LaidOutDocument
  {
    let furniture = Furniture(
      type: type, template: template, documentTitle: title,
      titlePage: document.titleBlock && document.kind.hasTitlePage)
    var failure: (any Error)?
    let result = DocumentLayout.layout(
      template: template, measurer: type.measurer,
      build: { pages in
        do { return try build(pages) } catch {
          failure = error
          return []
        }
      }, furniture: furniture.frame(for:))
    if let failure { throw failure }
    return result
  }

  /// The summary table alone: the type shrinks step by step, down to the style's floor, until the
  /// table fits one page; below the floor it splits with its header repeated.
  private func comparisonTable(_ type: TypeSet) throws -> LaidOutDocument {
    let builder = reportBuilder(type)
    guard let table = builder.summaryTable() else {
      throw DocumentError.noSummaryTable(document.name)
    }
    var size = style.fonts.tableSize
    let floor = min(style.fonts.minimumSize, size)
    while true {
      let setter = TableSetter(type: type, fontSize: size)
      let result = try layout(type) { _ in
        builder.titleHeading() + [setter.roleTable(table, content: content)]
      }
      if result.pages.count <= 1 || size <= floor { return result }
      size = max(floor, size - 0.5)
    }
  }
}

/// A document that cannot be built from the content it was given.
public enum DocumentError: Error, CustomStringConvertible {
  case noSummaryTable(String)
  /// The charts were asked for, and the content has nothing to draw.
  case noCharts(String)
  /// Certificates are made one a participant (``Pipeline`` writes them from the roster).
  case needsRoster(String)

  public var description: String {
    switch self {
    case .noSummaryTable(let name):
      "document '\(name)' is a comparison-table, but the content has no role table in any section"
    case .noCharts(let name):
      "document '\(name)' draws the charts, but the content has none: charts need roles "
        + "(2 to 4 under `roles:`) and chart data (`focus`, `overlap` or `stakeholders`)"
    case .needsRoster(let name):
      "document '\(name)' is a certificate, made for each participant of a roster (--roster)"
    }
  }
}
