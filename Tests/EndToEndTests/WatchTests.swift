import Foundation
import ReportConfig
import ReportModel
import Testing

@testable import PMReportKit

/// `pmreport watch` as a user runs it: a save rebuilds, a bad save keeps the last good files, a
/// rebuild writes the bytes a fresh render writes, Ctrl-C stops it cleanly.
@Suite(.serialized, .tags(.long)) struct WatchTests {
  static let section = Section(
    id: "watched", title: "Watched section",
    blocks: [.paragraph("The watched paragraph says alpha before the edit.")])

  /// Waits (generously: the machine may be loaded) until standard error holds `count` lines
  /// containing `text`, or the process ends.
  func waitFor(_ text: String, count: Int = 1, in process: PMReportProcess) -> Bool {
    let deadline = Date().addingTimeInterval(240)
    while Date() < deadline {
      let lines = process.errorSoFar.split(separator: "\n").filter { $0.contains(text) }
      if lines.count >= count { return true }
      if !process.isRunning { return false }
      usleep(20_000)
    }
    return false
  }

  /// Waits as ``waitFor(_:count:in:)`` does for the first line holding any of `texts`; returns
  /// the text found, nil when none came.
  func waitForAny(_ texts: [String], in process: PMReportProcess) -> String? {
    let deadline = Date().addingTimeInterval(240)
    while Date() < deadline {
      let error = process.errorSoFar
      if let found = texts.first(where: error.contains) { return found }
      if !process.isRunning { return nil }
      usleep(20_000)
    }
    return nil
  }

  /// Saves `text` as an editor does: a temporary file in the same folder, renamed over `path`.
  func save(_ text: String, to path: String) throws {
    let temporary = (path as NSString).deletingLastPathComponent + "/.content.yml.swp"
    try text.write(toFile: temporary, atomically: false, encoding: .utf8)
    #expect(rename(temporary, path) == 0)
  }

  @Test func rebuildsOnSaveKeepsOutputOnBadSaveAndStopsOnSIGINT() throws {
    let dir = try temporaryDirectory("pmreport-watch")
    let arguments = try ContentFixture.write([Self.section], document: "watched", in: dir)
    let content = dir + "/content.yml"
    let pdf = dir + "/out/pdf/watched.pdf"
    let original = try String(contentsOfFile: content, encoding: .utf8)
    let watch = try PMReportProcess(["watch"] + arguments, in: dir)
    defer { if watch.isRunning { watch.send(SIGKILL) } }
    try #require(waitFor("built in", in: watch), "no first build: \(watch.errorSoFar)")
    #expect(watch.errorSoFar.contains("watching "))
    #expect(try PDFText.pages(pdf).joined().contains("alpha"))

    // A good save: rebuilt, with the new words, byte for byte what a fresh render writes (the
    // CJK words need a font the first build did not use, so the palette grows in between).
    let edited = original.replacingOccurrences(of: "says alpha", with: "says omega 漢字")
    try save(edited, to: content)
    try #require(waitFor("rebuilt in", in: watch), "no rebuild: \(watch.errorSoFar)")
    let rebuilt = try Data(contentsOf: URL(fileURLWithPath: pdf))
    #expect(try PDFText.pages(pdf).joined().contains("omega"))
    let fresh = try runPMReport(
      arguments.map { $0 == "out" ? "fresh" : $0 }, in: dir)
    #expect(fresh.status == 0, "\(fresh.summary)")
    #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/fresh/pdf/watched.pdf")) == rebuilt)

    // A bad save: the diagnostic, no build, the PDF as it was, still watching.
    try save(edited + "\nsections: [unclosed\n", to: content)
    try #require(waitFor("not rebuilt", in: watch), "no diagnostic: \(watch.errorSoFar)")
    #expect(watch.errorSoFar.contains("content.yml:"))
    #expect(watch.isRunning)
    #expect(try Data(contentsOf: URL(fileURLWithPath: pdf)) == rebuilt)

    // Fixed: rebuilt, the same bytes again.
    try save(edited, to: content)
    try #require(waitFor("rebuilt in", count: 2, in: watch), "no rebuild: \(watch.errorSoFar)")
    #expect(try Data(contentsOf: URL(fileURLWithPath: pdf)) == rebuilt)

    // Ctrl-C: ends with 128 + SIGINT, no temporary left.
    watch.send(SIGINT)
    let ended = watch.wait(timeout: 30)
    #expect(!ended.timedOut && ended.status == 128 + SIGINT, "\(ended.summary)")
    let left = FileManager.default.enumerator(atPath: dir)?.compactMap { $0 as? String } ?? []
    #expect(!left.contains { $0.contains(".tmp-") }, "\(left)")
  }

  /// The shape cache on disk is kept from build to build (its index read once): each build's
  /// `-v` line counts that build alone, an edit undone finds its paragraph where the first build
  /// stored it, and each rebuild writes what a fresh render writes.
  @Test func theKeptShapeCacheCountsEachBuildAndFindsAnEarlierBuildsShapes() throws {
    let dir = try temporaryDirectory("pmreport-watch-cache")
    let arguments = try ContentFixture.write([Self.section], document: "watched", in: dir)
    let watch = try PMReportProcess(["watch", "-v"] + arguments, in: dir)
    defer { if watch.isRunning { watch.send(SIGKILL) } }
    try #require(waitFor("built in", in: watch), "no first build: \(watch.errorSoFar)")
    let content = dir + "/content.yml"
    let original = try String(contentsOfFile: content, encoding: .utf8)
    try save(original.replacingOccurrences(of: "says alpha", with: "says omega"), to: content)
    try #require(waitFor("rebuilt in", in: watch), "no rebuild: \(watch.errorSoFar)")
    try save(original, to: content)
    try #require(waitFor("rebuilt in", count: 2, in: watch), "no rebuild: \(watch.errorSoFar)")
    let fresh = try runPMReport(arguments.map { $0 == "out" ? "fresh" : $0 }, in: dir)
    #expect(fresh.status == 0, "\(fresh.summary)")
    #expect(
      try Data(contentsOf: URL(fileURLWithPath: dir + "/out/pdf/watched.pdf"))
        == Data(contentsOf: URL(fileURLWithPath: dir + "/fresh/pdf/watched.pdf")))
    watch.send(SIGINT)
    let ended = watch.wait(timeout: 30)
    #expect(!ended.timedOut)
    let counts = ended.error.split(separator: "\n").filter { $0.contains(" found, ") }
    try #require(counts.count == 3, "\(ended.error)")
    // The edit: only its paragraph was asked of the cache (the rest is in memory), and missed.
    #expect(counts[1].contains(": 0 found, 1 shaped, "), "\(counts[1])")
    // Undone: the first build's entry found, nothing shaped or stored, not the builds' sum.
    #expect(counts[2].hasSuffix(": 1 found, 0 shaped, 0 stored"), "\(counts[2])")
  }

  /// With a quiet period of ten seconds, each save (renamed into place, or written in place and
  /// closed) is built without waiting it out, and writes what a fresh render of the same inputs
  /// writes, whichever input changed: the content, then the config, then the content again.
  @Test func savesAreBuiltAtOnceAndWriteWhatAFreshRenderWrites() throws {
    let dir = try temporaryDirectory("pmreport-watch-at-once")
    let arguments = try ContentFixture.write([Self.section], document: "watched", in: dir)
    let content = dir + "/content.yml"
    let config = dir + "/pmreport.yml"
    let original = try String(contentsOfFile: content, encoding: .utf8)
    let settings = try String(contentsOfFile: config, encoding: .utf8)
    let watch = try PMReportProcess(["watch", "--debounce", "10000"] + arguments, in: dir)
    defer { if watch.isRunning { watch.send(SIGKILL) } }
    try #require(waitFor("built in", in: watch), "no first build: \(watch.errorSoFar)")

    /// The PDF watch wrote, checked to be a fresh render's of the inputs as they are now.
    func freshBytes(_ step: String) throws -> Data {
      let fresh = try runPMReport(arguments.map { $0 == "out" ? "fresh" : $0 }, in: dir)
      #expect(fresh.status == 0, "\(step): \(fresh.summary)")
      let written = try Data(contentsOf: URL(fileURLWithPath: dir + "/out/pdf/watched.pdf"))
      #expect(
        try written == Data(contentsOf: URL(fileURLWithPath: dir + "/fresh/pdf/watched.pdf")),
        "\(step)")
      return written
    }
    let first = try Data(contentsOf: URL(fileURLWithPath: dir + "/out/pdf/watched.pdf"))
    try save(original.replacingOccurrences(of: "says alpha", with: "says omega"), to: content)
    try #require(waitFor("rebuilt in", in: watch), "no rebuild: \(watch.errorSoFar)")
    let edited = try freshBytes("content saved")
    try (settings + "metadata:\n  title: Watched again\n").write(
      toFile: config, atomically: false, encoding: .utf8)
    try #require(waitFor("rebuilt in", count: 2, in: watch), "no rebuild: \(watch.errorSoFar)")
    let retitled = try freshBytes("config written in place")
    try save(original, to: content)
    try #require(waitFor("rebuilt in", count: 3, in: watch), "no rebuild: \(watch.errorSoFar)")
    let back = try freshBytes("content saved back")
    #expect(Set([first, edited, retitled, back]).count == 4)
    watch.send(SIGINT)
    #expect(!watch.wait(timeout: 30).timedOut)
  }

  /// The config names no style, so the build looked for `Styles/classic.yml` and found none: a
  /// style file saved there rebuilds (from the inputs service's record, not a list kept by hand).
  @Test func aStyleFileAppearingWhereTheBuildLookedForOneRebuilds() throws {
    let dir = try temporaryDirectory("pmreport-watch-style")
    let arguments = try ContentFixture.write([Self.section], document: "watched", in: dir)
    try FileManager.default.createDirectory(
      atPath: dir + "/Styles", withIntermediateDirectories: false)
    let pdf = dir + "/out/pdf/watched.pdf"
    let watch = try PMReportProcess(["watch"] + arguments, in: dir)
    defer { if watch.isRunning { watch.send(SIGKILL) } }
    try #require(waitFor("built in", in: watch), "no first build: \(watch.errorSoFar)")
    let first = try Data(contentsOf: URL(fileURLWithPath: pdf))

    try save("fonts:\n  body-size: 14\n", to: dir + "/Styles/classic.yml")
    try #require(waitFor("rebuilt in", in: watch), "no rebuild: \(watch.errorSoFar)")
    #expect(try Data(contentsOf: URL(fileURLWithPath: pdf)) != first)
    watch.send(SIGINT)
    #expect(!watch.wait(timeout: 30).timedOut)
  }

  /// The config (with a warning) and its style are kept between builds while unchanged: the
  /// config's warning is printed by every build, and an edit of the style file rebuilds with the
  /// new style, as a fresh render of the same files writes it.
  @Test func theConfigsWarningComesWithEveryBuildAndAStyleEditIsPickedUp() throws {
    let dir = try temporaryDirectory("pmreport-watch-kept-config")
    let arguments = try ContentFixture.write([Self.section], document: "watched", in: dir)
    let config = try String(contentsOfFile: dir + "/pmreport.yml", encoding: .utf8)
    try FileManager.default.createDirectory(
      atPath: dir + "/Styles", withIntermediateDirectories: false)
    for (name, text) in [
      ("pmreport.yml", config + "style: mine\nwords:\n  faq: Questions\n"),
      ("Styles/mine.yml", "fonts:\n  body-size: 11\n"),
    ] {
      try text.write(toFile: dir + "/" + name, atomically: true, encoding: .utf8)
    }
    let warning = "warning: words.faq: no longer used"
    let watch = try PMReportProcess(["watch"] + arguments, in: dir)
    defer { if watch.isRunning { watch.send(SIGKILL) } }
    try #require(waitFor(warning, in: watch), "no first build: \(watch.errorSoFar)")
    try #require(waitFor("built in", in: watch), "no first build: \(watch.errorSoFar)")
    let pdf = dir + "/out/pdf/watched.pdf"
    let first = try Data(contentsOf: URL(fileURLWithPath: pdf))

    let content = dir + "/content.yml"
    let edited = try String(contentsOfFile: content, encoding: .utf8)
      .replacingOccurrences(of: "says alpha", with: "says omega")
    try save(edited, to: content)
    try #require(waitFor("rebuilt in", in: watch), "no rebuild: \(watch.errorSoFar)")
    try save("fonts:\n  body-size: 14\n", to: dir + "/Styles/mine.yml")
    let fresh = try runPMReport(arguments.map { $0 == "out" ? "fresh" : $0 }, in: dir)
    #expect(fresh.status == 0, "\(fresh.summary)")
    let expected = try Data(contentsOf: URL(fileURLWithPath: dir + "/fresh/pdf/watched.pdf"))
    // The style's rebuild is the second, or a later one when a loaded machine saw a save twice
    // (its temporary file, then its rename: one more build of the same files).
    var restyled = first
    for rebuilds in 2...5 where restyled != expected {
      try #require(waitFor("rebuilt in", count: rebuilds, in: watch), "\(watch.errorSoFar)")
      restyled = try Data(contentsOf: URL(fileURLWithPath: pdf))
    }
    #expect(restyled == expected)
    #expect(restyled != first)
    watch.send(SIGINT)
    let ended = watch.wait(timeout: 30)
    #expect(!ended.timedOut)
    // Every build, the first and each rebuild, printed the config's warning once.
    let lines = ended.error.split(separator: "\n")
    let warnings = lines.filter { $0.contains(warning) }
    #expect(warnings.count == lines.filter { $0.contains("built in") }.count, "\(lines)")
    #expect(warnings.count >= 3)
    #expect(Set(warnings).count == 1, "\(warnings)")
  }

  /// A config named on the command line and deleted fails to load; that failed load looked for
  /// it, so the config coming back rebuilds.
  @Test func aDeletedConfigThatComesBackRebuilds() throws {
    let dir = try temporaryDirectory("pmreport-watch-config")
    let arguments = try ContentFixture.write([Self.section], document: "watched", in: dir)
    let config = dir + "/pmreport.yml"
    let text = try String(contentsOfFile: config, encoding: .utf8)
    let watch = try PMReportProcess(["watch"] + arguments, in: dir)
    defer { if watch.isRunning { watch.send(SIGKILL) } }
    try #require(waitFor("built in", in: watch), "no first build: \(watch.errorSoFar)")

    try FileManager.default.removeItem(atPath: config)
    try #require(waitFor("not rebuilt", in: watch), "no failed load: \(watch.errorSoFar)")
    #expect(watch.errorSoFar.contains("config file not found: \(config)"))

    try save(text, to: config)
    try #require(waitFor("rebuilt in", in: watch), "no rebuild: \(watch.errorSoFar)")
    watch.send(SIGINT)
    #expect(!watch.wait(timeout: 30).timedOut)
  }

  /// The config found in the working directory (no `--config`) is deleted: an error, not a build
  /// of the built-in article; the last good files stay; the config coming back rebuilds, and an
  /// edit of the content it names rebuilds after that.
  @Test func aVanishedInputIsAnErrorUntilItComesBack() throws {
    let dir = try temporaryDirectory("pmreport-watch-vanished")
    _ = try ContentFixture.write([Self.section], document: "watched", in: dir)
    let config = dir + "/pmreport.yml"
    let content = dir + "/content.yml"
    let text = try String(contentsOfFile: config, encoding: .utf8) + "content: content.yml\n"
    try text.write(toFile: config, atomically: true, encoding: .utf8)
    let original = try String(contentsOfFile: content, encoding: .utf8)
    let pdf = dir + "/out/pdf/watched.pdf"
    let watch = try PMReportProcess(["watch", "--format", "pdf", "--output", "out"], in: dir)
    defer { if watch.isRunning { watch.send(SIGKILL) } }
    try #require(waitFor("built in", in: watch), "no first build: \(watch.errorSoFar)")
    let first = try Data(contentsOf: URL(fileURLWithPath: pdf))

    try FileManager.default.removeItem(atPath: config)
    let outcome = waitForAny(["not rebuilt", "rebuilt in"], in: watch)
    #expect(outcome == "not rebuilt", "\(watch.errorSoFar)")
    #expect(
      watch.errorSoFar.contains("pmreport.yml: error: the file vanished"), "\(watch.errorSoFar)")
    #expect(!FileManager.default.fileExists(atPath: dir + "/out/pdf/full-report.pdf"))
    #expect(try Data(contentsOf: URL(fileURLWithPath: pdf)) == first)
    #expect(watch.isRunning)

    try save(text, to: config)
    try #require(waitFor("rebuilt in", in: watch), "no rebuild: \(watch.errorSoFar)")
    try save(original.replacingOccurrences(of: "says alpha", with: "says omega"), to: content)
    try #require(waitFor("rebuilt in", count: 2, in: watch), "no rebuild: \(watch.errorSoFar)")
    #expect(try PDFText.pages(pdf).joined().contains("omega"))
    watch.send(SIGINT)
    #expect(!watch.wait(timeout: 30).timedOut)
  }
}

