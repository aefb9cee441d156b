import CCairo
import Foundation
import Geometry
import Pagination

/// Metadata written into a PDF.
public struct DocumentInfo: Sendable {
    public var title: String
    public var author: String
    public var subject: String
    public var keywords: [String]
    public var creator: String
    /// Creation and modification date (UTC); from `SOURCE_DATE_EPOCH` when set, for reproducible bytes.
    public var date: Date
    public init(title: String, author: String, subject: String, keywords: [String], creator: String, date: Date) {
        self.title = title; self.author = author; self.subject = subject; self.keywords = keywords
        self.creator = creator; self.date = date
    }
}

// MARK: - PDF

/// Writes pages as one PDF: tagged structure, named destinations, outline and metadata.
public enum PDFExporter {
    /// Writes `pages` to `path` atomically. `outline` lists the headings (anchors with an outline
    /// level) in document order. Returns the file size in bytes.
    @discardableResult
    public static func write(_ pages: [Page], info: DocumentInfo, outline: [Anchor], to path: String) throws -> Int {
        var pages = pages
        return try write(&pages, releasingDrawnPages: false, info: info, outline: outline, to: path)
    }

    /// Writes `pages` as above; with `releasingDrawnPages`, each page's frame is emptied once it is
    /// drawn, so a long document's lines are freed while cairo writes rather than held to the end.
    @discardableResult
    public static func write(_ pages: inout [Page], releasingDrawnPages: Bool, info: DocumentInfo,
                             outline: [Anchor], to path: String) throws -> Int {
        try OutputFile.atomically(path) { temp in
            let first = pages.first?.size ?? Size(width: 595, height: 842)
            guard let surface = cairo_pdf_surface_create(temp, first.width, first.height) else {
                throw RenderError.cairo(operation: "create a PDF surface", status: "no surface", path: path)
            }
            defer { cairo_surface_destroy(surface) }
            try check(cairo_surface_status(surface), "create a PDF surface", path)
            setMetadata(surface, info)
            let cr = cairo_create(surface)!
            defer { cairo_destroy(cr) }
            let painter = Painter(cr: cr, tagged: true)
            cairo_tag_begin(cr, "Document", "")
            for i in pages.indices {  // by index: an iterator would hold every page until the end
                let page = pages[i]
                if i > 0 { cairo_pdf_surface_set_size(surface, page.size.width, page.size.height) }
                painter.draw(page.frame, at: .zero)
                cairo_show_page(cr)
                try check(cairo_status(cr), "draw page \(i + 1)", path)
                if releasingDrawnPages { pages[i].frame = Frame(size: page.size) }
            }
            cairo_tag_end(cr, "Document")
            addOutline(surface, outline)
            cairo_surface_finish(surface)
            try check(cairo_status(cr), "finish the document", path)
            try check(cairo_surface_status(surface), "write the file", path)
            return OutputFile.size(temp)
        }
    }

    private static func setMetadata(_ surface: OpaquePointer, _ info: DocumentInfo) {
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, info.title)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, info.author)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, info.subject)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_KEYWORDS, info.keywords.joined(separator: ", "))
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, info.creator)
        let stamp = iso8601(info.date)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, stamp)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, stamp)
    }

    /// `YYYY-MM-DDThh:mm:ssZ` in UTC, as Cairo expects.
    static func iso8601(_ date: Date) -> String {
        UTCDateTime(date).iso8601
    }

    /// The outline mirrors the heading tree: each entry's parent is the nearest earlier, shallower one.
    private static func addOutline(_ surface: OpaquePointer, _ anchors: [Anchor]) {
        var parents: [(level: Int, id: Int32)] = []
        for anchor in anchors {
            guard let level = anchor.outlineLevel else { continue }
            while let last = parents.last, last.level >= level { parents.removeLast() }
            let parent = parents.last?.id ?? Int32(CAIRO_PDF_OUTLINE_ROOT)
            let id = cairo_pdf_surface_add_outline(surface, parent, anchor.title,
                                                   "dest='\(Painter.escape(anchor.name))'",
                                                   level == 1 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : cairo_pdf_outline_flags_t(0))
            parents.append((level, id))
        }
    }
}

