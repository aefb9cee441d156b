import Foundation
import ReportConfig
import ReportModel
import Testing

/// Mutated configs, styles and content files through the real executable, `check` and render: every
/// case ends in exit 0, 64, 65 or 66 with a message on standard error; never a crash, never a hang.
///
/// Deterministic: a fixed seed drives a xorshift generator, so a failure replays. Bounded by count
/// (about 700 runs, a third of them renders of a small document), not by time. A failing case's
/// files are kept under the folder the failure message names.
@Suite(.serialized, .tags(.long)) struct FuzzRenderTests {
  // MARK: Generator

  /// xorshift64: tiny, seeded, the same sequence everywhere.
  struct XorShift: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed == 0 ? 0x9E37_79B9_7F4A_7C15 : seed }
    mutating func next() -> UInt64 {
      state ^= state << 13
      state ^= state >> 7
      state ^= state << 17
      return state
    }
  }

  // MARK: The files mutated

  enum Target: String, CaseIterable, CustomStringConvertible {
    case config, style, content
    var description: String { rawValue }
  }

  /// The project root (for `Styles/classic.yml`).
  static let root: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
  }()

  /// The unmutated config: two small documents, a named style, PDF.
  static let baseConfig = """
    metadata:
      title: Fuzzed handout
      subtitle: Seeded
      keywords: [fuzz, pmreport]
    style: fuzz
    formats: [pdf]
    output: out
    dpi: 72
    documents:
      - name: faq
        kind: report
        title: "Questions"
        sections: [faq]
        toc: false
        max-pages: 4
      - name: table
        kind: comparison-table
        orientation: landscape
        page-size: a5
        max-pages: 1

    """

  static let baseStyle: Result<String, any Error> = Result {
    try String(contentsOfFile: root + "/Styles/classic.yml", encoding: .utf8)
      .replacingOccurrences(of: "name: classic", with: "name: fuzz")
  }

  static let baseContent: Result<String, any Error> = Result {
    try ConfigLoader.exportContent(.builtIn)
  }

  func base(_ target: Target) throws -> String {
    switch target {
    case .config: Self.baseConfig
    case .style: try Self.baseStyle.get()
    case .content: try Self.baseContent.get()
    }
  }

  // MARK: Mutations

  static let extremes = [
    "1e308", "-1e308", "1e309", "-1e9", "1e9", "-0", "0", "4.9e-324", "1e-300", "-1",
    "99999999999999999999999", "0.0001", "123456789012", ".5", "0x7fffffffffffffff",
    "1_000", ".inf", "-.inf", ".nan", "NaN", "1e", "--1", "0o777", "+12",
  ]
  static let replacements = [
    "[a, b]", "{x: 1}", "[]", "{}", "''", "\"\"", "~", "null", "true", "no", "12",
    "- item", "[[1], [2]]", "{name: {name: x}}", "!!binary aGVsbG8=", "*undefined",
    "&anchor value", "|\n  block", ">\n  folded", "!custom tag", "? complex\n: key",
  ]
  static let garbage: [Unicode.Scalar] = [
    "\u{202E}", "\u{200B}", "\u{FEFF}", "\u{0301}", "\u{FFFD}", "\u{FFFF}",
    "\u{E000}", "\u{10FFFF}", "\u{1F600}", "\u{2705}", "\u{4E2D}", "\u{05D0}", "\u{0627}",
    "\u{0378}",
    "\u{2028}", "\u{0085}", "\u{00A0}", "\u{00AD}", "\u{1F1FA}", "\u{200D}", "\u{FE0F}", "\"", "'",
    ":",
    "#", "&", "*", "!", "|", ">", "%", "@", "`", "{", "}", "[", "]", ",", "\\", "\t", "\r",
  ]
  static let controls: [Unicode.Scalar] = [
    "\u{0000}", "\u{0007}", "\u{001B}", "\u{007F}", "\u{0008}",
  ]

  /// The mutation kinds, by name (the name goes into the failure message).
  static let mutations: [(name: String, apply: @Sendable (inout [UInt8], inout XorShift) -> Void)] =
    [
      (
        "flip bytes",
        { bytes, rng in
          let printable = Bool.random(using: &rng)
          for _ in 0..<Int.random(in: 1...8, using: &rng) where !bytes.isEmpty {
            bytes[Int.random(in: 0..<bytes.count, using: &rng)] =
              printable
              ? UInt8.random(in: 32...126, using: &rng) : UInt8.random(in: 0...255, using: &rng)
          }
        }
      ),
      (
        "truncate",
        { bytes, rng in
          bytes = Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &rng)))
        }
      ),
      (
        "swap a value's type",
        { bytes, rng in
          let keeps: (String) -> Bool = {
            $0.contains(":") || $0.trimmingCharacters(in: .whitespaces).hasPrefix("- ")
          }
          editLine(
            &bytes, &rng,
            where: keeps
          ) { line, rng in
            let value = replacements.randomElement(using: &rng) ?? "[]"
            if let colon = line.firstIndex(of: ":") { return String(line[...colon]) + " " + value }
            return line.replacingOccurrences(of: "- ", with: "- \(value) #", options: .anchored)
          }
        }
      ),
      (
        "extreme number",
        { bytes, rng in
          let number = extremes.randomElement(using: &rng) ?? "1e308"
          let keeps: (String) -> Bool = { line in
            guard let colon = line.firstIndex(of: ":") else { return false }
            let value =
              line[line.index(after: colon)...].split(separator: "#").first?.trimmingCharacters(
                in: .whitespaces) ?? ""
            return Double(value) != nil
          }
          let edited = editLine(
            &bytes, &rng,
            where: keeps
          ) { line, _ in (line.prefix { $0 != ":" } + ":") + " " + number }
          if !edited { bytes += Array("\ndpi: \(number)\n".utf8) }
        }
      ),
      (
        "deep nesting",
        { bytes, rng in
          let depth = 5000
          let nest =
            [
              "[" + String(repeating: "[", count: depth),
              String(repeating: "[", count: depth) + String(repeating: "]", count: depth),
              String(repeating: "{a: ", count: depth) + "1" + String(repeating: "}", count: depth),
              String(repeating: "- ", count: depth) + "x",
            ].randomElement(using: &rng) ?? "["
          if Bool.random(using: &rng) {
            bytes = Array(nest.utf8)
          } else {
            let keeps: (String) -> Bool = { $0.contains(":") }
            editLine(&bytes, &rng, where: keeps) { line, _ in
              (line.prefix { $0 != ":" } + ":") + " " + nest
            }
          }
        }
      ),
      (
        "empty or blank",
        { bytes, rng in
          let blank =
            [
              "", " ", "\n\n\n", "\u{FEFF}", "---", "...", "--- ~\n", "#only a comment\n", "\0\0\0",
              "\t", "- \n", ":", "~",
            ].randomElement(using: &rng) ?? ""
          bytes = Array(blank.utf8)
        }
      ),
      (
        "unicode garbage",
        { bytes, rng in
          var text = String(decoding: bytes, as: UTF8.self).unicodeScalars.map { $0 }
          for _ in 0..<Int.random(in: 1...12, using: &rng) {
            let at = Int.random(in: 0...text.count, using: &rng)
            text.insert(garbage.randomElement(using: &rng) ?? " ", at: at)
          }
          var s = String.UnicodeScalarView()
          s.append(contentsOf: text)
          bytes = Array(String(s).utf8)
        }
      ),
      (
        "control characters",
        { bytes, rng in
          var text = String(decoding: bytes, as: UTF8.self).unicodeScalars.map { $0 }
          for _ in 0..<Int.random(in: 1...3, using: &rng) {
            text.insert(
              controls.randomElement(using: &rng) ?? "\u{0}",
              at: Int.random(in: 0...text.count, using: &rng))
          }
          var s = String.UnicodeScalarView()
          s.append(contentsOf: text)
          bytes = Array(String(s).utf8)
        }
      ),
      (
        "alias bomb",
        { bytes, _ in
          let levels = (0..<9).map { i -> String in
            let name = "l\(i)"
            let items =
              i == 0
              ? Array(repeating: "lol", count: 10) : Array(repeating: "*l\(i - 1)", count: 10)
            return "\(name): &\(name) [\(items.joined(separator: ", "))]"
          }
          bytes = Array((levels.joined(separator: "\n") + "\ndocuments: *l8\n").utf8) + bytes
        }
      ),
      (
        "duplicate or drop lines",
        { bytes, rng in
          var lines = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\n")
          guard !lines.isEmpty else { return }
          for _ in 0..<Int.random(in: 1...6, using: &rng) {
            let i = Int.random(in: 0..<lines.count, using: &rng)
            if Bool.random(using: &rng) {
              lines.insert(lines[i], at: i)
            } else if lines.count > 1 {
              lines.remove(at: i)
            }
          }
          bytes = Array(lines.joined(separator: "\n").utf8)
        }
      ),
      (
        "indentation",
        { bytes, rng in
          let keeps: (String) -> Bool = { _ in true }
          editLine(&bytes, &rng, where: keeps) { line, rng in
            [" " + line, "\t" + line, String(line.drop { $0 == " " }), "   " + line].randomElement(
              using: &rng) ?? line
          }
        }
      ),
      (
        "huge scalar",
        { bytes, rng in
          let long = String(
            repeating: ["x", "漢", "é ", "word "].randomElement(using: &rng) ?? "", count: 100_000)
          let keeps: (String) -> Bool = { $0.contains(": ") }
          editLine(&bytes, &rng, where: keeps) { line, _ in
            (line.prefix { $0 != ":" } + ":") + " \"" + long + "\""
          }
        }
      ),
    ]

  /// How often each mutation is picked, by name: the ones that only the parser sees (nesting,
  /// alias bombs, blank files, control characters) are rarer, so most cases reach the decoder,
  /// the validation and the layout.
  static let weights: [String: Int] = [
    "flip bytes": 2, "truncate": 2, "swap a value's type": 6, "extreme number": 6,
    "deep nesting": 1,
    "empty or blank": 1, "unicode garbage": 4, "control characters": 1, "alias bomb": 1,
    "duplicate or drop lines": 3, "indentation": 2, "huge scalar": 2,
  ]

  /// A mutation drawn by weight.
  static func pick(_ rng: inout XorShift) -> (
    name: String, apply: @Sendable (inout [UInt8], inout XorShift) -> Void
  ) {
    let total = mutations.reduce(0) { $0 + (weights[$1.name] ?? 1) }
    var roll = Int.random(in: 0..<total, using: &rng)
    for m in mutations {
      roll -= weights[m.name] ?? 1
      if roll < 0 { return m }
    }
    return mutations[0]
  }

  /// Rewrites one line chosen at random among those passing `filter`; false when none did.
  @discardableResult
  static func editLine(
    _ bytes: inout [UInt8], _ rng: inout XorShift, where filter: (String) -> Bool,
    _ edit: (String, inout XorShift) -> String
  ) -> Bool {
    var lines = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\n")
    let candidates = lines.indices.filter { filter(lines[$0]) && !lines[$0].hasPrefix("#") }
    guard let i = candidates.randomElement(using: &rng) else { return false }
    lines[i] = edit(lines[i], &rng)
    bytes = Array(lines.joined(separator: "\n").utf8)
    return true
  }

  // MARK: Running a case

  struct Case {
    var target: Target
    var number: Int
    var mutations: [String]
    var bytes: [UInt8]
    var render: String?
  }

  /// The command line for a case: `check`, or a render of `document` as PDF.
  func arguments(_ c: Case, styleByPath: Bool) -> [String] {
    var args = ["--config", c.target == .config ? "mutated.yml" : "base.yml"]
    if c.target == .content { args += ["--content", "content.yml"] }
    if c.target == .style && styleByPath { args += ["--style", "Styles/fuzz.yml"] }
    guard let document = c.render else { return ["check"] + args }
    return args + ["--document", document, "--format", "pdf", "--output", "out"]
  }

  /// What is wrong with how a run ended, or nil.
  func problem(_ result: ExecutableRun) -> String? {
    if result.timedOut { return "hung (killed after 20 s)" }
    if result.crashed { return "crashed: \(result.summary)" }
    if ![0, 64, 65, 66].contains(result.status) {
      return "unexpected exit \(result.status): \(result.error.prefix(300))"
    }
    if result.error.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
      return "nothing on standard error (exit \(result.status))"
    }
    if result.status != 0 && !result.error.lowercased().contains("error") {
      return "exit \(result.status) without an error message: \(result.error.prefix(300))"
    }
    return nil
  }

  /// Cases per target, and how many of them are also rendered (every `renderEvery`-th).
  static let casesPerTarget = 230
  static let renderEvery = 3

  @Test(arguments: Target.allCases)
  func mutatedFilesNeverCrashOrHang(target: Target) throws {
    var rng = XorShift(seed: 0x5EED_0000 + UInt64(Target.allCases.firstIndex(of: target)!) * 7919)
    let dir = try temporaryDirectory("pmreport-fuzz-\(target)", keptAfterRun: true)
    try FileManager.default.createDirectory(
      atPath: dir + "/Styles", withIntermediateDirectories: true)
    try Self.baseConfig.write(toFile: dir + "/base.yml", atomically: true, encoding: .utf8)
    let seed = Array(try base(target).utf8)
    // The unmutated files are good: each case starts from a file that loads and renders.
    try base(.style).write(toFile: dir + "/Styles/fuzz.yml", atomically: true, encoding: .utf8)
    try base(.config).write(toFile: dir + "/mutated.yml", atomically: true, encoding: .utf8)
    try base(.content).write(toFile: dir + "/content.yml", atomically: true, encoding: .utf8)
    for document in ["faq", "table"] {
      let clean = Case(target: target, number: -1, mutations: [], bytes: seed, render: document)
      let result = try PMReportProcess(arguments(clean, styleByPath: true), in: dir).wait(
        timeout: 60)
      try #require(result.status == 0, "unmutated \(target), \(document): \(result.summary)")
    }
    var outcomes: [String: Int] = [:]
    var failures = 0

    for number in 0..<Self.casesPerTarget {
      var bytes = seed
      var names: [String] = []
      // One mutation most of the time, sometimes two or three.
      let count = [1, 1, 1, 1, 1, 1, 2, 2, 2, 3].randomElement(using: &rng) ?? 1
      for _ in 0..<count {
        let m = Self.pick(&rng)
        m.apply(&bytes, &rng)
        names.append(m.name)
      }
      let render = number % Self.renderEvery == 0 ? (number % 2 == 0 ? "faq" : "table") : nil
      let c = Case(target: target, number: number, mutations: names, bytes: bytes, render: render)

      // The mutated file in place, the others as they were.
      try Data(c.target == .style ? bytes : Array(try base(.style).utf8)).write(
        to: URL(fileURLWithPath: dir + "/Styles/fuzz.yml"))
      if target == .config { try Data(bytes).write(to: URL(fileURLWithPath: dir + "/mutated.yml")) }
      if target == .content {
        try Data(bytes).write(to: URL(fileURLWithPath: dir + "/content.yml"))
      }

      let args = arguments(c, styleByPath: number % 4 == 1)
      let result = try PMReportProcess(args, in: dir).wait(timeout: 20)
      let kind =
        "\(c.render == nil ? "check" : "render") \(result.timedOut ? "timeout" : String(result.status))"
      outcomes[kind, default: 0] += 1
      if let problem = problem(result) {
        failures += 1
        let keep = dir + "/failure-\(number)"
        try? FileManager.default.createDirectory(atPath: keep, withIntermediateDirectories: true)
        for file in ["base.yml", "mutated.yml", "content.yml", "Styles/fuzz.yml"] {
          try? FileManager.default.copyItem(
            atPath: dir + "/" + file,
            toPath: keep + "/" + file.replacingOccurrences(of: "/", with: "-"))
        }
        if failures <= 10 {
          Issue.record(
            "\(target) case \(number) [\(names.joined(separator: ", "))] `pmreport \(args.joined(separator: " "))`: \(problem) — files kept in \(keep)"
          )
        }
      }
    }
    #expect(
      failures == 0,
      "\(failures) of \(Self.casesPerTarget) \(target) cases failed; outcomes \(outcomes.sorted { $0.key < $1.key })"
    )
    // The mutations must reach past the parser: some files still load, some renders succeed,
    // and bad data is reported as such (not all rejected as usage errors).
    #expect(outcomes["check 0", default: 0] + outcomes["render 0", default: 0] > 0, "\(outcomes)")
    #expect(outcomes["render 0", default: 0] > 0, "no render succeeded: \(outcomes)")
    #expect(outcomes["check 65", default: 0] + outcomes["render 65", default: 0] > 0, "\(outcomes)")
    if failures == 0 { try? FileManager.default.removeItem(atPath: dir) }
  }
}
