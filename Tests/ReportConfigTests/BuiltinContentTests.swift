import ContentFixtures
import Foundation
import ReportConfig
import ReportModel
import Testing

/// Checks the built-in comparison (`BuiltinContent/comparison.md`, read by the loader) against the
/// article it was transcribed from (`Fixtures/comparison-article.txt`): nothing dropped, nothing
/// garbled, ids and chart data sound.
@Suite("Built-in comparison")
struct BuiltinContentTests {
  let model: Comparison

  init() throws { model = try ConfigLoader.builtInContent() }

  // MARK: - Completeness

  @Test("every sentence of the article is in the model")
  func everySentenceIsInTheModel() throws {
    let units = ArticleText.checkUnits(of: try ArticleText.load())
    // A guard against a splitter that silently finds nothing: the article has about 260.
    #expect(units.count > 250)
    let corpus = ArticleText.normalise(ModelText.article(model).joined(separator: "\n"))
    let missing = units.filter { !corpus.contains($0) }
    #expect(missing.isEmpty, "not in the model:\n\(missing.joined(separator: "\n"))")
  }

  @Test("every text in the model is the article's own")
  func everyModelTextIsInTheArticle() throws {
    let article = ArticleText.normalise(try ArticleText.load())
    let invented = ModelText.article(model).map(ArticleText.normalise).filter {
      !article.contains($0)
    }
    #expect(invented.isEmpty, "not in the article:\n\(invented.joined(separator: "\n"))")
  }

