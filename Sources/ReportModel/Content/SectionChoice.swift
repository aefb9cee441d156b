/// What a document's `sections:` entry chooses: a section by its id, or every section of a class
/// (`.paired`, `.faq`) as a Markdown heading marks it, whatever its id, so that a config need not
/// know the ids of a content written in another language.
public enum SectionChoice: Hashable, Sendable {
  case id(String)
  /// The sections marked `.paired` (`paired: true`) or holding a role table set as a paired
  /// list (a `paired:` block).
  case paired
  /// The sections that hold questions and answers (`.faq`).
  case faq

  /// The classes an entry may name, as written.
  public static let classes = [".paired", ".faq"]

  /// Reads an entry: a class when it starts with "."; nil for a class not in ``classes``.
  public init?(_ entry: String) {
    switch entry {
    case ".paired": self = .paired
    case ".faq": self = .faq
    default:
      if entry.hasPrefix(".") { return nil }
      self = .id(entry)
    }
  }

  /// Whether `section` itself is chosen.
  func chooses(_ section: Section) -> Bool {
    switch self {
    case .id(let id): section.id == id
    case .paired:
      section.paired
        || section.blocks.contains {
          if case .roleTable(let table) = $0 { return table.paired }
          return false
        }
    case .faq:
      section.blocks.contains {
        if case .faq = $0 { return true }
        return false
      }
    }
  }
}

extension Comparison {
  /// The sections a document's `sections:` entry chooses, at any depth in reading order; none
  /// for an unknown id or class, or a class no section has.
  public func sections(chosenBy entry: String) -> [Section] {
    guard let choice = SectionChoice(entry) else { return [] }
    return allSections.filter(choice.chooses)
  }

  /// The sections a document's `sections:` list chooses, each once, in the list's order.
  public func sections(chosenBy entries: [String]) -> [Section] {
    var seen: Set<String> = []
    return entries.flatMap { sections(chosenBy: $0) }.filter { seen.insert($0.id).inserted }
  }
}
