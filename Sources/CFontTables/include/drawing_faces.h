#ifndef PMREPORT_DRAWING_FACES_H
#define PMREPORT_DRAWING_FACES_H

#include <stdint.h>

#include <cairo-ft.h>
#include <fontconfig/fontconfig.h>

#ifdef __cplusplus
extern "C" {
#endif

/// The cairo font faces pages are drawn with, made on FreeType faces of their own.
///
/// cairo 1.16 keeps at most 10 faces of its pattern-based fonts open in the process and, to open
/// an eleventh, closes another font's face and sets that font's `face` to NULL without that font's
/// lock: a thread that has just locked that font and reads it again fails (an assertion in
/// `_cairo_ft_unscaled_font_set_scale`, or a FreeType error). Parking the faces cairo closes
/// (`pmreport_font_faces_opened`) keeps the face valid but not that field. cairo never closes the
/// face of a font made on a face its caller opened (a "from face" font: it is neither counted
/// among the 10 nor chosen to be closed), and every font made on one `FT_Face` shares one cairo
/// font (its "unscaled font") whose lock serialises all FreeType use of that face
/// (`cairo_ft_scaled_font_lock_face` and cairo's own glyph, table and subsetting work).
///
/// So this opens one `FT_Face` for each (file, face index) a pattern names, the first time, on a
/// FreeType library of its own (through `FT_New_Face`, which on Linux is font_tables.c's: under its
/// process-wide lock, on a mapped file stream whose large tables cairo loads as mappings), and keeps
/// it for the process's life. The face is added to a copy of `pattern` (`FC_FT_FACE`) and cairo
/// makes the font face from that (`cairo_ft_font_face_create_for_pattern`): its load flags,
/// synthesis and render options still come from the pattern as for a pattern-based font face, so
/// glyphs are drawn and fonts embedded the same. Every font face made here is kept too (one
/// reference each, for the process's life; cairo makes one per (face, options)), so none of them
/// or their cairo fonts is ever destroyed while another thread makes one; they are made under one
/// lock. Text shaping (Pango) keeps cairo's pattern-based fonts.
///
/// Returns a new reference (the caller destroys it): the font face on the kept `FT_Face`; or, when
/// `pattern` names no file or FreeType cannot open the face, cairo's pattern-based font face
/// (cairo's own error for a missing file).
cairo_font_face_t *pmreport_drawing_font_face(const FcPattern *pattern);

/// How many FreeType faces the calling thread opened for drawing (each (file, face index) once in
/// the process).
uint64_t pmreport_drawing_faces_opened(void);

#ifdef __cplusplus
}
#endif

#endif
