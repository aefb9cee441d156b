import ContentFixtures
import Foundation
import ReportModel
import Testing

@testable import ReportConfig

/// Content files: loading, the content rules, and the export round trip.
@Suite struct ContentTests {
  /// A small comparison with text that YAML must quote or keep: colons, quotes, ’, lines, YAML words.
  static let sample = Comparison(
    roles: Role.articleRoles,
    introduction: [
      "It’s a “comparison”: two roles, # not a comment, 'quoted' too.",
      "yes", "null", "123", "- not a list", " leading space", "two\nlines\n", "",
      String(repeating: "A long sentence that goes on. ", count: 8),
    ].map { ContentBlock.paragraph(RichText($0)) },
    sections: [
      Section(
        id: "key-differences", title: "Key Differences: an overview",
        blocks: [
          .paragraph("Plain prose."),
          .roleTable(
            RoleTable(
              aspectHeader: "Aspect",
              rows: [RoleRow(label: "Focus", business: "Market", technical: "Technology")],
              paired: true)),
        ],
        subsections: [
          Section(
            id: "in-detail", title: "In detail",
            blocks: [
              .labelledList([LabelledItem(label: "Market Insight", text: "Knows the customer.")]),
              .faq([FAQEntry(question: "Who decides?", answer: "Both, together.")]),
            ])
        ]),
      Section(
        id: "summary", title: "Summary",
        blocks: [
          .roleTable(
            RoleTable(
              aspectHeader: "Aspect",
              rows: [RoleRow(label: "Goal", business: "Revenue", technical: "Reliability")]))
        ]),
    ],
    charts: ChartData(
      specs: [
        ChartSpec(
          id: "focus-profile", kind: .radar, title: "Focus", caption: "Emphasis 0–5.",
          section: "key-differences"),
        ChartSpec(id: "overlap", kind: .venn, title: "Overlap", caption: "", section: nil),
      ],
      focus: [
        FocusDimension(label: "Strategy", business: 4.5, technical: 2),
        FocusDimension(label: "Architecture", business: 0.25, technical: 5),
      ],
      overlap: OverlapTraits(
        business: ["Pricing"], technical: ["APIs"], sharedSection: "in-detail"),
      stakeholders: [
        StakeholderLink(team: "Sales", roles: [.business]),
        StakeholderLink(team: "Engineering", roles: [.business, .technical]),
      ]))

  @Test func exportRoundTripsTheSample() throws {
    try checkRoundTrip(ContentTests.sample)
  }

  @Test func exportRoundTripsTheBuiltInComparison() throws {
    try checkRoundTrip(ConfigLoader.builtInContent())
  }

  private func checkRoundTrip(_ comparison: Comparison) throws {
    let folder = try TempFolder()
    defer { folder.remove() }
    let text = try ConfigLoader.exportContent(comparison)
    let path = try folder.write("content.yml", text)
    let loaded = try ConfigLoader.loadContent(path: path, inputs: Inputs())
    #expect(loaded == comparison)
    #expect(try ConfigLoader.exportContent(loaded) == text)
  }