  @Test("the sections come in the article's order")
  func sectionOrder() {
    #expect(
      model.sections.map(\.id) == [
        "main-difference", "who-is-who", "key-differences", "key-similarities",
        "business-advantages", "business-disadvantages", "technical-advantages",
        "technical-disadvantages", "business-excels", "technical-excels",
        "roles-and-responsibilities", "training-and-education", "daily-tasks",
        "strategic-influence", "faq", "summary",
      ])
    #expect(
      model.section(id: "training-and-education")?.subsections.map(\.id)
        == ["business-education", "technical-education"])
    #expect(model.section(id: "training-and-education")?.blocks.isEmpty == true)
    #expect(
      model.section(id: "daily-tasks")?.subsections.map(\.id)
        == ["business-daily-work", "technical-daily-work"])
    #expect(model.introduction.count == 1)
    #expect(model.info == ContentInfo())
    for section in model.allSections {
      #expect(!section.blocks.isEmpty || !section.subsections.isEmpty, "\(section.id) is empty")
    }
  }

  @Test("the roles: business first, technical second")
  func roles() {
    #expect(
      model.roles == [
        Role(id: "business", name: "Business Product Manager", shortName: "Business PM"),
        Role(id: "technical", name: "Technical Product Manager", shortName: "Technical PM"),
      ])
  }

  // MARK: - Artefacts of the source

  @Test("no garbled role label and no plain-text artefact survives")
  func noArtefacts() {
    let garbled = [
      "Technical Product Bill", "Business Product Penn", "Technical Food Pyramid",
      "Business Product Against", "Technical Snow Table",
      "Product Bill", "Product Penn", "Food Pyramid", "Product Against", "Snow Table",
    ]
    for string in ModelText.all(model) {
      for label in garbled {
        #expect(!string.contains(label), "“\(label)” in “\(string)”")
      }
      // A run-on list label (" - Skills:"), a table pipe, a stray edge space.
      #expect(
        string.range(of: #"\s-\s[A-Z][^:]*:$"#, options: .regularExpression) == nil,
        "run-on label in “\(string)”")
      #expect(!string.contains("|"), "table pipe in “\(string)”")
      #expect(string == string.trimmingCharacters(in: .whitespacesAndNewlines), "“\(string)”")
    }
    // Paired statements name their role by identity, never by a typed "X Y Z:" prefix.
    for item in ModelText.pairedItems(model) {
      for text in item.cells.map(\.text.plain) {
        #expect(
          text.range(of: #"^\w+ \w+ \w+: "#, options: .regularExpression) == nil,
          "role prefix in “\(text)”")
      }
    }
    // Labels carry no colon: the renderer adds it.
    for label in ModelText.labels(model) { #expect(!label.hasSuffix(":"), "“\(label)”") }
    // The article's typographic apostrophe is kept.
    #expect(ModelText.article(model).contains { $0.contains("product’s") })
    #expect(!ModelText.article(model).contains { $0.contains("product's") })
  }

  // MARK: - Ids

  @Test("section and chart ids are unique kebab-case; chart sections exist")
  func ids() throws {
    let kebab = #"^[a-z0-9]+(-[a-z0-9]+)*$"#
    let sectionIDs = model.allSections.map(\.id)
    let chartIDs = (model.charts.specs ?? []).map(\.id)
    for id in sectionIDs + chartIDs {
      #expect(id.range(of: kebab, options: .regularExpression) != nil, "“\(id)” is not kebab-case")
    }
    #expect(Set(sectionIDs).count == sectionIDs.count, "duplicate section ids: \(sectionIDs)")
    #expect(Set(chartIDs).count == chartIDs.count, "duplicate chart ids: \(chartIDs)")

    for spec in model.charts.specs ?? [] {
      let section = try #require(spec.section, "chart \(spec.id) names no section")
      #expect(model.section(id: section) != nil, "chart \(spec.id): no section “\(section)”")
    }
    let overlap = try #require(model.charts.overlap)
    let shared = try #require(model.section(id: overlap.sharedSection))
    let hasLabelledList = shared.blocks.contains {
      if case .labelledList(let items) = $0 { return !items.isEmpty }
      return false
    }
    #expect(hasLabelledList, "\(shared.id) holds no labelled list")
  }

  // MARK: - Shapes and counts

  @Test("counts: 14 table rows, 8 differences, 6 responsibilities, 8 FAQ entries")
  func counts() throws {
    let summary = try #require(model.section(id: "summary"))
    let tables = summary.blocks.compactMap { block -> RoleTable? in
      if case .roleTable(let t) = block, !t.paired { return t }
      return nil
    }
    #expect(tables.count == 1)
    let table = try #require(tables.first)
    #expect(table.aspectHeader == "Aspect" && table.columns == ["business", "technical"])
    #expect(table.rows.count == 14)
    #expect(table.rows.first?.label == "Focus")
    #expect(table.rows.last?.label == "Vision and Strategic Influence")
    if case .paragraph = summary.blocks.first {
    } else {
      Issue.record("summary opens with its paragraph")
    }

    #expect(pairedItems(in: "key-differences").count == 8)
    #expect(pairedItems(in: "key-differences").first?.label == "Focus")
    #expect(pairedItems(in: "roles-and-responsibilities").count == 6)

    let faq = try #require(model.section(id: "faq"))
    #expect(faq.title == "FAQs")
    let entries = faq.blocks.flatMap { block -> [FAQEntry] in
      if case .faq(let e) = block { return e }
      return []
    }
    #expect(entries.count == 8)
    for entry in entries { #expect(entry.question.hasSuffix("?")) }

    let listCounts = [
      "key-similarities": 6, "business-advantages": 7, "business-disadvantages": 6,
      "technical-advantages": 6, "technical-disadvantages": 6,
      "business-excels": 6, "technical-excels": 6,
    ]
    for (id, count) in listCounts {
      #expect(labelledItems(in: id).count == count, "\(id)")
    }
    for id in [
      "who-is-who", "strategic-influence", "business-education", "technical-education",
      "business-daily-work", "technical-daily-work",
    ] {
      #expect(paragraphs(in: id).count == 2, "\(id)")
    }
  }

  @Test("chart data: scores within 0…5, short traits, linked teams")
  func chartData() throws {
    let charts = model.charts
    #expect((charts.specs ?? []).map(\.kind) == [.radar, .divergingBars, .venn, .stakeholderMap])
    for id in ["focus-profile", "focus-difference"] {
      let caption = try #require(charts.charts(roleCount: 2).first { $0.id == id }).caption
      #expect(
        caption.contains("0–5") && caption.lowercased().contains("editorial"), "\(id): \(caption)")
    }

    #expect((7...8).contains(charts.focus.count))
    #expect(Set(charts.focus.map(\.label)).count == charts.focus.count)
    for dim in charts.focus {
      for role in [RoleID.business, .technical] {
        #expect((0...5).contains(dim.score(for: role)), "\(dim.label): \(dim.score(for: role))")
      }
    }
    let market = try #require(charts.focus.first { $0.label == "Market insight" })
    #expect(market.score(for: .business) > market.score(for: .technical))
    let technical = try #require(charts.focus.first { $0.label == "Technical depth" })
    #expect(technical.score(for: .technical) > technical.score(for: .business))

    let overlap = try #require(charts.overlap)
    let sharedLabels = Set(labelledItems(in: overlap.sharedSection).map { $0.label.lowercased() })
    for traits in [overlap.traits(of: .business), overlap.traits(of: .technical)] {
      #expect((4...6).contains(traits.count))
      #expect(Set(traits).count == traits.count)
      for trait in traits {
        #expect(trait.split(separator: " ").count <= 3, "“\(trait)” is long")
        #expect(!sharedLabels.contains(trait.lowercased()), "“\(trait)” is a shared trait")
      }
    }
    #expect(Set(overlap.traits(of: .business)).isDisjoint(with: overlap.traits(of: .technical)))

    let teams = charts.stakeholders.map(\.team)
    #expect(Set(teams).count == teams.count)
    for link in charts.stakeholders {
      #expect(!link.roles.isEmpty && Set(link.roles).count == link.roles.count, "\(link.team)")
    }
    for role in [RoleID.business, .technical] {
      #expect(charts.stakeholders.contains { $0.roles == [role] }, "no team for \(role) alone")
    }
  }

  // MARK: - Helpers

  private func blocks(in id: String) -> [ContentBlock] { model.section(id: id)?.blocks ?? [] }

  private func pairedItems(in id: String) -> [RoleRow] {
    blocks(in: id).flatMap { block -> [RoleRow] in
      if case .roleTable(let table) = block, table.paired { return table.rows }
      return []
    }
  }

  private func labelledItems(in id: String) -> [LabelledItem] {
    blocks(in: id).flatMap { block -> [LabelledItem] in
      if case .labelledList(let items) = block { return items }
      return []
    }
  }

  private func paragraphs(in id: String) -> [String] {
    blocks(in: id).compactMap { block -> String? in
      if case .paragraph(let p) = block { return p.plain }
      return nil
    }
  }
}

