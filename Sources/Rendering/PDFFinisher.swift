import CArtifacts
import CQPDF
import Foundation
import Storage

/// Completes a PDF cairo wrote, in memory, with what cairo 1.16 cannot write, then writes the
/// result into a ``CheckedFile``.
///
/// Through libqpdf's C API: the catalog's `/Lang`, `/ViewerPreferences << /DisplayDocTitle true >>`
/// and `/MarkInfo << /Marked true >>`; an XMP `/Metadata` stream with the Info dictionary's values,
/// the identification of the standards the file meets and document and instance ids derived from
/// the SHA-256 of the pages' content; the structure tree completed (``PDFStructure``) and the page
/// furniture's marked content rewritten from cairo's `/Private` to `/Artifact` (the `CArtifacts`
/// target: qpdf's C++ tokenizer, which the C API lacks); `/Tabs /S` on every page with
/// annotations, a `/Contents` on every link without one and the print flag on every annotation;
/// for PDF/A-2b, an sRGB output intent. qpdf writes the file with a deterministic trailer `/ID`, so
/// equal input gives equal bytes.
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
      try bytes.withUnsafeBytes { bytes in
        try finish(into: file, inMemory: true) { q in
          qpdf_read_memory(
            q, path, bytes.baseAddress?.assumingMemoryBound(to: CChar.self), UInt64(bytes.count),
            nil)
        }
      }
    case .file(let scratch):
      try finish(into: file, inMemory: false) { q in qpdf_read(q, scratch.path, nil) }
    }
  }

  /// Starts qpdf, has `read` give it cairo's PDF (qpdf may read from it until it is cleaned up,
  /// before this returns), completes the PDF and writes it to `file`.
  private func finish(
    into file: CheckedFile, inMemory: Bool, reading read: (qpdf_data) -> Void
  ) throws {
    var handle = qpdf_init()
    guard let q = handle else {
      throw RenderError.pdf(operation: "start", reason: "qpdf_init gave nothing", path: path)
    }
    defer { qpdf_cleanup(&handle) }
    QPDFHandle.quiet(q)
    read(q)
    try check(q, "read cairo's PDF")
    try complete(q)
    try write(q, into: file, inMemory: inMemory)
  }

  /// qpdf writes the finished file into memory (`inMemory`) or into a scratch file (a long
  /// document's copy in memory, and the buffers qpdf grows it in, would add to the peak), which is
  /// then copied into `file`, the checked writer, and removed.
  private func write(_ q: qpdf_data, into file: CheckedFile, inMemory: Bool) throws {
    let finished = inMemory ? nil : ScratchFile("qpdf", for: path)
    if let finished {
      qpdf_init_write(q, finished.path)
    } else {
      qpdf_init_write_memory(q)
    }
    try check(q, "start writing")
    // Streams already compressed (cairo's, the rewritten pages') are written as they are.
    qpdf_set_decode_level(q, qpdf_dl_none)
    qpdf_set_deterministic_ID(q, QPDF_BOOL(1))
    qpdf_write(q)
    try check(q, "write the PDF")
    guard let finished else {
      let count = Int(qpdf_get_buffer_length(q))
      guard let buffer = qpdf_get_buffer(q) else {
        throw RenderError.pdf(operation: "write the PDF", reason: "qpdf gave no bytes", path: path)
      }
      file.write(UnsafeRawBufferPointer(start: buffer, count: count))
      return
    }
    try file.write(contentsOf: finished.path)
  }

  /// Adds the catalog keys, the pages' tab order and link descriptions, and the XMP stream.
  private func complete(_ q: qpdf_data) throws {
    guard !isPrintFile else { return try setPrintBoxes(q) }
    let artifacts = try PDFStructure(
      q: q, figureAlts: marks.figureAlts, divisionLangs: marks.divisionLangs, path: path
    ).complete()
    try check(q, "complete the structure tree")
    try setPrintBoxes(q)
    // Releases every handle as it goes: the catalog's is taken after.
    let contentHash = try pages(q, artifacts: artifacts)
    let root = qpdf_get_root(q)
    try check(q, "find the catalog")
    qpdf_oh_replace_key(q, root, "/Lang", qpdf_oh_new_unicode_string(q, info.language))
    setFlag(q, in: root, "/ViewerPreferences", key: "/DisplayDocTitle")
    setFlag(q, in: root, "/MarkInfo", key: "/Marked")
    if opensFullScreen {
      qpdf_oh_replace_key(q, root, "/PageMode", qpdf_oh_new_name(q, "/FullScreen"))
    }
    try check(q, "set the catalog's keys")
    let producer = infoValue(q, "/Producer") ?? "cairo"
    datePrefixes(q)
    try check(q, "read the Info dictionary")
    let xmp = Array(
      XMPPacket(info: info, producer: producer, standards: standards, contentHash: contentHash)
        .text.utf8)
    let stream = qpdf_oh_new_stream(q)
    xmp.withUnsafeBufferPointer { bytes in
      qpdf_oh_replace_stream_data(
        q, stream, bytes.baseAddress, bytes.count, qpdf_oh_new_null(q), qpdf_oh_new_null(q))
    }
    let dictionary = qpdf_oh_get_dict(q, stream)
    qpdf_oh_replace_key(q, dictionary, "/Type", qpdf_oh_new_name(q, "/Metadata"))
    qpdf_oh_replace_key(q, dictionary, "/Subtype", qpdf_oh_new_name(q, "/XML"))
    qpdf_oh_replace_key(q, root, "/Metadata", stream)
    try check(q, "add the XMP metadata")
    if standards.contains(.a2b) {
      try addOutputIntent(q, root)
    }
  }

  /// Sets the trim and bleed boxes on every page, when the file has them.
  private func setPrintBoxes(_ q: qpdf_data) throws {
    guard let printBoxes else { return }
    printBoxes.apply(q)
    try check(q, "set the trim and bleed boxes")
  }

  /// The catalog's `/OutputIntents`: one `GTS_PDFA1` intent with the sRGB profile, which every
  /// colour cairo writes (DeviceRGB) is then read in.
  private func addOutputIntent(_ q: qpdf_data, _ root: qpdf_oh) throws {
    guard let profile = FileManager.default.contents(atPath: PDFStandards.sRGBProfilePath) else {
      throw RenderError.missingResource(
        what: "the sRGB colour profile PDF/A-2b embeds", path: PDFStandards.sRGBProfilePath,
        package: "icc-profiles-free")
    }
    let stream = qpdf_oh_new_stream(q)
    profile.withUnsafeBytes { bytes in
      qpdf_oh_replace_stream_data(
        q, stream, bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), bytes.count,
        qpdf_oh_new_null(q), qpdf_oh_new_null(q))
    }
    qpdf_oh_replace_key(q, qpdf_oh_get_dict(q, stream), "/N", qpdf_oh_new_integer(q, 3))
    let intent = qpdf_oh_parse(
      q,
      "<< /Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier (sRGB IEC61966-2.1) "
        + "/RegistryName (http://www.color.org) /Info (sRGB IEC61966-2.1) >>")
    qpdf_oh_replace_key(q, intent, "/DestOutputProfile", stream)
    qpdf_oh_replace_key(q, root, "/OutputIntents", qpdf_oh_wrap_in_array(q, intent))
    try check(q, "add the output intent")
  }

  /// Sets `key` true in the catalog's dictionary `name`, made when missing.
  private func setFlag(_ q: qpdf_data, in root: qpdf_oh, _ name: String, key: String) {
    let existing = qpdf_oh_get_key(q, root, name)
    if qpdf_oh_is_dictionary(q, existing) != 0 {
      qpdf_oh_replace_key(q, existing, key, qpdf_oh_new_bool(q, QPDF_BOOL(1)))
    } else {
      qpdf_oh_replace_key(q, root, name, qpdf_oh_parse(q, "<< \(key) true >>"))
    }
  }

  /// Walks the pages; returns the SHA-256 of every page's content as cairo wrote it, in page order.
  ///
  /// The furniture's marked content becomes `/Artifact` (as many sequences as the structure tree
  /// lost `Private` MCIDs on the page, or the file is wrong); pages with annotations get
  /// `/Tabs /S`, link descriptions and print flags.
  private func pages(_ q: qpdf_data, artifacts: [Int32: [Int32]]) throws -> [UInt8] {
    let count = qpdf_get_num_pages(q)
    try check(q, "count the pages")
    let checksum = SHA256()
    for i in 0..<max(0, Int(count)) {
      let page = qpdf_get_page_n(q, i)
      var data: UnsafeMutablePointer<UInt8>?
      var length = 0
      qpdf_oh_get_page_content_data(q, page, &data, &length)
      try check(q, "read page \(i + 1)'s content")
      if let data {
        checksum.update(UnsafeRawBufferPointer(start: data, count: length))
        defer { free(data) }
        let expected = artifacts[qpdf_oh_get_object_id(q, page)]?.count ?? 0
        try rewriteArtifacts(
          q, page: page, number: i + 1, content: data, length, expected: expected)
      }
      // Each page's handles go once it is done (a handle a C API call; a long document has many).
      defer { qpdf_oh_release_all(q) }
      let annotations = qpdf_oh_get_key(q, page, "/Annots")
      guard qpdf_oh_is_array(q, annotations) != 0, qpdf_oh_get_array_n_items(q, annotations) > 0
      else { continue }
      qpdf_oh_replace_key(q, page, "/Tabs", qpdf_oh_new_name(q, "/S"))
      for n in 0..<qpdf_oh_get_array_n_items(q, annotations) {
        let annotation = qpdf_oh_get_array_item(q, annotations, n)
        describeLink(q, annotation)
        // PDF/A: every annotation printed, none hidden.
        qpdf_oh_replace_key(q, annotation, "/F", qpdf_oh_new_integer(q, 4))
      }
      try check(q, "describe page \(i + 1)'s links")
    }
    return checksum.digest()
  }

  /// Replaces the page's content with one stream where the furniture's `/Private` marked content
  /// is `/Artifact`; `expected` is how many such sequences the structure tree said the page has.
  private func rewriteArtifacts(
    _ q: qpdf_data, page: qpdf_oh, number: Int, content: UnsafeMutablePointer<UInt8>, _ length: Int,
    expected: Int
  ) throws {
    guard expected > 0 else { return }
    var out: UnsafeMutablePointer<CChar>?
    var outLength = 0
    var count = 0
    var message = [CChar](repeating: 0, count: 256)
    let status = content.withMemoryRebound(to: CChar.self, capacity: length) { bytes in
      pmreport_rewrite_artifacts(
        bytes, length, expected, 1, &out, &outLength, &count, &message, message.count)
    }
    guard status == 0, let out else {
      throw RenderError.pdf(
        operation: "mark page \(number)'s furniture as artifacts",
        reason: String(decoding: message.prefix { $0 != 0 }.map(UInt8.init), as: UTF8.self),
        path: path)
    }
    defer { free(out) }
    guard count == expected else {
      throw RenderError.pdf(
        operation: "mark page \(number)'s furniture as artifacts",
        reason: "\(count) sequences in the content for \(expected) in the structure tree",
        path: path)
    }
    // cairo gives a page one content stream: its data is replaced in place. A new stream would
    // cost qpdf a walk of every object in the file to number it (`QPDF::getObjectCount`), a
    // page: quadratic in a long document's pages. Several streams become one new stream.
    let contents = qpdf_oh_get_key(q, page, "/Contents")
    let single = qpdf_oh_is_stream(q, contents) != 0
    let stream = single ? contents : qpdf_oh_new_stream(q)
    out.withMemoryRebound(to: UInt8.self, capacity: outLength) { bytes in
      qpdf_oh_replace_stream_data(
        q, stream, bytes, outLength, qpdf_oh_new_name(q, "/FlateDecode"), qpdf_oh_new_null(q))
    }
    if !single { qpdf_oh_replace_key(q, page, "/Contents", stream) }
    try check(q, "replace page \(number)'s content")
  }

  /// Gives a link annotation without `/Contents` one: "Go to <title>" for a destination, the URI
  /// for a URI action.
  private func describeLink(_ q: qpdf_data, _ annotation: qpdf_oh) {
    guard qpdf_oh_is_dictionary(q, annotation) != 0,
      qpdf_oh_is_name_and_equals(q, qpdf_oh_get_key(q, annotation, "/Subtype"), "/Link") != 0,
      qpdf_oh_has_key(q, annotation, "/Contents") == 0
    else { return }
    var description: String?
    if qpdf_oh_has_key(q, annotation, "/Dest") != 0 {
      description = destination(q, qpdf_oh_get_key(q, annotation, "/Dest"))
    } else {
      let action = qpdf_oh_get_key(q, annotation, "/A")
      let kind = qpdf_oh_get_key_if_dict(q, action, "/S")
      if qpdf_oh_is_name_and_equals(q, kind, "/URI") != 0 {
        description = text(q, qpdf_oh_get_key(q, action, "/URI"))
      } else if qpdf_oh_is_name_and_equals(q, kind, "/GoTo") != 0 {
        description = destination(q, qpdf_oh_get_key(q, action, "/D"))
      }
    }
    guard let description else { return }
    qpdf_oh_replace_key(q, annotation, "/Contents", qpdf_oh_new_unicode_string(q, description))
  }

  /// "Go to <title>" for a named destination (its name when no title is known), "Go to page" for
  /// an explicit one.
  private func destination(_ q: qpdf_data, _ dest: qpdf_oh) -> String {
    let name =
      qpdf_oh_is_name(q, dest) != 0
      ? qpdf_oh_get_name(q, dest).map { String(String(cString: $0).dropFirst()) } : text(q, dest)
    guard let name else { return "Go to page" }
    return "Go to \(destinationTitles[name] ?? name)"
  }

  /// A string object's text, as UTF-8.
  private func text(_ q: qpdf_data, _ object: qpdf_oh) -> String? {
    guard qpdf_oh_is_string(q, object) != 0, let value = qpdf_oh_get_utf8_value(q, object) else {
      return nil
    }
    return String(cString: value)
  }

  /// Gives the Info dictionary's dates the `D:` prefix cairo 1.16 leaves out (PDF/A checks it).
  private func datePrefixes(_ q: qpdf_data) {
    let dictionary = qpdf_oh_get_key(q, qpdf_get_trailer(q), "/Info")
    for key in ["/CreationDate", "/ModDate"] {
      guard let date = text(q, qpdf_oh_get_key_if_dict(q, dictionary, key)), !date.hasPrefix("D:")
      else { continue }
      qpdf_oh_replace_key(q, dictionary, key, qpdf_oh_new_string(q, "D:" + date))
    }
  }

  /// A string value of the trailer's Info dictionary.
  private func infoValue(_ q: qpdf_data, _ key: String) -> String? {
    let dictionary = qpdf_oh_get_key(q, qpdf_get_trailer(q), "/Info")
    return text(q, qpdf_oh_get_key_if_dict(q, dictionary, key))
  }

  /// Throws qpdf's error, when the last calls left one.
  private func check(_ q: qpdf_data, _ operation: String) throws {
    try QPDFHandle.check(q, operation, path: path)
  }
}