/// The file watcher's rules, without waiting on the machine's clock.
struct WatchRuleTests {
  static func unfinished(_ path: String = "/p/content.md") -> InputChange {
    InputChange(path: path, isWhole: false)
  }

  static func whole(_ path: String = "/p/content.md") -> InputChange {
    InputChange(path: path, isWhole: true)
  }

  @Test func debouncerWaitsForTheQuietPeriodAfterAnUnfinishedChange() {
    var debouncer = Debouncer(quietMilliseconds: 15)
    #expect(debouncer.pollTimeout(at: 0) == -1)
    debouncer.note(Self.unfinished(), at: 1_000_000)
    #expect(debouncer.pollTimeout(at: 1_000_000) == 15)
    #expect(debouncer.pollTimeout(at: 10_500_000) == 6)
    debouncer.note(Self.unfinished(), at: 12_000_000)
    #expect(debouncer.pollTimeout(at: 16_000_000) == 11)
    #expect(debouncer.pollTimeout(at: 27_000_000) == 0)
    #expect(debouncer.pollTimeout(at: 90_000_000) == 0)
  }

  @Test func zeroQuietPeriodBuildsAtOnce() {
    var debouncer = Debouncer(quietMilliseconds: 0)
    debouncer.note(Self.unfinished(), at: 5)
    #expect(debouncer.pollTimeout(at: 5) == 0)
  }

