import Foundation
import ReportModel

/// The body's blocks: paragraphs, lists, quotes, code, images, tables and `pmreport-yaml`
/// blocks.
extension MarkdownReader {
  // MARK: - Blocks

  /// The blocks of one Markdown block (none for a block reported as wrong; several for a
  /// `pmreport-yaml` block holding a list).
  mutating func blocks(_ node: MarkdownSyntax.Node, path: NodePath, paired: Bool)
    -> [ContentBlock]
  {
    let here = location(of: node)
    positions.body[path] = here
    switch node.kind {
    case .paragraph:
      if node.children.count == 1, let image = node.children.first, image.kind == .image {
        return self.image(image, at: here, path: path).map { [.image($0)] } ?? []
      }
      return [.paragraph(Self.richText(node.children))]
    case .heading:
      // A heading inside a list or quote: bold text.
      var text = RichText(spans: [])
      for span in Self.richText(node.children).spans {
        text.append(TextSpan(span.text, style: span.style.union(.strong), link: span.link))
      }
      return [.paragraph(text)]
    case .list: return [list(node, path: path)]
    case .blockQuote:
      var items: [ContentBlock] = []
      for child in node.children {
        items += blocks(child, path: path.quoted(items.count), paired: paired)
      }
      return [.quote(items)]
    case .codeBlock:
      var text = node.literal
      if text.hasSuffix("\n") { text.removeLast() }
      let language = node.info.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map(
        String.init)
      if node.fenced, language == Self.yamlBlockInfo {
        return yamlBlocks(node.literal, node: node, path: path)
      }
      return [.code(CodeBlock(language: language?.isEmpty == false ? language : nil, text: text))]
    case .htmlBlock:
      var text = node.literal
      while text.hasSuffix("\n") { text.removeLast() }
      return [.paragraph(RichText(text))]
    case .thematicBreak:
      return [.rule]
    case .table: return [table(node, path: path, paired: paired)]
    default:
      let text = Self.richText([node])
      return text.isEmpty ? [] : [.paragraph(text)]
    }
  }

  /// The image, its path's place noted; nil (reported) for a remote image.
  mutating func image(_ node: MarkdownSyntax.Node, at here: SourceLocation, path: NodePath)
    -> ImageBlock?
  {
    let written = location(ofLinkTarget: node.url, from: here) ?? here
    let lower = node.url.lowercased()
    if lower.hasPrefix("http:") || lower.hasPrefix("https:") || lower.hasPrefix("//") {
      error(
        "images are read from files inside the project; pmreport fetches nothing from the "
          + "network (\(node.url))", at: written,
        path: path.appending(ContentBlock.Kind.image.rawValue))
      return nil
    }
    ConfigLoader.note(image: node.url, writtenAt: written, in: &imageLocations)
    return ImageBlock(path: node.url, alt: Self.richText(node.children).plain)
  }

