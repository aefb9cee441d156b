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
