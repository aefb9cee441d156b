import Frames
import Pagination
import Rendering
import ReportModel

/// One output a recipe plans, before it is drawn: a document (or a copy of it) in some formats,
/// reported as one line a format.
///
/// Most outputs are one ``PlannedFile``; the charts are a folder of standalone pictures, written
/// and reported together.
struct PlannedOutput {
  var files: [PlannedFile]
  /// The formats it is written in, in the run's order.
  var formats: [OutputFormat]
  /// The folder its report line names (`charts`), for a folder of pictures; nil: the one file's
  /// own name.
  var folder: String?
  /// The document its files are recorded under in the manifest (the reserved `charts` for the
  /// charts); nil: the document being built.
  var recordedAs: String?
  /// Its pages are another output's again (a booklet): the live preview shows the document's
  /// own output instead.
  var repeatsPages = false

  /// One document's file (or page folder) in `formats`.
  init(_ file: consuming PlannedFile, formats: [OutputFormat]) {
    files = [file]
    self.formats = formats
  }

  /// Standalone pictures in `folder`, each a file in every format.
  init(pictures: [PlannedFile], in folder: String, formats: [OutputFormat], recordedAs: String) {
    files = pictures
    self.formats = formats
    self.folder = folder
    self.recordedAs = recordedAs
  }
}

/// The pages of one output file, and what the writer needs to know to draw and name it.
struct PlannedFile {
  /// Its name under the format's folder, without extension; may name a folder
  /// (`summary/ana-souza`, `charts/venn`).
  var stem: String
  var pages: [Page]
  /// Where the named destinations are (the PDF outline, the SVG pages' section titles).
  var anchors: [AnchorLocation] = []
  /// A print file (a booklet, a sheet of cards): its pages as laid out, no PDF/UA.
  var isPrintFile = false
  /// A standalone picture (a chart): one file in every format, titled `title` and described by
  /// its alternate text, with no print finish.
  var picture: (title: String, description: String)?

  /// A document's pages (or a copy's) under `stem`.
  init(
    _ stem: String, pages: consuming [Page], anchors: [AnchorLocation] = [],
    isPrintFile: Bool = false
  ) {
    self.stem = stem
    self.pages = pages
    self.anchors = anchors
    self.isPrintFile = isPrintFile
  }

  /// A picture on one page under `stem`.
  init(picture stem: String, page: Page, title: String, description: String) {
    self.stem = stem
    pages = [page]
    picture = (title, description)
  }
}
