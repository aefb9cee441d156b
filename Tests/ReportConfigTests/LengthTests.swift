import Foundation
import ReportModel
import Testing

@testable import ReportConfig

/// Lengths in styles take units: `72`, `"72pt"`, `"25.4mm"`, `"2.54cm"` and `"1in"` are all 72 pt.
@Suite struct LengthTests {
  func style(_ text: String) throws -> Style {
    let folder = try TempFolder()
    defer { folder.remove() }
    try folder.write("Styles/test.yml", text)
    return try ConfigLoader.loadStyle(
      "test", baseDirectory: folder.path, workingDirectory: folder.path, inputs: Inputs())
  }

  @Test(arguments: [
    "72", "72.0", "72pt", "\"72pt\"", "25.4mm", "\"25.4mm\"", "2.54cm", "1in", "1 in", "'1in'",
  ])
  func everyUnitMeans72Points(_ written: String) throws {
    let s = try style(
      "page:\n  margin-left: \(written)\n  margin-top: \(written)\nparagraph:\n  spacing: \(written)\n"
    )
    #expect(s.page.marginLeft == 72)
    #expect(s.page.marginTop == 72)
    #expect(s.paragraph.spacing == 72)
  }

  @Test func fontSizesTakeUnitsToo() throws {
    let s = try style("fonts:\n  body-size: 12pt\n  h1-size: 0.25in\n  small-size: \"2.54mm\"\n")
    #expect(s.fonts.bodySize == 12)
    #expect(s.fonts.h1Size == 18)
    #expect(abs(s.fonts.smallSize - 7.2) < 1e-12)
  }

  @Test func aBadUnitIsAnErrorAtItsPlace() throws {
    let diagnostics = try styleErrors(
      "page:\n  margin-left: 72px\n  margin-right: 2 cms\n  margin-top: wide\n")
    #expect(diagnostics.count == 3)
    let px = try #require(diagnostic(diagnostics, at: "page.margin-left"))
    #expect(px.line == 2 && px.column == 16)
    #expect(
      px.message
        == "unknown unit 'px' in '72px'; did you mean 'pt'? expected a length like 72, \"72pt\", \"25.4mm\", \"2.54cm\" or \"1in\""
    )
    let cms = try #require(diagnostic(diagnostics, at: "page.margin-right"))
    #expect(
      cms.message
        == "unknown unit 'cms' in '2 cms'; did you mean 'cm'? expected a length like 72, \"72pt\", \"25.4mm\", \"2.54cm\" or \"1in\""
    )
    let word = try #require(diagnostic(diagnostics, at: "page.margin-top"))
    #expect(word.message == "expected a number, found 'wide'")
  }

  @Test func numbersThatAreNotLengthsTakeNoUnits() throws {
    let diagnostics = try styleErrors("fonts:\n  leading: 1.4pt\n")
    #expect(
      diagnostic(diagnostics, at: "fonts.leading")?.message.hasPrefix("expected a number") == true)
  }
}