  /// Written and closed, or renamed into place: the build need not wait out the quiet period.
  @Test func aSaveBuildsAtOnce() {
    var debouncer = Debouncer(quietMilliseconds: 15)
    debouncer.note(Self.whole(), at: 1_000_000)
    #expect(debouncer.pollTimeout(at: 1_000_000) == 0)
  }

  /// An editor that renames the old file away and writes a new one: the rename away and the
  /// writes wait; the close ends the wait.
  @Test func aFileWrittenAndClosedEndsTheWaitForIt() {
    var debouncer = Debouncer(quietMilliseconds: 15)
    debouncer.note(Self.unfinished(), at: 1_000_000)
    debouncer.note(Self.unfinished(), at: 2_000_000)
    #expect(debouncer.pollTimeout(at: 2_000_000) == 15)
    debouncer.note(Self.whole(), at: 3_000_000)
    #expect(debouncer.pollTimeout(at: 3_000_000) == 0)
  }

  /// One input saved while another is still being written (or was deleted): the quiet period
  /// still holds for the other.
  @Test func aSaveWaitsForAnotherInputStillUnfinished() {
    var debouncer = Debouncer(quietMilliseconds: 15)
    debouncer.note(Self.unfinished("/p/img/logo.png"), at: 1_000_000)
    debouncer.note(Self.whole(), at: 2_000_000)
    #expect(debouncer.pollTimeout(at: 2_000_000) == 15)
    #expect(debouncer.pollTimeout(at: 17_000_000) == 0)
    debouncer.note(Self.whole("/p/img/logo.png"), at: 5_000_000)
    #expect(debouncer.pollTimeout(at: 5_000_000) == 0)
  }

