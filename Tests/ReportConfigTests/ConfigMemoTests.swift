import Foundation
import ReportModel
import Testing

@testable import ReportConfig

/// A watch session's kept config and styles: reused while their files hold the same bytes, loaded
/// again when a byte changes (whatever the file's time says), their warnings given each time.
struct ConfigMemoTests {
  /// A project with a config naming `Styles/mine.yml`, whose body colour is `color`.
  func project(color: String = "#112233") throws -> TempFolder {
    let folder = try TempFolder()
    try folder.write("pmreport.yml", "style: mine\nwords:\n  faq: Questions\n")
    try folder.write("Styles/mine.yml", "colors:\n  text: \"\(color)\"\n")
    return folder
  }

  /// The settings and the style's body colour as one build loads them, through fresh inputs.
  func load(_ folder: TempFolder, memo: ConfigMemo) throws -> (LoadedSettings, String, Inputs) {
    let inputs = Inputs()
    let settings = try ConfigLoader.loadSettings(
      configPath: nil, workingDirectory: folder.path, inputs: inputs, memo: memo)
    let resolved = try ConfigLoader.resolve(
      settings.documents, in: settings,
      commandLine: CommandLineSettings(workingDirectory: folder.path), inputs: inputs,
      memo: memo)
    return (settings, try #require(resolved.first).style.colors.text, inputs)
  }

  @Test func anUnchangedConfigAndStyleAreNotLoadedAgainButStillWatched() throws {
    let folder = try project()
    defer { folder.remove() }
    let memo = ConfigMemo()
    let (first, _, firstInputs) = try load(folder, memo: memo)
    let (second, color, inputs) = try load(folder, memo: memo)
    #expect(memo.loads == (settings: 1, styles: 1))
    #expect(color == "#112233")
    #expect(second.settings == first.settings)
    // The reused load records what a fresh one reads: watch watches the same files.
    #expect(inputs.record == firstInputs.record)
    #expect(inputs.record.filesRead[folder.path + "/Styles/mine.yml"] != nil)
  }

  /// The style file is rewritten with other bytes of the same size and its old modification
  /// time put back: the bytes decide, not the time.
  @Test func aChangedStyleFileIsPickedUpWhateverItsTime() throws {
    let folder = try project()
    defer { folder.remove() }
    let memo = ConfigMemo()
    let style = folder.path + "/Styles/mine.yml"
    let before = try FileManager.default.attributesOfItem(atPath: style)[.modificationDate]
    _ = try load(folder, memo: memo)
    try folder.write("Styles/mine.yml", "colors:\n  text: \"#445566\"\n")
    try FileManager.default.setAttributes(
      [.modificationDate: try #require(before)], ofItemAtPath: style)
    let (_, color, _) = try load(folder, memo: memo)
    #expect(color == "#445566")
    #expect(memo.loads == (settings: 1, styles: 2))
  }

  /// A style file that appears where the name was looked for in vain is loaded, not the
  /// built-in style kept.
  @Test func aStyleFileThatAppearsIsPickedUp() throws {
    let folder = try TempFolder()
    defer { folder.remove() }
    try folder.write("pmreport.yml", "style: modern\n")
    let memo = ConfigMemo()
    let (_, builtIn, _) = try load(folder, memo: memo)
    try folder.write("Styles/modern.yml", "colors:\n  text: \"#445566\"\n")
    let (_, color, _) = try load(folder, memo: memo)
    #expect(builtIn != "#445566")
    #expect(color == "#445566")
  }

  @Test func theConfigsWarningComesWithEveryLoad() throws {
    let folder = try project()
    defer { folder.remove() }
    let memo = ConfigMemo()
    for _ in 0..<3 {
      let (settings, _, _) = try load(folder, memo: memo)
      #expect(settings.warnings.map(\.keyPath) == ["words.faq"])
    }
    #expect(memo.loads.settings == 1)
  }

  /// A config that does not load keeps nothing: its error comes again from the next load.
  @Test func aConfigThatFailsIsLoadedAgain() throws {
    let folder = try project()
    defer { folder.remove() }
    try folder.write("pmreport.yml", "dpi: many\n")
    let memo = ConfigMemo()
    for _ in 0..<2 { #expect(inputError { try load(folder, memo: memo) } != nil) }
    #expect(memo.loads.settings == 2)
  }

  /// A kept load is refused as a fresh one is once `entry` (under the project) is swapped for a
  /// symbolic link leading out of the root to the same bytes: the root rule's answers are part of
  /// the transcript.
  @Test(arguments: [
    ("Styles/mine.yml", "style: mine\n"),
    ("Output", "style: mine\n"),
    ("build", "style: mine\noutput: build/pdf\n"),
  ])
  func anEntrySwappedForALinkOutOfTheRootIsRefused(entry: String, config: String) throws {
    let folder = try project()
    defer { folder.remove() }
    let outside = try TempFolder()
    defer { outside.remove() }
    try folder.write("pmreport.yml", config)
    let memo = ConfigMemo()
    _ = try load(folder, memo: memo)
    let inside = folder.path + "/" + entry
    let manager = FileManager.default
    if manager.fileExists(atPath: inside) {
      try manager.moveItem(atPath: inside, toPath: outside.path + "/moved")
    } else {
      try manager.createDirectory(
        atPath: outside.path + "/moved", withIntermediateDirectories: true)
    }
    try manager.createSymbolicLink(atPath: inside, withDestinationPath: outside.path + "/moved")
    let fresh = try #require(inputError { try load(folder, memo: ConfigMemo()) })
    #expect(inputError { try load(folder, memo: memo) }?.description == fresh.description)
  }
}
