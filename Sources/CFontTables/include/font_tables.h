#ifndef PMREPORT_FONT_TABLES_H
#define PMREPORT_FONT_TABLES_H

#include <stdint.h>

// FreeType's FT_New_Face, FT_Done_Face and FT_Load_Sfnt_Table, the functions this target defines
// in the executable.
#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_TRUETYPE_TABLES_H

#ifdef __cplusplus
extern "C" {
#endif

/// Whole font tables read from their file, not from FreeType's mapping of it.
///
/// cairo 1.16's CFF subsetter copies a face's whole `CFF ` table (`FT_Load_Sfnt_Table`) for
/// every subset it writes: 15 to 16 MB for each Noto Sans CJK face. FreeType maps a font file
/// whole (`FT_New_Face`), so the copy faulted every page of the table into the process's page
/// tables, where they stayed as long as the face was open: page cache pages, but counted in the
/// process's resident and proportional set sizes (each process of a roster run mapped about
/// 32 MB of the two CJK faces this way).
///
/// This target defines `FT_New_Face` and `FT_Load_Sfnt_Table` (and `FT_Done_Face`: see
/// `pmreport_font_faces_opened`) in the executable, so cairo's and fontconfig's calls come here
/// first (the dynamic linker looks in the executable before libfreetype). `FT_New_Face` maps the
/// file whole and read-only as FreeType's own file streams do (`FT_Stream_Open`), keeps the file
/// open and hands FreeType that stream (`FT_Open_Face`; FreeType closes it with the face). Faces
/// open on the same file at once share one mapping (the drawing's face and shaping's of a file:
/// the pages either touched count once in the resident set), unmapped with the last of them.
/// `FT_Load_Sfnt_Table` is passed on to FreeType's own (`dlsym(RTLD_NEXT)`) unchanged, except a
/// read of 1 MB or more from a face on such a stream:
/// FreeType reads the table's first byte (so it finds the table, checks the offset and gives any
/// error it would give), and the rest is read with `pread` from the open file, so the table's
/// pages are never faulted into the mapping. The bytes are the same: the file's.
///
/// libcairo's own whole loads of such a table (its length asked first, then a block of that size
/// allocated and loaded) copy nothing: on x86-64 and AArch64 Linux, libcairo's `malloc`, `realloc`
/// and `free` entries are routed through this target once it first meets such a load
/// (table_maps.c), and the block is a private mapping of the file starting at the table's first
/// byte, unmapped by its `free`: only the pages cairo reads (a subset's dictionaries, INDEX
/// offsets and glyphs) are faulted in, from the page cache, and nothing stays in the heap. Where
/// that cannot be done the table is read with `pread` as above.
/// On systems other than Linux nothing is intercepted.
///
/// `pmreport_font_tables_enable(0)` turns reading from the file (with `pread` or through a mapping)
/// off on the calling thread (the tests compare both ways); `1` turns it on again.
void pmreport_font_tables_enable(int on);

/// How many tables the calling thread read from their file with `pread`.
uint64_t pmreport_font_tables_read(void);

/// How many of libcairo's loads the calling thread answered with a mapping of the file.
uint64_t pmreport_font_tables_mapped(void);

/// While `on` is non-zero on the calling thread (a depth: each 1 is undone by a 0), the `CFF `
/// table libcairo loads whole is read only for its first 64 KB.
///
/// cairo 1.16 loads a font's whole `CFF ` table twice a document: once when the font is first
/// met on a page (`_cairo_cff_scaled_font_is_cid_cff`, from `cairo_show_page`), where it reads the
/// header, the Name INDEX and the Top DICT INDEX alone to see whether the font is CID-keyed, and
/// once to subset it (at `cairo_surface_finish`). For Noto Sans CJK the table is 16 MB: copying it
/// is a CJK certificate's largest cost. The caller turns this on around `cairo_show_page` only, so
/// the subsetter still reads the whole table; the rest of the first load's buffer is left as cairo
/// allocated it (it is freed unread). A load cut short goes to FreeType for its first 64 KB, and
/// is loaded whole after all when the header, the Name INDEX and the Top DICT INDEX do not lie
/// within those bytes; one not cut short is read as described above.
void pmreport_font_tables_header_only(int on);

/// How many loads were cut short on the calling thread.
uint64_t pmreport_font_tables_cut(void);

/// The faces libcairo closes kept open, for libcairo's next open of the same face.
///
/// cairo 1.16 keeps at most 10 FreeType faces open in the process (`MAX_OPEN_FACES`). A thread
/// that needs an eleventh closes another font's face (`FT_Done_Face`) without that font's lock,
/// even while another thread is reading glyphs or the character map from it (it reads the font's
/// lock count unlocked): that thread then reads an unmapped font file or freed FreeType memory
/// (a crash, a cairo assertion, "error occurred in libfreetype", or a heap corrupted for later).
/// And it opens and closes faces (`FT_New_Face`, `FT_Done_Face`) on its one `FT_Library` from
/// several threads at once, which FreeType forbids. The drawing's fonts are on faces of their own
/// that cairo never closes (drawing_faces.h), but text shaping's (Pango's, librsvg's text) are
/// cairo's pattern-based fonts, more than 10 faces with many scripts, and they are used on two
/// threads at once: the tests shape on two threads, the preview beside a build, librsvg's text on
/// the page threads.
///
/// So `FT_Done_Face` called from libcairo (its return address in libcairo's code) on a face
/// libcairo opened through this target's `FT_New_Face` does not destroy it: the face is parked,
/// and libcairo's next `FT_New_Face` of the same (library, path, face index) gets that face back
/// instead of a new one. A thread still using a face cairo closed under it keeps a valid face;
/// the next user reopens it under that font's lock, after the first let go. cairo then behaves as
/// with 10 faces or fewer, where nothing is closed: the same bytes. Each distinct face libcairo
/// opens stays open for the process's life (one descriptor, one read-only mapping of its file,
/// FreeType's structures for it). The real `FT_New_Face` and `FT_Done_Face` run under one
/// process-wide lock. Every other `FT_Done_Face` (FreeType's own, destroying a library's faces in
/// `FT_Done_Library`; fontconfig's; ours; libcairo's of a face it did not open here) is FreeType's,
/// and a face so destroyed is forgotten.
///
/// How many faces the calling thread opened for libcairo (parked ones handed back not counted).
uint64_t pmreport_font_faces_opened(void);

/// How many parked faces the calling thread handed back to libcairo (see
/// `pmreport_font_faces_opened`).
uint64_t pmreport_font_faces_handed_back(void);

/// Whether what cairo 1.16 reads of a CFF table when it first meets the font (the header, the Name
/// INDEX and the Top DICT INDEX) lies within the first `available` bytes of `data`, a CFF version 1
/// table's start: the check a load cut short passes, or is loaded whole.
int pmreport_cff_start_within(const uint8_t *data, unsigned long available);

#ifdef __cplusplus
}
#endif

#endif
