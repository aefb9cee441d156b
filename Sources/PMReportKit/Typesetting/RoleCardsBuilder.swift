import Frames
import Pagination
import ReportModel
import TextShaping

/// The role-cards document: one card (page) per role with its statement on each aspect, then its
/// strengths and its risks.
///
/// What feeds a card is marked in the content, not guessed from ids: the aspects are the rows of
/// the first role table set as a paired list (a `.paired` section), else of the first role table;
/// the strengths and risks are the labels of the labelled lists in the sections marked
/// `role=<id> kind=strengths` or `kind=risks`.
struct RoleCardsBuilder {
  let content: Comparison
  let type: TypeSet

  func blocks(pages: PageMap) throws -> [any Block] {
    content.roles.enumerated().flatMap { index, role in card(for: role, first: index == 0) }
  }

  /// The rows that give each card its aspects: the first role table set as a paired list (the
  /// key differences), else the first role table.
  var aspects: [RoleRow] {
    let tables = content.roleTables
    return (tables.first(where: \.paired) ?? tables.first)?.rows ?? []
  }

  private func card(for role: Role, first: Bool) -> [any Block] {
    var title = type.heading(role.name, number: nil, level: 1, anchor: "card-\(role.id)")
    title.breaks.pageBreakBefore = !first
    var out: [any Block] = [title]
    for row in aspects {
      guard let text = row.text(for: role.id) else { continue }
      out.append(type.paragraph(type.labelled(row.label, text)))
    }
    out += labelList(.strengths, kind: .strengths, role: role.id)
    out += labelList(.risks, kind: .risks, role: role.id)
    return out
  }

  /// The labels of the labelled lists in the sections marked for `role` and `kind`.
  func labels(_ kind: SectionKind, role: RoleID) -> [String] {
    content.allSections.filter { $0.role == role && $0.kind == kind }.flatMap(\.labels)
  }

  /// A subheading and the labels of the labelled lists in the sections marked for `role` and
  /// `kind`, as bullets.
  ///
  /// The anchor is named after the key, so it stays the same in every language.
  private func labelList(_ title: Words.Key, kind: SectionKind, role: RoleID) -> [any Block] {
    let labels = labels(kind, role: role)
    guard !labels.isEmpty else { return [] }
    let heading = type.heading(
      type.words[title], number: nil, level: 2, anchor: "card-\(role)-\(title.rawValue)")
    return [heading, type.list(labels.map { (nil, RichText($0)) })]
  }
}
