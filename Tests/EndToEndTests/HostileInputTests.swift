import Foundation
import ReportModel
import Testing

/// Inputs that are not what they seem: a symbolic link that loops or a named pipe where a file
/// should be is an error naming it (and never a hang), for every kind of input; a cache entry that
/// is not a regular file is ignored with a warning.
@Suite(.serialized) struct HostileInputTests {
  /// Each kind of input, as a project names it.
  enum Kind: String, CaseIterable, CustomTestStringConvertible {
    case content, namedConfig, defaultConfig, style, roster, image

    var testDescription: String { rawValue }

    /// The file made hostile, relative to the project folder.
    var file: String {
      switch self {
      case .content: "content.yml"
      case .namedConfig: "other.yml"
      case .defaultConfig: "pmreport.yml"
      case .style: "Styles/mine.yml"
      case .roster: "roster.csv"
      case .image: "logo.png"
      }
    }

    /// The exit status: 65 for an image (its problems are the content's), else 66.
    var status: Int32 { self == .image ? 65 : 66 }
  }

  /// A project whose config names a content file, a style file, a roster and (in the content) an
  /// image, all good; returns the folder and the arguments that check it with `kind`'s file.
  func project(for kind: Kind) throws -> (folder: String, arguments: [String]) {
    let dir = try temporaryDirectory("pmreport-hostile")
    let config = "content: content.yml\nstyle: Styles/mine.yml\nroster: roster.csv\n"
    try config.write(toFile: dir + "/pmreport.yml", atomically: true, encoding: .utf8)
    try config.write(toFile: dir + "/other.yml", atomically: true, encoding: .utf8)
    var content = "sections:\n- id: one\n  title: One\n  blocks:\n  - paragraph: Hello.\n"
    if kind == .image { content += "  - image: {path: logo.png, alt: a picture}\n" }
    try content.write(toFile: dir + "/content.yml", atomically: true, encoding: .utf8)
    try FileManager.default.createDirectory(
      atPath: dir + "/Styles", withIntermediateDirectories: false)
    try "extends: classic\n".write(
      toFile: dir + "/Styles/mine.yml", atomically: true, encoding: .utf8)
    try "name\nAda\n".write(toFile: dir + "/roster.csv", atomically: true, encoding: .utf8)
    return (dir, kind == .namedConfig ? ["check", "--config", "other.yml"] : ["check"])
  }

  /// `pmreport check` in `folder`, killed if it hangs.
  func check(_ arguments: [String], in folder: String) throws -> ExecutableRun {
    try PMReportProcess(arguments, in: folder).wait(timeout: 60)
  }

  @Test(arguments: Kind.allCases) func aSymbolicLinkThatLoopsIsSaidToLoop(_ kind: Kind) throws {
    let (dir, arguments) = try project(for: kind)
    let path = dir + "/" + kind.file
    try? FileManager.default.removeItem(atPath: path)
    try FileManager.default.createSymbolicLink(
      atPath: path, withDestinationPath: (kind.file as NSString).lastPathComponent)
    let r = try check(arguments, in: dir)
    #expect(r.status == kind.status, "\(r.summary)")
    let name = kind == .image ? "the file" : kind.file
    #expect(r.error.contains("\(name) is a symbolic link that loops"), "\(r.error)")
    #expect(!r.error.contains("not found"), "\(r.error)")
    #expect(!r.error.contains("did you mean"), "\(r.error)")
  }

  @Test(arguments: Kind.allCases) func aNamedPipeIsAnErrorNotAHang(_ kind: Kind) throws {
    let (dir, arguments) = try project(for: kind)
    let path = dir + "/" + kind.file
    try? FileManager.default.removeItem(atPath: path)
    try #require(mkfifo(path, 0o644) == 0)
    let r = try check(arguments, in: dir)
    #expect(!r.timedOut, "reading a named pipe hung")
    #expect(r.status == kind.status, "\(r.summary)")
    #expect(r.error.contains("is a named pipe (FIFO), not a regular file"), "\(r.error)")
  }

  /// A named pipe named as a pack in the cache: the run finishes, says it ignored it, and writes
  /// the same PDF as a run without a cache.
  @Test func aNamedPipeInTheCacheIsIgnoredWithAWarning() throws {
    let dir = try temporaryDirectory("pmreport-hostile-cache")
    let section = Section(id: "hostile", title: "Hostile", blocks: [.paragraph("Cached.")])
    let arguments = try ContentFixture.write([section], document: "hostile", in: dir)
    try FileManager.default.createDirectory(
      atPath: dir + "/.pmreport-cache", withIntermediateDirectories: false)
    let pipe = dir + "/.pmreport-cache/pack-0123456789abcdef.pmrpack"
    try #require(mkfifo(pipe, 0o644) == 0)
    let r = try PMReportProcess(arguments, in: dir).wait(timeout: 120)
    #expect(!r.timedOut, "reading a named pipe in the cache hung")
    #expect(r.status == 0, "\(r.summary)")
    #expect(
      r.error.contains(
        "warning: shape cache: ignored .pmreport-cache/pack-0123456789abcdef.pmrpack: it is a "
          + "named pipe (FIFO), not a regular file"), "\(r.error)")
    let plain = try runPMReport(
      arguments.map { $0 == "out" ? "plain" : $0 } + ["--no-cache"], in: dir)
    #expect(plain.status == 0, "\(plain.summary)")
    #expect(
      FileManager.default.contents(atPath: dir + "/out/pdf/hostile.pdf")
        == FileManager.default.contents(atPath: dir + "/plain/pdf/hostile.pdf"))
  }
}
