import Dispatch
import Foundation
import PMReportKit
import Testing

@testable import PreviewServer

/// The preview's side of real builds: what the snapshot shows after each.
@Suite struct PreviewBuilderTests {
  static let config = """
    roster: roster.csv
    formats: [pdf]
    documents:
      - name: certificate
        kind: certificate

    """

  /// A new temporary folder holding `config` as pmreport.yml (its name says which test made it).
  static func project(named name: String) throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "preview-\(name)-\(UUID().uuidString)"
    ).path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    try config.write(toFile: dir + "/pmreport.yml", atomically: true, encoding: .utf8)
    return dir
  }

  /// Builds the certificates of `roster` in `dir` as `watch --serve` does, telling `builder`.
  func build(_ builder: PreviewBuilder, roster: String, in dir: String) throws {
    try roster.write(toFile: dir + "/roster.csv", atomically: true, encoding: .utf8)
    builder.buildStarted(at: .now())
    var scheduler = try RunScheduler.load(
      options: RunOptions(outputDirectory: dir + "/out", workingDirectory: dir))
    scheduler.observer = builder
    _ = scheduler.run(reporter: builder)
  }

  /// What a build event's JSON tells of the state (the fields checked here).
  struct EventState: Decodable {
    var generation: Int
    var state: State

    struct State: Decodable {
      var generation: Int
      var editorLink: String
      var documents: [Document]
    }

    struct Document: Decodable {
      var name: String
      var pages: [Page]
    }

    struct Page: Decodable { var version: String }
  }

  /// A build's event carries the new state, as `/state.json` gives it: the page asks for the
  /// changed pages at once, without asking for the state first.
  @Test func aBuildEventCarriesTheNewState() async throws {
    let dir = try Self.project(named: "event")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let store = PreviewStore(editorLink: "editor://{path}#{line}")
    var events = store.listen().makeAsyncIterator()
    try build(PreviewBuilder(store: store), roster: "name\nAda\nBo\n", in: dir)

    let bytes = try #require(await events.next())
    let data = try #require(
      String(decoding: bytes, as: UTF8.self).split(separator: "\n").first {
        $0.hasPrefix("data: ")
      })
    let event = try JSONDecoder().decode(EventState.self, from: Data(data.dropFirst(6).utf8))
    #expect(event.state.generation == event.generation)
    #expect(event.state.editorLink == "editor://{path}#{line}")
    let snapshot = store.snapshot
    #expect(snapshot.generation >= event.generation)
    let certificates = try #require(snapshot.document("certificate"))
    #expect(event.state.documents.map(\.name) == ["certificate"])
    #expect(event.state.documents.first?.pages.map(\.version) == certificates.versions)
  }

  /// A name that does not fit its certificate is refused at its roster line (exit 65 in a
  /// render): the preview shows that error over the last good certificates, and the next good
  /// build clears it.
  @Test func aRefusedRosterLineShowsItsErrorOverTheLastGoodPages() throws {
    let dir = try Self.project(named: "refused")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let store = PreviewStore()
    let builder = PreviewBuilder(store: store)
    try build(builder, roster: "name\nAda\nBo\n", in: dir)
    let good = store.snapshot
    #expect(good.diagnostics.isEmpty)
    let certificates = try #require(good.document("certificate"))

    // 400 ideographs fit no certificate's rule.
    let longer = String(repeating: "李", count: 400)
    try build(builder, roster: "name\nAda\n\(longer)\n", in: dir)
    let refused = store.snapshot
    #expect(refused.generation > good.generation)
    #expect(refused.diagnostics.count == 1)
    #expect(refused.diagnostics.first?.hasPrefix("roster.csv:3: error: the name '李") == true)
    #expect(
      refused.document("certificate")?.versions == certificates.versions,
      "the last good pages stay")

    try build(builder, roster: "name\nAda\nBo\n", in: dir)
    #expect(store.snapshot.diagnostics.isEmpty)
    #expect(store.snapshot.document("certificate")?.versions == certificates.versions)
  }
}

/// An image that no longer decodes when the build draws it (changed after the project loaded).
///
/// The preview's images are decoded at the size the PDF and SVG files draw them (the style's
/// `image-ppi`), once for both: an image the preview cannot decode is one the files cannot draw
/// either, and a PNG-only run's decode at `dpi` reads the same bytes. So the document fails once,
/// with the image's error at its place, shown over the last good pages.
@Suite struct PreviewImageTests {
  static func config(_ format: String) -> String {
    """
    content: content.md
    formats: [\(format)]
    documents:
      - name: pictures
        kind: report
        toc: false

    """
  }

  static let svg = """
    <svg xmlns="http://www.w3.org/2000/svg" width="240" height="120">\
    <rect width="240" height="120" fill="#1060c0"/></svg>
    """

  @Test(arguments: ["pdf", "png"])
  func anImageThatNoLongerDecodesFailsThePreviewAndTheFilesOnce(format: String) throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "preview-image-\(UUID().uuidString)"
    ).path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try Self.config(format).write(
      toFile: dir + "/pmreport.yml", atomically: true, encoding: .utf8)
    try "---\ntitle: Pictures\n---\n\n# Pictures {#pictures}\n\nWords.\n\n![A](shape.svg)\n"
      .write(toFile: dir + "/content.md", atomically: true, encoding: .utf8)
    try Self.svg.write(toFile: dir + "/shape.svg", atomically: true, encoding: .utf8)
    let store = PreviewStore()
    let builder = PreviewBuilder(store: store)
    func build(damaging: Bool) throws -> RunSummary {
      builder.buildStarted(at: .now())
      var scheduler = try RunScheduler.load(
        options: RunOptions(outputDirectory: dir + "/out", workingDirectory: dir))
      scheduler.observer = builder
      if damaging {
        try "<svg".write(toFile: dir + "/shape.svg", atomically: true, encoding: .utf8)
      }
      return scheduler.run(reporter: builder)
    }
    let good = try build(damaging: false)
    #expect(good.failures.isEmpty && !good.files.isEmpty)
    let pages = try #require(store.snapshot.document("pictures")).versions

    let damaged = try build(damaging: true)
    #expect(damaged.files.isEmpty)
    #expect(damaged.failures.count == 1)
    let error = "\(dir)/content.md:9:6: error: image 'shape.svg': not a readable SVG"
    #expect(store.snapshot.diagnostics.count == 1, "\(store.snapshot.diagnostics)")
    #expect(store.snapshot.diagnostics.first?.hasPrefix(error) == true)
    #expect(store.snapshot.document("pictures")?.versions == pages, "the last good pages stay")
  }
}
