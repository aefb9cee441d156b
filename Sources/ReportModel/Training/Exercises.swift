/// Worksheets and answer keys: exercises generated from the content, shuffled deterministically.

// MARK: - Shuffling

/// SplitMix64 (Steele, Lea and Flood 2014): a tiny, fully specified generator, so a seed gives the
/// same sequence on every platform and Swift version.
public struct SplitMix64: RandomNumberGenerator, Sendable {
  private var state: UInt64

  public init(seed: UInt64) { state = seed }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

extension Array {
  /// The elements in a Fisher–Yates order drawn from `generator` (Durstenfeld's form: from the
  /// last position down, each swapped with one at or before it, chosen by `next() % (i + 1)`).
  ///
  /// Written out rather than `shuffled(using:)`, whose use of the generator the standard library
  /// does not promise to keep.
  public func fisherYatesShuffled(using generator: inout SplitMix64) -> [Element] {
    var out = self
    var i = out.count - 1
    while i > 0 {
      let j = Int(generator.next() % UInt64(i + 1))
      out.swapAt(i, j)
      i -= 1
    }
    return out
  }
}

// MARK: - Specs

/// What an exercise asks.
public enum ExerciseKind: String, Codable, CaseIterable, Hashable, Sendable {
  /// Statements from the role tables, each to be ticked for the role that makes it.
  case whoDoesIt = "who-does-it"
  /// The strength and risk labels of every role, each to be given to its role.
  case whoseStrength = "whose-strength"
  /// FAQ questions, answered on ruled lines.
  case recall
  /// Open prompts (the document's `prompts`, else the shipped ones), answered on ruled lines.
  case reflect
}

/// One entry of a worksheet's `exercises:`: a kind and how many items it takes.
public struct ExerciseSpec: Hashable, Sendable {
  public var kind: ExerciseKind
  public var items: Int
  public init(kind: ExerciseKind, items: Int) {
    self.kind = kind
    self.items = items
  }

  /// The exercises a worksheet with no `exercises:` gets.
  public static let defaults: [ExerciseSpec] = [
    ExerciseSpec(kind: .whoDoesIt, items: 8), ExerciseSpec(kind: .whoseStrength, items: 8),
    ExerciseSpec(kind: .recall, items: 3), ExerciseSpec(kind: .reflect, items: 2),
  ]
}

// MARK: - Generated exercises

/// One question of an exercise with its answer.
public struct ExerciseItem: Hashable, Sendable {
  /// What the participant reads: a statement, a label, a question or a prompt.
  public var prompt: RichText
  /// The role that answers a tick-box item; nil for a written one.
  public var role: RoleID?
  /// The model answer of a recall item; nil for the others.
  public var answer: RichText?
  /// Ruled lines to write on (written items only).
  public var lines: Int

  public init(prompt: RichText, role: RoleID? = nil, answer: RichText? = nil, lines: Int = 0) {
    self.prompt = prompt
    self.role = role
    self.answer = answer
    self.lines = lines
  }
}

/// An exercise as printed: its kind and its items in their shuffled order.
public struct Exercise: Hashable, Sendable {
  public var kind: ExerciseKind
  public var items: [ExerciseItem]
  /// Whether the items are ticked against the roles (else written on lines).
  public var isTickBoxes: Bool { kind == .whoDoesIt || kind == .whoseStrength }
}

extension Comparison {
  /// The exercises `specs` ask for, in order, shuffled and cut to their item counts.
  ///
  /// Each exercise has its own SplitMix64 stream, seeded from `seed` and the exercise's position,
  /// so changing one exercise leaves the others alone. A worksheet and its answer key call this with the same arguments
  /// and get the same items in the same order.
  ///
  /// - `who-does-it`: every role-table statement that only one role of its row makes;
  /// - `whose-strength`: the labels of the sections marked `kind=strengths|risks` for a role;
  /// - `recall`: the FAQ questions, with a line for every 60 characters of the answer (2 to 6);
  /// - `reflect`: `prompts`, with 4 lines each.
  public func exercises(_ specs: [ExerciseSpec], seed: UInt64, prompts: [String]) -> [Exercise] {
    specs.enumerated().map { index, spec in
      var generator = SplitMix64(seed: seed &+ UInt64(index))
      let pool = exercisePool(spec.kind, prompts: prompts)
      let chosen = pool.fisherYatesShuffled(using: &generator).prefix(max(0, spec.items))
      return Exercise(kind: spec.kind, items: Array(chosen))
    }
  }

  /// Every item an exercise of `kind` could ask, in content order.
  func exercisePool(_ kind: ExerciseKind, prompts: [String]) -> [ExerciseItem] {
    switch kind {
    case .whoDoesIt:
      return roleTables.flatMap(\.rows).flatMap { row in
        row.cells.filter { cell in
          !row.cells.contains { $0.role != cell.role && $0.text.plain == cell.text.plain }
        }.map { ExerciseItem(prompt: $0.text, role: $0.role) }
      }
    case .whoseStrength:
      return allSections.flatMap { section -> [ExerciseItem] in
        guard let role = section.role, section.kind != nil else { return [] }
        return section.labels.map { ExerciseItem(prompt: RichText($0), role: role) }
      }
    case .recall:
      return faqEntries.map { entry in
        ExerciseItem(
          prompt: RichText(entry.question), answer: entry.answer,
          lines: min(6, max(2, entry.answer.plain.count / 60)))
      }
    case .reflect:
      return prompts.map { ExerciseItem(prompt: RichText($0), lines: 4) }
    }
  }

  /// Every FAQ entry, in reading order.
  public var faqEntries: [FAQEntry] {
    allSections.flatMap { section in
      section.blocks.flatMap { block -> [FAQEntry] in
        if case .faq(let entries) = block { return entries }
        return []
      }
    }
  }
}
