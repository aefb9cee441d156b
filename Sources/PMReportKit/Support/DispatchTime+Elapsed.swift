import Dispatch

extension DispatchTime {
  /// The seconds from this time to now.
  public var elapsedSeconds: Double {
    Double(DispatchTime.now().uptimeNanoseconds - uptimeNanoseconds) / 1e9
  }
}
