import Dispatch

/// A ``PangoMeasurer`` made on another thread while the caller reads its inputs.
///
/// Making one costs a good part of a short run: fontconfig reads its configuration and font caches,
/// libhyphen parses its patterns, the first font is looked up. None of it depends on the config,
/// so it can overlap with loading YAML. The measurer is handed over whole, once (``take()`` waits for
/// it), and from then on used by the taking thread alone: Pango objects have no thread affinity,
/// they only must not be used by two threads at once.
public final class PreparedMeasurer: @unchecked Sendable {
  // @unchecked: `measurer` is written by the preparing thread before `ready` is signalled and read
  // only after waiting for it.
  private var measurer: PangoMeasurer?
  private let ready = DispatchSemaphore(value: 0)
  private var taken = false

  /// Starts making a measurer; `family` is looked up once, so fontconfig is loaded and warm.
  public init(warming family: String) {
    DispatchQueue.global(qos: .userInitiated).async { [self] in
      let made = PangoMeasurer()
      _ = made.substitute(forFamily: family)
      measurer = made
      ready.signal()
    }
  }

  /// The measurer, once it is made.
  ///
  /// Call it from one thread, once.
  public func take() -> PangoMeasurer {
    if !taken {
      ready.wait()
      taken = true
    }
    return measurer ?? PangoMeasurer()
  }

  /// Waits until the preparing thread is done (so a process can exit without it mid-way).
  public func finish() { _ = take() }
}
