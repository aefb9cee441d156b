import Testing

@testable import PMReportKit

/// The merged copies' time on their `-v` line: only the stretches the file's own writing ran,
/// the copies' layout between them left out.
struct StopwatchTests {
  /// Opening 2 ms, two drawings of 3 ms and 1 ms with 40 ms of layout around them, finishing
  /// 4 ms: 10 ms, not the 50 ms from start to end.
  @Test func thePausesAreLeftOut() {
    let ms: UInt64 = 1_000_000
    var watch = Stopwatch(startedAt: 100 * ms)
    watch.pause(at: 102 * ms)
    watch.resume(at: 120 * ms)
    watch.pause(at: 123 * ms)
    watch.resume(at: 140 * ms)
    watch.pause(at: 141 * ms)
    watch.resume(at: 146 * ms)
    #expect(watch.seconds(at: 150 * ms) == 0.010)
  }

  /// A pause while paused, or a resume while running, changes nothing.
  @Test func repeatedCallsChangeNothing() {
    let ms: UInt64 = 1_000_000
    var watch = Stopwatch(startedAt: 0)
    watch.resume(at: 5 * ms)
    watch.pause(at: 10 * ms)
    watch.pause(at: 20 * ms)
    #expect(watch.seconds(at: 30 * ms) == 0.010)
  }
}
