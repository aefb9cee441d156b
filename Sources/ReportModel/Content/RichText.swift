/// Text with inline formatting: emphasis, strong, code and links, as spans of literal text.
///
/// Formatting is data (never markup strings): the typesetter turns it into font changes and link
/// areas. A hard line break is a `"\n"` inside a span.
public struct RichText: Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
  /// The spans in reading order; neighbours never share the same style and link.
  public private(set) var spans: [TextSpan]

  public init(spans: [TextSpan]) {
    self.spans = []
    for span in spans { append(span) }
  }

  /// Plain text, one unformatted span (none when empty).
  public init(_ plain: String) { self.init(spans: [TextSpan(plain)]) }

  public init(stringLiteral value: String) { self.init(value) }

  /// The text without its formatting.
  public var plain: String { spans.map(\.text).joined() }

  public var description: String { plain }

  public var isEmpty: Bool { spans.isEmpty }

  /// Whether every span is unformatted (the text can be written as a plain string).
  public var isPlain: Bool { spans.allSatisfy { $0.style.isEmpty && $0.link == nil } }

  /// Adds a span, merging it into the last one when both look the same.
  public mutating func append(_ span: TextSpan) {
    guard !span.text.isEmpty else { return }
    if let last = spans.last, last.style == span.style, last.link == span.link {
      spans[spans.count - 1].text += span.text
    } else {
      spans.append(span)
    }
  }

  /// The spans of `other` after these.
  public mutating func append(_ other: RichText) { for span in other.spans { append(span) } }

  /// This text with leading and trailing white space removed.
  public func trimmed() -> RichText {
    var copy = spans
    while let first = copy.first, first.text.first?.isWhitespace == true {
      copy[0].text = String(first.text.drop { $0.isWhitespace })
      if copy[0].text.isEmpty { copy.removeFirst() } else { break }
    }
    while let last = copy.last, last.text.last?.isWhitespace == true {
      copy[copy.count - 1].text = String(
        last.text.reversed().drop { $0.isWhitespace }.reversed())
      if copy[copy.count - 1].text.isEmpty { copy.removeLast() } else { break }
    }
    return RichText(spans: copy)
  }
}

/// A run of text in one style, perhaps a link.
public struct TextSpan: Hashable, Sendable {
  public var text: String
  public var style: SpanStyle
  /// The link target (`https://…`, `mailto:…`, or `#section-id` inside the document).
  public var link: String?

  public init(_ text: String, style: SpanStyle = [], link: String? = nil) {
    self.text = text
    self.style = style
    self.link = link
  }
}

/// How a span is set.
public struct SpanStyle: OptionSet, Hashable, Sendable {
  public let rawValue: UInt8
  public init(rawValue: UInt8) { self.rawValue = rawValue }
  /// Italic.
  public static let emphasis = SpanStyle(rawValue: 1)
  /// Bold.
  public static let strong = SpanStyle(rawValue: 2)
  /// Monospace.
  public static let code = SpanStyle(rawValue: 4)
}

// MARK: - Codable

/// Plain text is written as a string; formatted text as a list of spans
/// (`{text, emphasis, strong, code, link}`, the flags only when true).
extension RichText: Codable {
  public init(from decoder: any Decoder) throws {
    switch decoder.nodeShape {
    case .scalar:
      self.init(try decoder.singleValueContainer().decode(String.self))
    case .list:
      self.init(spans: try decoder.singleValueContainer().decode([TextSpan].self))
    case .mapping, nil:
      if let plain = try? decoder.singleValueContainer().decode(String.self) {
        self.init(plain)
      } else {
        self.init(spans: try decoder.singleValueContainer().decode([TextSpan].self))
      }
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.singleValueContainer()
    if isPlain { try c.encode(plain) } else { try c.encode(spans) }
  }
}

extension TextSpan: Codable {
  public enum CodingKeys: String, CodingKey, CaseIterable {
    case text, emphasis, strong, code, link
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    text = try c.decode(String.self, forKey: .text)
    style = []
    if try c.decodeIfPresent(Bool.self, forKey: .emphasis) == true { style.insert(.emphasis) }
    if try c.decodeIfPresent(Bool.self, forKey: .strong) == true { style.insert(.strong) }
    if try c.decodeIfPresent(Bool.self, forKey: .code) == true { style.insert(.code) }
    link = try c.decodeIfPresent(String.self, forKey: .link)
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(text, forKey: .text)
    if style.contains(.emphasis) { try c.encode(true, forKey: .emphasis) }
    if style.contains(.strong) { try c.encode(true, forKey: .strong) }
    if style.contains(.code) { try c.encode(true, forKey: .code) }
    try c.encodeIfPresent(link, forKey: .link)
  }
}

/// The shape of the source node a decoder reads, when the decoder knows it (pmreport's YAML
/// decoder does): lets a value written either as a string or as a list or mapping pick its form
/// without a failed attempt being reported as an error.
public enum NodeShape: Sendable {
  case scalar, list, mapping

  /// The `userInfo` key under which a decoder gives the shape.
  public static let userInfoKey: CodingUserInfoKey = {
    guard let key = CodingUserInfoKey(rawValue: "pmreport.nodeShape") else {
      preconditionFailure("CodingUserInfoKey rejected a constant key")
    }
    return key
  }()
}

extension Decoder {
  /// The shape of the node being decoded; nil when the decoder does not say.
  public var nodeShape: NodeShape? { userInfo[NodeShape.userInfoKey] as? NodeShape }
}