  /// A write after the close (the file opened again): unfinished again.
  @Test func aWriteAfterTheCloseWaitsAgain() {
    var debouncer = Debouncer(quietMilliseconds: 15)
    debouncer.note(Self.whole(), at: 1_000_000)
    debouncer.note(Self.unfinished(), at: 2_000_000)
    #expect(debouncer.pollTimeout(at: 2_000_000) == 15)
  }

  static let inputs = WatchedInputs(
    files: ["/p/pmreport.yml", "/p/content.md", "/p/img/logo.png", "/p/Output/x.yml"],
    styleFolders: ["/p/Styles"], ignoredFolder: "/p/Output")

  @Test func onlyInputsCount() {
    let inputs = Self.inputs
    #expect(inputs.matches(folder: "/p", name: "content.md"))
    #expect(inputs.matches(folder: "/p/", name: "pmreport.yml"))
    #expect(inputs.matches(folder: "/p/img", name: "logo.png"))
    #expect(!inputs.matches(folder: "/p", name: ".content.md.swp"))
    #expect(!inputs.matches(folder: "/p", name: "notes.md"))
    #expect(!inputs.matches(folder: "/p/img", name: "other.png"))
  }

  /// Paths are standardized as `URL.standardized` does it (without making a URL), and an empty
  /// component is left out.
  @Test func pathsAreStandardizedAsAURLIs() {
    let paths = [
      "/p/content.md", "/p/./content.md", "/p/img/../content.md", "/p/Styles/",
      "/p/a/b/../../c.yml", "/", "/p/.hidden", "/p/..x/y.", "/p/x/..",
    ]
    for path in paths {
      #expect(WatchedInputs.standardized(path) == URL(fileURLWithPath: path).standardized.path)
    }
    // An empty component is left out (the URL keeps it), so a `..` after it takes the one before.
    #expect(WatchedInputs.standardized("/p//content.md") == "/p/content.md")
    #expect(WatchedInputs.standardized("/a//../b") == "/b")
    let here = FileManager.default.currentDirectoryPath
    #expect(WatchedInputs.standardized("x/./y") == WatchedInputs.standardized(here + "/x/y"))
    #expect(Self.inputs.matches(folder: "/p/img/..", name: "content.md"))
    #expect(Self.inputs.matches(folder: "/p/./Styles", name: "brand.yml"))
  }

