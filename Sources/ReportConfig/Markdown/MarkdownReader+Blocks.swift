import Foundation
import ReportModel

/// The body's blocks: paragraphs, lists, quotes, code, images, tables and `pmreport-yaml`
/// blocks.
extension MarkdownReader {
  // MARK: - Blocks

  /// The block nodes of one Markdown block (none for a block reported as wrong; several for a
  /// `pmreport-yaml` block holding a list).
  mutating func blocks(_ node: MarkdownSyntax.Node, path: NodePath, paired: Bool)
    -> [SourceNode]
  {
    let here = location(of: node)
    switch node.kind {
    case .paragraph:
      if node.children.count == 1, let image = node.children.first, image.kind == .image {
        return self.image(image, at: here, path: path).map { [$0] } ?? []
      }
      return [Self.block(.paragraph, Self.textNode(Self.richText(node.children), at: here))]
    case .heading:
      // A heading inside a list or quote: bold text.
      var text = RichText(spans: [])
      for span in Self.richText(node.children).spans {
        text.append(TextSpan(span.text, style: span.style.union(.strong), link: span.link))
      }
      return [Self.block(.paragraph, Self.textNode(text, at: here))]
    case .list: return [list(node, path: path)]
    case .blockQuote:
      var items: [SourceNode] = []
      for child in node.children {
        items += blocks(
          child, path: path.appending(ContentBlock.Kind.quote.rawValue).appending(items.count),
          paired: paired)
      }
      return [Self.block(.quote, SourceNode(.sequence(items), at: here))]
    case .codeBlock:
      var text = node.literal
      if text.hasSuffix("\n") { text.removeLast() }
      let language = node.info.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map(
        String.init)
      if node.fenced, language == Self.yamlBlockInfo {
        return yamlBlocks(node.literal, node: node, path: path)
      }
      var pairs: [(String, SourceNode)] = []
      if let language, !language.isEmpty {
        pairs.append((CodeBlock.CodingKeys.language.rawValue, Self.scalar(language, at: here)))
      }
      pairs.append((CodeBlock.CodingKeys.text.rawValue, Self.scalar(text, at: here)))
      return [Self.block(.code, Self.mapping(pairs, at: here))]
    case .htmlBlock:
      var text = node.literal
      while text.hasSuffix("\n") { text.removeLast() }
      return [Self.block(.paragraph, Self.scalar(text, at: here))]
    case .thematicBreak:
      return [Self.block(.rule, Self.flag(at: here))]
    case .table: return [table(node, path: path, paired: paired)]
    default:
      let text = Self.richText([node])
      return text.isEmpty ? [] : [Self.block(.paragraph, Self.textNode(text, at: here))]
    }
  }

  /// `image: {path, alt}`; nil (reported) for a remote image.
  mutating func image(_ node: MarkdownSyntax.Node, at here: SourceLocation, path: NodePath)
    -> SourceNode?
  {
    let lower = node.url.lowercased()
    if lower.hasPrefix("http:") || lower.hasPrefix("https:") || lower.hasPrefix("//") {
      error(
        "images are read from files inside the project; pmreport fetches nothing from the "
          + "network (\(node.url))", at: here,
        path: path.appending(ContentBlock.Kind.image.rawValue))
      return nil
    }
    let alt = Self.richText(node.children).plain
    let written = location(ofLinkTarget: node.url, from: here) ?? here
    return Self.block(
      .image,
      Self.mapping(
        [
          (ImageBlock.CodingKeys.path.rawValue, Self.scalar(node.url, at: written)),
          (ImageBlock.CodingKeys.alt.rawValue, Self.scalar(alt, at: here)),
        ],
        at: here))
  }