// MARK: - The article as text

/// Reads the fixture article and cuts it into the pieces the model must hold.
private enum ArticleText {
  static func load() throws -> String {
    let url = try #require(
      Bundle.module.url(
        forResource: "comparison-article", withExtension: "txt", subdirectory: "Fixtures"))
    return try String(contentsOf: url, encoding: .utf8)
  }

  /// Whitespace runs collapsed to one space, ends trimmed.
  static func normalise(_ text: String) -> String {
    text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  /// The article's sentences, list labels, headings and table cells, each normalised, with the
  /// plain-text artefacts removed: the "- Label:" item openers and " - Label:" run-on tails (the
  /// label itself is kept as a unit), the "Business Product Manager:" (or garbled) prefixes of the
  /// role-paired lines, a heading's trailing colon, and the table's pipes and separator row.
  static func checkUnits(of article: String) -> [String] {
    var units: [String] = []
    for rawLine in article.split(whereSeparator: \.isNewline) {
      var line = normalise(String(rawLine))
      if line.isEmpty || line.hasPrefix("---|") { continue }
      // "- Focus:" opens an item whose text is on the next line.
      if line.hasPrefix("- "), line.hasSuffix(":") {
        units.append(String(line.dropFirst(2).dropLast()))
        continue
      }
      // "… possibilities. - Skills:" closes one item and opens the next.
      if let tail = line.range(of: #" - [A-Z][^:]*:$"#, options: .regularExpression) {
        units.append(String(line[tail].dropFirst(3).dropLast()))
        line.removeSubrange(tail)
      }
      // "Technical Product Bill: Focuses on …": the role is kept by identity, not by label.
      if let prefix = line.range(
        of: #"^(Business|Technical) [A-Za-z]+ [A-Za-z]+: "#,
        options: .regularExpression)
      {
        line.removeSubrange(prefix)
      }
      // "Focus | Concentrates on … | Concentrates on … |"
      if line.hasSuffix("|") {
        units += line.split(separator: "|").map { normalise(String($0)) }.filter { !$0.isEmpty }
        continue
      }
      if line.hasSuffix(":") { line.removeLast() }
      units += sentences(of: line)
    }
    return units
  }

  /// Splits after ".", "?" or "!" when a space and a capital letter follow.
  static func sentences(of text: String) -> [String] {
    var result: [String] = []
    var current = ""
    let chars = Array(text)
    var i = 0
    while i < chars.count {
      current.append(chars[i])
      if ".?!".contains(chars[i]), i + 2 < chars.count, chars[i + 1] == " ",
        chars[i + 2].isUppercase
      {
        result.append(current)
        current = ""
        i += 2
        continue
      }
      i += 1
    }
    if !current.isEmpty { result.append(current) }
    return result.map(normalise).filter { !$0.isEmpty }
  }
}

