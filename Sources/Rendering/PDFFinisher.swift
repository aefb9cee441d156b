import CGLib
import CQPDF
import Foundation

/// Completes a PDF cairo wrote, in memory, with what cairo 1.16 cannot write, then writes the
/// result into a ``CheckedFile``.
///
/// Through libqpdf's C API: the catalog's `/Lang`, `/ViewerPreferences << /DisplayDocTitle true >>`
/// and `/MarkInfo << /Marked true >>`; an XMP `/Metadata` stream with the Info dictionary's values,
/// `pdfuaid:part` 1 and document and instance ids derived from the SHA-256 of the pages' content;
/// `/Tabs /S` on every page with annotations and a `/Contents` on every link without one. qpdf
/// writes the file with a deterministic trailer `/ID`, so equal input gives equal bytes.
struct PDFFinisher {
  /// The document's metadata (title, language, date…).
  var info: DocumentInfo
  /// Named destinations' titles (a heading's text by its anchor name), for link descriptions.
  var destinationTitles: [String: String]
  /// The file's name in messages.
  var path: String

  /// Reads `pdf`, completes it and writes the result to `file`; throws a ``RenderError/pdf`` for
  /// any error qpdf reports.
  func finish(_ pdf: [UInt8], into file: CheckedFile) throws {
    var handle = qpdf_init()
    guard let q = handle else {
      throw RenderError.pdf(operation: "start", reason: "qpdf_init gave nothing", path: path)
    }
    defer { qpdf_cleanup(&handle) }
    qpdf_silence_errors(q)
    qpdf_set_suppress_warnings(q, QPDF_BOOL(1))
    // qpdf reads the buffer in place: it must stay valid until the file is written.
    try pdf.withUnsafeBytes { raw in
      guard let base = raw.baseAddress else {
        throw RenderError.pdf(operation: "read cairo's PDF", reason: "no bytes", path: path)
      }
      qpdf_read_memory(
        q, path, base.assumingMemoryBound(to: CChar.self), UInt64(raw.count), nil)
      try check(q, "read cairo's PDF")
      try complete(q)
      qpdf_init_write_memory(q)
      try check(q, "start writing")
      qpdf_set_deterministic_ID(q, QPDF_BOOL(1))
      qpdf_write(q)
      try check(q, "write the PDF")
      let length = qpdf_get_buffer_length(q)
      guard let buffer = qpdf_get_buffer(q) else {
        throw RenderError.pdf(operation: "write the PDF", reason: "no buffer", path: path)
      }
      file.write(UnsafeRawBufferPointer(start: buffer, count: length))
    }
  }

