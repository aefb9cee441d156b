import Foundation
import Frames

/// The font files a shape cache's entries name, looked up once a run: each font face's file (from
/// its fontconfig pattern), each file's stamp and each face's glyph count.
///
/// Shared by the thread that reads entries and the cache's writer (``ShapePackWriter``), which
/// stamps the fonts of the entries it encodes, so every look-up takes a lock; both see one stamp a
/// file for the run.
final class FontFiles: @unchecked Sendable {
  // @unchecked: the dictionaries are read and written under `lock` alone.
  private let lock = NSLock()
  /// Font files' stamps, looked up once a run.
  private var stamps: [String: FileStamp?] = [:]
  /// Font faces' files, read from their patterns once.
  private var fontFiles: [FontFace: FontFileFace?] = [:]
  /// The glyph counts of font files (by path and face index), read once.
  private var glyphCounts: [FontFileFace: Int?] = [:]

  /// Forgets every file, stamp and glyph count looked up (a new run looks them up again).
  func forget() {
    lock.withLock {
      stamps = [:]
      fontFiles = [:]
      glyphCounts = [:]
    }
  }

  /// The file `face` comes from and its stamp now (nil: fontconfig names no file, or it is gone).
  func fontFile(of face: FontFace) -> (path: String, stamp: FileStamp)? {
    lock.withLock {
      guard let file = fontFileFace(of: face)?.path, let stamp = stamp(of: file) else { return nil }
      return (file, stamp)
    }
  }

  /// The number of glyphs of the font `face` names (its file and face in it), read once; nil
  /// when fontconfig names no file or the file holds no such font.
  func glyphCount(of face: FontFace) -> Int? {
    lock.withLock {
      guard let file = fontFileFace(of: face) else { return nil }
      if let known = glyphCounts[file] { return known }
      let count = file.glyphCount()
      glyphCounts[file] = count
      return count
    }
  }

  /// Whether every font of `entry` is still the file it was when the entry was written.
  func unchanged(_ entry: CachedParagraph) -> Bool {
    lock.withLock {
      entry.fonts.allSatisfy { font in
        guard let file = font.file else { return font.stamp == nil }
        return stamp(of: file) == font.stamp
      }
    }
  }

  /// The file and face `face` comes from, read from its pattern once (under the lock).
  private func fontFileFace(of face: FontFace) -> FontFileFace? {
    if let known = fontFiles[face] { return known }
    let file = FontFileFace(pattern: face.pattern)
    fontFiles[face] = file
    return file
  }

  /// The stamp of the file at `path`, looked up once (under the lock).
  private func stamp(of path: String) -> FileStamp? {
    if let known = stamps[path] { return known }
    let stamp = FileStamp(path: path)
    stamps[path] = stamp
    return stamp
  }
}
