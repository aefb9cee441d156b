#ifndef PMREPORT_FONT_TABLES_H
#define PMREPORT_FONT_TABLES_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// While `on` is non-zero on the calling thread (a depth: each 1 is undone by a 0), the `CFF `
/// table libcairo loads whole is read only for its first 64 KB.
///
/// This target defines FreeType's `FT_Load_Sfnt_Table` in the executable, so every library's
/// calls come here first (as for zlib's functions, see deflate_memo.h); each is passed on to
/// FreeType's own unchanged, except a load of a whole `CFF ` table of more than 64 KB by libcairo
/// on a thread where this is on. cairo 1.16 loads a font's whole `CFF ` table twice a document:
/// once when the font is first met on a page (`_cairo_cff_scaled_font_is_cid_cff`, from
/// `cairo_show_page`), where it reads the header, the Name INDEX and the Top DICT INDEX alone to
/// see whether the font is CID-keyed, and once to subset it (at `cairo_surface_finish`). For Noto
/// Sans CJK the table is 16 MB: copying it is a CJK certificate's largest cost. The caller turns
/// this on around `cairo_show_page` only, so the subsetter still reads the whole table; the rest
/// of the first load's buffer is left as cairo allocated it (it is freed unread). On systems other
/// than Linux nothing is intercepted.
void pmreport_font_tables_header_only(int on);

/// How many loads were cut short on the calling thread.
uint64_t pmreport_font_tables_cut(void);

#ifdef __cplusplus
}
#endif

#endif