  /// Adds the catalog keys, the pages' tab order and link descriptions, and the XMP stream.
  private func complete(_ q: qpdf_data) throws {
    let root = qpdf_get_root(q)
    try check(q, "find the catalog")
    qpdf_oh_replace_key(q, root, "/Lang", qpdf_oh_new_unicode_string(q, info.language))
    setFlag(q, in: root, "/ViewerPreferences", key: "/DisplayDocTitle")
    setFlag(q, in: root, "/MarkInfo", key: "/Marked")
    try check(q, "set the catalog's keys")
    let contentHash = try pages(q)
    let producer = infoValue(q, "/Producer") ?? "cairo"
    try check(q, "read the Info dictionary")
    let xmp = Array(
      XMPPacket(info: info, producer: producer, contentHash: contentHash).text.utf8)
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

  /// Walks the pages: `/Tabs /S` and link descriptions where there are annotations; returns the
  /// SHA-256 of every page's content, in page order.
  private func pages(_ q: qpdf_data) throws -> [UInt8] {
    let count = qpdf_get_num_pages(q)
    try check(q, "count the pages")
    let checksum = g_checksum_new(G_CHECKSUM_SHA256)
    defer { g_checksum_free(checksum) }
    for i in 0..<max(0, Int(count)) {
      let page = qpdf_get_page_n(q, i)
      var data: UnsafeMutablePointer<UInt8>?
      var length = 0
      qpdf_oh_get_page_content_data(q, page, &data, &length)
      try check(q, "read page \(i + 1)'s content")
      if let data {
        g_checksum_update(checksum, data, length)
        free(data)
      }
      let annotations = qpdf_oh_get_key(q, page, "/Annots")
      guard qpdf_oh_is_array(q, annotations) != 0, qpdf_oh_get_array_n_items(q, annotations) > 0
      else { continue }
      qpdf_oh_replace_key(q, page, "/Tabs", qpdf_oh_new_name(q, "/S"))
      for n in 0..<qpdf_oh_get_array_n_items(q, annotations) {
        describeLink(q, qpdf_oh_get_array_item(q, annotations, n))
      }
      try check(q, "describe page \(i + 1)'s links")
    }
    var digest = [UInt8](repeating: 0, count: 32)
    var size = digest.count
    g_checksum_get_digest(checksum, &digest, &size)
    return digest
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

  /// A string value of the trailer's Info dictionary.
  private func infoValue(_ q: qpdf_data, _ key: String) -> String? {
    let dictionary = qpdf_oh_get_key(q, qpdf_get_trailer(q), "/Info")
    return text(q, qpdf_oh_get_key_if_dict(q, dictionary, key))
  }

  /// Throws qpdf's error, when the last calls left one.
  private func check(_ q: qpdf_data, _ operation: String) throws {
    guard qpdf_has_error(q) != 0 else { return }
    let error = qpdf_get_error(q)
    let reason = qpdf_get_error_full_text(q, error).map { String(cString: $0) } ?? "unknown error"
    throw RenderError.pdf(operation: operation, reason: reason, path: path)
  }
}

/// The XMP packet of a finished PDF: Dublin Core, PDF and XMP basic properties with the Info
/// dictionary's values, the PDF/UA identification, and ids derived from the content's hash.
struct XMPPacket {
  var info: DocumentInfo
  var producer: String
  /// SHA-256 of the pages' content: the first half makes the document id, the second the
  /// instance id.
  var contentHash: [UInt8]

  var text: String {
    let title = Self.escape(info.title)
    let subject = Self.escape(info.subject)
    let lang = Self.escape(info.language)
    let date = Self.escape(info.date)
    return """
      <?xpacket begin="\u{FEFF}" id="W5M0MpCehiHzreSzNTczkc9d"?>
      <x:xmpmeta xmlns:x="adobe:ns:meta/">
      <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
      <rdf:Description rdf:about=""
        xmlns:dc="http://purl.org/dc/elements/1.1/"
        xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
        xmlns:xmp="http://ns.adobe.com/xap/1.0/"
        xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"
        xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
      <dc:format>application/pdf</dc:format>
      <dc:title><rdf:Alt><rdf:li xml:lang="x-default">\(title)</rdf:li></rdf:Alt></dc:title>
      <dc:creator><rdf:Seq><rdf:li>\(Self.escape(info.author))</rdf:li></rdf:Seq></dc:creator>
      <dc:description><rdf:Alt>
      <rdf:li xml:lang="x-default">\(subject)</rdf:li>
      </rdf:Alt></dc:description>
      <dc:language><rdf:Bag><rdf:li>\(lang)</rdf:li></rdf:Bag></dc:language>
      <pdf:Keywords>\(Self.escape(info.keywords.joined(separator: ", ")))</pdf:Keywords>
      <pdf:Producer>\(Self.escape(producer))</pdf:Producer>
      <xmp:CreatorTool>\(Self.escape(info.creator))</xmp:CreatorTool>
      <xmp:CreateDate>\(date)</xmp:CreateDate>
      <xmp:ModifyDate>\(date)</xmp:ModifyDate>
      <xmp:MetadataDate>\(date)</xmp:MetadataDate>
      <xmpMM:DocumentID>\(Self.uuid(contentHash.prefix(16)))</xmpMM:DocumentID>
      <xmpMM:InstanceID>\(Self.uuid(contentHash.dropFirst(16).prefix(16)))</xmpMM:InstanceID>
      <pdfuaid:part>1</pdfuaid:part>
      </rdf:Description>
      </rdf:RDF>
      </x:xmpmeta>
      <?xpacket end="w"?>
      """
  }

  /// `uuid:` and 16 bytes as an RFC 9562 version 8 (custom) UUID.
  static func uuid<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> String {
    var b = Array(bytes) + [UInt8](repeating: 0, count: max(0, 16 - bytes.count))
    b[6] = (b[6] & 0x0F) | 0x80
    b[8] = (b[8] & 0x3F) | 0x80
    let hex = b.prefix(16).map { String(format: "%02x", $0) }.joined()
    let parts = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { range in
      String(hex.dropFirst(range.lowerBound).prefix(range.count))
    }
    return "uuid:" + parts.joined(separator: "-")
  }

  /// `s` with XML's special characters escaped.
  static func escape(_ s: String) -> String {
    var out = ""
    for c in s {
      switch c {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      default: out.append(c)
      }
    }
    return out
  }
}
