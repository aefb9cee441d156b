import ReportModel
import Testing

@Suite struct SessionPlanTests {
  @Test func minutesSumToTheSessionAndEachGroupGetsOne() throws {
    for total in [7, 30, 90, 91, 240] {
      let weights = [0.0, 1, 5, 0.2, 12, 3, 0.01]
      let minutes = try #require(SessionPlan.minutes(weights: weights, total: total))
      #expect(minutes.reduce(0, +) == total)
      #expect(minutes.allSatisfy { $0 >= 1 })
    }
  }

  @Test func theLargestRemaindersGetTheMinutesLeft() {
    // 10 spare minutes by 1:1:1 → 3.33 each: one left, to the first (ties to the earlier).
    #expect(SessionPlan.minutes(weights: [1, 1, 1], total: 13) == [5, 4, 4])
    // 7 spare by 1:2:4 → 1, 2, 4 exactly.
    #expect(SessionPlan.minutes(weights: [1, 2, 4], total: 10) == [2, 3, 5])
    // 8 spare by 1:1:2 → 2, 2, 4; by 3:3:1 (8 × 3/7 = 3.43, 3.43, 1.14) → 3, 3, 1 and one left
    // to the largest remainder (the first 0.43).
    #expect(SessionPlan.minutes(weights: [3, 3, 1], total: 11) == [5, 4, 2])
    #expect(SessionPlan.minutes(weights: [0, 0], total: 4) == [2, 2])
  }

  @Test func aSessionShorterThanItsGroupsHasNoPlan() {
    #expect(SessionPlan.minutes(weights: [1, 1, 1], total: 2) == nil)
  }

  @Test func copiesAddOneSpareInTen() {
    #expect(SessionPlan.copies(for: 12) == 14)
    #expect(SessionPlan.copies(for: 10) == 11)
    #expect(SessionPlan.copies(for: 1) == 2)
  }
}
