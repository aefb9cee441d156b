// Whole font tables that libcairo loads handed to it as mappings of their file (table_maps.c) or,
// failing that, read from the file with pread, not through FreeType's mapping of it; and
// libcairo's first look at a CFF table read as its start alone (see font_tables.h): FreeType's
// `FT_New_Face` and `FT_Load_Sfnt_Table` defined in the executable, passed on to libfreetype's.
#define _GNU_SOURCE
#include "font_tables.h"
#include "cairo_code.h"
#include "table_maps.h"

/// Where the CFF INDEX at `at` of `data` (`available` bytes) ends, or 0 when it does not lie within
/// them (a count, an offset size of 1 to 4, count + 1 offsets, then the data, whose offsets count
/// from 1).
static unsigned long index_end(const FT_Byte *data, unsigned long available, unsigned long at) {
    if (at + 2 > available) return 0;
    unsigned long entries = (unsigned long)data[at] << 8 | data[at + 1];
    if (entries == 0) return at + 2;
    if (at + 3 > available) return 0;
    unsigned long off_size = data[at + 2];
    if (off_size < 1 || off_size > 4) return 0;
    unsigned long last = at + 3 + entries * off_size;  // the last offset, where the data ends
    if (last + off_size > available) return 0;
    unsigned long offset = 0;
    for (unsigned long i = 0; i < off_size; ++i) offset = offset << 8 | data[last + i];
    unsigned long end = last + off_size - 1 + offset;
    return end <= available ? end : 0;
}

// See font_tables.h (pure: on every system).
int pmreport_cff_start_within(const uint8_t *data, unsigned long available) {
    if (available < 4 || data[0] != 1) return 0;
    unsigned long names = index_end(data, available, data[2]);
    return names != 0 && index_end(data, available, names) != 0;
}

#if defined(__linux__)
// Elsewhere (macOS: two-level namespaces, cairo calls libfreetype directly) there is nothing to
// interpose (the functions at the end of this file do nothing).

#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

/// Reads shorter than this go to FreeType as they are (a TrueType subset's pieces, small tables).
#define WHOLE_READ (1024 * 1024)
/// What a load cut short reads: far more than a CFF table's header, Name INDEX (one font) and Top
/// DICT INDEX take.
#define HEADER_BYTES (64 * 1024)
/// `CFF ` as FreeType's tag.
#define CFF_TAG 0x43464620UL

typedef FT_Error (*new_face_fn)(FT_Library, const char *, FT_Long, FT_Face *);
typedef FT_Error (*load_fn)(FT_Face, FT_ULong, FT_Long, FT_Byte *, FT_ULong *);

static new_face_fn real_new_face;
static load_fn real_load;
static pthread_once_t resolved = PTHREAD_ONCE_INIT;
/// Set while reading from the file is turned off on this thread (the tests compare both ways).
static _Thread_local int file_reads_off;
/// How many tables this thread read from their file (the tests count their own).
static _Thread_local uint64_t reads;
/// Above 0 while this thread is inside `pmreport_font_tables_header_only(1)`.
static _Thread_local int header_only_depth;
/// How many loads this thread cut short.
static _Thread_local uint64_t cut;
/// How many loads this thread answered with a mapping of the file (table_maps.c).
static _Thread_local uint64_t mapped;

static void resolve(void) {
    real_new_face = (new_face_fn)dlsym(RTLD_NEXT, "FT_New_Face");
    real_load = (load_fn)dlsym(RTLD_NEXT, "FT_Load_Sfnt_Table");
}

/// A font file as FreeType's own file streams hold it (mapped whole, read-only), and the file
/// still open, to read from.
typedef struct {
    FT_StreamRec stream;  // first: what FreeType sees
    int fd;
} file_stream;

/// FreeType's `close` of a `file_stream`: called once, when its face is done (or failed to open).
static void close_file_stream(FT_Stream stream) {
    file_stream *file = (file_stream *)stream;
    munmap(stream->base, stream->size);
    close(file->fd);
    free(file);
}

