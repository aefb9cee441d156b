// The memo of cairo's deflated streams (see deflate_memo.h): zlib's deflate functions defined in
// the executable, passed on to libz's, with cairo's streams held whole, compressed by libdeflate in
// one call, and answered from a small cache of recently compressed streams when their bytes and
// settings are equal.
#define _GNU_SOURCE
#include "deflate_memo.h"
#include "cairo_code.h"

#if defined(__linux__)
// Elsewhere (macOS: two-level namespaces, cairo calls libz directly) there is nothing to
// interpose; the memo is never on there (the two functions at the end of this file).

#include <dlfcn.h>
#include <libdeflate.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

/// Streams longer than this are not held: they are compressed by libz as they come (a
/// certificate's font subsets are 5 to 10 KB, a CJK name's about 93 KB, which libz took as long
/// to compress as the rest of its certificate; a big image is compressed as it comes).
#define HELD_LIMIT (512 * 1024)
/// The cache: at most this many streams, and this many bytes (input and output) in all.
#define CACHE_ENTRIES 24
#define CACHE_BYTES (1024 * 1024)
/// The most cairo streams open at once that the memo follows (more are passed on).
#define OPEN_STREAMS 16
/// The room a followed stream's output buffer is given when it is followed: at least libz's bound
/// for HELD_LIMIT bytes plus the 16 KB `compress_into` asks for at each step, so once a stream is
/// followed nothing it holds or makes needs memory again (a failed allocation could only lose
/// held input; libz's state, made only if libz takes the stream over, is the one exception).
#define OUTPUT_ROOM (2 * HELD_LIMIT)

typedef int (*init2_fn)(z_streamp, int, int, int, int, int, const char *, int);
typedef int (*deflate_fn)(z_streamp, int);
typedef int (*end_fn)(z_streamp);

static init2_fn real_init2;
static deflate_fn real_deflate;
static end_fn real_end;
static pthread_once_t resolved = PTHREAD_ONCE_INIT;
/// Each thread's libdeflate compressor (its tables made once, not a stream), freed with the thread;
/// none when the key could not be made (`have_compressors` 0: libz compresses then).
static pthread_key_t compressors;
static int have_compressors;
/// The level the calling thread's compressor was made for.
static _Thread_local int compressor_level;

static atomic_int enabled;
/// How many streams are followed now: while none is, `deflate` and `deflateEnd` go to libz's
/// without taking the lock.
static atomic_int following;
/// How many streams the memo answered on this thread (the tests, with other threads drawing PDFs
/// at the same time, count their own).
static _Thread_local uint64_t hits;

/// A growing byte buffer.
typedef struct {
    unsigned char *bytes;
    size_t count, capacity;
} bytes_t;

/// The settings a stream was opened with: equal settings and input give equal output.
typedef struct {
    int level, method, window_bits, mem_level, strategy;
} settings_t;

/// A compressed stream kept for the next equal one.
typedef struct {
    settings_t settings;
    bytes_t input, output;
    uLong adler;
    uint64_t used;
} entry_t;

/// One of cairo's open streams: its input held until it finishes (`holding`; `finished` once it
/// has, from the cache or compressed whole), or compressed as it comes; `output` is what was made
/// for the caller that it has not taken yet (`taken` of it has been). `started` once libz's state
/// for it is made (at once, or only when libz compresses it: see `init`), with the `version` and
/// `size` its caller opened it with.
typedef struct {
    z_streamp stream;
    settings_t settings;
    int holding, finished, started;
    const char *version;
    int size;
    bytes_t input, output;
    size_t taken;
} open_t;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static entry_t cache[CACHE_ENTRIES];
static size_t cache_bytes;
static uint64_t clock_ticks;
static open_t streams[OPEN_STREAMS];

static void free_compressor(void *compressor) { libdeflate_free_compressor(compressor); }

/// Finds libz's four functions, once a process (and makes the key of the threads' compressors).
static void resolve(void) {
    real_init2 = (init2_fn)dlsym(RTLD_NEXT, "deflateInit2_");
    real_deflate = (deflate_fn)dlsym(RTLD_NEXT, "deflate");
    real_end = (end_fn)dlsym(RTLD_NEXT, "deflateEnd");
    have_compressors = pthread_key_create(&compressors, free_compressor) == 0;
}

