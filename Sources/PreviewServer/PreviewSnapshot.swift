import Frames
import PMReportKit
import Rendering

/// One build as the preview shows it, never changed once made: the documents' pages (from the
/// last good build), each page's version, and the diagnostics of the build that failed since.
struct PreviewSnapshot: Sendable {
  /// Counts the snapshots published (a build publishes one a document laid out, and one for its
  /// errors), from 1; 0 before the first.
  var generation = 0
  /// How long the last good build took from the save to its pages ready.
  var milliseconds = 0
  var documents: [PreviewDocument] = []
  /// Every error of the last build, each as pmreport prints it; empty when it was good.
  var diagnostics: [String] = []

  /// The document named `name`; nil when the build has none.
  func document(_ name: String) -> PreviewDocument? { documents.first { $0.name == name } }
}

/// A document's pages in a snapshot.
struct PreviewDocument: Sendable {
  var name: String
  var title: String
  /// Draws the pages (lazily: only those a browser asks for).
  var drawer: PageDrawer
  /// Each page's version: its fingerprint in hexadecimal (the same for a page that did not
  /// change, so a browser's copy stays).
  var versions: [String]
  /// A deck's slides, notes and plan (the present view's); nil for any other kind.
  var presentation: SlidePresentation?

  init(_ laidOut: DocumentForPreview) {
    name = laidOut.name
    title = laidOut.title
    presentation = laidOut.presentation
    drawer = PageDrawer(laidOut.document)
    versions = laidOut.document.pages.fingerprints(palette: laidOut.document.palette).map {
      String(UInt(bitPattern: $0), radix: 16)
    }
  }

  /// Whether `page` (1-based) is one of the document's.
  func has(page: Int) -> Bool { versions.indices.contains(page - 1) }
}
