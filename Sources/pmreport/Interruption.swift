import Foundation

/// Removes temporary files when the run is interrupted (SIGINT, SIGTERM), then exits with 128 + the
/// signal number.
///
/// The cleanup does not run inside the signal handler: Swift and Foundation allocate, and a handler
/// that allocates after interrupting `malloc` waits forever for the allocator's lock (seen as a hung
/// Ctrl-C during PDF output). The handler only writes the signal number to a pipe, which is
/// async-signal-safe; a thread waiting on the pipe removes the temporaries and exits.
enum Interruption {
  /// The pipe's write end, for the handler.
  ///
  /// Set once in `install()` before any handler can run.
  nonisolated(unsafe) private static var writeEnd: Int32 = -1

  static func install() {
    var ends: [Int32] = [-1, -1]
    guard writeEnd < 0, pipe(&ends) == 0 else { return }
    let readEnd = ends[0]
    writeEnd = ends[1]
    let waiter = Thread {
      var byte: UInt8 = 0
      while read(readEnd, &byte, 1) != 1 {
        if errno != EINTR { return }
      }
      TemporaryFilesCleanup.run()
      _exit(128 + Int32(byte))
    }
    waiter.name = "pmreport-interrupt"
    waiter.start()
    var handled = sigset_t()
    sigemptyset(&handled)
    for sig in [SIGINT, SIGTERM] {
      signal(sig) { received in
        let saved = errno
        var byte = UInt8(truncatingIfNeeded: received)
        _ = write(Interruption.writeEnd, &byte, 1)
        errno = saved
      }
      sigaddset(&handled, sig)
    }
    // A parent may start us with these signals blocked (Foundation's `Process` passes on the
    // test runner's mask): then Ctrl-C or a CI timeout's SIGTERM would never arrive.
    pthread_sigmask(SIG_UNBLOCK, &handled, nil)
  }
}