void pmreport_deflate_memo_enable(int on) {
    pthread_once(&resolved, resolve);
    atomic_store(&enabled, on != 0);
}

uint64_t pmreport_deflate_memo_hits(void) { return hits; }

/// Makes room for `room` more bytes in `buffer`; 0 when memory ran out.
static int reserve(bytes_t *buffer, size_t room) {
    if (buffer->capacity - buffer->count >= room) return 1;
    size_t capacity = buffer->capacity ? buffer->capacity : 16384;
    while (capacity - buffer->count < room) capacity *= 2;
    unsigned char *grown = realloc(buffer->bytes, capacity);
    if (grown == NULL) return 0;
    buffer->bytes = grown;
    buffer->capacity = capacity;
    return 1;
}

/// Appends `count` bytes to `buffer`; 0 when memory ran out.
static int append(bytes_t *buffer, const unsigned char *bytes, size_t count) {
    if (!reserve(buffer, count)) return 0;
    if (count > 0) memcpy(buffer->bytes + buffer->count, bytes, count);
    buffer->count += count;
    return 1;
}

/// A copy of `buffer`'s bytes, no larger than they are (no bytes when memory ran out).
static bytes_t copy(const bytes_t *buffer) {
    bytes_t copied = {malloc(buffer->count ? buffer->count : 1), buffer->count, buffer->count};
    if (copied.bytes == NULL) return (bytes_t){0};
    if (buffer->count > 0) memcpy(copied.bytes, buffer->bytes, buffer->count);
    return copied;
}

/// Frees `buffer`'s bytes and empties it.
static void release(bytes_t *buffer) {
    free(buffer->bytes);
    *buffer = (bytes_t){0};
}

/// The open stream followed for `stream`, or NULL. Called with the lock held.
static open_t *followed(z_streamp stream) {
    for (int i = 0; i < OPEN_STREAMS; ++i) {
        if (streams[i].stream == stream) return &streams[i];
    }
    return NULL;
}

/// Stops following `slot`'s stream; its buffers are kept for the next stream unless a long one
/// grew them. Called with the lock held.
static void unfollow(open_t *slot) {
    slot->stream = NULL;
    atomic_fetch_sub(&following, 1);
    if (slot->input.capacity > HELD_LIMIT) release(&slot->input);
    if (slot->output.capacity > OUTPUT_ROOM) release(&slot->output);
}

/// A stream `stream` was opened with `settings`: a slot still naming it (its earlier life ended
/// without deflateEnd, or another stream at the same address) is freed; when `from_cairo`, the
/// memo is on and a slot is free, the stream is followed, with the room it will need taken now
/// (`started`: whether libz's state for it is made); whether it is followed.
/// Level 0 is never followed: stored blocks are cut where the caller's calls cut the input.
static int follow(
    z_streamp stream, settings_t settings, int from_cairo, int started, const char *version,
    int size) {
    if (atomic_load(&following) == 0 && !(from_cairo && atomic_load(&enabled))) return 0;
    pthread_mutex_lock(&lock);
    open_t *slot = followed(stream);
    if (slot != NULL) unfollow(slot);
    slot = from_cairo && atomic_load(&enabled) && settings.level != 0 ? followed(NULL) : NULL;
    int follows = slot != NULL && deflateBound(stream, HELD_LIMIT) + 16384 <= OUTPUT_ROOM &&
                  reserve(&slot->input, HELD_LIMIT) && reserve(&slot->output, OUTPUT_ROOM);
    if (follows) {
        // A slot keeps its buffers from stream to stream (cairo opens one after another): no
        // allocation a stream.
        slot->stream = stream;
        slot->settings = settings;
        slot->holding = 1;
        slot->finished = 0;
        slot->started = started;
        slot->version = version;
        slot->size = size;
        slot->input.count = slot->output.count = slot->taken = 0;
        atomic_fetch_add(&following, 1);
    }
    pthread_mutex_unlock(&lock);
    return follows;
}

/// The calling thread's libdeflate compressor at `level` (1 to 9), or NULL when memory ran out.
static struct libdeflate_compressor *compressor(int level) {
    if (!have_compressors) return NULL;
    struct libdeflate_compressor *kept = pthread_getspecific(compressors);
    if (kept != NULL && compressor_level == level) return kept;
    struct libdeflate_compressor *made = libdeflate_alloc_compressor(level);
    if (made == NULL) return NULL;
    if (pthread_setspecific(compressors, made) != 0) {
        libdeflate_free_compressor(made);
        return NULL;
    }
    if (kept != NULL) libdeflate_free_compressor(kept);
    compressor_level = level;
    return made;
}

