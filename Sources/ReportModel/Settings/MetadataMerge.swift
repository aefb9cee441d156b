/// Where a document's metadata comes from: the config's `metadata`, over the content's own front
/// matter, over defaults.

/// The `metadata` keys a config can set.
public enum MetadataKey: String, CaseIterable, Hashable, Sendable {
  case title, subtitle, author, subject, keywords, lang
}

extension Metadata {
  /// The metadata of a run: each key the config wrote (`configKeys`) keeps the config's value;
  /// the others take the content's front matter (`title`, `subtitle`, `author`, `lang`) when it has
  /// them,
  /// else this value's (the built-in defaults, which describe the built-in article).
  ///
  /// For content other than the built-in article (`builtInContent` false) the built-in defaults
  /// would describe the wrong thing: a missing title becomes `fallbackTitle`, and the subtitle,
  /// subject and keywords are left empty.
  public func merged(
    with info: ContentInfo, configKeys: Set<MetadataKey>, builtInContent: Bool,
    fallbackTitle: String
  ) -> Metadata {
    var out = self
    func keep(_ key: MetadataKey) -> Bool { configKeys.contains(key) }
    if !keep(.title) { out.title = info.title ?? (builtInContent ? title : fallbackTitle) }
    if !keep(.subtitle) { out.subtitle = info.subtitle ?? (builtInContent ? subtitle : nil) }
    if !keep(.author), let author = info.author { out.author = author }
    if !keep(.lang), let lang = info.lang { out.lang = lang }
    if !keep(.subject), !builtInContent { out.subject = info.subtitle ?? "" }
    if !keep(.keywords), !builtInContent { out.keywords = [] }
    return out
  }
}
