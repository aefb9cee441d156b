// FreeType's FT_Load_Sfnt_Table defined in the executable: libcairo's loads of a whole `CFF `
// table while it only looks at its start are read for their first 64 KB (see font_tables.h).
#define _GNU_SOURCE
#include "font_tables.h"
#include "cairo_code.h"

#if defined(__linux__)

#include <dlfcn.h>
#include <pthread.h>

/// What a load cut short reads: far more than a CFF table's header, Name INDEX (one font) and Top
/// DICT INDEX take.
#define HEADER_BYTES (64 * 1024)
/// `CFF ` as FreeType's tag.
#define CFF_TAG 0x43464620UL

/// FreeType's function, with its types spelled out (FT_Face, FT_ULong, FT_Long, FT_Byte*,
/// FT_ULong*; FT_Error), so the target needs no FreeType headers.
typedef int (*load_fn)(void *, unsigned long, long, unsigned char *, unsigned long *);

static load_fn real_load;
static pthread_once_t resolved = PTHREAD_ONCE_INIT;
static _Thread_local int depth;
static _Thread_local uint64_t cut;

static void resolve(void) { real_load = (load_fn)dlsym(RTLD_NEXT, "FT_Load_Sfnt_Table"); }

void pmreport_font_tables_header_only(int on) {
    if (on) {
        ++depth;
    } else if (depth > 0) {
        --depth;
    }
}

uint64_t pmreport_font_tables_cut(void) { return cut; }

int FT_Load_Sfnt_Table(
    void *face, unsigned long tag, long offset, unsigned char *buffer, unsigned long *length) {
    pthread_once(&resolved, resolve);
    if (depth > 0 && tag == CFF_TAG && offset == 0 && buffer != NULL && length != NULL &&
        *length > HEADER_BYTES && pmreport_called_from_cairo(__builtin_return_address(0))) {
        unsigned long start = HEADER_BYTES;
        int error = real_load(face, tag, offset, buffer, &start);
        if (error == 0) ++cut;
        return error;
    }
    return real_load(face, tag, offset, buffer, length);
}

#else

void pmreport_font_tables_header_only(int on) { (void)on; }

uint64_t pmreport_font_tables_cut(void) { return 0; }

#endif
