import CCairo
import CGLib
import Foundation
import Frames
import Geometry

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

/// Where an exporter writes: one file, or a folder of one file a page (`page-001.svg`…).
public enum OutputTarget: Sendable {
  case file(String)
  case pageFolder(String)
}

/// Writes documents in one format.
///
/// Every file goes through ``CheckedFile`` and lands whole or not at all: a failed write leaves the
/// earlier file (or folder) as it was.
public protocol DocumentExporter: Sendable {
  /// Writes `document` to `target`; returns each file written. With `releasingPages`, pages may be
  /// emptied once drawn, so a long document's lines are freed while the file is written.
  func write(_ document: inout RenderDocument, to target: OutputTarget, releasingPages: Bool) throws
    -> [FileWritten]
}

// MARK: - PDF

/// Writes a document as one PDF: tagged structure, named destinations, outline and metadata.
///
/// cairo writes the PDF into memory; ``PDFFinisher`` completes it with libqpdf (language, XMP,
/// link descriptions, trailer `/ID`) and writes the result through the checked file.
public struct PDFExporter: DocumentExporter {
  public init() {}

  public func write(_ document: inout RenderDocument, to target: OutputTarget, releasingPages: Bool)
    throws
    -> [FileWritten]
  {
    let path: String
    switch target {
    case .file(let p), .pageFolder(let p): path = p
    }
    let started = Clock.now
    let count = document.pages.count
    let written = try OutputFile.atomically(path) { file in
      try Self.draw(&document, releasingPages: releasingPages, into: file, path: path)
    }
    return [
      FileWritten(
        path: path, pages: count, bytes: written.bytes, sha256: written.sha256,
        milliseconds: Clock.milliseconds(since: started))
    ]
  }

  private static func draw(
    _ document: inout RenderDocument, releasingPages: Bool, into file: CheckedFile,
    path: String
  ) throws {
    let drawn = ScratchFile("cairo.pdf")
    let marks = try drawPDF(&document, releasingPages: releasingPages, into: drawn, path: path)
    // cairo's surface is gone: hand its freed memory back before qpdf parses the file, so that a
    // long document's peak is not cairo's and qpdf's added up.
    malloc_trim(0)
    let titles = Dictionary(
      document.outline.map { ($0.name, $0.title) }, uniquingKeysWith: { first, _ in first })
    try PDFFinisher(
      info: document.info, standards: document.standards, marks: marks,
      printBoxes: document.printBoxes, destinationTitles: titles, path: path
    )
    .finish(drawn, into: file)
  }

