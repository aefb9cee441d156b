/// A session's minutes shared among its slide groups: whole minutes, at least one each, in
/// proportion to each group's weight by the largest-remainder method, summing to the session's
/// length.
public enum SessionPlan {
  /// Each group's minutes for `weights` (any scale; all zero shares equally) in a session of
  /// `total` minutes; nil when `total` is fewer minutes than there are groups.
  ///
  /// Every group first gets one minute; the rest are shared by weight: each group gets the whole
  /// part of its share, and the minutes left go to the largest fractional parts (ties to the
  /// earlier group), so the sum is exactly `total`.
  public static func minutes(weights: [Double], total: Int) -> [Int]? {
    guard total >= weights.count else { return nil }
    guard !weights.isEmpty else { return [] }
    let spare = Double(total - weights.count)
    let sum = weights.reduce(0) { $0 + max(0, $1) }
    let shares = weights.map { sum > 0 ? spare * max(0, $0) / sum : spare / Double(weights.count) }
    var minutes = shares.map { 1 + Int($0.rounded(.down)) }
    let left = total - minutes.reduce(0, +)
    let order = shares.indices.sorted { a, b in
      let (ra, rb) = (shares[a] - shares[a].rounded(.down), shares[b] - shares[b].rounded(.down))
      return ra != rb ? ra > rb : a < b
    }
    for index in order.prefix(left) { minutes[index] += 1 }
    return minutes
  }

  /// The weight of each group: its share of the deck's words plus its share of the slides.
  public static func weights(words: [Int], slides: [Int]) -> [Double] {
    let totalWords = Double(max(1, words.reduce(0, +)))
    let totalSlides = Double(max(1, slides.reduce(0, +)))
    return zip(words, slides).map { Double($0) / totalWords + Double($1) / totalSlides }
  }

  /// Copies to print for `participants`: one each and one spare in ten (rounded up).
  public static func copies(for participants: Int) -> Int {
    participants + (participants + 9) / 10
  }
}
