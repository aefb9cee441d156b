import Foundation
import ReportModel

/// The tree the reader builds: nodes in the YAML schema's shape, and rich text.
extension MarkdownReader {
  // MARK: - Tree helpers

  static func scalar(_ text: String, at location: SourceLocation) -> SourceNode {
    SourceNode(.scalar(text, plain: false), at: location)
  }

  static func flag(at location: SourceLocation) -> SourceNode {
    SourceNode(.scalar("true", plain: true), at: location)
  }

  static func mapping(_ pairs: [(String, SourceNode)], at location: SourceLocation)
    -> SourceNode
  {
    SourceNode(
      .mapping(pairs.map { SourceNode.Entry(key: $0.0, keyLocation: $0.1.location, value: $0.1) }),
      at: location)
  }

  /// A block: `{kind: value}`.
  static func block(_ kind: ContentBlock.Kind, _ value: SourceNode) -> SourceNode {
    mapping([(kind.rawValue, value)], at: value.location)
  }

  /// Rich text in its Codable shape: a string when plain, else a list of span mappings.
  static func textNode(_ text: RichText, at location: SourceLocation) -> SourceNode {
    if text.isPlain { return scalar(text.plain, at: location) }
    return SourceNode(
      .sequence(
        text.spans.map { span in
          var pairs: [(String, SourceNode)] = [
            (SpanKey.text.rawValue, scalar(span.text, at: location))
          ]
          if span.style.contains(.emphasis) {
            pairs.append((SpanKey.emphasis.rawValue, flag(at: location)))
          }
          if span.style.contains(.strong) {
            pairs.append((SpanKey.strong.rawValue, flag(at: location)))
          }
          if span.style.contains(.code) {
            pairs.append((SpanKey.code.rawValue, flag(at: location)))
          }
          if let link = span.link {
            pairs.append((SpanKey.link.rawValue, scalar(link, at: location)))
          }
          return mapping(pairs, at: location)
        }), at: location)
  }

  // MARK: - Inline text

  /// The rich text of inline nodes.
  static func richText(_ inlines: [MarkdownSyntax.Node]) -> RichText {
    var text = RichText(spans: [])
    for node in inlines { appendInline(node, style: [], link: nil, to: &text) }
    return text
  }

  static func appendInline(
    _ node: MarkdownSyntax.Node, style: SpanStyle, link: String?, to text: inout RichText
  ) {
    func children(_ style: SpanStyle, _ link: String?) {
      for child in node.children { appendInline(child, style: style, link: link, to: &text) }
    }
    switch node.kind {
    case .text, .htmlInline, .other: text.append(TextSpan(node.literal, style: style, link: link))
    case .softBreak: text.append(TextSpan(" ", style: style, link: link))
    case .lineBreak: text.append(TextSpan("\n", style: style, link: link))
    case .code:
      text.append(TextSpan(node.literal, style: style.union(.code), link: link))
    case .emphasis: children(style.union(.emphasis), link)
    case .strong: children(style.union(.strong), link)
    case .link: children(style, node.url)
    default: children(style, link)  // an image among text: its alternate text
    }
  }
}
