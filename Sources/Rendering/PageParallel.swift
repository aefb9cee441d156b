import Foundation
import Frames
import Storage

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

/// Draws a document a page a file (`page-001.<ext>`…) into `sink`, the pages on every core at once.
///
/// What the pages share (cairo's scaled fonts and their FreeType faces) cairo locks itself; the
/// faces are the drawing's own, which cairo never closes (`pmreport_drawing_font_face`: cairo 1.16
/// closed another thread's face in use past 10 open faces), and each file depends on its page
/// alone, so the bytes are those of writing one page after another. The first failing page's error is thrown.
func writePages(
  _ document: RenderDocument, ext: String, into sink: any ExportSink,
  _ drawOne: @escaping @Sendable (Int, Page, Painting, CheckedFile) throws -> Void
) throws {
  let painting = Painting(
    palette: document.palette, fonts: ScaledFonts(palette: document.palette),
    images: document.images)
  let pages = document.pages
  let failures = PageFailures(count: pages.count)
  DispatchQueue.concurrentPerform(iterations: pages.count) { i in
    do {
      try sink.page(i, of: pages.count, ext: ext) { try drawOne(i, pages[i], painting, $0) }
    } catch {
      failures.record(i, error)
    }
  }
  try failures.throwEarliest()
}

/// The errors of pages written concurrently, each in its page's slot.
final class PageFailures: @unchecked Sendable {
  // @unchecked: every access to `slots` goes through `lock`.
  private let lock = NSLock()
  private var slots: [(any Error)?]

  init(count: Int) { slots = Array(repeating: nil, count: count) }

  func record(_ index: Int, _ error: any Error) {
    lock.lock()
    slots[index] = error
    lock.unlock()
  }

  /// Throws the earliest page's error, if any page failed.
  func throwEarliest() throws {
    lock.lock()
    defer { lock.unlock() }
    if let error = slots.lazy.compactMap({ $0 }).first { throw error }
  }
}