  /// A list whose every item opens with bold text ending in a colon is a labelled list
  /// (`list: [{label, text}]`); any other is `bullets: {ordered, start, items}`.
  mutating func list(_ node: MarkdownSyntax.Node, path: NodePath) -> SourceNode {
    let here = location(of: node)
    let labelled = node.children.map { Self.labelledItem($0) }
    if !labelled.isEmpty, labelled.allSatisfy({ $0 != nil }) {
      let items = zip(node.children, labelled).map { item, parts in
        let at = location(of: item)
        return Self.mapping(
          [
            (LabelledItem.CodingKeys.label.rawValue, Self.scalar(parts?.label ?? "", at: at)),
            (
              LabelledItem.CodingKeys.text.rawValue,
              Self.textNode(parts?.text ?? RichText(spans: []), at: at)
            ),
          ], at: at)
      }
      return Self.block(.list, SourceNode(.sequence(items), at: here))
    }
    var items: [SourceNode] = []
    for (index, item) in node.children.enumerated() {
      var contents: [SourceNode] = []
      let itemPath = path.appending(ContentBlock.Kind.bullets.rawValue).appending(
        ListKey.items.rawValue
      ).appending(index)
      for child in item.children {
        contents += blocks(child, path: itemPath.appending(contents.count), paired: false)
      }
      items.append(SourceNode(.sequence(contents), at: location(of: item)))
    }
    var pairs: [(String, SourceNode)] = [
      (
        ListKey.ordered.rawValue,
        SourceNode(.scalar(node.ordered ? "true" : "false", plain: true), at: here)
      )
    ]
    if node.ordered, node.start != 1 {
      pairs.append(
        (ListKey.start.rawValue, SourceNode(.scalar("\(node.start)", plain: true), at: here)))
    }
    pairs.append((ListKey.items.rawValue, SourceNode(.sequence(items), at: here)))
    return Self.block(.bullets, Self.mapping(pairs, at: here))
  }

  /// An item written `**Label:** text` or `**Label**: text`: its label and text.
  static func labelledItem(_ item: MarkdownSyntax.Node) -> (label: String, text: RichText)? {
    guard item.children.count == 1, let paragraph = item.children.first,
      paragraph.kind == .paragraph, let strong = paragraph.children.first, strong.kind == .strong
    else { return nil }
    var label = richText(strong.children).plain
    var rest = Array(paragraph.children.dropFirst())
    if label.hasSuffix(":") {
      label.removeLast()
    } else if let next = rest.first, next.kind == .text, next.literal.hasPrefix(":") {
      rest[0].literal.removeFirst()
    } else {
      return nil
    }
    return (label, richText(rest).trimmed())
  }

  // MARK: - Tables

  /// The role a table header names (by name, short name or id, in any case).
  func role(named header: String) -> String? {
    let key = header.trimmingCharacters(in: .whitespaces).lowercased()
    return roles.first { $0.names.contains { $0.lowercased() == key } }?.id
  }

  /// A role table when the headers after the first name the roles, else a grid.
  mutating func table(_ node: MarkdownSyntax.Node, path: NodePath, paired: Bool)
    -> SourceNode
  {
    let here = location(of: node)
    let rows = node.children.filter { $0.kind == .tableRow }
    let cells = rows.map { row in row.children.filter { $0.kind == .tableCell } }
    let header = cells.first ?? []
    let headerTexts = header.map { Self.richText($0.children).plain }
    let named = headerTexts.dropFirst().map { role(named: $0) }
    if !roles.isEmpty, named.contains(where: { $0 != nil }) {
      let headerAt = rows.first.map { location(of: $0) } ?? here
      var problems: [String] = []
      for (index, id) in named.enumerated() where id == nil {
        let text = headerTexts[index + 1]
        var message = "the column '\(text)' names no role"
        let candidates = roles.flatMap(\.names)
        if let suggestion = Suggestions.nearest(to: text, in: candidates) {
          message += " (did you mean '\(suggestion)'?)"
        }
        problems.append(message)
      }
      let ids = named.compactMap { $0 }
      let missing = roles.map(\.id).filter { !ids.contains($0) }
      if !missing.isEmpty {
        problems.append(
          "it has no column for \(Suggestions.list(missing.map { "'\($0)'" }))")
      }
      var seen: Set<String> = []
      for id in ids where !seen.insert(id).inserted {
        problems.append("two columns name the role '\(id)'")
      }
      let kind = paired ? "paired" : "table"
      if !problems.isEmpty {
        let names = roles.map { $0.names.count > 1 ? $0.names[1] : $0.id }
        error(
          "a role table's header names each role once after its first column "
            + "(\(names.joined(separator: ", "))): " + problems.joined(separator: "; "),
          at: headerAt, path: path.appending(kind))
        return grid(node, cells: cells, at: here)
      }
      return roleTable(
        cells: cells, columns: ids, header: headerTexts.first ?? "", paired: paired,
        at: here)
    }
    return grid(node, cells: cells, at: here)
  }

