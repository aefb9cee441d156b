import CFinisher
import Foundation
import Geometry
import Storage

/// Completes a PDF cairo wrote, in memory, with what cairo 1.16 cannot write, then writes the
/// result into a ``CheckedFile``.
///
/// Through qpdf, in C++ (``FinisherPDF``, the `CFinisher` target): the catalog's `/Lang`,
/// `/ViewerPreferences << /DisplayDocTitle true >>` and `/MarkInfo << /Marked true >>`; an XMP
/// `/Metadata` stream with the Info dictionary's values, the identification of the standards the
/// file meets and document and instance ids derived from the SHA-256 of the pages' content; the
/// structure tree completed (`Private` elements removed, each `Figure`'s `/Alt`, each `Div`'s
/// `/Lang`, each `TH`'s `/Scope`) and the page furniture's marked content rewritten from cairo's
/// `/Private` to `/Artifact` (the `CArtifacts` target: qpdf's C++ tokenizer); `/Tabs /S` on every
/// page with annotations, a `/Contents` on every link without one and the print flag on every
/// annotation; for PDF/A-2b, an sRGB output intent. qpdf writes the file with a deterministic
/// trailer `/ID`, so equal input gives equal bytes.
struct PDFFinisher {
  /// The document's metadata (title, language, date…).
  var info: DocumentInfo
  /// The standards the file claims to meet.
  var standards: PDFStandards
  /// The alternate text of each figure, and the language of each passage in another language, in
  /// document order.
  var marks: MarkedContentLog
  /// The trim and bleed boxes every page gets, if any.
  var printBoxes: PrintBoxes?
  /// Named destinations' titles (a heading's text by its anchor name), for link descriptions.
  var destinationTitles: [String: String]
  /// The file's name in messages.
  var path: String
  /// The viewer opens the file full screen (`/PageMode /FullScreen`: a deck of slides).
  var opensFullScreen = false
  /// A print file drawn untagged, claiming no standard (``PrintPDFStream``): only its print boxes
  /// are set.
  var isPrintFile = false

  /// Reads the PDF cairo wrote (`drawn`: in memory, or in a scratch file), completes it and
  /// writes the result to `file`; throws a ``RenderError/pdf`` for any error qpdf reports.
  ///
  /// In memory, qpdf reads the bytes where they are and writes into memory too; from a file, it
  /// writes into a file (``write(_:into:inMemory:)``).
  func finish(_ drawn: ScratchBytes.Contents, into file: CheckedFile) throws {
    switch drawn {
    case .memory(let bytes):
      try bytes.withUnsafeBytes { raw in
        try finish(
          FinisherPDF(bytes: raw, keeping: bytes, file: nil, path: path), into: file,
          inMemory: true)
      }
    case .file(let scratch):
      try finish(
        FinisherPDF(bytes: nil, keeping: nil, file: scratch.path, path: path), into: file,
        inMemory: false)
    }
  }

  /// Completes the PDF qpdf read and writes it to `file`.
  private func finish(_ pdf: FinisherPDF, into file: CheckedFile, inMemory: Bool) throws {
    try complete(pdf)
    try write(pdf, into: file, inMemory: inMemory)
  }

  /// qpdf writes the finished file into memory (`inMemory`) or into a scratch file (a long
  /// document's copy in memory, and the buffers qpdf grows it in, would add to the peak), which is
  /// then copied into `file`, the checked writer, and removed.
  private func write(_ pdf: FinisherPDF, into file: CheckedFile, inMemory: Bool) throws {
    let finished = inMemory ? nil : ScratchFile("qpdf", for: path)
    var bytes: UnsafePointer<UInt8>?
    var count = 0
    try pdf.step { pmreport_pdf_write($0, finished?.path, &bytes, &count, $1) }
    guard let finished else {
      guard let bytes else {
        throw RenderError.pdf(operation: "write the PDF", reason: "qpdf gave no bytes", path: path)
      }
      file.write(UnsafeRawBufferPointer(start: bytes, count: count))
      return
    }
    try file.write(contentsOf: finished.path)
  }

