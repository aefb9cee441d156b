import Foundation
import ReportConfig
import ReportModel
import Testing

@testable import PMReportKit

/// What a load records through the inputs service: what `pmreport watch` watches.
struct InputRecordTests {
  /// A project of `content.yml` and `pmreport.yml` (no style named), with an empty `Styles/`
  /// folder.
  func project() throws -> (folder: String, options: RunOptions) {
    let dir = try temporaryDirectory("pmreport-record")
    let section = Section(id: "s", title: "S", blocks: [.paragraph("Read once.")])
    _ = try ContentFixture.write([section], document: "plain", in: dir)
    try FileManager.default.createDirectory(
      atPath: dir + "/Styles", withIntermediateDirectories: false)
    let real = ProjectRoot(dir).physicalPath
    return (
      real,
      RunOptions(
        configPath: "pmreport.yml", contentPath: "content.yml", workingDirectory: real)
    )
  }

  @Test func aLoadRecordsTheFilesItReadAndTheStylesItLookedForInVain() throws {
    let (dir, options) = try project()
    let inputs = Inputs()
    _ = try Project.load(options: options, inputs: inputs)
    let record = inputs.record
    #expect(Set(record.filesRead.keys) == [dir + "/pmreport.yml", dir + "/content.yml"])
    let size = try FileManager.default.attributesOfItem(atPath: dir + "/content.yml")[.size]
    #expect(record.filesRead[dir + "/content.yml"]?.size == (size as? NSNumber)?.int64Value)
    #expect(record.notFound.contains(dir + "/Styles/classic.yml"))
    #expect(record.foldersScanned.isEmpty)
  }

  @Test func aStyleNamedInTheConfigListsTheStylesFolders() throws {
    let (dir, options) = try project()
    try "style: modern\n".write(toFile: dir + "/pmreport.yml", atomically: true, encoding: .utf8)
    let inputs = Inputs()
    _ = try Project.load(options: options, inputs: inputs)
    #expect(inputs.record.foldersScanned == [dir + "/Styles"])
    #expect(inputs.record.notFound.contains(dir + "/Styles/modern.yml"))
  }

  @Test func aFailedLoadRecordsTheConfigItLookedFor() throws {
    let (dir, options) = try project()
    try FileManager.default.removeItem(atPath: dir + "/pmreport.yml")
    let inputs = Inputs()
    #expect(throws: MissingFileError.self) { try Project.load(options: options, inputs: inputs) }
    #expect(inputs.record.notFound == [dir + "/pmreport.yml"])
    #expect(inputs.record.filesRead.isEmpty)
  }
}
