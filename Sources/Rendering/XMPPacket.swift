import Foundation

/// The XMP packet of a finished PDF: Dublin Core, PDF and XMP basic properties with the Info
/// dictionary's values, the PDF/UA and PDF/A identifications the file claims, and ids derived from
/// the content's hash.
struct XMPPacket {
  var info: DocumentInfo
  var producer: String
  /// The standards the file claims.
  var standards: PDFStandards
  /// SHA-256 of the pages' content: the first half makes the document id, the second the
  /// instance id.
  var contentHash: [UInt8]

  var text: String {
    let title = XMLText.escaped(info.title)
    let subject = XMLText.escaped(info.subject)
    let lang = XMLText.escaped(info.language)
    let date = XMLText.escaped(info.date)
    return """
      <?xpacket begin="\u{FEFF}" id="W5M0MpCehiHzreSzNTczkc9d"?>
      <x:xmpmeta xmlns:x="adobe:ns:meta/">
      <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
      <rdf:Description rdf:about=""
        xmlns:dc="http://purl.org/dc/elements/1.1/"
        xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
        xmlns:xmp="http://ns.adobe.com/xap/1.0/"
        xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"
        xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"
        xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"
        xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
        xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"
        xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
      <dc:format>application/pdf</dc:format>
      <dc:title><rdf:Alt><rdf:li xml:lang="x-default">\(title)</rdf:li></rdf:Alt></dc:title>
      <dc:creator><rdf:Seq><rdf:li>\(XMLText.escaped(info.author))</rdf:li></rdf:Seq></dc:creator>
      <dc:description><rdf:Alt>
      <rdf:li xml:lang="x-default">\(subject)</rdf:li>
      </rdf:Alt></dc:description>
      <dc:language><rdf:Bag><rdf:li>\(lang)</rdf:li></rdf:Bag></dc:language>
      <pdf:Keywords>\(XMLText.escaped(info.keywords.joined(separator: ", ")))</pdf:Keywords>
      <pdf:Producer>\(XMLText.escaped(producer))</pdf:Producer>
      <xmp:CreatorTool>\(XMLText.escaped(info.creator))</xmp:CreatorTool>
      <xmp:CreateDate>\(date)</xmp:CreateDate>
      <xmp:ModifyDate>\(date)</xmp:ModifyDate>
      <xmp:MetadataDate>\(date)</xmp:MetadataDate>
      <xmpMM:DocumentID>\(Self.uuid(contentHash.prefix(16)))</xmpMM:DocumentID>
      <xmpMM:InstanceID>\(Self.uuid(contentHash.dropFirst(16).prefix(16)))</xmpMM:InstanceID>
      \(identification)</rdf:Description>
      </rdf:RDF>
      </x:xmpmeta>
      <?xpacket end="w"?>
      """
  }

  /// The identification properties: `pdfuaid:part` for PDF/UA-1; `pdfaid:part` and
  /// `conformance` for PDF/A-2b, which also needs the schemas of the properties PDF/A does not
  /// predefine (`pdfuaid`, `xmpMM:InstanceID`) described in the file.
  private var identification: String {
    var out = ""
    if standards.contains(.ua1) { out += "<pdfuaid:part>1</pdfuaid:part>\n" }
    if standards.contains(.a2b) {
      out += "<pdfaid:part>2</pdfaid:part>\n<pdfaid:conformance>B</pdfaid:conformance>\n"
      var schemas = [
        Self.schema(
          "XMP Media Management Schema", "http://ns.adobe.com/xap/1.0/mm/", "xmpMM",
          [("InstanceID", "URI", "internal", "UUID based identifier for a specific incarnation")])
      ]
      if standards.contains(.ua1) {
        schemas.append(
          Self.schema(
            "PDF/UA Universal Accessibility Schema", "http://www.aiim.org/pdfua/ns/id/",
            "pdfuaid", [("part", "Integer", "internal", "Indicates, which part of ISO 14289")]))
      }
      out +=
        "<pdfaExtension:schemas><rdf:Bag>\n" + schemas.joined()
        + "</rdf:Bag></pdfaExtension:schemas>\n"
    }
    return out
  }

  /// A PDF/A extension schema description: one schema and its properties.
  private static func schema(
    _ name: String, _ uri: String, _ prefix: String,
    _ properties: [(name: String, type: String, category: String, description: String)]
  ) -> String {
    let items = properties.map { p in
      "<rdf:li rdf:parseType=\"Resource\"><pdfaProperty:name>\(p.name)</pdfaProperty:name>"
        + "<pdfaProperty:valueType>\(p.type)</pdfaProperty:valueType>"
        + "<pdfaProperty:category>\(p.category)</pdfaProperty:category>"
        + "<pdfaProperty:description>\(p.description)</pdfaProperty:description></rdf:li>"
    }
    return "<rdf:li rdf:parseType=\"Resource\"><pdfaSchema:schema>\(name)</pdfaSchema:schema>"
      + "<pdfaSchema:namespaceURI>\(uri)</pdfaSchema:namespaceURI>"
      + "<pdfaSchema:prefix>\(prefix)</pdfaSchema:prefix>"
      + "<pdfaSchema:property><rdf:Seq>\(items.joined())</rdf:Seq></pdfaSchema:property></rdf:li>\n"
  }

  /// `uuid:` and 16 bytes as an RFC 9562 version 8 (custom) UUID.
  static func uuid<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> String {
    var b = Array(bytes) + [UInt8](repeating: 0, count: max(0, 16 - bytes.count))
    b[6] = (b[6] & 0x0F) | 0x80
    b[8] = (b[8] & 0x3F) | 0x80
    // Hex digits by table: `String(format:)` a byte cost a certificate more than its XMP.
    let digits = Array("0123456789abcdef".utf8)
    var text = Array("uuid:".utf8)
    for (index, byte) in b.prefix(16).enumerated() {
      if index == 4 || index == 6 || index == 8 || index == 10 { text.append(UInt8(ascii: "-")) }
      text += [digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]]
    }
    return String(decoding: text, as: UTF8.self)
  }
}