/// libdeflate's level for a stream opened with `settings` (Z_DEFAULT_COMPRESSION is 6), or 0 when
/// libdeflate cannot make it: anything but zlib's format with its default window and strategy at
/// levels 1 to 9.
static int whole_level(settings_t settings) {
    int level = settings.level == Z_DEFAULT_COMPRESSION ? 6 : settings.level;
    int usable = settings.method == Z_DEFLATED && settings.window_bits == MAX_WBITS &&
                 settings.strategy == Z_DEFAULT_STRATEGY && level >= 1 && level <= 9;
    return usable ? level : 0;
}

/// Opens `stream` with `settings` for a caller of zlib `version` whose z_stream is `size` bytes.
/// A stream of cairo's that libdeflate can make (the thread's compressor made now, so that
/// finishing it allocates nothing) and the memo follows gets no libz state yet (its window and
/// hash tables, about 256 KB allocated and 64 KB cleared a stream, are made only if libz ever
/// compresses it: see `start`): its fields are set as deflateInit sets them. Any other stream is
/// libz's deflateInit2_'s, followed as it can be.
static int init(
    z_streamp stream, settings_t settings, const char *version, int size, int from_cairo) {
    int level = whole_level(settings);
    if (from_cairo && stream != NULL && level != 0 && settings.mem_level >= 1 &&
        settings.mem_level <= MAX_MEM_LEVEL && version != NULL && version[0] == ZLIB_VERSION[0] &&
        size == (int)sizeof(z_stream) && compressor(level) != NULL) {
        // No state: deflateBound (in `follow`) gives its bound for any settings.
        stream->state = Z_NULL;
        if (follow(stream, settings, from_cairo, 0, version, size)) {
            stream->msg = Z_NULL;
            stream->total_in = stream->total_out = 0;
            stream->adler = 1;
            stream->data_type = Z_UNKNOWN;
            return Z_OK;
        }
    }
    int status = real_init2(
        stream, settings.level, settings.method, settings.window_bits, settings.mem_level,
        settings.strategy, version, size);
    if (status == Z_OK) follow(stream, settings, from_cairo, 1, version, size);
    return status;
}

int deflateInit_(z_streamp stream, int level, const char *version, int size) {
    pthread_once(&resolved, resolve);
    // deflateInit_'s settings, as libz's passes them to its deflateInit2_.
    return init(
        stream, (settings_t){level, Z_DEFLATED, MAX_WBITS, 8, Z_DEFAULT_STRATEGY}, version, size,
        pmreport_called_from_cairo(__builtin_return_address(0)));
}

int deflateInit2_(
    z_streamp stream, int level, int method, int window_bits, int mem_level, int strategy,
    const char *version, int size) {
    pthread_once(&resolved, resolve);
    return init(
        stream, (settings_t){level, method, window_bits, mem_level, strategy}, version, size,
        pmreport_called_from_cairo(__builtin_return_address(0)));
}

/// Makes libz's state for `open`'s stream if `init` left it for later (a stream past the held
/// limit, or flushed otherwise than at its end). Memory running out there ends the process with a
/// message: cairo 1.16 to 1.18 repeat a deflate call until it takes their input, whatever it
/// returns, so an error code would never end (at deflateInit, where it used to be made, cairo
/// fails the surface instead).
static void start(open_t *open) {
    if (open->started) return;
    settings_t settings = open->settings;
    int status = real_init2(
        open->stream, settings.level, settings.method, settings.window_bits, settings.mem_level,
        settings.strategy, open->version, open->size);
    if (status != Z_OK) {
        fputs("pmreport: out of memory compressing a PDF stream\n", stderr);
        abort();
    }
    open->started = 1;
}