// MARK: - SVG and PNG

/// Writes one SVG file a page (Cairo's SVG surface keeps only its last page).
///
/// Pages are written on every core at once, each with its own SVG surface: the ids cairo writes
/// (clips, glyphs, patterns) are numbered per surface, so each file's bytes depend on its page alone.
public enum SVGExporter {
    /// Writes `pages` as `page-001.svg`… into `directory`, replacing the folder whole. Returns the paths.
    public static func write(_ pages: [Page], toDirectory directory: String) throws -> [String] {
        try writePageFiles(pages, ext: "svg", toDirectory: directory) { page, path in try writeSVG(page, to: path) }
    }
}

extension SVGExporter {
    /// Writes one page to `path` with its own SVG surface (not atomically: callers write into a
    /// staging folder or a temporary file).
    static func writeSVG(_ page: Page, to path: String) throws {
        let sink = ByteSink()
        let write: cairo_write_func_t = { closure, data, length in
            guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
            Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue().bytes
                .append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
            return CAIRO_STATUS_SUCCESS
        }
        guard let surface = cairo_svg_surface_create_for_stream(write, Unmanaged.passUnretained(sink).toOpaque(),
                                                                page.size.width, page.size.height) else {
            throw RenderError.cairo(operation: "create an SVG surface", status: "no surface", path: path)
        }
        defer { cairo_surface_destroy(surface) }
        cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PT)
        let cr = cairo_create(surface)!
        defer { cairo_destroy(cr) }
        Painter(cr: cr, tagged: false).draw(page.frame, at: .zero)
        cairo_show_page(cr)
        try check(cairo_status(cr), "draw the page", path)
        cairo_surface_finish(surface)
        try check(cairo_surface_status(surface), "write the file", path)
        try writeNumberingPageGroupFromOne(sink.bytes, to: path)
    }

    /// Writes `svg` to `path` with its page group's id `surfaceN` made `surface1`. cairo numbers that
    /// id from a process-wide counter, so it would depend on how many surfaces came before (and, with
    /// pages written concurrently, on timing); it is the only `surface` id in our pages and nothing
    /// refers to it. A file with any other is written as it is.
    static func writeNumberingPageGroupFromOne(_ svg: [UInt8], to path: String) throws {
        guard let file = fopen(path, "wb") else {
            throw RenderError.io(path: path, reason: String(cString: strerror(errno)))
        }
        var ok = true
        svg.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            func put(_ range: Range<Int>) { if !range.isEmpty, fwrite(base + range.lowerBound, 1, range.count, file) != range.count { ok = false } }
            let digits = pageGroupNumber(in: raw)
            if let digits {
                put(0..<digits.lowerBound)
                if fputs("1", file) < 0 { ok = false }
                put(digits.upperBound..<raw.count)
            } else {
                put(0..<raw.count)
            }
        }
        if fclose(file) != 0 { ok = false }
        if !ok { throw RenderError.io(path: path, reason: "cannot write the file") }
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
        guard end > first, find("surface", from: end) == nil, find("surface", from: 0) == at + 4 else { return nil }
        return first..<end
    }
}

/// Bytes written by cairo through a stream callback.
private final class ByteSink {
    var bytes: [UInt8] = []
}

/// Writes one PNG file a page at a given resolution, on white.
///
/// Pages are rasterised on every core at once, each on its own image surface.
public enum PNGExporter {
    /// Writes `pages` as `page-001.png`… into `directory` at `dpi`, replacing the folder whole.
    public static func write(_ pages: [Page], dpi: Double, toDirectory directory: String) throws -> [String] {
        try writePageFiles(pages, ext: "png", toDirectory: directory) { page, path in
            try writePNG(page, dpi: dpi, to: path)
        }
    }

