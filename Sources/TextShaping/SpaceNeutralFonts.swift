import CPango

/// Which fonts shape the glyphs on either side of a space as they would at a line's start or end:
/// those a line may be cut out of its paragraph's unbroken shaping in (``ParagraphCutter``).
///
/// A font that kerns or substitutes across a space would move or change the first glyph of a line
/// cut after it (a `kern` pair with the space, as old Times-like fonts have, adds half its value to
/// the next glyph's offset; a contextual rule may look back past the space). So a face is neutral
/// only when it has no `kern`, `kerx`, `morx` or `mort` table and no GSUB or GPOS lookup names its
/// space glyph, as input or as context. Decided once a face, for the shaper's life (the faces are
/// held, so an address is never another face's).
final class SpaceNeutralFonts {
  private var known: [OpaquePointer: Bool] = [:]

  deinit { for face in known.keys { hb_face_destroy(face) } }

  /// Whether `font` is neutral to spaces (false when it has no space glyph).
  func contains(_ font: UnsafeMutablePointer<PangoFont>) -> Bool {
    guard let hbFont = pango_font_get_hb_font(font), let face = hb_font_get_face(hbFont) else {
      return false
    }
    if let neutral = known[face] { return neutral }
    var space: hb_codepoint_t = 0
    let neutral =
      hb_font_get_nominal_glyph(hbFont, 0x20, &space) != 0 && Self.isNeutral(face, space: space)
    known[hb_face_reference(face)] = neutral
    return neutral
  }

  private static func isNeutral(_ face: OpaquePointer, space: hb_codepoint_t) -> Bool {
    for table in ["kern", "kerx", "morx", "mort"] {
      let blob = hb_face_reference_table(face, tag(table))
      defer { hb_blob_destroy(blob) }
      if hb_blob_get_length(blob) > 0 { return false }
    }
    let lookups = hb_set_create()
    let context = (0..<3).map { _ in hb_set_create() }
    defer { for set in [lookups] + context { hb_set_destroy(set) } }
    for table in [tag("GSUB"), tag("GPOS")] {
      hb_set_clear(lookups)
      hb_ot_layout_collect_lookups(face, table, nil, nil, nil, lookups)
      var lookup = UInt32.max  // HB_SET_VALUE_INVALID: from the first
      while hb_set_next(lookups, &lookup) != 0 {
        for set in context { hb_set_clear(set) }
        hb_ot_layout_lookup_collect_glyphs(
          face, table, lookup, context[0], context[1], context[2], nil)
        if context.contains(where: { hb_set_has($0, space) != 0 }) { return false }
      }
    }
    return true
  }

  /// An OpenType table tag (HarfBuzz's `HB_TAG`, a macro Swift does not import).
  private static func tag(_ name: String) -> hb_tag_t {
    name.utf8.reduce(0) { $0 << 8 | hb_tag_t($1) }
  }
}
