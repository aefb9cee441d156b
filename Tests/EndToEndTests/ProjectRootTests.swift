import Foundation
import Testing

/// Reading is confined to the project root: a path in the config or the content that is absolute,
/// leads out with `..` or through a symbolic link is an error at the key that names it (exit 65),
/// and no byte of the file it names is read.
@Suite(.serialized) struct ProjectRootTests {
  /// A project folder `dir/project` holding `pmreport.yml` with `config`; returns `dir`.
  func project(_ config: String) throws -> String {
    let dir = try temporaryDirectory("root")
    try FileManager.default.createDirectory(
      atPath: dir + "/project", withIntermediateDirectories: true)
    try config.write(toFile: dir + "/project/pmreport.yml", atomically: true, encoding: .utf8)
    return dir
  }

  /// A small valid content file at `path`, naming `image` when given.
  func writeContent(_ path: String, image: String? = nil) throws {
    var yaml = "sections:\n- id: one\n  title: One\n  blocks:\n  - paragraph: Inside the root.\n"
    if let image { yaml += "  - image: {path: \"\(image)\", alt: \"a picture\"}\n" }
    try yaml.write(toFile: path, atomically: true, encoding: .utf8)
  }

  func check(_ arguments: [String], in directory: String) throws -> ExecutableRun {
    try runPMReport(["check"] + arguments, in: directory)
  }

  @Test func anAbsoluteContentPathReadsNothing() throws {
    let dir = try project("content: /etc/passwd\n")
    let r = try check(["--config", "project/pmreport.yml"], in: dir)
    #expect(r.status == 65, "\(r.summary)")
    #expect(r.error.contains("project/pmreport.yml:1:10: error: content:"), "\(r.error)")
    #expect(r.error.contains("'/etc/passwd' is an absolute path"), "\(r.error)")
    // Not a byte of the file: none of its lines, nor the start of its first.
    let passwd = try String(contentsOfFile: "/etc/passwd", encoding: .utf8)
    for line in passwd.split(separator: "\n") where line.count > 4 {
      #expect(!r.error.contains(line), "echoed a line of /etc/passwd")
    }
    #expect(!r.error.contains("root:x"))
    #expect(!r.error.contains("expected a mapping"))
  }

  @Test func dotDotLeadingOutIsAnError() throws {
    let dir = try project("content: ../content.yml\n")
    try writeContent(dir + "/content.yml")
    let r = try check(["--config", "project/pmreport.yml"], in: dir)
    #expect(r.status == 65, "\(r.summary)")
    #expect(r.error.contains("project/pmreport.yml:1:10: error: content:"), "\(r.error)")
    #expect(r.error.contains("'../content.yml' leads out of the project root"), "\(r.error)")
    // --root widens the root to take it in.
    let widened = try check(["--config", "project/pmreport.yml", "--root", "."], in: dir)
    #expect(widened.status == 0, "\(widened.summary)")
  }

  @Test func aSymbolicLinkLeadingOutIsAnError() throws {
    let dir = try project("content: link.yml\n")
    try writeContent(dir + "/outside.yml")
    try FileManager.default.createSymbolicLink(
      atPath: dir + "/project/link.yml", withDestinationPath: dir + "/outside.yml")
    let r = try check(["--config", "project/pmreport.yml"], in: dir)
    #expect(r.status == 65, "\(r.summary)")
    #expect(r.error.contains("project/pmreport.yml:1:10: error: content:"), "\(r.error)")
    #expect(r.error.contains("'link.yml' is a symbolic link leading out"), "\(r.error)")
  }

  @Test func aSymbolicLinkInsidePointingInsideIsFine() throws {
    let dir = try project("content: link.yml\nstyle: styles/mine.yml\n")
    try FileManager.default.createDirectory(
      atPath: dir + "/project/real", withIntermediateDirectories: true)
    try writeContent(dir + "/project/real/content.yml")
    try FileManager.default.createSymbolicLink(
      atPath: dir + "/project/link.yml", withDestinationPath: "real/content.yml")
    try FileManager.default.createDirectory(
      atPath: dir + "/project/styles", withIntermediateDirectories: true)
    try "extends: classic\n".write(
      toFile: dir + "/project/styles/mine.yml", atomically: true, encoding: .utf8)
    let r = try check(["--config", "project/pmreport.yml"], in: dir)
    #expect(r.status == 0, "\(r.summary)")
  }

  @Test func styleFilesAreConfinedToo() throws {
    let dir = try project("style: ../style.yml\n")
    try "extends: classic\n".write(
      toFile: dir + "/style.yml", atomically: true, encoding: .utf8)
    let r = try check(["--config", "project/pmreport.yml"], in: dir)
    #expect(r.status == 65, "\(r.summary)")
    #expect(r.error.contains("project/pmreport.yml:1:8: error: style:"), "\(r.error)")
    // A style's extends may not lead out either.
    let inner = try project("style: mine.yml\n")
    try "extends: /etc/passwd.yml\n".write(
      toFile: inner + "/project/mine.yml", atomically: true, encoding: .utf8)
    let chained = try check(["--config", "project/pmreport.yml"], in: inner)
    #expect(chained.status == 65, "\(chained.summary)")
    #expect(chained.error.contains("mine.yml:1:10: error: extends:"), "\(chained.error)")
  }

  @Test func anImagePathEscapingIsAnError() throws {
    let dir = try project("content: content.yml\n")
    try writeContent(dir + "/project/content.yml", image: "../../secret.png")
    let r = try check(["--config", "project/pmreport.yml"], in: dir)
    #expect(r.status == 65, "\(r.summary)")
    #expect(r.error.contains("content.yml:6:19: error: image '../../secret.png' leads out"))
  }

  @Test func commandLineContentIsConfinedToTheRoot() throws {
    let dir = try temporaryDirectory("root-cli")
    try FileManager.default.createDirectory(
      atPath: dir + "/work", withIntermediateDirectories: true)
    try writeContent(dir + "/content.yml")
    // No config: the root is the working directory.
    let r = try check(["--content", "../content.yml"], in: dir + "/work")
    #expect(r.status == 65, "\(r.summary)")
    #expect(r.error.contains("command line: error: --content:"), "\(r.error)")
    let widened = try check(["--content", "../content.yml", "--root", ".."], in: dir + "/work")
    #expect(widened.status == 0, "\(widened.summary)")
  }
}
