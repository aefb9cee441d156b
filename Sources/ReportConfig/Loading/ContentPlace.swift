import ReportModel

/// A section, block or list item's place in the content: the path its value has in a YAML
/// content file (`sections[2].blocks[3].bullets.items[1]`).
///
/// The Markdown reader records positions by these paths; the typesetting asks for them.
public struct ContentPlace: Hashable, Sendable {
  let path: NodePath

  /// The top-level section at `index` in the content's `sections`.
  public static func section(_ index: Int) -> ContentPlace {
    ContentPlace(path: NodePath.root.appending(Comparison.CodingKeys.sections.rawValue))
      .indexed(index)
  }

  /// The introduction's block at `index`.
  public static func introduction(_ index: Int) -> ContentPlace {
    ContentPlace(path: NodePath.root.appending(Comparison.CodingKeys.introduction.rawValue))
      .indexed(index)
  }

  /// A section's subsection at `index`.
  public func subsection(_ index: Int) -> ContentPlace {
    ContentPlace(path: path.subsection(index))
  }

  /// A section's block at `index`.
  public func block(_ index: Int) -> ContentPlace { ContentPlace(path: path.block(index)) }

  /// A bulleted or numbered list's item at `index`.
  public func listItem(_ index: Int) -> ContentPlace { ContentPlace(path: path.listItem(index)) }

  /// A labelled list's item at `index`.
  public func labelledItem(_ index: Int) -> ContentPlace {
    ContentPlace(path: path.labelledItem(index))
  }

  /// A quote's block at `index`.
  public func quoted(_ index: Int) -> ContentPlace { ContentPlace(path: path.quoted(index)) }

  /// The element at `index` of the list here (a list item's blocks).
  public func indexed(_ index: Int) -> ContentPlace {
    ContentPlace(path: path.appending(index))
  }
}

/// The content file's paths to sections, blocks and list items, as the YAML schema spells them.
extension NodePath {
  func subsection(_ index: Int) -> NodePath {
    appending(Section.CodingKeys.subsections.rawValue).appending(index)
  }

  func block(_ index: Int) -> NodePath {
    appending(Section.CodingKeys.blocks.rawValue).appending(index)
  }

  func listItem(_ index: Int) -> NodePath {
    appending(ContentBlock.Kind.bullets.rawValue).appending(ListBlock.CodingKeys.items.rawValue)
      .appending(index)
  }

  func labelledItem(_ index: Int) -> NodePath {
    appending(ContentBlock.Kind.list.rawValue).appending(index)
  }

  func quoted(_ index: Int) -> NodePath {
    appending(ContentBlock.Kind.quote.rawValue).appending(index)
  }
}

/// Where a content file's sections, blocks and list items were written, for the source spans
/// the typesetting gives frame items.
public struct ContentPositions: Sendable {
  let positions: any SourcePositions

  /// Where the value at `place` was written; nil when the file holds none there.
  public func location(of place: ContentPlace) -> SourceLocation? {
    positions.writtenLocation(at: place.path)
  }
}
