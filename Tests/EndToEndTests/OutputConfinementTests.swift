import Foundation
import ReportModel
import Testing

/// Writing stays where the user said: an `output:` written in a config is confined to the project
/// root (a typed `--output` may go anywhere), and replacing a page folder deletes only the files
/// pmreport writes there.
@Suite(.serialized) struct OutputConfinementTests {
  static let section = Section(
    id: "kept", title: "Kept", blocks: [.paragraph("A page of SVG.")])

  /// `dir/project` with a content file and a config of one document (`kept`), and `dir/x`
  /// holding the user's `svg/kept/mine.txt`; returns `dir` and the arguments that render the
  /// document as SVG (output not given).
  func project() throws -> (folder: String, arguments: [String]) {
    let dir = try temporaryDirectory("pmreport-output-confined")
    let project = dir + "/project"
    let folder = dir + "/x/svg/kept"
    for path in [project, folder] {
      try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    try "mine".write(toFile: folder + "/mine.txt", atomically: true, encoding: .utf8)
    let arguments = try ContentFixture.write([Self.section], document: "kept", in: project)
    return (dir, Array(arguments.prefix(6)) + ["--format", "svg"])
  }

  @Test func anOutputFolderWrittenInAConfigStaysInTheProjectRoot() throws {
    let (dir, arguments) = try project()
    let config = dir + "/project/pmreport.yml"
    let text = try String(contentsOfFile: config, encoding: .utf8)
    try (text + "output: ../x\n").write(toFile: config, atomically: true, encoding: .utf8)
    let r = try runPMReport(arguments, in: dir + "/project")
    #expect(r.status == 65, "\(r.summary)")
    #expect(r.error.contains("pmreport.yml:6:9: error: output:"), "\(r.error)")
    #expect(r.error.contains("leads out of the project root"), "\(r.error)")
    #expect(r.error.contains("pass --output ../x on the command line"), "\(r.error)")
    #expect(FileManager.default.fileExists(atPath: dir + "/x/svg/kept/mine.txt"))
    #expect(!FileManager.default.fileExists(atPath: dir + "/x/svg/kept/page-001.svg"))
  }

  /// A typed `--output` may lead out; the page folder it replaces keeps the user's file (with a
  /// warning) and loses the pages of an older, longer run.
  @Test func replacingAPageFolderKeepsFilesPMReportDidNotWrite() throws {
    let (dir, arguments) = try project()
    let folder = dir + "/x/svg/kept"
    try "old".write(toFile: folder + "/page-999.svg", atomically: true, encoding: .utf8)
    let r = try runPMReport(arguments + ["--output", "../x"], in: dir + "/project")
    #expect(r.status == 0, "\(r.summary)")
    #expect(try String(contentsOfFile: folder + "/mine.txt", encoding: .utf8) == "mine")
    #expect(FileManager.default.fileExists(atPath: folder + "/page-001.svg"))
    #expect(!FileManager.default.fileExists(atPath: folder + "/page-999.svg"))
    #expect(
      r.error.contains("warning: svg/kept/mine.txt was not written by pmreport: it stays"),
      "\(r.error)")
    let left = try FileManager.default.contentsOfDirectory(atPath: dir + "/x/svg")
    #expect(left == ["kept"], "\(left)")
  }

  /// The default output folder (no `output:` in the config) is confined too: a project whose
  /// `Output` is a symbolic link out of it writes nothing there; typed, the same folder is used.
  @Test func aDefaultOutputFolderLinkedOutOfTheProjectRootIsRefused() throws {
    let (dir, arguments) = try project()
    try FileManager.default.createSymbolicLink(
      atPath: dir + "/project/Output", withDestinationPath: "../x")
    let r = try runPMReport(arguments, in: dir + "/project")
    #expect(r.status == 65, "\(r.summary)")
    #expect(r.error.contains("the output folder 'Output' is a symbolic link"), "\(r.error)")
    #expect(r.error.contains("pass --output Output on the command line"), "\(r.error)")
    #expect(!FileManager.default.fileExists(atPath: dir + "/x/svg/kept/page-001.svg"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/x") == ["svg"])
    let typed = try runPMReport(arguments + ["--output", "Output"], in: dir + "/project")
    #expect(typed.status == 0, "\(typed.summary)")
    #expect(FileManager.default.fileExists(atPath: dir + "/x/svg/kept/page-001.svg"))
  }

  /// A format folder inside the output folder that links out of it is not written through.
  @Test func aFormatFolderLinkedOutOfTheOutputFolderIsRefused() throws {
    let (dir, arguments) = try project()
    try FileManager.default.createDirectory(
      atPath: dir + "/project/Output", withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(
      atPath: dir + "/project/Output/svg", withDestinationPath: "../../x/svg")
    let r = try runPMReport(arguments, in: dir + "/project")
    #expect(r.status == 65, "\(r.summary)")
    #expect(r.error.contains("the format folder 'svg' is a symbolic link"), "\(r.error)")
    #expect(!FileManager.default.fileExists(atPath: dir + "/x/svg/kept/page-001.svg"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/x/svg") == ["kept"])
  }
}