  @Test func anyStyleFileInAStyleFolderCountsEvenANewOne() {
    #expect(Self.inputs.matches(folder: "/p/Styles", name: "brand.yml"))
    #expect(Self.inputs.matches(folder: "/p/Styles", name: "new.yaml"))
    #expect(!Self.inputs.matches(folder: "/p/Styles", name: ".brand.yml.swp"))
    #expect(!Self.inputs.matches(folder: "/p/Styles", name: "README.md"))
  }

  @Test func aFolderMadeWhereAnInputWasLookedForCounts() {
    var record = InputRecord()
    record.notFound = ["/p/Styles/classic.yml"]
    let inputs = WatchedInputs(record, ignoredFolder: "/p/Output")
    #expect(inputs.matches(folder: "/p", name: "Styles"))
    #expect(inputs.matches(folder: "/p/Styles", name: "classic.yml"))
    #expect(!inputs.matches(folder: "/p/Styles", name: "brand.yml"))
    #expect(!inputs.matches(folder: "/p", name: "Other"))
  }

  @Test func theOutputFolderIsNeverWatched() {
    #expect(!Self.inputs.matches(folder: "/p/Output", name: "x.yml"))
    #expect(Self.inputs.folders == ["/p", "/p/img", "/p/Styles"])
  }

