import ReportModel
import Testing

/// Worksheet exercises: the seeded shuffle and what each kind takes from the content.
@Suite struct ExerciseTests {
  /// Two roles, one row whose statements are the same for both (no answer), a strengths and a
  /// risks section, and two FAQ entries.
  static let content = Comparison(
    roles: [
      Role(id: "ops", name: "Operations Lead", shortName: "Ops"),
      Role(id: "dev", name: "Developer", shortName: "Dev"),
    ],
    introduction: [],
    sections: [
      Section(
        id: "duties", title: "Duties",
        blocks: [
          .roleTable(
            RoleTable(
              aspectHeader: "Aspect", columns: ["ops", "dev"],
              rows: (1...6).map { n in
                RoleRow(
                  label: "Row \(n)",
                  cells: [
                    RoleCell(role: "ops", text: RichText("ops statement \(n)")),
                    RoleCell(role: "dev", text: RichText("dev statement \(n)")),
                  ])
              } + [
                RoleRow(
                  label: "Shared",
                  cells: [
                    RoleCell(role: "ops", text: "same for both"),
                    RoleCell(role: "dev", text: "same for both"),
                  ])
              ]))
        ]),
      Section(
        id: "ops-good", role: "ops", kind: .strengths, title: "Ops strengths",
        blocks: [.labelledList([LabelledItem(label: "Calm", text: "x")])]),
      Section(
        id: "dev-bad", role: "dev", kind: .risks, title: "Dev risks",
        blocks: [.labelledList([LabelledItem(label: "Gold plating", text: "x")])]),
      Section(
        id: "faq", title: "FAQ",
        blocks: [
          .faq([
            FAQEntry(question: "Short?", answer: "Yes."),
            FAQEntry(question: "Long?", answer: RichText(String(repeating: "word ", count: 100))),
          ])
        ]),
    ], charts: ChartData(specs: nil))

  @Test func splitMix64GivesTheReferenceSequence() {
    // The first outputs for seed 0, as the reference implementation (Vigna's splitmix64.c) gives.
    var generator = SplitMix64(seed: 0)
    #expect(generator.next() == 0xE220_A839_7B1D_CDAF)
    #expect(generator.next() == 0x6E78_9E6A_A1B9_65F4)
    #expect(generator.next() == 0x06C4_5D18_8009_454F)
  }

  @Test func theSameSeedGivesTheSameOrderAndAnotherSeedAnother() {
    let items = Array(0..<20)
    var a = SplitMix64(seed: 7)
    var b = SplitMix64(seed: 7)
    var c = SplitMix64(seed: 8)
    let first = items.fisherYatesShuffled(using: &a)
    #expect(first == items.fisherYatesShuffled(using: &b))
    #expect(first != items.fisherYatesShuffled(using: &c))
    #expect(first.sorted() == items, "a shuffle is a permutation")
    #expect(first != items)
  }

  @Test func everyOrderOfThreeIsReachable() {
    let orders = Set(
      (0..<200).map { seed -> [Int] in
        var generator = SplitMix64(seed: UInt64(seed))
        return [1, 2, 3].fisherYatesShuffled(using: &generator)
      })
    #expect(orders.count == 6)
  }

  @Test func whoDoesItTakesStatementsOnlyOneRoleMakes() {
    let specs = [ExerciseSpec(kind: .whoDoesIt, items: 100)]
    let exercise = Self.content.exercises(specs, seed: 1, prompts: [])[0]
    #expect(exercise.items.count == 12)
    #expect(!exercise.items.contains { $0.prompt.plain == "same for both" })
    for item in exercise.items {
      #expect(item.prompt.plain.hasPrefix(item.role?.rawValue ?? "?"))
    }
  }

  @Test func itemCountsCutTheShuffledPool() {
    let specs = [ExerciseSpec(kind: .whoDoesIt, items: 5)]
    let five = Self.content.exercises(specs, seed: 3, prompts: [])[0].items
    #expect(five.count == 5)
    let all = Self.content.exercises(
      [ExerciseSpec(kind: .whoDoesIt, items: 12)], seed: 3, prompts: [])[0].items
    #expect(Array(all.prefix(5)) == five, "more items extend the same order")
  }

  @Test func theKeyGetsTheWorksheetsItemsInTheSameOrder() {
    let specs = ExerciseSpec.defaults
    let sheet = Self.content.exercises(specs, seed: 42, prompts: ["p1", "p2"])
    let key = Self.content.exercises(specs, seed: 42, prompts: ["p1", "p2"])
    #expect(sheet == key)
    let versionB = Self.content.exercises(specs, seed: 43, prompts: ["p1", "p2"])
    #expect(sheet[0].items.map(\.prompt) != versionB[0].items.map(\.prompt))
  }

  @Test func strengthsRecallAndReflectTakeTheirItems() {
    let specs = [
      ExerciseSpec(kind: .whoseStrength, items: 10), ExerciseSpec(kind: .recall, items: 10),
      ExerciseSpec(kind: .reflect, items: 1),
    ]
    let out = Self.content.exercises(specs, seed: 1, prompts: ["Only prompt", "Cut"])
    #expect(
      Set(out[0].items.map { "\($0.prompt.plain)=\($0.role?.rawValue ?? "")" })
        == ["Calm=ops", "Gold plating=dev"])
    let recall = Dictionary(uniqueKeysWithValues: out[1].items.map { ($0.prompt.plain, $0) })
    #expect(recall["Short?"]?.lines == 2)
    #expect(recall["Long?"]?.lines == 6)
    #expect(recall["Short?"]?.answer == "Yes.")
    #expect(out[2].items.count == 1)
    #expect(out[0].isTickBoxes && !out[1].isTickBoxes)
  }
}