  /// Draws `document` with cairo into the scratch file `drawn`; returns what the finisher needs to
  /// know of the tags drawn.
  private static func drawPDF(
    _ document: inout RenderDocument, releasingPages: Bool, into drawn: ScratchFile, path: String
  ) throws -> MarkedContentLog {
    let first = document.pages.first?.size ?? Size(width: 595, height: 842)
    guard let surface = cairo_pdf_surface_create(drawn.path, first.width, first.height) else {
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
      cairo_show_page(cr)
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

  private static func setMetadata(_ surface: OpaquePointer, _ info: DocumentInfo) {
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

// MARK: - SVG and PNG

/// Writes SVG: one file a page (cairo's SVG surface keeps only its last page), or a single page
/// as one file (a standalone chart).
///
/// Pages are written on every core at once, each with its own SVG surface: the ids cairo writes
/// (clips, glyphs, patterns) are numbered per surface, so each file's bytes depend on its page alone.
public struct SVGExporter: DocumentExporter {
  public init() {}

  public func write(_ document: inout RenderDocument, to target: OutputTarget, releasingPages: Bool)
    throws
    -> [FileWritten]
  {
    let labels = document.svgLabels
    let title = document.info.title
    return try writePages(document, ext: "svg", to: target) { index, page, fonts, file in
      let label = labels.indices.contains(index) ? labels[index] : SVGLabel(title: title)
      try Self.draw(page, label: label, fonts: fonts, into: file)
    }
  }

  /// Draws `page` as SVG into `file`, with `label`'s title and description.
  static func draw(_ page: Page, label: SVGLabel, fonts: Painting, into file: CheckedFile) throws {
    let sink = ByteSink()
    guard
      let surface = cairo_svg_surface_create_for_stream(
        ByteSink.cairoWriter, Unmanaged.passUnretained(sink).toOpaque(),
        page.size.width, page.size.height)
    else {
      throw RenderError.cairo(
        operation: "create an SVG surface", status: "no surface", path: file.path)
    }
    defer { cairo_surface_destroy(surface) }
    cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PT)
    let cr = try context(on: surface, file.path)
    defer { cairo_destroy(cr) }
    fonts.painter(cr, tagged: false).draw(page.frame, at: .zero)
    cairo_show_page(cr)
    try check(cairo_status(cr), "draw the page", file.path)
    cairo_surface_finish(surface)
    try check(cairo_surface_status(surface), "write the file", file.path)
    let svg = numberingPageGroupFromOne(sink.bytes)
    file.write(labelled(svg, label))
  }

  /// `svg` with `label`'s `<title>` and `<desc>` right after the root `<svg …>` start tag (and
  /// `role="img"` with `aria-labelledby` on it for a picture); unchanged when it has no such tag.
  static func labelled(_ svg: [UInt8], _ label: SVGLabel) -> [UInt8] {
    guard let end = rootStartTagEnd(svg) else { return svg }
    var head = Array(svg[..<end])
    let desc = label.description
    if label.isImage {
      let ids = desc.isEmpty ? titleID : "\(titleID) \(descID)"
      head += Array(" role=\"img\" aria-labelledby=\"\(ids)\"".utf8)
    }
    var added = "\n<title id=\"\(titleID)\">\(xmlEscaped(label.title))</title>"
    if !desc.isEmpty { added += "\n<desc id=\"\(descID)\">\(xmlEscaped(desc))</desc>" }
    return head + svg[end..<(end + 1)] + Array(added.utf8) + svg[(end + 1)...]
  }

  static let titleID = "pmreport-title"
  static let descID = "pmreport-desc"

  /// The index of the `>` closing the first `<svg` start tag (quoted values skipped); nil when
  /// there is none, or it closes with `/>`.
  static func rootStartTagEnd(_ svg: [UInt8]) -> Int? {
    let open = Array("<svg".utf8)
    guard svg.count > open.count,
      let start = (0...(svg.count - open.count)).first(where: { i in
        svg[i..<(i + open.count)].elementsEqual(open)
      })
    else { return nil }
    var quote: UInt8?
    for i in (start + open.count)..<svg.count {
      let c = svg[i]
      if let q = quote {
        if c == q { quote = nil }
      } else if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
        quote = c
      } else if c == UInt8(ascii: ">") {
        return svg[i - 1] == UInt8(ascii: "/") ? nil : i
      }
    }
    return nil
  }

  /// `text` as XML character data: `&`, `<`, `>` and quotes escaped, characters XML 1.0 forbids
  /// (controls other than tab and line breaks) left out.
  static func xmlEscaped(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
      default:
        let v = scalar.value
        if v >= 0x20 && v != 0xFFFE && v != 0xFFFF { out.unicodeScalars.append(scalar) }
      }
    }
    return out
  }

  /// `svg` with its page group's id `surfaceN` made `surface1`.
  ///
  /// cairo numbers that id from a process-wide counter, so it would depend on how many surfaces
  /// came before (and, with pages written concurrently, on timing); it is the only `surface` id in
  /// our pages and nothing refers to it. A file with any other is returned as it is. (Done before
  /// the title goes in, so a title with the word "surface" cannot hide the id.)
  static func numberingPageGroupFromOne(_ svg: [UInt8]) -> [UInt8] {
    let digits = svg.withUnsafeBytes { pageGroupNumber(in: $0) }
    guard let digits else { return svg }
    var out = svg
    out.replaceSubrange(digits, with: Array("1".utf8))
    return out
  }

