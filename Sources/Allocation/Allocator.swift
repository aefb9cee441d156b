#if os(Linux)
import CJemalloc
#endif

/// The process's memory allocator.
///
/// On Linux that is jemalloc, linked into the executable ahead of the C library so that every
/// library's malloc (the Swift runtime's, cairo's, Pango's, qpdf's, zlib's) is jemalloc's;
/// elsewhere the system's own, and these calls say so and do nothing.
public enum Allocator {
  /// jemalloc's name and version ("jemalloc 5.3.0"), read from the loaded library.
  ///
  /// Nil where the process runs on the system's allocator (off Linux). It shows that jemalloc is
  /// loaded, not that every library's `malloc` binds to it: `AllocatorTests` checks that.
  public static var version: String? {
    #if os(Linux)
    var text: UnsafePointer<CChar>? = nil
    var size = MemoryLayout<UnsafePointer<CChar>?>.size
    guard mallctl("version", &text, &size, nil, 0) == 0, let text else { return nil }
    // "5.3.0-0-g54eaed1d…": the release, without the commit it was built from.
    let release = String(cString: text).split(separator: "-").first.map(String.init) ?? ""
    return "jemalloc \(release)"
    #else
    return nil
    #endif
  }

  /// Hands the memory freed so far back to the system now, rather than when the allocator's
  /// decay would (jemalloc: every arena's unused pages purged).
  public static func releaseFreedMemory() {
    #if os(Linux)
    _ = mallctl("arena.\(MALLCTL_ARENAS_ALL).purge", nil, nil, nil, 0)
    #endif
  }
}