/// Runs libz's deflate on `open`'s stream over `count` bytes at `bytes` with `flush`, its output
/// appended to `open->output`, the caller's buffers left as they were; libz's status
/// (Z_STREAM_END once a Z_FINISH is done).
static int compress_into(open_t *open, const unsigned char *bytes, size_t count, int flush) {
    z_streamp stream = open->stream;
    z_const Bytef *next_in = stream->next_in;
    uInt avail_in = stream->avail_in;
    Bytef *next_out = stream->next_out;
    uInt avail_out = stream->avail_out;
    stream->next_in = (z_const Bytef *)bytes;
    stream->avail_in = (uInt)count;
    int status;
    do {
        if (!reserve(&open->output, 16384)) {
            status = Z_MEM_ERROR;
            break;
        }
        uInt room = (uInt)(open->output.capacity - open->output.count);
        stream->next_out = open->output.bytes + open->output.count;
        stream->avail_out = room;
        status = real_deflate(stream, flush);
        open->output.count += room - stream->avail_out;
    } while (status == Z_OK &&
             (stream->avail_in > 0 || stream->avail_out == 0 || flush == Z_FINISH));
    stream->next_in = next_in;
    stream->avail_in = avail_in;
    stream->next_out = next_out;
    stream->avail_out = avail_out;
    return status == Z_BUF_ERROR ? Z_OK : status;
}

/// Compresses `open`'s held input in one call of libdeflate, in zlib's format at the level the
/// stream was opened with, its output appended to `open->output` and the stream's totals and
/// checksum set as libz would; 0 (nothing changed) when libdeflate cannot make that stream: other
/// settings than zlib's format, default window and strategy at levels 1 to 9, or no memory.
static int compress_whole(open_t *open) {
    int level = whole_level(open->settings);
    if (level == 0) return 0;
    struct libdeflate_compressor *made = compressor(level);
    if (made == NULL) return 0;
    size_t count = open->input.count;
    if (!reserve(&open->output, libdeflate_zlib_compress_bound(made, count))) return 0;
    size_t written = libdeflate_zlib_compress(
        made, open->input.bytes, count, open->output.bytes + open->output.count,
        open->output.capacity - open->output.count);
    if (written == 0) return 0;
    open->output.count += written;
    open->stream->total_in += count;
    open->stream->total_out += written;
    open->stream->adler = libdeflate_adler32(1, open->input.bytes, count);
    return 1;
}

/// Hands the caller as much of `open->output` as its buffer takes; whether all of it was taken.
static int hand_over(open_t *open) {
    z_streamp stream = open->stream;
    size_t left = open->output.count - open->taken;
    size_t count = left < stream->avail_out ? left : stream->avail_out;
    if (count > 0) {
        memcpy(stream->next_out, open->output.bytes + open->taken, count);
        stream->next_out += count;
        stream->avail_out -= (uInt)count;
        open->taken += count;
    }
    if (open->taken < open->output.count) return 0;
    open->output.count = open->taken = 0;
    return 1;
}

/// The cached entry for `open`'s held input, or NULL. Called with the lock held.
static entry_t *cached(const open_t *open) {
    for (int i = 0; i < CACHE_ENTRIES; ++i) {
        entry_t *entry = &cache[i];
        if (entry->input.bytes != NULL && entry->input.count == open->input.count &&
            memcmp(&entry->settings, &open->settings, sizeof open->settings) == 0 &&
            memcmp(entry->input.bytes, open->input.bytes, open->input.count) == 0) {
            return entry;
        }
    }
    return NULL;
}

/// Keeps `open`'s input and the output made of it (from its first byte) for the next equal
/// stream, in place of the least recently used entries; not a stream of more than a quarter of the
/// cache (one long page content would push out the font subsets that repeat). Called with the
/// lock held.
static void keep(open_t *open, uLong adler) {
    size_t size = open->input.count + open->output.count;
    if (size > CACHE_BYTES / 4) return;
    entry_t *slot = NULL;
    for (;;) {
        entry_t *oldest = NULL;
        for (int i = 0; i < CACHE_ENTRIES; ++i) {
            entry_t *entry = &cache[i];
            if (entry->input.bytes == NULL) {
                if (slot == NULL) slot = entry;
            } else if (oldest == NULL || entry->used < oldest->used) {
                oldest = entry;
            }
        }
        if (slot != NULL && cache_bytes + size <= CACHE_BYTES) break;
        if (oldest == NULL) return;
        cache_bytes -= oldest->input.count + oldest->output.count;
        release(&oldest->input);
        release(&oldest->output);
        slot = NULL;
    }
    bytes_t input = copy(&open->input), output = copy(&open->output);
    if (input.bytes == NULL || output.bytes == NULL) {
        release(&input);
        release(&output);
        return;
    }
    *slot = (entry_t){open->settings, input, output, adler, ++clock_ticks};
    cache_bytes += size;
}