  /// Where the digits of the one `id="surfaceN"` are; nil when there is none or more than one
  /// `surface` word.
  static func pageGroupNumber(in svg: UnsafeRawBufferPointer) -> Range<Int>? {
    guard let base = svg.baseAddress else { return nil }
    // memchr for the first byte, memcmp for the rest (Glibc's memmem is not visible to Swift).
    func find(_ needle: String, from start: Int) -> Int? {
      let n = Array(needle.utf8)
      var at = start
      while at + n.count <= svg.count, let hit = memchr(base + at, Int32(n[0]), svg.count - at) {
        let offset = base.distance(to: UnsafeRawPointer(hit))
        if offset + n.count > svg.count { return nil }
        if memcmp(base + offset, n, n.count) == 0 { return offset }
        at = offset + 1
      }
      return nil
    }
    let prefix = "id=\"surface"
    guard let at = find(prefix, from: 0) else { return nil }
    let first = at + prefix.utf8.count
    var end = first
    while end < svg.count, svg[end] >= UInt8(ascii: "0"), svg[end] <= UInt8(ascii: "9") { end += 1 }
    guard end > first, find("surface", from: end) == nil, find("surface", from: 0) == at + 4 else {
      return nil
    }
    return first..<end
  }
}

/// Bytes written by cairo through a stream callback.
final class ByteSink {
  var bytes: [UInt8] = []

  /// A cairo stream function appending to the `ByteSink` passed as its closure.
  static let cairoWriter: cairo_write_func_t = { closure, data, length in
    guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
    Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue().bytes
      .append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
    return CAIRO_STATUS_SUCCESS
  }
}

/// Writes PNG: one image a page at a resolution, on white (or a single page as one file).
///
/// Pages are rasterised on every core at once, each on its own image surface.
public struct PNGExporter: DocumentExporter {
  public var dpi: Double
  public init(dpi: Double) { self.dpi = dpi }

  public func write(_ document: inout RenderDocument, to target: OutputTarget, releasingPages: Bool)
    throws
    -> [FileWritten]
  {
    let dpi = self.dpi
    return try writePages(document, ext: "png", to: target) { _, page, fonts, file in
      try Self.draw(page, dpi: dpi, fonts: fonts, into: file)
    }
  }

  /// Draws `page` at `dpi` into `file` as PNG.
  static func draw(_ page: Page, dpi: Double, fonts: Painting, into file: CheckedFile) throws {
    let scale = dpi / 72
    let w = Int32((page.size.width * scale).rounded())
    let h = Int32((page.size.height * scale).rounded())
    guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h) else {
      throw RenderError.cairo(operation: "create an image", status: "no surface", path: file.path)
    }
    defer { cairo_surface_destroy(surface) }
    try check(cairo_surface_status(surface), "create a \(w)×\(h) image", file.path)
    let cr = try context(on: surface, file.path)
    defer { cairo_destroy(cr) }
    cairo_set_source_rgb(cr, 1, 1, 1)
    cairo_paint(cr)
    cairo_scale(cr, scale, scale)
    fonts.painter(cr, tagged: false).draw(page.frame, at: .zero)
    try check(cairo_status(cr), "draw the page", file.path)
    cairo_surface_flush(surface)
    let status = cairo_surface_write_to_png_stream(
      surface, CheckedFile.cairoWriter, file.cairoClosure)
    if file.firstError == 0 { try check(status, "write the PNG", file.path) }
  }
}

/// What drawing a document's pages needs besides the pages: its palette and the scaled fonts made
/// from it, shared by pages drawn at once.
struct Painting: Sendable {
  let palette: GlyphPalette
  let fonts: ScaledFonts
  let images: ImageStore

  func painter(_ cr: OpaquePointer, tagged: Bool) -> Painter {
    Painter(cr: cr, tagged: tagged, palette: palette, fonts: fonts, images: images)
  }
}