  /// Two events as `read(2)` returns them, the second cut short.
  @Test func inotifyEventsAreParsedAndATruncatedOneIsLeftOut() {
    func event(_ wd: Int32, _ mask: UInt32, _ name: String, padded: Int) -> [UInt8] {
      var bytes: [UInt8] = []
      for word in [UInt32(bitPattern: wd), mask, 0, UInt32(padded)] {
        withUnsafeBytes(of: word) { bytes += $0 }
      }
      return bytes + Array(name.utf8) + [UInt8](repeating: 0, count: padded - name.utf8.count)
    }
    let first = event(3, UInt32(IN_MOVED_TO), "content.md", padded: 16)
    let second = event(4, UInt32(IN_CLOSE_WRITE), "logo.png", padded: 16)
    let events = InotifyEvent.parse(ArraySlice(first + second.dropLast(4)))
    #expect(events == [InotifyEvent(watch: 3, mask: UInt32(IN_MOVED_TO), name: "content.md")])
  }

  /// A watcher over the inputs `names`, each made holding "one" in a new temporary folder named
  /// after `prefix`, with a quiet period of ten minutes; the folder and the inputs' paths.
  static func watcher(over names: [String], in prefix: String) throws -> (
    FileWatcher, dir: String, inputs: [String]
  ) {
    let dir = try temporaryDirectory(prefix)
    let inputs = names.map { dir + "/" + $0 }
    for file in inputs { try "one".write(toFile: file, atomically: false, encoding: .utf8) }
    let watcher = try FileWatcher(
      WatchedInputs(files: Set(inputs), styleFolders: [], ignoredFolder: dir + "/Output"),
      quietMilliseconds: 600_000)
    return (watcher, dir, inputs)
  }

