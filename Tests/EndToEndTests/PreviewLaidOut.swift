import Dispatch
import PMReportKit

/// What a run hands the live preview, kept: every document laid out, and the errors reported.
final class PreviewLaidOut: BuildObserver {
  private(set) var documents: [DocumentForPreview] = []
  private(set) var errors: [String] = []

  /// The documents `scheduler` hands the preview as it runs (writing its files).
  static func run(_ scheduler: RunScheduler) -> PreviewLaidOut {
    let laidOut = PreviewLaidOut()
    var scheduler = scheduler
    scheduler.observer = laidOut
    _ = scheduler.run(reporter: laidOut)
    return laidOut
  }

  func buildStarted(at started: DispatchTime) {}
  func laidOut(_ documents: [DocumentForPreview]) { self.documents += documents }
  func report(_ event: RunEvent) {
    if let line = event.line, line.kind == .error { errors.append(line.text) }
  }
}
