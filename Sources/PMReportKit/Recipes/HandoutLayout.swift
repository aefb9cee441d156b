import Charts
import Foundation
import Frames
import Geometry
import Pagination
import ReportConfig
import ReportModel
import TextShaping

/// What lays out one handout document, whatever its kind.
///
/// The page template from the resolved document, its type (fonts, colours, words, images), its
/// furniture, and the contents pass until page numbers settle; the blocks come from the
/// document's recipe.
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
  /// The title the document prints (its recipe's, see ``DocumentRecipe/title(of:metadata:words:)``).
  var title: String
  /// Where the content's blocks were written, for the items' source spans; nil for none.
  var positions: ContentPositions?
  /// The charts `measurer` laid out in earlier builds of a `pmreport watch` session; nil for none.
  var charts: ChartLayouts?

  var document: DocumentSpec { resolved.spec }
  var style: Style { resolved.style }

  /// The page and its text area.
  var template: PageTemplate {
    PageTemplate(
      pageSize: Size(width: resolved.paperWidth, height: resolved.paperHeight), body: resolved.body)
  }

  /// The document's fonts, colours, words and images.
  func makeType() -> TypeSet {
    let type = TypeSet(
      style: style, colors: resolved.colors, measurer: measurer, width: template.body.width,
      words: words)
    type.images = images
    type.charts = charts
    type.bodyHeight = template.body.height
    type.sectionStartRight = document.sectionStartRight
    return type
  }

  /// The personalised line's slots on this document's pages.
  var personalLine: PersonalLine { PersonalLine(type: makeType(), template: template) }

  /// The report's blocks builder for `type`: figures at most 42 % of the text area's height.
  func reportBuilder(_ type: TypeSet) -> ReportBuilder {
    ReportBuilder(
      content: content, document: document, metadata: metadata, type: type, date: date,
      maxFigureHeight: template.body.height * 0.42, positions: positions)
  }

  /// Runs the document layout with `build`, rethrowing what the builder threw; with `titlePage`
  /// (and the document's title block) page 1 opens with the title and has no running header.
  func layout(
    _ type: TypeSet, titlePage: Bool, _ build: (PageMap) throws -> [any Block]
  ) throws -> LaidOutDocument {
    let furniture = Furniture(
      type: type, template: template, documentTitle: title,
      titlePage: document.titleBlock && titlePage)
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
}
