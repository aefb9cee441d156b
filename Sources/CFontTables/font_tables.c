// Whole font tables that libcairo loads handed to it as mappings of their file (table_maps.c) or,
// failing that, read from the file with pread, not through FreeType's mapping of it; libcairo's
// first look at a CFF table read as its start alone; and the faces libcairo closes kept open for
// its next open of the same face (see font_tables.h): FreeType's `FT_New_Face`, `FT_Done_Face` and
// `FT_Load_Sfnt_Table` defined in the executable, passed on to libfreetype's.
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
#include <string.h>
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
typedef FT_Error (*done_face_fn)(FT_Face);

static new_face_fn real_new_face;
static load_fn real_load;
static done_face_fn real_done_face;
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
/// How many faces this thread opened for libcairo (not handed back from the parked ones).
static _Thread_local uint64_t opened;
/// How many parked faces this thread handed back to libcairo.
static _Thread_local uint64_t handed_back;

/// Held around every real `FT_New_Face` and `FT_Done_Face` (FreeType: "a mutex lock is used around
/// FT_New_Face and FT_Done_Face" of one library) and every use of `kept_faces`. Recursive:
/// FreeType's `FT_Open_Face` calls `FT_Done_Face` (this file's) when a face fails to open.
static pthread_mutex_t faces_lock;

static void resolve(void) {
    real_new_face = (new_face_fn)dlsym(RTLD_NEXT, "FT_New_Face");
    real_load = (load_fn)dlsym(RTLD_NEXT, "FT_Load_Sfnt_Table");
    real_done_face = (done_face_fn)dlsym(RTLD_NEXT, "FT_Done_Face");
    pthread_mutexattr_t recursive;
    pthread_mutexattr_init(&recursive);
    pthread_mutexattr_settype(&recursive, PTHREAD_MUTEX_RECURSIVE);
    pthread_mutex_init(&faces_lock, &recursive);
    pthread_mutexattr_destroy(&recursive);
}

/// A face libcairo opened: in its hands, or parked (libcairo closed it) until libcairo opens the
/// same face again.
typedef struct kept_face {
    FT_Library library;
    char *path;
    FT_Long index;
    FT_Face face;
    int parked;
    struct kept_face *next;
} kept_face;

/// Every face libcairo opened that FreeType has not destroyed (under `faces_lock`).
static kept_face *kept_faces;

/// A font file as FreeType's own file streams hold it (mapped whole, read-only), and the file
/// still open, to read from.
typedef struct {
    FT_StreamRec stream;  // first: what FreeType sees
    int fd;
} file_stream;

/// A font file's mapping, shared by every face opened on that file here: the pages one face has
/// touched are not faulted into a second mapping for another (the drawing's faces and text
/// shaping's faces of the same files; each mapping's pages count in the resident set).
typedef struct file_map {
    dev_t device;
    ino_t inode;
    off_t size;
    void *base;
    int users;
    struct file_map *next;
} file_map;

/// Every file mapped for a face still open (under `faces_lock`).
static file_map *file_maps;