FT_Error FT_New_Face(FT_Library library, const char *path, FT_Long index, FT_Face *face) {
    pthread_once(&resolved, resolve);
    if (!library || !path || !face) return real_new_face(library, path, index, face);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return real_new_face(library, path, index, face);  // FreeType's own error
    struct stat status;
    file_stream *file = NULL;
    void *base = MAP_FAILED;
    if (fstat(fd, &status) == 0 && S_ISREG(status.st_mode) && status.st_size > 0)
        base = mmap(NULL, (size_t)status.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (base != MAP_FAILED) file = calloc(1, sizeof *file);
    if (!file) {
        if (base != MAP_FAILED) munmap(base, (size_t)status.st_size);
        close(fd);
        return real_new_face(library, path, index, face);
    }
    file->fd = fd;
    file->stream.base = base;
    file->stream.size = (unsigned long)status.st_size;
    file->stream.descriptor.value = fd;
    file->stream.pathname.pointer = (void *)path;  // as FreeType's own streams keep it
    file->stream.close = close_file_stream;
    FT_Open_Args args = {.flags = FT_OPEN_STREAM, .stream = &file->stream};
    // FreeType closes the stream when the face is done, or at once when it cannot open one.
    return FT_Open_Face(library, &args, index, face);
}

/// Reads `count` bytes at `at` of `fd` into `buffer`: 1 when all were read.
static int read_fully(int fd, FT_Byte *buffer, size_t count, off_t at) {
    while (count > 0) {
        ssize_t n = pread(fd, buffer, count, at);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return 0;
        buffer += n;
        count -= (size_t)n;
        at += n;
    }
    return 1;
}

/// Where the table `tag` of `face` (on a `file_stream`) starts in its file, through FreeType's own
/// load of its first byte (so it finds the table and gives any error it would): 0 and `*at` set,
/// or FreeType's error.
static FT_Error table_start(FT_Face face, FT_ULong tag, FT_Long offset, unsigned long *at) {
    FT_Byte first;
    FT_ULong one = 1;
    FT_Error error = real_load(face, tag, offset, &first, &one);
    if (!error) *at = face->stream->pos - 1;
    return error;
}

/// Whether libcairo's load of a whole table of 1 MB or more (`buffer` NULL: its length asked, the
/// block for it not yet allocated; else the load into it) from a face on a `file_stream` goes
/// through a mapping of the file (table_maps.h).
static int maps_table(FT_Face face, FT_Long offset, FT_ULong *length, const void *caller) {
    FT_Stream stream = face ? face->stream : NULL;
    return !file_reads_off && offset == 0 && length && stream &&
           stream->close == close_file_stream && pmreport_called_from_cairo(caller);
}

FT_Error FT_Load_Sfnt_Table(FT_Face face, FT_ULong tag, FT_Long offset, FT_Byte *buffer,
                            FT_ULong *length) {
    pthread_once(&resolved, resolve);
    if (maps_table(face, offset, length, __builtin_return_address(0))) {
        int fd = ((file_stream *)face->stream)->fd;
        unsigned long at = 0;
        if (!buffer) {  // the length asked: cairo allocates the block next
            FT_Error error = real_load(face, tag, offset, buffer, length);
            if (!error && *length >= WHOLE_READ && !table_start(face, tag, offset, &at) &&
                at + *length <= face->stream->size)
                pmreport_table_maps_arm(*length, fd, (off_t)at);
            return error;
        }
        if (*length >= WHOLE_READ && !table_start(face, tag, offset, &at) &&
            pmreport_table_maps_holds(buffer, *length, fd, (off_t)at)) {
            face->stream->pos = at + *length;  // where FreeType's read leaves it
            ++mapped;
            return FT_Err_Ok;
        }
    }
    if (header_only_depth > 0 && tag == CFF_TAG && offset == 0 && buffer && length &&
        *length > HEADER_BYTES && pmreport_called_from_cairo(__builtin_return_address(0))) {
        FT_ULong start = HEADER_BYTES;
        FT_Error error = real_load(face, tag, offset, buffer, &start);
        if (error) return error;
        if (pmreport_cff_start_within(buffer, start)) {
            ++cut;
            return FT_Err_Ok;
        }
        // A table whose start lies further (not met in fonts seen so far) is loaded whole.
    }
    FT_Stream stream = face ? face->stream : NULL;
    if (file_reads_off || !buffer || !length ||
        *length < WHOLE_READ || !stream || stream->close != close_file_stream)
        return real_load(face, tag, offset, buffer, length);
    // FreeType finds the table (or fails as the whole read would: a missing table, an offset
    // past the file's end).
    unsigned long at = 0;
    FT_Error error = table_start(face, tag, offset, &at);
    if (error) return error;
    if (at + *length > stream->size ||
        !read_fully(((file_stream *)stream)->fd, buffer, *length, (off_t)at))
        return real_load(face, tag, offset, buffer, length);
    stream->pos = at + *length;  // where FreeType's read leaves it
    reads += 1;
    return FT_Err_Ok;
}

void pmreport_font_tables_enable(int on) { file_reads_off = !on; }

uint64_t pmreport_font_tables_read(void) { return reads; }

void pmreport_font_tables_header_only(int on) {
    if (on) {
        ++header_only_depth;
    } else if (header_only_depth > 0) {
        --header_only_depth;
    }
}

uint64_t pmreport_font_tables_cut(void) { return cut; }

uint64_t pmreport_font_tables_mapped(void) { return mapped; }

#else

void pmreport_font_tables_enable(int on) { (void)on; }

uint64_t pmreport_font_tables_read(void) { return 0; }

void pmreport_font_tables_header_only(int on) { (void)on; }

uint64_t pmreport_font_tables_cut(void) { return 0; }

uint64_t pmreport_font_tables_mapped(void) { return 0; }

#endif
