import ReportModel

/// A section's fenced divs: `::: notes` as its speaker notes, `::: slide` as its slide text.
extension MarkdownReader {
  /// Reads the divs that open before `line` (all of them when nil) into `section`'s notes or
  /// slide text; a div before the first heading is reported (notes belong to a section).
  mutating func attach(
    _ divs: inout ArraySlice<FencedDivs.Div>, before line: Int?, to section: SectionDraft?
  ) {
    while let div = divs.first, line.map({ div.line < $0 }) ?? true {
      divs.removeFirst()
      let at = SourceLocation(file: file, line: div.line, column: 1)
      guard let section else {
        error(
          "a '::: \(div.kind.rawValue)' div belongs to a section; move it below a heading",
          at: at, path: .root)
        continue
      }
      let key = div.kind == .notes ? SectionKey.notes : SectionKey.slide
      let path = section.path.appending(key.rawValue)
      let (document, tooDeep) = MarkdownSyntax.parse(div.text)
      if let tooDeep {
        error(
          "lists and quotes nest deeper than \(Self.maximumDepth) levels here; "
            + "content needs only a few", at: location(of: tooDeep), path: path)
        continue
      }
      checkLinksAndControls(in: document, block: at)
      positions.body[path] = positions.body[path] ?? at
      for node in document.children {
        guard node.kind != .heading else {
          error(
            "a '::: \(div.kind.rawValue)' div holds no headings; close the div above it",
            at: location(of: node), path: path)
          continue
        }
        let count = key == .notes ? section.section.notes.count : section.section.slide.count
        let read = blocks(node, path: path.appending(count), paired: section.section.paired)
        if key == .notes {
          section.section.notes += read
        } else {
          section.section.slide += read
        }
      }
    }
  }
}
