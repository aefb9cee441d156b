import Frames
import Pagination
import ReportModel
import TextShaping

/// The role-cards document: one card (page) per role with its focus, skills, tools, background and
/// the other aspects of the differences list, then its strengths and its risks.
///
/// Which sections feed a card follows the content's ids: the role-paired lists give the aspects;
/// `<role>-advantages` and `<role>-excels` the strengths; `<role>-disadvantages` the risks.
struct RoleCardsBuilder {
  let content: Comparison
  let type: TypeSet

  func blocks(pages: PageMap) throws -> [any Block] {
    RoleID.allCases.enumerated().flatMap { index, role in card(for: role, first: index == 0) }
  }

  private func card(for role: RoleID, first: Bool) -> [any Block] {
    let name = content.role(role).name
    var title = type.heading(name, number: nil, level: 1, anchor: "card-\(role.rawValue)")
    title.breaks.pageBreakBefore = !first
    var out: [any Block] = [title]
    let aspects = (content.section(id: "key-differences")?.blocks ?? []).flatMap {
      block -> [PairedItem] in
      if case .pairedList(let items) = block { return items }
      return []
    }
    for item in aspects {
      out.append(type.paragraph(type.labelled(item.label, item.text(for: role))))
    }
    out += labelList(
      .strengths, ids: ["\(role.rawValue)-advantages", "\(role.rawValue)-excels"], role: role)
    out += labelList(.risks, ids: ["\(role.rawValue)-disadvantages"], role: role)
    return out
  }

  /// A subheading and the labels of the labelled lists in the sections `ids`, as bullets.
  ///
  /// The anchor is named after the key, so it stays the same in every language.
  private func labelList(_ title: Words.Key, ids: [String], role: RoleID) -> [any Block] {
    let labels = ids.compactMap(content.section(id:)).flatMap { section in
      section.blocks.flatMap { block -> [String] in
        if case .labelledList(let items) = block { return items.map(\.label) }
        return []
      }
    }
    guard !labels.isEmpty else { return [] }
    let heading = type.heading(
      type.words[title], number: nil, level: 2, anchor: "card-\(role.rawValue)-\(title.rawValue)")
    return [heading, type.list(labels.map { (nil, $0) })]
  }
}