  func roleTable(
    cells: [[MarkdownSyntax.Node]], columns: [String], header: String, paired: Bool,
    at here: SourceLocation
  ) -> SourceNode {
    let rows = cells.dropFirst().map { row -> SourceNode in
      let rowAt = row.first.map { location(of: $0) } ?? here
      var pairs: [(String, SourceNode)] = [
        (
          RoleRow.labelKey,
          Self.scalar(row.first.map { Self.richText($0.children).plain } ?? "", at: rowAt)
        )
      ]
      for (index, id) in columns.enumerated() where index + 1 < row.count {
        let cell = row[index + 1]
        pairs.append((id, Self.textNode(Self.richText(cell.children), at: location(of: cell))))
      }
      return Self.mapping(pairs, at: rowAt)
    }
    let rowsNode = SourceNode(.sequence(rows), at: rows.first?.location ?? here)
    if paired, header == RoleTable.defaultAspectHeader {
      return Self.block(.paired, rowsNode)
    }
    var pairs: [(String, SourceNode)] = [
      (RoleTable.CodingKeys.aspectHeader.rawValue, Self.scalar(header, at: here))
    ]
    if paired { pairs.append((RoleTable.CodingKeys.paired.rawValue, Self.flag(at: here))) }
    pairs.append((RoleTable.CodingKeys.rows.rawValue, rowsNode))
    return Self.block(.table, Self.mapping(pairs, at: here))
  }

  func grid(
    _ node: MarkdownSyntax.Node, cells: [[MarkdownSyntax.Node]], at here: SourceLocation
  )
    -> SourceNode
  {
    func row(_ row: [MarkdownSyntax.Node]) -> SourceNode {
      SourceNode(
        .sequence(row.map { Self.textNode(Self.richText($0.children), at: location(of: $0)) }),
        at: row.first.map { location(of: $0) } ?? here)
    }
    var pairs: [(String, SourceNode)] = [(GridKey.header.rawValue, row(cells.first ?? []))]
    pairs.append(
      (GridKey.rows.rawValue, SourceNode(.sequence(cells.dropFirst().map(row)), at: here)))
    let alignments = node.alignments.map { byte -> String in
      switch byte {
      case UInt8(ascii: "c"): CellAlignment.center.rawValue
      case UInt8(ascii: "r"): CellAlignment.right.rawValue
      default: CellAlignment.left.rawValue
      }
    }
    if alignments.contains(where: { $0 != CellAlignment.left.rawValue }) {
      pairs.append(
        (
          GridKey.alignments.rawValue,
          SourceNode(.sequence(alignments.map { Self.scalar($0, at: here) }), at: here)
        ))
    }
    return Self.block(.grid, Self.mapping(pairs, at: here))
  }

  // MARK: - Blocks in YAML

  /// The blocks of a fenced `pmreport-yaml` code block: one block in the YAML schema, or a list.
  mutating func yamlBlocks(_ text: String, node: MarkdownSyntax.Node, path: NodePath)
    -> [SourceNode]
  {
    let indent = max(location(of: node).column - 1, 0)
    do {
      guard let parsed = try YAMLSource.parse(text, file: file) else { return [] }
      let tree = parsed.shifted(lines: node.startLine, columns: indent)
      return tree.items ?? [tree]
    } catch let error as InputError {
      diagnostics += error.diagnostics.map {
        Self.shifted($0, lines: node.startLine, columns: indent)
      }
    } catch {
      self.error("\(error)", at: location(of: node), path: path)
    }
    return []
  }
}

extension SourceNode {
  /// The same tree with every written position moved down `lines` lines and right `columns`
  /// columns (YAML parsed from a part of a Markdown file).
  func shifted(lines: Int, columns: Int) -> SourceNode {
    func move(_ location: SourceLocation) -> SourceLocation {
      guard location.line > 0 else { return location }
      return SourceLocation(
        file: location.file, line: location.line + lines, column: location.column + columns)
    }
    switch value {
    case .scalar: return SourceNode(value, at: move(location))
    case .sequence(let items):
      return SourceNode(
        .sequence(items.map { $0.shifted(lines: lines, columns: columns) }), at: move(location))
    case .mapping(let entries):
      return SourceNode(
        .mapping(
          entries.map {
            Entry(
              key: $0.key, keyLocation: move($0.keyLocation),
              value: $0.value.shifted(lines: lines, columns: columns))
          }), at: move(location))
    }
  }
}