  /// A list whose every item opens with bold text ending in a colon is a labelled list; any other
  /// is a bulleted or numbered list.
  mutating func list(_ node: MarkdownSyntax.Node, path: NodePath) -> ContentBlock {
    let labelled = node.children.compactMap { Self.labelledItem($0) }
    if !labelled.isEmpty, labelled.count == node.children.count {
      for (index, item) in node.children.enumerated() {
        positions.body[path.labelledItem(index)] = location(of: item)
      }
      return .labelledList(labelled.map { LabelledItem(label: $0.label, text: $0.text) })
    }
    var items: [[ContentBlock]] = []
    for (index, item) in node.children.enumerated() {
      var contents: [ContentBlock] = []
      let itemPath = path.listItem(index)
      positions.body[itemPath] = location(of: item)
      for child in item.children {
        contents += blocks(child, path: itemPath.appending(contents.count), paired: false)
      }
      items.append(contents)
    }
    return .list(
      ListBlock(ordered: node.ordered, start: node.ordered ? node.start : 1, items: items))
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
    -> ContentBlock
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
        return grid(node, cells: cells)
      }
      return .roleTable(
        roleTable(
          cells: cells, columns: ids, header: headerTexts.first ?? "", paired: paired,
          path: path, at: here))
    }
    return grid(node, cells: cells)
  }

  /// The role table of a table's cells, its rows and cells placed where the content rules look:
  /// under `paired` (the default header, set paired) or `table`, as a YAML file writes it.
  mutating func roleTable(
    cells: [[MarkdownSyntax.Node]], columns: [String], header: String, paired: Bool,
    path: NodePath, at here: SourceLocation
  ) -> RoleTable {
    let asPairedList = paired && header == RoleTable.defaultAspectHeader
    let tablePath = path.appending(
      asPairedList ? ContentBlock.Kind.paired.rawValue : ContentBlock.Kind.table.rawValue)
    let rowsPath =
      asPairedList ? tablePath : tablePath.appending(RoleTable.CodingKeys.rows.rawValue)
    var rows: [RoleRow] = []
    for (index, row) in cells.dropFirst().enumerated() {
      let rowPath = rowsPath.appending(index)
      positions.body[rowPath] = row.first.map { location(of: $0) } ?? here
      var roleCells: [RoleCell] = []
      // A row in the schema keys its label `label`: a role with that id has no cell in it (the
      // content rules report the row), as a YAML file has it.
      for (column, id) in columns.enumerated()
      where column + 1 < row.count && id != RoleRow.labelKey {
        let cell = row[column + 1]
        positions.body[rowPath.appending(id)] = location(of: cell)
        roleCells.append(RoleCell(role: RoleID(id), text: Self.richText(cell.children)))
      }
      let label = row.first.map { Self.richText($0.children).plain } ?? ""
      rows.append(RoleRow(label: label, cells: roleCells))
    }
    // The rows' list is where its first row is; a paired list's block is its rows.
    let rowsAt = positions.body[rowsPath.appending(0)] ?? here
    positions.body[path] = asPairedList ? rowsAt : here
    positions.body[tablePath] = asPairedList ? rowsAt : here
    positions.body[rowsPath] = rowsAt
    return RoleTable(
      aspectHeader: header, columns: RoleTable.columns(of: rows), rows: rows, paired: paired)
  }

  /// A table that names no roles: its header, rows and column alignments.
  mutating func grid(_ node: MarkdownSyntax.Node, cells: [[MarkdownSyntax.Node]]) -> ContentBlock {
    func row(_ row: [MarkdownSyntax.Node]) -> [RichText] {
      row.map { Self.richText($0.children) }
    }
    let alignments = node.alignments.map { byte -> CellAlignment in
      switch byte {
      case UInt8(ascii: "c"): .center
      case UInt8(ascii: "r"): .right
      default: .left
      }
    }
    let table = PlainTable(
      header: row(cells.first ?? []), rows: cells.dropFirst().map(row),
      alignments: alignments.contains { $0 != .left } ? alignments : [])
    return .table(table)
  }

  // MARK: - Blocks in YAML

  /// The blocks of a fenced `pmreport-yaml` code block: one block in the YAML schema, or a list,
  /// each decoded by the session at the path it takes among the blocks.
  mutating func yamlBlocks(_ text: String, node: MarkdownSyntax.Node, path: NodePath)
    -> [ContentBlock]
  {
    let indent = max(location(of: node).column - 1, 0)
    let parsed: SourceNode?
    do {
      parsed = try YAMLSource.parse(text, file: file)
    } catch let error as InputError {
      diagnostics += error.diagnostics.map {
        Self.shifted($0, lines: node.startLine, columns: indent)
      }
      return []
    } catch {
      self.error("\(error)", at: location(of: node), path: path)
      return []
    }
    guard let tree = parsed?.shifted(lines: node.startLine, columns: indent) else { return [] }
    guard case .index(let first) = path.components.last else { return [] }
    var blocks: [ContentBlock] = []
    for (offset, item) in (tree.items ?? [tree]).enumerated() {
      let at = path.parent.appending(first + offset)
      positions.yamlBlocks[at] = item
      if let block = try? session.decode(ContentBlock.self, from: item, at: at) {
        blocks.append(block)
      }
    }
    return blocks
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
