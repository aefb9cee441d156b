import ReportModel
import Testing

/// The config's metadata keys, over the content's front matter, over defaults.
@Suite struct MetadataMergeTests {
  let info = ContentInfo(title: "Scrum Master vs Product Owner", author: "A. Trainer")

  @Test func theFrontMatterFillsWhatTheConfigLeavesOut() {
    let merged = Metadata.builtIn.merged(
      with: info, configKeys: [.author], builtInContent: false, fallbackTitle: "content")
    #expect(merged.title == "Scrum Master vs Product Owner")
    #expect(merged.author == Metadata.builtIn.author)  // the config wrote it
    // The built-in article's subtitle, subject and keywords do not describe other content.
    #expect(merged.subtitle == nil && merged.subject.isEmpty && merged.keywords.isEmpty)
  }

  @Test func theConfigWins() {
    var config = Metadata.builtIn
    config.title = "From the config"
    let merged = config.merged(
      with: info, configKeys: [.title], builtInContent: false, fallbackTitle: "content")
    #expect(merged.title == "From the config")
    #expect(merged.author == "A. Trainer")
  }

  @Test func contentWithoutATitleTakesTheFileName() {
    let merged = Metadata.builtIn.merged(
      with: ContentInfo(), configKeys: [], builtInContent: false, fallbackTitle: "roles")
    #expect(merged.title == "roles")
  }

  @Test func theBuiltInArticleKeepsItsDefaults() {
    let merged = Metadata.builtIn.merged(
      with: ContentInfo(), configKeys: [], builtInContent: true, fallbackTitle: "x")
    #expect(merged == Metadata.builtIn)
  }
}