  /// Completes the structure tree, the print boxes, the pages, the catalog, the Info dictionary
  /// and adds the XMP stream.
  private func complete(_ pdf: FinisherPDF) throws {
    guard !isPrintFile else { return try setPrintBoxes(pdf) }
    try marks.figureAlts.withCStrings { alts in
      try marks.divisionLangs.withCStrings { langs in
        try pdf.step {
          pmreport_pdf_complete_structure($0, alts, alts.count, langs, langs.count, $1)
        }
      }
    }
    try setPrintBoxes(pdf)
    let contentHash = try pages(pdf)
    try pdf.step { pmreport_pdf_complete_catalog($0, info.language, opensFullScreen ? 1 : 0, $1) }
    var producer: UnsafeMutablePointer<CChar>?
    defer { free(producer) }
    try pdf.step { pmreport_pdf_complete_info($0, &producer, $1) }
    let xmp = Array(
      XMPPacket(
        info: info, producer: producer.map { String(cString: $0) } ?? "cairo",
        standards: standards, contentHash: contentHash
      ).text.utf8)
    try xmp.withUnsafeBufferPointer { bytes in
      try pdf.step { pmreport_pdf_add_metadata($0, bytes.baseAddress, bytes.count, $1) }
    }
    if standards.contains(.a2b) {
      try addOutputIntent(pdf)
    }
  }

  /// Sets the trim and bleed boxes on every page, when the file has them.
  private func setPrintBoxes(_ pdf: FinisherPDF) throws {
    guard let printBoxes else { return }
    let trim = printBoxes.trim.corners
    let bled = printBoxes.bled.corners
    try pdf.step { pmreport_pdf_set_print_boxes($0, trim, bled, $1) }
  }

  /// The catalog's `/OutputIntents`: one `GTS_PDFA1` intent with the sRGB profile, which every
  /// colour cairo writes (DeviceRGB) is then read in.
  private func addOutputIntent(_ pdf: FinisherPDF) throws {
    guard let profile = FileManager.default.contents(atPath: PDFStandards.sRGBProfilePath) else {
      throw RenderError.missingResource(
        what: "the sRGB colour profile PDF/A-2b embeds", path: PDFStandards.sRGBProfilePath,
        package: "icc-profiles-free")
    }
    try profile.withUnsafeBytes { bytes in
      try pdf.step {
        pmreport_pdf_add_output_intent(
          $0, bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), bytes.count, $1)
      }
    }
  }

  /// Walks the pages; returns the SHA-256 of every page's content as cairo wrote it, in page order.
  ///
  /// The furniture's marked content becomes `/Artifact` (as many sequences as the structure tree
  /// lost `Private` MCIDs on the page, or the file is wrong); pages with annotations get
  /// `/Tabs /S`, link descriptions and print flags.
  private func pages(_ pdf: FinisherPDF) throws -> [UInt8] {
    let pass = PagePass(destinationTitles: destinationTitles)
    var delegate = pmreport_pdf_pages_delegate(
      context: Unmanaged.passUnretained(pass).toOpaque(),
      content: { context, bytes, count in
        guard let context else { return }
        PagePass.from(context).checksum.update(UnsafeRawBufferPointer(start: bytes, count: count))
      },
      describe: { context, kind, value in
        guard let context else { return nil }
        return strdup(PagePass.from(context).description(kind, value.map { String(cString: $0) }))
      })
    try withExtendedLifetime(pass) {
      try pdf.step { pmreport_pdf_complete_pages($0, &delegate, $1) }
    }
    return pass.checksum.digest()
  }
}

/// What the page walk hands back to Swift: each page's content, hashed, and the descriptions of
/// links without one.
private final class PagePass {
  let checksum = SHA256()
  /// Named destinations' titles (a heading's text by its anchor name).
  let destinationTitles: [String: String]

  init(destinationTitles: [String: String]) {
    self.destinationTitles = destinationTitles
  }

  /// The pass a delegate function was given as its context.
  static func from(_ context: UnsafeMutableRawPointer) -> PagePass {
    Unmanaged<PagePass>.fromOpaque(context).takeUnretainedValue()
  }

  /// A link's `/Contents`: the URI for a URI action; "Go to <title>" for a named destination (its
  /// name when no title is known), "Go to page" for an explicit one.
  func description(_ kind: pmreport_pdf_link, _ value: String?) -> String {
    switch kind {
    case pmreport_pdf_link_uri: return value ?? ""
    case pmreport_pdf_link_name: return destination(value.map { String($0.dropFirst()) })
    case pmreport_pdf_link_string: return destination(value)
    default: return destination(nil)
    }
  }

  private func destination(_ name: String?) -> String {
    guard let name else { return "Go to page" }
    return "Go to \(destinationTitles[name] ?? name)"
  }
}

extension Rect {
  /// Min x, min y, max x, max y: a rectangle as `CFinisher` takes it.
  fileprivate var corners: [Double] { [minX, minY, maxX, maxY] }
}
