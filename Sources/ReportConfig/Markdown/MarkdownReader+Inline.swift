import Foundation
import ReportModel

/// The rich text of inline Markdown (emphasis, strong, code, links and line breaks).
extension MarkdownReader {
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

extension MarkdownReader {
  /// Reports every link under `node` a document may not carry (``LinkRules``), at its target
  /// where it is written, and every text or link target an entity (`&#1;`) made hold a control
  /// character (``ControlCharacters``); at the nearest node with a position (`block`, for the
  /// first call) where the node has none.
  mutating func checkLinksAndControls(in node: MarkdownSyntax.Node, block: SourceLocation) {
    let here = node.startLine > 0 ? location(of: node) : block
    if node.kind == .link, let problem = LinkRules.problem(with: node.url) {
      error(problem, at: location(ofLinkTarget: node.url, from: here) ?? here, path: .root)
    }
    let control = ControlCharacters.first(in: node.literal) ?? ControlCharacters.first(in: node.url)
    if let code = control {
      error(ControlCharacters.message(for: code, escaped: true), at: here, path: .root)
    }
    for child in node.children { checkLinksAndControls(in: child, block: here) }
  }
}