/// Compresses what `open` held as it comes from now on (a long stream, or a flush other than
/// Z_FINISH); libz's status.
static int stop_holding(open_t *open) {
    open->holding = 0;
    start(open);
    int status = Z_OK;
    if (open->input.count > 0) {
        status = compress_into(open, open->input.bytes, open->input.count, Z_NO_FLUSH);
    }
    release(&open->input);
    return status;
}

/// Finishes a held stream: from the cache when an equal one was compressed before, else by
/// libdeflate in one call (by libz when libdeflate cannot); libz's status.
static int finish_held(open_t *open) {
    open->holding = 0;
    pthread_mutex_lock(&lock);
    entry_t *entry = cached(open);
    if (entry != NULL) {
        entry->used = ++clock_ticks;
        int copied = append(&open->output, entry->output.bytes, entry->output.count);
        uLong adler = entry->adler;
        pthread_mutex_unlock(&lock);
        if (copied) {
            open->stream->total_in += open->input.count;
            open->stream->total_out += open->output.count;
            open->stream->adler = adler;
            hits += 1;
            open->input.count = 0;
            return Z_STREAM_END;
        }
        open->output.count = 0;
    } else {
        pthread_mutex_unlock(&lock);
    }
    int status = Z_STREAM_END;
    int whole = compress_whole(open);
    if (!whole) {
        start(open);
        status = compress_into(open, open->input.bytes, open->input.count, Z_FINISH);
    }
    // Kept only as libdeflate made it, or as libz made a stream libdeflate cannot make: libz's
    // bytes of a stream libdeflate failed (memory) would answer the next equal streams otherwise.
    if (status == Z_STREAM_END && (whole || whole_level(open->settings) == 0)) {
        pthread_mutex_lock(&lock);
        keep(open, open->stream->adler);
        pthread_mutex_unlock(&lock);
    }
    open->input.count = 0;
    return status;
}

int deflate(z_streamp stream, int flush) {
    pthread_once(&resolved, resolve);
    if (atomic_load(&following) == 0) return real_deflate(stream, flush);
    pthread_mutex_lock(&lock);
    open_t *open = stream != NULL ? followed(stream) : NULL;
    pthread_mutex_unlock(&lock);
    // Not cairo's, or not followed: libz's own. A followed slot is its stream's until deflateEnd,
    // and only that stream's caller touches it.
    if (open == NULL) return real_deflate(stream, flush);
    if (open->finished) return hand_over(open) ? Z_STREAM_END : Z_OK;
    // What libz made before goes out first; the input waits until it has.
    if (!hand_over(open)) return Z_OK;
    if (open->holding) {
        int fits = open->input.count + stream->avail_in <= HELD_LIMIT;
        if (fits && (flush == Z_NO_FLUSH || flush == Z_FINISH)) {
            if (!append(&open->input, stream->next_in, stream->avail_in)) return Z_MEM_ERROR;
            stream->next_in += stream->avail_in;
            stream->avail_in = 0;
            if (flush == Z_NO_FLUSH) return Z_OK;
            int status = finish_held(open);
            if (status != Z_STREAM_END) return status;
            open->finished = 1;
            return hand_over(open) ? Z_STREAM_END : Z_OK;
        }
        int status = stop_holding(open);
        if (status != Z_OK) return status;
        if (!hand_over(open)) return Z_OK;
    }
    return real_deflate(stream, flush);
}

int deflateEnd(z_streamp stream) {
    pthread_once(&resolved, resolve);
    int started = 1;
    if (atomic_load(&following) > 0) {
        pthread_mutex_lock(&lock);
        open_t *open = stream != NULL ? followed(stream) : NULL;
        if (open != NULL) {
            started = open->started;
            unfollow(open);
        }
        pthread_mutex_unlock(&lock);
    }
    // A stream libz never compressed has no state of libz's to free.
    return started ? real_end(stream) : Z_OK;
}

#else

void pmreport_deflate_memo_enable(int on) { (void)on; }

uint64_t pmreport_deflate_memo_hits(void) { return 0; }

#endif
