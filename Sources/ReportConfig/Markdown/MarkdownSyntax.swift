import CCmark

/// A Markdown document as cmark-gfm parsed it (CommonMark plus GitHub tables), copied into Swift
/// values so the C tree is freed at once.
///
/// Positions are cmark's: 1-based lines, and 1-based columns counted in bytes of the line.
struct MarkdownSyntax {
  /// What a node is.
  enum Kind: Equatable {
    case document, blockQuote, list, item, codeBlock, htmlBlock, paragraph, heading, thematicBreak
    case table, tableRow, tableCell
    case text, softBreak, lineBreak, code, htmlInline, emphasis, strong, link, image
    /// Anything else an extension may add; its text is kept.
    case other
  }

  /// One node of the tree.
  struct Node {
    var kind: Kind
    var children: [Node] = []
    /// Text of a text, code, HTML or code-block node.
    var literal: String = ""
    /// A link's or image's destination.
    var url: String = ""
    /// A code block's info string.
    var info: String = ""
    /// A heading's level.
    var level: Int = 0
    var ordered = false
    var start = 1
    /// A code block written with a fence (rather than indented).
    var fenced = false
    /// A table's column alignments: `l`, `c`, `r`, or 0 for none.
    var alignments: [UInt8] = []
    var startLine = 0
    var startColumn = 0
    var endLine = 0
  }

  /// Registers the GFM extensions once a process (cmark's registry is not guarded).
  private static let registered: Bool = {
    cmark_gfm_core_extensions_ensure_registered()
    return true
  }()

  /// Parses `text` (every text is some Markdown): the tree, and the first node nested deeper
  /// than ``MarkdownReader/maximumDepth`` (its children are left out).
  static func parse(_ text: String) -> (Node, tooDeep: Node?) {
    let parser = cmark_parser_new(CMARK_OPT_DEFAULT)
    defer { cmark_parser_free(parser) }
    if registered, let table = cmark_find_syntax_extension("table") {
      cmark_parser_attach_syntax_extension(parser, table)
    }
    var text = text
    text.withUTF8 { bytes in
      bytes.withMemoryRebound(to: CChar.self) { chars in
        if let base = chars.baseAddress { cmark_parser_feed(parser, base, chars.count) }
      }
    }
    guard let root = cmark_parser_finish(parser) else { return (Node(kind: .document), nil) }
    defer { cmark_node_free(root) }
    var tooDeep: Node?
    let tree = copy(root, depth: 0, tooDeep: &tooDeep)
    return (tree, tooDeep)
  }

  private static func copy(_ node: OpaquePointer, depth: Int, tooDeep: inout Node?) -> Node {
    let type = cmark_node_get_type(node)
    var result = Node(kind: kind(of: type))
    result.startLine = Int(cmark_node_get_start_line(node))
    result.startColumn = Int(cmark_node_get_start_column(node))
    result.endLine = Int(cmark_node_get_end_line(node))
    switch result.kind {
    case .text, .code, .htmlInline, .htmlBlock, .codeBlock, .other:
      result.literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    default: break
    }
    switch result.kind {
    case .codeBlock:
      result.info = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
      var length: Int32 = 0
      var offset: Int32 = 0
      var character: CChar = 0
      result.fenced = cmark_node_get_fenced(node, &length, &offset, &character) != 0
    case .heading: result.level = Int(cmark_node_get_heading_level(node))
    case .list:
      result.ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
      result.start = result.ordered ? Int(cmark_node_get_list_start(node)) : 1
    case .link, .image:
      result.url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
    case .table:
      let columns = Int(cmark_gfm_extensions_get_table_columns(node))
      if let aligns = cmark_gfm_extensions_get_table_alignments(node) {
        result.alignments = (0..<columns).map { aligns[$0] }
      }
    default: break
    }
    if depth > MarkdownReader.maximumDepth {
      if tooDeep == nil { tooDeep = result }
      return result
    }
    var child = cmark_node_first_child(node)
    while let current = child {
      result.children.append(copy(current, depth: depth + 1, tooDeep: &tooDeep))
      child = cmark_node_next(current)
    }
    return result
  }

  private static func kind(of type: cmark_node_type) -> Kind {
    switch type {
    case CMARK_NODE_DOCUMENT: .document
    case CMARK_NODE_BLOCK_QUOTE: .blockQuote
    case CMARK_NODE_LIST: .list
    case CMARK_NODE_ITEM: .item
    case CMARK_NODE_CODE_BLOCK: .codeBlock
    case CMARK_NODE_HTML_BLOCK: .htmlBlock
    case CMARK_NODE_PARAGRAPH: .paragraph
    case CMARK_NODE_HEADING: .heading
    case CMARK_NODE_THEMATIC_BREAK: .thematicBreak
    case CMARK_NODE_TEXT: .text
    case CMARK_NODE_SOFTBREAK: .softBreak
    case CMARK_NODE_LINEBREAK: .lineBreak
    case CMARK_NODE_CODE: .code
    case CMARK_NODE_HTML_INLINE: .htmlInline
    case CMARK_NODE_EMPH: .emphasis
    case CMARK_NODE_STRONG: .strong
    case CMARK_NODE_LINK: .link
    case CMARK_NODE_IMAGE: .image
    case ccmark_node_table(): .table
    case ccmark_node_table_row(): .tableRow
    case ccmark_node_table_cell(): .tableCell
    default: .other
    }
  }
}
