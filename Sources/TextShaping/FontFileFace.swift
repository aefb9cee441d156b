import CPango
import Storage

/// A font as a file holds it: the file's path and the face's index in it (a collection holds
/// several), as a fontconfig pattern names them.
struct FontFileFace: Hashable {
  var path: String
  var index: Int32

  /// The file and face a fontconfig pattern in its text form names (parsed by fontconfig); nil
  /// when it names no file.
  init?(pattern: String) {
    guard let parsed = FcNameParse(pattern) else { return nil }
    defer { FcPatternDestroy(parsed) }
    var value: UnsafeMutablePointer<FcChar8>?
    guard FcPatternGetString(parsed, FC_FILE, 0, &value) == FcResultMatch, let value else {
      return nil
    }
    path = String(cString: UnsafeRawPointer(value).assumingMemoryBound(to: CChar.self))
    var index: Int32 = 0
    if FcPatternGetInteger(parsed, FC_INDEX, 0, &index) != FcResultMatch { index = 0 }
    self.index = index
  }

  /// How many glyphs the face has (HarfBuzz reads the file's `maxp` table); nil when the path is
  /// not a regular file (a named pipe or a device, which a crafted pattern may name, is never
  /// waited on or read from), cannot be read or holds no such face.
  func glyphCount() -> Int? {
    guard let bytes = Folder.readFile(path) else { return nil }
    return bytes.withUnsafeBufferPointer { buffer -> Int? in
      buffer.withMemoryRebound(to: CChar.self) { chars in
        guard let base = chars.baseAddress,
          let blob = hb_blob_create(
            base, UInt32(clamping: chars.count), HB_MEMORY_MODE_READONLY, nil, nil)
        else { return nil }
        defer { hb_blob_destroy(blob) }
        return Self.glyphCount(blob, index: index)
      }
    }
  }

  /// How many glyphs face `index` of the font file in `blob` has.
  private static func glyphCount(_ blob: OpaquePointer, index: Int32) -> Int? {
    // The low 16 bits name the face; the high ones a named instance of a variable font.
    guard hb_blob_get_length(blob) > 0, let face = hb_face_create(blob, UInt32(index & 0xFFFF))
    else { return nil }
    defer { hb_face_destroy(face) }
    let count = hb_face_get_glyph_count(face)
    return count > 0 ? Int(count) : nil
  }
}
