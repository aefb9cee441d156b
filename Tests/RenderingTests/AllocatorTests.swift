#if os(Linux)
import Allocation
import CCairo
import CJemalloc
import Testing

/// On Linux the process runs on jemalloc with pmreport's settings (the test binary links what
/// the executable links): a link that stops taking effect (the C library's malloc found first,
/// or the settings symbol dropped) fails here.
@Suite struct AllocatorTests {
  @Test func theProcessRunsOnJemalloc() {
    #expect(Allocator.version?.hasPrefix("jemalloc 5.") == true)
  }

  /// A library's allocations are jemalloc's, not glibc's: the bytes this thread allocated, as
  /// jemalloc counts them, grow by at least an image surface's pixels when cairo makes one.
  @Test func cairoAllocatesThroughJemalloc() throws {
    let before = try allocatedOnThisThread()
    let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 512, 512)
    defer { cairo_surface_destroy(surface) }
    #expect(cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS)
    #expect(try allocatedOnThisThread() - before >= 512 * 512 * 4)
  }

  @Test func theExecutablesSettingsAreRead() {
    for (name, expected) in [("opt.tcache_max", 65536), ("opt.oversize_threshold", 16 << 20)] {
      var value = 0
      var size = MemoryLayout<Int>.size
      #expect(mallctl(name, &value, &size, nil, 0) == 0)
      #expect(value == expected, "\(name)")
    }
  }

  /// The bytes jemalloc has allocated on this thread so far.
  private func allocatedOnThisThread() throws -> UInt64 {
    var value: UInt64 = 0
    var size = MemoryLayout<UInt64>.size
    try #require(mallctl("thread.allocated", &value, &size, nil, 0) == 0)
    return value
  }
}
#endif
