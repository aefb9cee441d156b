import Foundation
import ReportModel
import Testing

@testable import ReportConfig

/// Mangled files never crash the loaders: each load succeeds or throws `InputError`.
@Suite(.tags(.long)) struct FuzzTests {
  /// SplitMix64: a small seeded generator, so a failure can be replayed.
  struct Generator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  static let significant = Array("[]{}:-#'\"|>&*!%@`\n\t ,?~0123456789.e")

  static func mangle(_ text: String, _ rng: inout Generator) -> String {
    var characters = Array(text)
    for _ in 0..<Int.random(in: 1...6, using: &rng) where !characters.isEmpty {
      let index = Int.random(in: 0..<characters.count, using: &rng)
      switch Int.random(in: 0..<4, using: &rng) {
      case 0: characters.remove(at: index)
      case 1: characters.insert(significant.randomElement(using: &rng) ?? " ", at: index)
      case 2: characters[index] = significant.randomElement(using: &rng) ?? " "
      default:
        let end = min(characters.count, index + Int.random(in: 1...40, using: &rng))
        characters.insert(contentsOf: characters[index..<end], at: index)
      }
    }
    return String(characters)
  }

  @Test(arguments: [1, 2, 3])
  func mangledFilesGiveInputErrorsOnly(seed: UInt64) throws {
    let folder = try TempFolder()
    defer { folder.remove() }
    var rng = Generator(state: seed)
    let config = """
      metadata: {title: T, keywords: [a, b]}
      style: classic
      formats: [pdf, png]
      dpi: 150
      documents:
        - name: full-report
        - {name: s, sections: [summary], page-size: a5, max-pages: 2}
      """
    let style =
      "extends: classic\npage:\n  size: letter\n  margin-left: 50\nfonts:\n  leading: 1.3\ncharts:\n  palette: ['#000', '#fff']\n"
    let content = try ConfigLoader.exportContent(ContentTests.sample)
    var outcomes: [String: Int] = [:]
    for round in 0..<60 {
      let configPath = try folder.write("c\(round).yml", Self.mangle(config, &rng))
      try folder.write("Styles/s\(round).yml", Self.mangle(style, &rng))
      let contentPath = try folder.write("k\(round).yml", Self.mangle(content, &rng))
      for load in [
        {
          _ = try ConfigLoader.loadSettings(
            configPath: configPath, workingDirectory: folder.path, inputs: Inputs())
        },
        {
          _ = try ConfigLoader.loadStyle(
            "s\(round)", baseDirectory: folder.path, workingDirectory: folder.path, inputs: Inputs()
          )
        },
        { _ = try ConfigLoader.loadContent(path: contentPath, inputs: Inputs()) },
      ] as [() throws -> Void] {
        do {
          try load()
          outcomes["ok", default: 0] += 1
        } catch let error as InputError {
          #expect(!error.diagnostics.isEmpty)
          #expect(
            error.diagnostics.allSatisfy {
              $0.line >= 0 && !$0.message.isEmpty && !$0.description.contains("\n")
            })
          outcomes["input error", default: 0] += 1
        } catch {
          Issue.record("round \(round): unexpected \(type(of: error)): \(error)")
        }
      }
    }
    #expect(outcomes["input error", default: 0] > 0)
  }
}
