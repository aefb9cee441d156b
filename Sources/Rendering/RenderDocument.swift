import Frames

/// Metadata written into a PDF.
public struct DocumentInfo: Sendable {
  public var title: String
  public var author: String
  public var subject: String
  public var keywords: [String]
  public var creator: String
  /// Creation and modification date, `YYYY-MM-DDThh:mm:ssZ` (from `SOURCE_DATE_EPOCH` when set, for
  /// reproducible bytes).
  public var date: String
  /// The document's natural language, a BCP 47 tag (the catalog's `/Lang`).
  public var language: String
  public init(
    title: String, author: String, subject: String, keywords: [String], creator: String,
    date: String, language: String = "en"
  ) {
    self.title = title
    self.author = author
    self.subject = subject
    self.keywords = keywords
    self.creator = creator
    self.date = date
    self.language = language
  }
}

/// A document ready to write: its pages, the fonts and colours its glyph runs name, its metadata
/// and its outline (the headings, anchors with an outline level, in document order).
public struct RenderDocument: Sendable {
  public var pages: [Page]
  public var palette: GlyphPalette
  public var info: DocumentInfo
  public var outline: [Anchor]
  /// The decoded images the pages' image items name.
  public var images: ImageStore
  /// What each page's SVG file says about itself, by page; a page without one is titled with
  /// `info.title`.
  public var svgLabels: [SVGLabel]
  /// The standards the PDF is written to (PDF/UA-1 by default).
  public var standards: PDFStandards
  /// The trim and bleed boxes every PDF page gets (`crop-marks: true`); nil for none.
  public var printBoxes: PrintBoxes?
  /// The PDF opens full screen (`open-full-screen: true`).
  public var opensFullScreen = false
  public init(
    pages: [Page], palette: GlyphPalette, info: DocumentInfo, outline: [Anchor] = [],
    images: ImageStore = .empty, svgLabels: [SVGLabel] = [], standards: PDFStandards = .ua1
  ) {
    self.pages = pages
    self.palette = palette
    self.info = info
    self.outline = outline
    self.images = images
    self.svgLabels = svgLabels
    self.standards = standards
  }
}

/// The title and description an SVG file carries (cairo's SVG has neither).
public struct SVGLabel: Hashable, Sendable {
  public var title: String
  /// The `<desc>`: a chart's alternate text, a page's section; none when empty.
  public var description: String
  /// Whether the file is one picture (a standalone chart): its root element gets `role="img"` and
  /// `aria-labelledby` naming the title and description.
  public var isImage: Bool
  public init(title: String, description: String = "", isImage: Bool = false) {
    self.title = title
    self.description = description
    self.isImage = isImage
  }
}