  @Test func exportIsReadableBlockYAMLInDeclaredKeyOrder() throws {
    let text = try ConfigLoader.exportContent(ContentTests.sample)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    // Top-level keys in the model's order, not alphabetical or hash order.
    let topLevel = lines.filter { $0.first?.isLetter == true }.map {
      String($0.prefix { $0 != ":" })
    }
    #expect(
      topLevel == [
        "roles", "focus", "overlap", "stakeholders", "charts", "introduction", "sections",
      ])
    #expect(lines.contains("- id: business"))
    #expect(lines.contains("  short-name: Business PM"))
    #expect(lines.contains("- 'It’s a “comparison”: two roles, # not a comment, ''quoted'' too.'"))
    #expect(lines.contains("- 'yes'") && lines.contains("- 'null'") && lines.contains("- '123'"))
    #expect(lines.contains("  business: 4.5") && lines.contains("  business: 0.25"))
    #expect(lines.contains("  - paragraph: Plain prose."))
    #expect(lines.contains("      aspect-header: Aspect"))
    #expect(!text.contains("\\u"))  // no escaped Unicode
    #expect(!text.contains("{") && !text.contains("[]"))  // block style throughout
    // Long text stays on one line.
    #expect(lines.contains { $0.hasPrefix("- 'A long sentence") && $0.count > 200 })
  }

  @Test func aMissingContentFileIsAMissingFileError() throws {
    #expect(throws: MissingFileError.self) {
      try ConfigLoader.loadContent(path: "/nonexistent/content.yml", inputs: Inputs())
    }
  }

  @Test func contentRulesAreCheckedAllAtOnce() throws {
    let folder = try TempFolder()
    defer { folder.remove() }
    let path = try folder.write(
      "bad.yml",
      """
      roles:
        - {id: business, name: B, short-name: b}
        - {id: technical, name: T, short-name: t}
        - {id: business, name: C, short-name: c}
      introduction: []
      sections:
        - id: Main Points
          title: Main
          blocks:
            - paragrph: x
            - paragraph: a
              list: []
            - paired: [{label: Focus, business: Market, technicl: Code}]
        - id: summary
          title: Summary
          subsections:
            - id: summary
              title: Again
      charts:
        specs:
          - {id: focus-profile, kind: radr, title: F, caption: c, section: sumary}
        focus:
          - {label: Strategy, business: 7, technical: -1}
        overlap: {business: [], technical: [], shared-section: nope}
        stakeholders: [{team: Sales, roles: [business, sales]}]
      """)
    let error = try #require(
      inputError { try ConfigLoader.loadContent(path: path, inputs: Inputs()) })
    let d = error.diagnostics
    #expect(
      diagnostic(d, at: "roles[2].id")?.message
        == "role 'business' is already defined by roles[0]; role ids must be unique")
    #expect(
      diagnostic(d, at: "sections[0].blocks[2].paired[0].technicl")?.message
        == "no role has the id 'technicl'; did you mean 'technical'?")
    #expect(
      diagnostic(d, at: "sections[0].blocks[2].paired[0]")?.message
        == "the row 'Focus' has no statement for 'technical'; a role table has one for each role "
        + "(business, technical)")
    #expect(
      diagnostic(d, at: "sections[0].id")?.message.hasPrefix(
        "section id 'Main Points' must be kebab-case") == true)
    #expect(
      diagnostic(d, at: "sections[0].blocks[0].paragrph")?.message
        == "unknown key 'paragrph' in blocks[0]; did you mean 'paragraph'?")
    #expect(diagnostic(d, at: "sections[0].blocks[0]") == nil)  // the unknown key says it all
    #expect(
      diagnostic(d, at: "sections[0].blocks[1]")?.message
        == "a block has exactly one of the keys paragraph, list, bullets, faq, paired, table, "
        + "grid, code, quote, rule, image")
    let duplicate = try #require(diagnostic(d, at: "sections[1].subsections[0].id"))
    #expect(
      duplicate.message
        == "section id 'summary' is already used by sections[1] (line 14); ids must be unique")
    #expect(duplicate.line == 17 && duplicate.column == 13)
    #expect(
      diagnostic(d, at: "charts.specs[0].kind")?.message.hasSuffix("did you mean 'radar'?") == true)
    #expect(
      diagnostic(d, at: "charts.specs[0].section")?.message
        == "no section has the id 'sumary'; did you mean 'summary'?")
    #expect(
      diagnostic(d, at: "charts.focus[0].business")?.message
        == "a focus score must be between 0 and 5, not 7")
    #expect(
      diagnostic(d, at: "charts.focus[0].technical")?.message
        == "a focus score must be between 0 and 5, not -1")
    #expect(
      diagnostic(d, at: "charts.overlap.shared-section")?.message
        == "no section has the id 'nope'; the section ids are: Main Points, summary")
    #expect(
      diagnostic(d, at: "charts.stakeholders[0].roles[1]")?.message
        == "no role has the id 'sales'; the role ids are: business, technical")
    #expect(d.count == 13)
  }

  @Test func rolesAreTwoToFourKeptInTheOrderWritten() throws {
    let folder = try TempFolder()
    defer { folder.remove() }
    let text = try ConfigLoader.exportContent(ContentTests.sample)
    // Only one role.
    let oneRole = text.replacingOccurrences(
      of: "- id: technical\n  name: Technical Product Manager\n  short-name: Technical PM\n",
      with: "")
    let error = inputError {
      try ConfigLoader.loadContent(path: try folder.write("one.yml", oneRole), inputs: Inputs())
    }
    #expect(
      diagnostic(error?.diagnostics ?? [], at: "roles")?.message
        == "a comparison has 2 to 4 roles, found 1 (leave roles out for a plain document)")
    // Both roles, technical first: accepted, in that order (columns and cards follow it).
    var reversed = ContentTests.sample
    reversed.roles.reverse()
    let swapped = try ConfigLoader.loadContent(
      path: try folder.write("swapped.yml", try ConfigLoader.exportContent(reversed)),
      inputs: Inputs())
    #expect(swapped == reversed)
    #expect(swapped.roles.map(\.id) == [.technical, .business])
  }

  @Test func anEmptyContentFileIsAnErrorAtItsFirstLine() throws {
    let folder = try TempFolder()
    defer { folder.remove() }
    for (name, text) in [("empty.yml", ""), ("blank.md", " \n\n")] {
      let error = inputError {
        try ConfigLoader.loadContent(path: try folder.write(name, text), inputs: Inputs())
      }
      let messages = error?.diagnostics.map(\.message) ?? []
      #expect(messages.count == 1 && messages[0].hasPrefix("the content file holds no text"))
      #expect(error?.diagnostics.first?.line == 1 && error?.diagnostics.first?.column == 1)
    }
    // An empty mapping is text: the missing key is listed.
    let error = inputError {
      try ConfigLoader.loadContent(path: try folder.write("mapping.yml", "{}\n"), inputs: Inputs())
    }
    #expect(error?.diagnostics.map(\.message) == ["missing required key 'sections'"])
  }
}