/// Writes a document a page a file (`page-001.<ext>`…): into a fresh folder swapped in for the
/// target folder whole, the pages on every core at once; or its single page as one file.
///
/// What the pages share (cairo's scaled fonts) cairo locks itself, and each file depends on its
/// page alone, so the bytes are those of writing one page after another. The first failing page's
/// error is thrown, and the earlier folder stays.
func writePages(
  _ document: RenderDocument, ext: String, to target: OutputTarget,
  _ drawOne: @escaping @Sendable (Int, Page, Painting, CheckedFile) throws -> Void
) throws -> [FileWritten] {
  let painting = Painting(
    palette: document.palette, fonts: ScaledFonts(palette: document.palette),
    images: document.images)
  let pages = document.pages
  switch target {
  case .file(let path):
    guard pages.count == 1 else {
      throw RenderError.cairo(
        operation: "write \(pages.count) pages as one file", status: "one page expected",
        path: path)
    }
    let started = Clock.now
    let written = try OutputFile.atomically(path) { file in try drawOne(0, pages[0], painting, file)
    }
    return [
      FileWritten(
        path: path, pages: 1, bytes: written.bytes, sha256: written.sha256,
        milliseconds: Clock.milliseconds(since: started))
    ]
  case .pageFolder(let directory):
    return try OutputFile.replacingDirectory(directory) { staging in
      let results = PageResults(count: pages.count)
      DispatchQueue.concurrentPerform(iterations: pages.count) { i in
        let name = pageFileName(i, pageCount: pages.count, ext: ext)
        let started = Clock.now
        let path = (directory as NSString).appendingPathComponent(name)
        do {
          let file = try CheckedFile(
            creating: (staging as NSString).appendingPathComponent(name),
            reportedAs: path)
          try OutputFile.drawing(into: file) { try drawOne(i, pages[i], painting, $0) }
          let (bytes, sha256) = try file.finish()
          results.record(
            i,
            .success(
              FileWritten(
                path: path, pages: 1, bytes: bytes, sha256: sha256,
                milliseconds: Clock.milliseconds(since: started))))
        } catch {
          results.record(i, .failure(error))
        }
      }
      return try results.inOrder()
    }
  }
}

/// The results of pages written concurrently, each in its own slot.
final class PageResults: @unchecked Sendable {
  // @unchecked: every access to `slots` goes through `lock`.
  private let lock = NSLock()
  private var slots: [Result<FileWritten, any Error>?]

  init(count: Int) { slots = Array(repeating: nil, count: count) }

  func record(_ index: Int, _ result: Result<FileWritten, any Error>) {
    lock.lock()
    slots[index] = result
    lock.unlock()
  }

  /// Every page's file in page order; throws the earliest page's error.
  func inOrder() throws -> [FileWritten] {
    lock.lock()
    defer { lock.unlock() }
    return try slots.map { slot in
      guard let slot else {
        throw RenderError.cairo(operation: "write a page", status: "not written", path: "")
      }
      return try slot.get()
    }
  }
}

/// `page-001.svg`: zero-padded to at least three digits, more when there are more pages.
public func pageFileName(_ index: Int, pageCount: Int, ext: String) -> String {
  let digits = max(3, String(pageCount).count)
  let number = String(index + 1)
  return "page-" + String(repeating: "0", count: max(0, digits - number.count)) + number + "." + ext
}

/// A drawing context on `surface` (the caller destroys it).
func context(on surface: OpaquePointer, _ path: String) throws -> OpaquePointer {
  guard let cr = cairo_create(surface) else {
    throw RenderError.cairo(operation: "create a drawing context", status: "no context", path: path)
  }
  try check(cairo_status(cr), "create a drawing context", path)
  return cr
}

/// Throws when `status` is not success.
func check(_ status: cairo_status_t, _ operation: String, _ path: String) throws {
  guard status != CAIRO_STATUS_SUCCESS else { return }
  throw RenderError.cairo(
    operation: operation, status: String(cString: cairo_status_to_string(status)), path: path)
}

/// Monotonic time for the per-file timings.
enum Clock {
  static var now: UInt64 { DispatchTime.now().uptimeNanoseconds }
  static func milliseconds(since start: UInt64) -> Int { Int((now - start) / 1_000_000) }
}
