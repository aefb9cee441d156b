import Allocation
import CCairo
import Foundation
import Frames
import Geometry
import Storage

/// Writes a document as one PDF: tagged structure, named destinations, outline and metadata.
///
/// cairo writes the PDF into ``ScratchBytes`` (memory, or a scratch file once it passes
/// `inMemoryLimit`); ``PDFFinisher`` completes it with libqpdf (language, XMP, link descriptions,
/// trailer `/ID`) and writes the result into the file the sink gives.
public struct PDFExporter: DocumentExporter {
  /// The largest PDF cairo writes into memory for qpdf, and qpdf writes into memory.
  ///
  /// Below it, the PDF goes from cairo to qpdf to the output file without a scratch file: none
  /// made, written in cairo's small pieces, read back and removed for a certificate or a two-page
  /// summary, and qpdf reading a file seeks for every object it reads (an `lseek` and a refill of
  /// stdio's buffer: some 21,000 system calls and 12 MB read for the 13-page full report). Above
  /// it, files, so that a long document's copies do not add to the run's peak memory.
  public static let inMemoryLimit = 8 << 20

  private let inMemoryLimit: Int

  /// An exporter keeping PDFs up to `inMemoryLimit` bytes in memory on their way through qpdf.
  public init(inMemoryLimit: Int = Self.inMemoryLimit) { self.inMemoryLimit = inMemoryLimit }

  public func write(
    _ document: inout RenderDocument, into sink: any ExportSink, releasingPages: Bool
  ) throws {
    try sink.document(pages: document.pages.count) { file in
      try draw(&document, releasingPages: releasingPages, into: file)
    }
  }

  private func draw(
    _ document: inout RenderDocument, releasingPages: Bool, into file: CheckedFile
  ) throws {
    let path = file.path
    let (marks, drawn) = try Self.drawn(for: path, limit: inMemoryLimit) { scratch in
      try Self.drawPDF(&document, releasingPages: releasingPages, into: scratch, path: path)
    }
    let titles = Dictionary(
      document.outline.map { ($0.name, $0.title) }, uniquingKeysWith: { first, _ in first })
    try PDFFinisher(
      info: document.info, standards: document.standards, marks: marks,
      printBoxes: document.printBoxes, destinationTitles: titles, path: path,
      opensFullScreen: document.opensFullScreen
    )
    .finish(drawn, into: file)
  }

  /// The bytes `draw` gives cairo's PDF for the file `path`, kept in memory up to `limit` and in
  /// a scratch file beside it past that, and what `draw` returned; ready for ``PDFFinisher``.
  static func drawn<Result>(
    for path: String, limit: Int, _ draw: (ScratchBytes) throws -> Result
  ) throws -> (Result, ScratchBytes.Contents) {
    // A scratch file is in the output folder, and a full disk there fails with the system's
    // reason (cairo 1.16 loses write errors): that failure wins over whatever cairo made of it.
    let scratch = ScratchBytes("cairo", for: path, limit: limit)
    let result: Result
    do {
      result = try draw(scratch)
    } catch {
      throw scratch.failure ?? error
    }
    let contents = try scratch.finish()
    // cairo's surface is gone: when the document is long (its PDF went to a file), hand its freed
    // memory back before qpdf parses the file, so that the peak is not cairo's and qpdf's added
    // up. Not for short ones: each would fault cairo's buffers in again for the next.
    if case .file = contents { Allocator.releaseFreedMemory() }
    return (result, contents)
  }

  /// Draws `document` with cairo into `scratch`; returns what the finisher needs to know of the
  /// tags drawn.
  private static func drawPDF(
    _ document: inout RenderDocument, releasingPages: Bool, into scratch: ScratchBytes,
    path: String
  ) throws -> MarkedContentLog {
    _ = DeflateMemo.on
    let first = document.pages.first?.size ?? Size(width: 595, height: 842)
    guard
      let surface = cairo_pdf_surface_create_for_stream(
        ScratchBytes.cairoWriter, scratch.cairoClosure, first.width, first.height)
    else {
      throw RenderError.cairo(operation: "create a PDF surface", status: "no surface", path: path)
    }
    defer { cairo_surface_destroy(surface) }
    try check(cairo_surface_status(surface), "create a PDF surface", path)
    setMetadata(surface, document.info)
    let cr = try context(on: surface, path)
    defer { cairo_destroy(cr) }
    let painter = Painter(
      cr: cr, tagged: true, palette: document.palette,
      fonts: ScaledFonts(palette: document.palette), images: document.images)
    cairo_tag_begin(cr, "Document", "")
    for i in document.pages.indices {  // by index: an iterator would hold every page until the end
      let page = document.pages[i]
      if i > 0 { cairo_pdf_surface_set_size(surface, page.size.width, page.size.height) }
      painter.draw(page.frame, at: .zero)
      CFFHeaderLoads.around { cairo_show_page(cr) }
      try check(cairo_status(cr), "draw page \(i + 1)", path)
      if releasingPages { document.pages[i].frame = Frame(size: page.size) }
    }
    cairo_tag_end(cr, "Document")
    addOutline(surface, document.outline)
    cairo_surface_finish(surface)
    try check(cairo_status(cr), "finish the document", path)
    try check(cairo_surface_status(surface), "write the file", path)
    return painter.marks
  }

  static func setMetadata(_ surface: OpaquePointer, _ info: DocumentInfo) {
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, info.title)
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, info.author)
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, info.subject)
    cairo_pdf_surface_set_metadata(
      surface, CAIRO_PDF_METADATA_KEYWORDS, info.keywords.joined(separator: ", "))
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, info.creator)
    let stamp = info.date
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, stamp)
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, stamp)
  }

  /// The outline mirrors the heading tree: each entry's parent is the nearest earlier, shallower one.
  private static func addOutline(_ surface: OpaquePointer, _ anchors: [Anchor]) {
    var parents: [(level: Int, id: Int32)] = []
    for anchor in anchors {
      guard let level = anchor.outlineLevel else { continue }
      while let last = parents.last, last.level >= level { parents.removeLast() }
      let parent = parents.last?.id ?? Int32(CAIRO_PDF_OUTLINE_ROOT)
      let id = cairo_pdf_surface_add_outline(
        surface, parent, anchor.title,
        "dest='\(Painter.escape(anchor.name))'",
        level == 1 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : cairo_pdf_outline_flags_t(0))
      parents.append((level, id))
    }
  }
}
