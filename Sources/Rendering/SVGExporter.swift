import CCairo
import Foundation
import Frames
import Geometry
import Storage

/// Writes SVG: one file a page (cairo's SVG surface keeps only its last page), or a single page
/// as one file (a standalone chart).
///
/// Pages are written on every core at once, each with its own SVG surface: the ids cairo writes
/// (clips, glyphs, patterns) are numbered per surface, so each file's bytes depend on its page alone.
public struct SVGExporter: DocumentExporter {
  public init() {}

  public func write(
    _ document: inout RenderDocument, into sink: any ExportSink, releasingPages: Bool
  ) throws {
    let labels = document.svgLabels
    let title = document.info.title
    try writePages(document, ext: "svg", into: sink) { index, page, fonts, file in
      let label = labels.indices.contains(index) ? labels[index] : SVGLabel(title: title)
      try Self.draw(page, label: label, fonts: fonts, into: file)
    }
  }

  /// Draws `page` as SVG into `file`, with `label`'s title and description.
  static func draw(_ page: Page, label: SVGLabel, fonts: Painting, into file: CheckedFile) throws {
    file.write(try drawn(page, label: label, fonts: fonts, reportedAs: file.path))
  }

  /// `page` as an SVG file's bytes, with `label`'s title and description; messages name it
  /// `path`.
  static func drawn(_ page: Page, label: SVGLabel, fonts: Painting, reportedAs path: String)
    throws -> [UInt8]
  {
    let stream = BytesInMemory()
    guard
      let surface = cairo_svg_surface_create_for_stream(
        BytesInMemory.cairoWriter, Unmanaged.passUnretained(stream).toOpaque(),
        page.size.width, page.size.height)
    else {
      throw RenderError.cairo(operation: "create an SVG surface", status: "no surface", path: path)
    }
    defer { cairo_surface_destroy(surface) }
    cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PT)
    let cr = try context(on: surface, path)
    defer { cairo_destroy(cr) }
    fonts.painter(cr, tagged: false).draw(page.frame, at: .zero)
    cairo_show_page(cr)
    try check(cairo_status(cr), "draw the page", path)
    cairo_surface_finish(surface)
    try check(cairo_surface_status(surface), "write the file", path)
    return labelled(numberingPageGroupFromOne(stream.bytes), label)
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
    var added = "\n<title id=\"\(titleID)\">\(XMLText.escaped(label.title))</title>"
    if !desc.isEmpty { added += "\n<desc id=\"\(descID)\">\(XMLText.escaped(desc))</desc>" }
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
