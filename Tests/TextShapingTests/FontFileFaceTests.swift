import Foundation
import Testing

@testable import TextShaping

/// A font pattern read from a shape cache may name any path: counting its glyphs never waits on
/// or reads from anything but a regular file.
@Suite struct FontFileFaceTests {
  /// `face`'s glyph count, computed on a thread of its own: nil in `returned` when it did not
  /// return within a minute (a generous guard; the answer is expected at once).
  private func countWithGuard(_ face: FontFileFace) -> (returned: Bool, count: Int?) {
    let done = DispatchSemaphore(value: 0)
    let box = CountBox()
    Thread {
      box.count = face.glyphCount()
      done.signal()
    }.start()
    guard done.wait(timeout: .now() + 60) == .success else { return (false, nil) }
    return (true, box.count)
  }

  @Test func aNamedPipeOrADeviceHasNoGlyphCountAndIsNotWaitedOn() throws {
    let fifo = NSTemporaryDirectory() + "pmreport-font-fifo-\(getpid())"
    #expect(mkfifo(fifo, 0o600) == 0)
    defer { unlink(fifo) }
    for path in [fifo, "/dev/zero"] {
      let face = try #require(FontFileFace(pattern: "Noto Serif:file=\(path):index=0"))
      let result = countWithGuard(face)
      #expect(result.returned)
      #expect(result.count == nil)
    }
  }

  @Test func aRegularFontFileIsCounted() throws {
    let path = "/usr/share/fonts/truetype/noto/NotoSerif-Regular.ttf"
    let face = try #require(FontFileFace(pattern: "Noto Serif:file=\(path):index=0"))
    #expect((face.glyphCount() ?? 0) > 0)
  }
}

/// The count a thread hands back.
private final class CountBox: @unchecked Sendable {
  var count: Int?
}