  /// A real folder: a save by rename is seen as the file it replaces, at once (the quiet period
  /// of ten minutes is not waited out: on the debounced watcher this test runs into its time
  /// limit); other files are not.
  @Test(.timeLimit(.minutes(1))) func aRenameOverAnInputIsAChangeToItSeenAtOnce() throws {
    let (watcher, dir, inputs) = try Self.watcher(over: ["content.md"], in: "pmreport-watcher")
    let input = inputs[0]
    try "other".write(toFile: dir + "/notes.md", atomically: false, encoding: .utf8)
    try "two".write(toFile: dir + "/.content.md.tmp", atomically: false, encoding: .utf8)
    #expect(rename(dir + "/.content.md.tmp", input) == 0)
    #expect(try watcher.nextChange() == [input])
  }

  /// A real folder: a file written in place and closed is seen at once; the saves queued while
  /// the watcher was not waiting (a build ran) are one change.
  @Test(.timeLimit(.minutes(1))) func savesMadeDuringABuildAreOneChange() throws {
    let (watcher, _, inputs) = try Self.watcher(
      over: ["content.md", "pmreport.yml"], in: "pmreport-watcher-queued")
    let (content, config) = (inputs[0], inputs[1])
    for file in [content, config, content] {
      try "two".write(toFile: file, atomically: false, encoding: .utf8)
    }
    #expect(try watcher.nextChange() == [content, config])
  }

  /// A real folder: waiting a while for a change gives nil when none comes, and the inputs
  /// changed when one does (how a load that failed waits for the rest of a script's saves).
  @Test(.timeLimit(.minutes(1))) func aChangeWithinAWhileIsSeenAndNoneIsNil() throws {
    let (watcher, dir, inputs) = try Self.watcher(
      over: ["content.md"], in: "pmreport-watcher-within")
    let content = inputs[0]
    try "other".write(toFile: dir + "/notes.md", atomically: false, encoding: .utf8)
    #expect(try watcher.change(within: 20) == nil)
    try "two".write(toFile: content, atomically: false, encoding: .utf8)
    #expect(try watcher.change(within: 60_000) == [content])
  }
}