/// The whole file `fd` (`status`) mapped read-only, shared with the faces already open on it, or
/// `MAP_FAILED` (under `faces_lock`).
static void *map_file(int fd, const struct stat *status) {
    for (file_map *known = file_maps; known; known = known->next)
        if (known->device == status->st_dev && known->inode == status->st_ino &&
            known->size == status->st_size) {
            ++known->users;
            return known->base;
        }
    file_map *made = malloc(sizeof *made);
    if (!made) return MAP_FAILED;
    void *base = mmap(NULL, (size_t)status->st_size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (base == MAP_FAILED) {
        free(made);
        return MAP_FAILED;
    }
    *made = (file_map){status->st_dev, status->st_ino, status->st_size, base, 1, file_maps};
    file_maps = made;
    return base;
}

/// Lets go of a face's use of the mapping at `base`: unmapped when no face uses it any more.
static void unmap_file(void *base) {
    pthread_mutex_lock(&faces_lock);  // recursive: FreeType closes streams inside FT_Done_Face
    for (file_map **link = &file_maps; *link; link = &(*link)->next) {
        file_map *known = *link;
        if (known->base != base) continue;
        if (--known->users == 0) {
            *link = known->next;
            munmap(known->base, (size_t)known->size);
            free(known);
        }
        break;
    }
    pthread_mutex_unlock(&faces_lock);
}

/// FreeType's `close` of a `file_stream`: called once, when its face is done (or failed to open).
static void close_file_stream(FT_Stream stream) {
    file_stream *file = (file_stream *)stream;
    unmap_file(stream->base);
    close(file->fd);
    free(file);
}

/// `path`'s face `index` opened on a `file_stream` (or by FreeType's own `FT_New_Face` when the
/// file cannot be mapped).
static FT_Error open_face(FT_Library library, const char *path, FT_Long index, FT_Face *face) {
    if (!library || !path || !face) return real_new_face(library, path, index, face);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return real_new_face(library, path, index, face);  // FreeType's own error
    struct stat status;
    file_stream *file = NULL;
    void *base = MAP_FAILED;
    if (fstat(fd, &status) == 0 && S_ISREG(status.st_mode) && status.st_size > 0)
        base = map_file(fd, &status);
    if (base != MAP_FAILED) file = calloc(1, sizeof *file);
    if (!file) {
        if (base != MAP_FAILED) unmap_file(base);
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

/// The parked face libcairo opened as `path`'s face `index` on `library`, handed back (no longer
/// parked), or NULL (under `faces_lock`).
static FT_Face unpark(FT_Library library, const char *path, FT_Long index) {
    for (kept_face *kept = kept_faces; kept; kept = kept->next)
        if (kept->parked && kept->library == library && kept->index == index &&
            strcmp(kept->path, path) == 0) {
            kept->parked = 0;
            return kept->face;
        }
    return NULL;
}

/// Notes `face`, just opened for libcairo (under `faces_lock`); one not noted is closed for real
/// when libcairo is done with it. Its stream's path is then the note's copy: a parked face outlives
/// the string libcairo opened it with.
static void keep(FT_Library library, const char *path, FT_Long index, FT_Face face) {
    kept_face *kept = calloc(1, sizeof *kept);
    char *copy = kept ? strdup(path) : NULL;
    if (!copy) {
        free(kept);
        return;
    }
    *kept = (kept_face){library, copy, index, face, 0, kept_faces};
    kept_faces = kept;
    if (face->stream) face->stream->pathname.pointer = copy;
}

FT_Error FT_New_Face(FT_Library library, const char *path, FT_Long index, FT_Face *face) {
    pthread_once(&resolved, resolve);
    int for_cairo =
        library && path && face && pmreport_called_from_cairo(__builtin_return_address(0));
    pthread_mutex_lock(&faces_lock);
    FT_Face parked = for_cairo ? unpark(library, path, index) : NULL;
    FT_Error error = FT_Err_Ok;
    if (parked) {
        *face = parked;
        ++handed_back;
    } else {
        error = open_face(library, path, index, face);
        if (!error && for_cairo) {
            keep(library, path, index, *face);
            ++opened;
        }
    }
    pthread_mutex_unlock(&faces_lock);
    return error;
}

FT_Error FT_Done_Face(FT_Face face) {
    pthread_once(&resolved, resolve);
    int by_cairo = pmreport_called_from_cairo(__builtin_return_address(0));
    pthread_mutex_lock(&faces_lock);
    for (kept_face **link = &kept_faces; *link; link = &(*link)->next) {
        kept_face *kept = *link;
        if (kept->face != face) continue;
        if (by_cairo && !kept->parked) {  // parked for libcairo's next open of the same face
            kept->parked = 1;
            pthread_mutex_unlock(&faces_lock);
            return FT_Err_Ok;
        }
        // Anyone else's (FreeType's FT_Done_Library destroys every face of its library this way,
        // one FT_Done_Face after another until none is left), or libcairo's again: no longer kept
        // (a face that outlives this close, one of several references, keeps no path).
        *link = kept->next;
        if (face->stream && face->stream->pathname.pointer == kept->path)
            face->stream->pathname.pointer = NULL;
        free(kept->path);
        free(kept);
        break;
    }
    FT_Error error = real_done_face(face);
    pthread_mutex_unlock(&faces_lock);
    return error;
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

uint64_t pmreport_font_faces_opened(void) { return opened; }

uint64_t pmreport_font_faces_handed_back(void) { return handed_back; }

#else

void pmreport_font_tables_enable(int on) { (void)on; }

uint64_t pmreport_font_tables_read(void) { return 0; }

void pmreport_font_tables_header_only(int on) { (void)on; }

uint64_t pmreport_font_tables_cut(void) { return 0; }

uint64_t pmreport_font_tables_mapped(void) { return 0; }

uint64_t pmreport_font_faces_opened(void) { return 0; }

uint64_t pmreport_font_faces_handed_back(void) { return 0; }

#endif
