import CCairo
import Foundation
import Frames
import Storage

/// A print file drawn as its pages come (a run's merged copies, `<document>-all.pdf`): cairo
/// writes each page's content at the end of the page, so neither the pages drawn nor the file is
/// held until the last page; only the fonts' subsets wait for the end of the file.
///
/// The pages are drawn untagged: the file has no structure tree, links, named destinations or
/// outline, and claims no standard (a print file, like a booklet or `gather --merge`'s joined
/// file). It keeps the Info dictionary's metadata (the dates as cairo 1.16 writes them, without
/// the `D:` the finisher adds elsewhere: the date must be given, or cairo stamps the clock) and,
/// with crop marks, the trim and bleed boxes,
/// which qpdf sets on the untagged file (cairo 1.16 cannot), holding only that file's objects.
public final class PrintPDFStream {
  private let surface: OpaquePointer
  private let cr: OpaquePointer
  private let fonts: ScaledFonts
  /// The file's name in messages.
  private let path: String
  /// The pages drawn so far.
  public private(set) var pageCount = 0

  /// A stream writing through cairo's `writer` with `closure`, its Info dictionary from `info`.
  private init(
    writer: cairo_write_func_t, closure: UnsafeMutableRawPointer, info: DocumentInfo,
    palette: GlyphPalette, path: String
  ) throws {
    _ = DeflateMemo.on
    // Each page sets its own size before it is drawn; this one is never used.
    guard let surface = cairo_pdf_surface_create_for_stream(writer, closure, 595, 842) else {
      throw RenderError.cairo(operation: "create a PDF surface", status: "no surface", path: path)
    }
    let cr: OpaquePointer
    do {
      try check(cairo_surface_status(surface), "create a PDF surface", path)
      cr = try context(on: surface, path)
    } catch {
      cairo_surface_destroy(surface)
      throw error
    }
    self.surface = surface
    self.cr = cr
    fonts = ScaledFonts(palette: palette)
    self.path = path
    PDFExporter.setMetadata(surface, info)
  }

  deinit {
    cairo_destroy(cr)
    cairo_surface_destroy(surface)
  }

  /// Draws `pages` one after another, each written out before the next is drawn; `palette` is
  /// the text engine's as it is now (grown since the pages before were laid out), `images` the
  /// decoded images these pages name.
  public func draw(_ pages: [Page], palette: GlyphPalette, images: ImageStore) throws {
    fonts.grow(to: palette)
    let painter = Painter(cr: cr, tagged: false, palette: palette, fonts: fonts, images: images)
    for page in pages {
      cairo_pdf_surface_set_size(surface, page.size.width, page.size.height)
      painter.draw(page.frame, at: .zero)
      cairo_show_page(cr)
      pageCount += 1
      try check(cairo_status(cr), "draw page \(pageCount)", path)
    }
  }

  /// Ends the file: cairo writes the fonts' subsets, the page tree and the trailer.
  private func finish() throws -> Int {
    cairo_surface_finish(surface)
    try check(cairo_status(cr), "finish the document", path)
    try check(cairo_surface_status(surface), "write the file", path)
    return pageCount
  }

  /// Writes the print file `path`, recorded as a `pdf` file of `document`, with the pages `draw`
  /// hands the stream it is given; returns the file written (whole or not at all).
  ///
  /// Without `printBoxes` cairo writes straight into the file. With them, into
  /// ``ScratchBytes`` (memory up to `inMemoryLimit`, then a scratch file), which
  /// ``PDFFinisher`` reads to set the boxes.
  public static func write(
    to path: String, recordedAs document: String, info: DocumentInfo, palette: GlyphPalette,
    printBoxes: PrintBoxes?, inMemoryLimit: Int = PDFExporter.inMemoryLimit,
    _ draw: (PrintPDFStream) throws -> Void
  ) throws -> [WrittenFile] {
    try RecordingSink.writing(to: .file(path), recordedAs: document, format: "pdf") { sink in
      try sink.document { file in
        // The pages drawn through cairo's `writer` with `closure`, the file finished.
        func pages(writer: cairo_write_func_t, closure: UnsafeMutableRawPointer) throws -> Int {
          let stream = try PrintPDFStream(
            writer: writer, closure: closure, info: info, palette: palette, path: path)
          try draw(stream)
          return try stream.finish()
        }
        guard let printBoxes else {
          return try pages(writer: CheckedFile.cairoWriter, closure: file.cairoClosure)
        }
        let (count, drawn) = try PDFExporter.drawn(for: path, limit: inMemoryLimit) { scratch in
          try pages(writer: ScratchBytes.cairoWriter, closure: scratch.cairoClosure)
        }
        try PDFFinisher(
          info: info, standards: [], marks: MarkedContentLog(), printBoxes: printBoxes,
          destinationTitles: [:], path: path, isPrintFile: true
        )
        .finish(drawn, into: file)
        return count
      }
    }
  }
}
