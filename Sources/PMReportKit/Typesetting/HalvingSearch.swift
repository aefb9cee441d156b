/// The largest value that fits, found by halving: a type size, or how much of a text to keep.
///
/// The values tried lie on a grid: `largest`, `largest − step`, `largest − 2·step`, … and
/// `smallest` last. Whether a setting fits is taken to be monotone in the value (smaller type,
/// or less text, never fits worse), so the answer is the one trying every value from the largest
/// down would give, in about log₂ of as many settings.
struct HalvingSearch {
  let largest: Double
  let smallest: Double
  let step: Double

  /// The grid from `largest` down to `smallest` (at least `largest` alone when it is below it).
  init(from largest: Double, to smallest: Double, step: Double) {
    self.largest = largest
    self.smallest = min(smallest, largest)
    self.step = step
  }

  /// How many values lie below `largest` on the grid.
  private var steps: Int { Int(((largest - smallest) / step).rounded(.up)) }

  /// The `index`-th value from the top.
  private func value(_ index: Int) -> Double { max(smallest, largest - Double(index) * step) }

  /// What `attempt` made at the largest value for which `fits` holds, with that value; when none
  /// fits, what it made at the smallest value, with `fits` false.
  func largestFitting<Setting>(
    _ attempt: (Double) throws -> Setting, fits: (Setting) -> Bool
  ) rethrows -> (value: Double, setting: Setting, fits: Bool) {
    let top = try attempt(value(0))
    if fits(top) || steps == 0 { return (value(0), top, fits(top)) }
    var best = try attempt(value(steps))
    guard fits(best) else { return (value(steps), best, false) }
    // `fitting` fits, `tooLarge` does not; halve the indices between them.
    var fitting = steps
    var tooLarge = 0
    while fitting - tooLarge > 1 {
      let middle = (fitting + tooLarge) / 2
      let setting = try attempt(value(middle))
      if fits(setting) {
        fitting = middle
        best = setting
      } else {
        tooLarge = middle
      }
    }
    return (value(fitting), best, true)
  }
}
