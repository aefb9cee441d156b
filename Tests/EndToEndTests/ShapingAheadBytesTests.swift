import Foundation
import Testing

/// The full report shaped on two threads (a second one shaping its sections last first, see
/// `ShapingAhead`) is byte for byte the report shaped on one (`PMREPORT_SHAPE_AHEAD=0`), with no
/// cache and with a cache being filled, and reports the same on standard error.
@Suite(.serialized) struct ShapingAheadBytesTests {
  /// The full report's PDF and SVG pages, and standard error, from one run in `directory`.
  func render(_ output: String, in directory: String, cache: [String], ahead: Bool) throws -> (
    files: [String: Data], error: String
  ) {
    let run = try PMReportProcess(
      ["--document", "full-report", "--format", "pdf,svg", "--output", output] + cache,
      in: directory, environment: ahead ? [:] : ["PMREPORT_SHAPE_AHEAD": "0"]
    ).wait(timeout: 300)
    #expect(run.status == 0, "\(run.error)")
    var files: [String: Data] = [:]
    let root = directory + "/" + output
    for path in FileManager.default.subpaths(atPath: root) ?? []
    where path.hasSuffix(".pdf") || path.hasSuffix(".svg") {
      files[path] = FileManager.default.contents(atPath: root + "/" + path)
    }
    return (files, run.error.replacingOccurrences(of: output, with: "OUT"))
  }

  @Test func twoThreadsWriteTheBytesOneThreadWrites() throws {
    let dir = try temporaryDirectory("pmreport-shaping-ahead")
    for cache in [["--no-cache"], ["--cache", "cache-one"]] {
      let one = try render("one", in: dir, cache: cache, ahead: false)
      let two = try render(
        "two", in: dir, cache: cache.map { $0 == "cache-one" ? "cache-two" : $0 }, ahead: true)
      #expect(one.files.count > 10, "the report's PDF and its SVG pages")
      #expect(one.files.keys.sorted() == two.files.keys.sorted())
      let differing = one.files.keys.filter { one.files[$0] != two.files[$0] }.sorted()
      #expect(differing.isEmpty, "\(cache): files that differ: \(differing.prefix(5))")
      #expect(one.error == two.error)
    }
  }
}
