import Foundation
import Testing

/// Reading is confined to the project root, for the paths written in files.
///
/// A path written in the config, the content or a style that is absolute, leads out with `..` or
/// through a symbolic link is an error at the key that names it (exit 65), and no byte of the file
/// it names is read. A path typed on the command line is read wherever it lies; a typed file
/// outside the root is the root of the paths written in it.
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

  /// A typed path is the person's choice: `--content`, `--style`, `--roster` and `--config`
  /// outside the root are read.
  @Test func typedPathsOutsideTheRootAreRead() throws {
    let dir = try temporaryDirectory("root-typed")
    let fm = FileManager.default
    for folder in ["/work", "/downloads"] {
      try fm.createDirectory(atPath: dir + folder, withIntermediateDirectories: true)
    }
    try writeContent(dir + "/downloads/content.yml")
    try "extends: classic\n".write(
      toFile: dir + "/downloads/style.yml", atomically: true, encoding: .utf8)
    try "name\nAna\n".write(
      toFile: dir + "/downloads/roster.csv", atomically: true, encoding: .utf8)
    try "content: content.yml\n".write(
      toFile: dir + "/downloads/pmreport.yml", atomically: true, encoding: .utf8)
    // No config: the root is the working directory.
    for arguments in [
      ["--content", "../downloads/content.yml"], ["--style", dir + "/downloads/style.yml"],
      ["--config", "../downloads/pmreport.yml", "--root", "."],
    ] {
      let r = try check(arguments, in: dir + "/work")
      #expect(r.status == 0, "\(arguments): \(r.summary)")
    }
    let roster = try runPMReport(
      ["--roster", "../downloads/roster.csv", "--document", "charts", "--output", "out"],
      in: dir + "/work")
    #expect(roster.status == 0, "\(roster.summary)")
  }

  /// The paths written in a typed file outside the root are confined to that file's folder: an
  /// image or an `extends` beside it is read, one leading out of it (by `..` or a symbolic link)
  /// is not.
  @Test func aTypedFileOutsideTheRootIsTheRootOfItsPaths() throws {
    let dir = try temporaryDirectory("root-typed-written")
    let fm = FileManager.default
    for folder in ["/work", "/downloads/img"] {
      try fm.createDirectory(atPath: dir + folder, withIntermediateDirectories: true)
    }
    try ContentImageTests.writeSolid(
      dir + "/downloads/img/inside.png", type: "png", width: 8, height: 8, rgb: (0, 0, 0))
    try ContentImageTests.writeSolid(
      dir + "/secret.png", type: "png", width: 8, height: 8, rgb: (0, 0, 0))
    try fm.createSymbolicLink(
      atPath: dir + "/downloads/img/link.png", withDestinationPath: dir + "/secret.png")
    for (name, image) in [
      ("near", "img/inside.png"), ("far", "../secret.png"), ("linked", "img/link.png"),
    ] {
      try writeContent(dir + "/downloads/\(name).yml", image: image)
    }
    let near = try check(["--content", "../downloads/near.yml"], in: dir + "/work")
    #expect(near.status == 0, "\(near.summary)")
    let far = try check(["--content", "../downloads/far.yml"], in: dir + "/work")
    #expect(far.status == 65, "\(far.summary)")
    #expect(
      far.error.contains("image '../secret.png' leads out of the project root"), "\(far.error)")
    let linked = try check(["--content", "../downloads/linked.yml"], in: dir + "/work")
    #expect(linked.status == 65, "\(linked.summary)")
    #expect(
      linked.error.contains("'img/link.png' is a symbolic link leading out"), "\(linked.error)")
    // A typed style's extends, and a typed config's content, likewise.
    try "extends: ../outside.yml\n".write(
      toFile: dir + "/downloads/style.yml", atomically: true, encoding: .utf8)
    try "extends: classic\n".write(toFile: dir + "/outside.yml", atomically: true, encoding: .utf8)
    let style = try check(["--style", "../downloads/style.yml"], in: dir + "/work")
    #expect(style.status == 65, "\(style.summary)")
    #expect(style.error.contains("style.yml:1:10: error: extends:"), "\(style.error)")
    try "content: ../content.yml\n".write(
      toFile: dir + "/downloads/pmreport.yml", atomically: true, encoding: .utf8)
    try writeContent(dir + "/content.yml")
    let config = try check(
      ["--config", "../downloads/pmreport.yml", "--root", "."], in: dir + "/work")
    #expect(config.status == 65, "\(config.summary)")
    #expect(config.error.contains("pmreport.yml:1:10: error: content:"), "\(config.error)")
  }
}