    /// Writes one page to `path` (not atomically: callers write into a staging folder).
    static func writePNG(_ page: Page, dpi: Double, to path: String) throws {
        let scale = dpi / 72
        let w = Int32((page.size.width * scale).rounded()), h = Int32((page.size.height * scale).rounded())
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h) else {
            throw RenderError.cairo(operation: "create an image", status: "no surface", path: path)
        }
        defer { cairo_surface_destroy(surface) }
        try check(cairo_surface_status(surface), "create a \(w)×\(h) image", path)
        let cr = cairo_create(surface)!
        defer { cairo_destroy(cr) }
        cairo_set_source_rgb(cr, 1, 1, 1)
        cairo_paint(cr)
        cairo_scale(cr, scale, scale)
        Painter(cr: cr, tagged: false).draw(page.frame, at: .zero)
        try check(cairo_status(cr), "draw the page", path)
        cairo_surface_flush(surface)
        try check(cairo_surface_write_to_png(surface, path), "write the PNG", path)
    }
}

/// Writes a file a page (`page-001.<ext>`…) into a fresh folder swapped in for `directory` whole,
/// the pages on every core at once; returns the final paths. What the pages share (cairo's scaled
/// fonts) cairo locks itself, and each file depends on its page alone, so the bytes are those of
/// writing one page after another. The first failing page's error is thrown.
func writePageFiles(_ pages: [Page], ext: String, toDirectory directory: String,
                    _ writeOne: @escaping @Sendable (Page, String) throws -> Void) throws -> [String] {
    try OutputFile.replacingDirectory(directory) { staging in
        let failures = PageFailures()
        DispatchQueue.concurrentPerform(iterations: pages.count) { i in
            let path = (staging as NSString).appendingPathComponent(pageFileName(i, pageCount: pages.count, ext: ext))
            do { try writeOne(pages[i], path) } catch { failures.record(error, page: i) }
        }
        if let first = failures.first { throw first }
        return pages.indices.map {
            (directory as NSString).appendingPathComponent(pageFileName($0, pageCount: pages.count, ext: ext))
        }
    }
}

/// The errors of pages written concurrently; the first page's error is the one reported.
final class PageFailures: @unchecked Sendable {
    // @unchecked: every access to `errors` goes through `lock`.
    private let lock = NSLock()
    private var errors: [(page: Int, error: any Error)] = []

    func record(_ error: any Error, page: Int) {
        lock.lock(); errors.append((page, error)); lock.unlock()
    }

    /// The error of the earliest page that failed.
    var first: (any Error)? {
        lock.lock(); defer { lock.unlock() }
        return errors.min { $0.page < $1.page }?.error
    }
}

/// Writes a single page — a standalone chart — as PDF, SVG or PNG, atomically.
public enum SinglePageExporter {
    /// Writes `page` as a one-page PDF; returns its size in bytes.
    public static func writePDF(_ page: Page, info: DocumentInfo, to path: String) throws -> Int {
        try PDFExporter.write([page], info: info, outline: [], to: path)
    }

    /// Writes `page` as an SVG file; returns its size in bytes.
    public static func writeSVG(_ page: Page, to path: String) throws -> Int {
        try OutputFile.atomically(path) { temp in
            try SVGExporter.writeSVG(page, to: temp)
            return OutputFile.size(temp)
        }
    }

    /// Writes `page` as a PNG image at `dpi`; returns its size in bytes.
    public static func writePNG(_ page: Page, dpi: Double, to path: String) throws -> Int {
        try OutputFile.atomically(path) { temp in
            try PNGExporter.writePNG(page, dpi: dpi, to: temp)
            return OutputFile.size(temp)
        }
    }
}

/// `page-001.svg`: zero-padded to at least three digits, more when there are more pages.
public func pageFileName(_ index: Int, pageCount: Int, ext: String) -> String {
    let digits = max(3, String(pageCount).count)
    let number = String(index + 1)
    return "page-" + String(repeating: "0", count: max(0, digits - number.count)) + number + "." + ext
}

/// Throws when `status` is not success.
func check(_ status: cairo_status_t, _ operation: String, _ path: String) throws {
    guard status != CAIRO_STATUS_SUCCESS else { return }
    throw RenderError.cairo(operation: operation, status: String(cString: cairo_status_to_string(status)), path: path)
}