// MARK: - The model's strings

/// The model's strings, gathered for the checks above.
private enum ModelText {
  /// Every string transcribed from the article: role names, introduction, titles, paragraphs,
  /// labels, item texts, FAQ, the table header and cells.
  ///
  /// Not the chart data or short names.
  static func article(_ model: Comparison) -> [String] {
    model.roles.map(\.name) + model.introduction.flatMap(strings)
      + model.allSections.flatMap { section in
        [section.title] + section.blocks.flatMap(strings)
      }
  }

  /// Every string in the model, chart data included.
  static func all(_ model: Comparison) -> [String] {
    let charts = model.charts
    return article(model) + model.roles.map(\.shortName)
      + (charts.specs ?? []).flatMap { [$0.title, $0.caption] }
      + charts.focus.map(\.label)
      + (charts.overlap?.distinct ?? []).flatMap(\.traits)
      + charts.stakeholders.map(\.team)
  }

  /// The paired items of every list and table.
  static func pairedItems(_ model: Comparison) -> [RoleRow] { model.roleTables.flatMap(\.rows) }

  /// The label of every item and table row.
  static func labels(_ model: Comparison) -> [String] {
    pairedItems(model).map(\.label)
      + model.allSections.flatMap(\.blocks).flatMap { block -> [String] in
        if case .labelledList(let items) = block { return items.map(\.label) }
        return []
      }
  }

  /// A block's strings, in reading order.
  static func strings(_ block: ContentBlock) -> [String] {
    switch block {
    case .paragraph(let text): return [text.plain]
    case .labelledList(let items): return items.flatMap { [$0.label, $0.text.plain] }
    case .faq(let entries): return entries.flatMap { [$0.question, $0.answer.plain] }
    case .roleTable(let table):
      // A paired list has no header of its own.
      return (table.paired ? [] : [table.aspectHeader])
        + table.rows.flatMap { [$0.label] + $0.cells.map(\.text.plain) }
    case .table(let table):
      return (table.header + table.rows.flatMap { $0 }).map(\.plain)
    case .list(let list): return list.items.flatMap { $0.flatMap(strings) }
    case .quote(let blocks): return blocks.flatMap(strings)
    case .code(let code): return [code.text]
    case .image(let image): return [image.alt]
    case .rule: return []
    }
  }
}
