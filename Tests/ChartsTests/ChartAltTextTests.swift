import Charts
import ContentFixtures
import Frames
import ReportModel
import Testing

/// Charts' alternate text: generated from the data in the document's words, or the content's own.
@Suite struct ChartAltTextTests {
  func alt(_ kind: ChartKind, _ content: Comparison = Fixture.comparison(), words: Words = .english)
    -> String
  {
    ChartAltText.text(for: Fixture.spec(kind), content: content, words: words)
  }

  @Test func radarGivesEveryRolesScoreOnEveryDimension() {
    #expect(
      alt(.radar)
        == "Focus profile, scores 0 to 5. Business PM: Market insight 5, Customer contact 4, "
        + "Technical depth 1, Engineering collaboration and delivery 2, Quality 2, User needs 4. "
        + "Technical PM: Market insight 2, Customer contact 2, Technical depth 5, "
        + "Engineering collaboration and delivery 5, Quality 4, User needs 4.")
  }

  @Test func theBuiltInRadarNamesEveryDimensionAndBothRolesWithTheirScores() throws {
    let content = try Comparison.builtIn
    let spec = try #require(content.charts(words: .english).first { $0.kind == .radar })
    let text = ChartAltText.text(for: spec, content: content, words: .english)
    #expect(content.roles.count == 2)
    for role in content.roles {
      let scores = content.charts.focus.map { d in
        let s = d.score(for: role.id)
        let n = s == s.rounded() ? String(Int(s)) : String(s)
        return "\(d.label) \(n)"
      }
      #expect(text.contains("\(role.shortName): \(scores.joined(separator: ", "))."), "\(text)")
    }
    #expect(!content.charts.focus.isEmpty)
  }

  @Test func divergingBarsSayWhichRoleLeansMoreAndByHowMuch() {
    #expect(
      alt(.divergingBars)
        == "Which role leans more, in points: Market insight: Business PM +3; "
        + "Customer contact: Business PM +2; Technical depth: Technical PM +4; "
        + "Engineering collaboration and delivery: Technical PM +3; Quality: Technical PM +2; "
        + "User needs: equal.")
  }

  @Test func vennGivesTheCountsAndTheTraits() {
    #expect(
      alt(.venn)
        == "Business PM only (3): Market analysis, Pricing strategy, Customer advocacy. "
        + "Shared (4): Core objective, Strategic thinking, User-centric approach, "
        + "Product lifecycle involvement. Technical PM only (4): Technical roadmap, Code reviews, "
        + "System architecture, Quality assurance.")
  }

  @Test func threeRoleVennGivesEachRoleThenWhatAllShare() {
    let text = alt(.venn, TeamFixture.comparison(3))
    #expect(
      text
        == "Scrum Master only (3): Facilitates events, Removes impediments, Coaches the team in "
        + "Scrum. Product Owner only (2): Orders the backlog, Maximises value. Developer only (3): "
        + "Builds the increment, Owns the definition of done, Estimates the work. "
        + "All (3): Sprint goal, Transparency, Continuous improvement.")
  }

  @Test func emptyRegionsSayNone() {
    #expect(alt(.venn, Fixture.comparison(business: [])).hasPrefix("Business PM only (0): none."))
  }

  @Test func stakeholderMapGroupsTheTeamsByTheRolesTheyWorkWith() {
    // "Clients and customers" names its roles the other way round: the same group.
    #expect(
      alt(.stakeholderMap)
        == "With Business PM: Marketing and Sales. With Business PM and Technical PM: Developers "
        + "and Clients and customers. With Technical PM: Engineering and IT.")
    #expect(
      alt(.stakeholderMap, TeamFixture.comparison(3)).contains(
        "With Scrum Master, Product Owner and Developer: Architecture board"))
  }

  @Test func theDocumentsLanguageWritesTheSentences() {
    let german = alt(.divergingBars, words: Words(language: "de"))
    #expect(german.hasPrefix("Welche Rolle stärker gewichtet, in Punkten: Market insight: "))
    #expect(german.hasSuffix("User needs: gleich."))
    #expect(alt(.radar, words: Words(language: "fr")).hasPrefix("Profil des priorités"))
    let custom = Words(language: "en", overrides: [.altEqual: "{label} (no difference)"])
    #expect(alt(.divergingBars, words: custom).hasSuffix("User needs (no difference)."))
  }

  @Test func theContentsAltWins() throws {
    var spec = Fixture.spec(.radar)
    spec.alt = "  Two polygons.  "
    #expect(
      ChartAltText.text(for: spec, content: Fixture.comparison(), words: .english)
        == "Two polygons.")
    spec.alt = " "
    #expect(
      ChartAltText.text(for: spec, content: Fixture.comparison(), words: .english)
        .hasPrefix("Focus profile"))
  }

  @Test func theFiguresFrameCarriesTheAltText() throws {
    for kind in ChartKind.allCases {
      let chart = try layout(kind)
      guard case .tagged(.figure, _, let carried, _) = chart.frame.items[0].1 else {
        Issue.record("\(kind): no figure")
        continue
      }
      #expect(carried == alt(kind))
      #expect(chart.alt == alt(kind))
    }
  }
}
