// The memo of cairo's deflated streams (see deflate_memo.h): zlib's deflate functions defined in
// the executable, passed on to libz's, with cairo's streams held whole and answered from a small
// cache of recently compressed streams when their bytes and settings are equal.
#define _GNU_SOURCE
#include "deflate_memo.h"
#include "cairo_code.h"

#if defined(__linux__)
// Elsewhere (macOS: two-level namespaces, cairo calls libz directly) there is nothing to
// interpose; the memo is never on there (the two functions at the end of this file).

#include <dlfcn.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

/// Streams longer than this are not held: they are compressed as they come, as libz would (a
/// certificate's font subsets are 5 to 10 KB; an image or a long page is not worth keeping).
#define HELD_LIMIT (64 * 1024)
/// The cache: at most this many streams, and this many bytes (input and output) in all.
#define CACHE_ENTRIES 24
#define CACHE_BYTES (1024 * 1024)
/// The most cairo streams open at once that the memo follows (more are passed on).
#define OPEN_STREAMS 16
/// The room a followed stream's output buffer is given when it is followed: at least libz's bound
/// for HELD_LIMIT bytes plus the 16 KB `compress_into` asks for at each step, so once a stream is
/// followed nothing it holds or makes needs memory again (a failed allocation could only lose
/// held input).
#define OUTPUT_ROOM (2 * HELD_LIMIT)

typedef int (*init_fn)(z_streamp, int, const char *, int);
typedef int (*init2_fn)(z_streamp, int, int, int, int, int, const char *, int);
typedef int (*deflate_fn)(z_streamp, int);
typedef int (*end_fn)(z_streamp);

static init_fn real_init;
static init2_fn real_init2;
static deflate_fn real_deflate;
static end_fn real_end;
static pthread_once_t resolved = PTHREAD_ONCE_INIT;

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
/// has, from the cache or by libz), or compressed as it comes; `output` is what was made for the
/// caller that it has not taken yet (`taken` of it has been).
typedef struct {
    z_streamp stream;
    settings_t settings;
    int holding, finished;
    bytes_t input, output;
    size_t taken;
} open_t;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static entry_t cache[CACHE_ENTRIES];
static size_t cache_bytes;
static uint64_t clock_ticks;
static open_t streams[OPEN_STREAMS];

/// Finds libz's four functions, once a process.
static void resolve(void) {
    real_init = (init_fn)dlsym(RTLD_NEXT, "deflateInit_");
    real_init2 = (init2_fn)dlsym(RTLD_NEXT, "deflateInit2_");
    real_deflate = (deflate_fn)dlsym(RTLD_NEXT, "deflate");
    real_end = (end_fn)dlsym(RTLD_NEXT, "deflateEnd");
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
/// memo is on and a slot is free, the stream is followed, with the room it will need taken now.
/// Level 0 is never followed: stored blocks are cut where the caller's calls cut the input.
static void follow(z_streamp stream, settings_t settings, int from_cairo) {
    if (atomic_load(&following) == 0 && !(from_cairo && atomic_load(&enabled))) return;
    pthread_mutex_lock(&lock);
    open_t *slot = followed(stream);
    if (slot != NULL) unfollow(slot);
    slot = from_cairo && atomic_load(&enabled) && settings.level != 0 ? followed(NULL) : NULL;
    if (slot != NULL && deflateBound(stream, HELD_LIMIT) + 16384 <= OUTPUT_ROOM &&
        reserve(&slot->input, HELD_LIMIT) && reserve(&slot->output, OUTPUT_ROOM)) {
        // A slot keeps its buffers from stream to stream (cairo opens one after another): no
        // allocation a stream.
        slot->stream = stream;
        slot->settings = settings;
        slot->holding = 1;
        slot->finished = 0;
        slot->input.count = slot->output.count = slot->taken = 0;
        atomic_fetch_add(&following, 1);
    }
    pthread_mutex_unlock(&lock);
}

int deflateInit_(z_streamp stream, int level, const char *version, int size) {
    pthread_once(&resolved, resolve);
    int status = real_init(stream, level, version, size);
    if (status == Z_OK) {
        follow(
            stream, (settings_t){level, Z_DEFLATED, MAX_WBITS, 8, Z_DEFAULT_STRATEGY},
            pmreport_called_from_cairo(__builtin_return_address(0)));
    }
    return status;
}

int deflateInit2_(
    z_streamp stream, int level, int method, int window_bits, int mem_level, int strategy,
    const char *version, int size) {
    pthread_once(&resolved, resolve);
    int status =
        real_init2(stream, level, method, window_bits, mem_level, strategy, version, size);
    if (status == Z_OK) {
        follow(
            stream, (settings_t){level, method, window_bits, mem_level, strategy},
            pmreport_called_from_cairo(__builtin_return_address(0)));
    }
    return status;
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

/// Keeps `open`'s input and the output libz made of it (from its first byte) for the next equal
/// stream, in place of the least recently used entries. Called with the lock held.
static void keep(open_t *open, uLong adler) {
    size_t size = open->input.count + open->output.count;
    if (size > CACHE_BYTES) return;
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
    int status = Z_OK;
    if (open->input.count > 0) {
        status = compress_into(open, open->input.bytes, open->input.count, Z_NO_FLUSH);
    }
    release(&open->input);
    return status;
}

/// Finishes a held stream: from the cache when an equal one was compressed before, else by libz
/// in one call; libz's status.
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
    int status = compress_into(open, open->input.bytes, open->input.count, Z_FINISH);
    if (status == Z_STREAM_END) {
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
    if (atomic_load(&following) > 0) {
        pthread_mutex_lock(&lock);
        open_t *open = stream != NULL ? followed(stream) : NULL;
        if (open != NULL) unfollow(open);
        pthread_mutex_unlock(&lock);
    }
    return real_end(stream);
}

#else

void pmreport_deflate_memo_enable(int on) { (void)on; }

uint64_t pmreport_deflate_memo_hits(void) { return 0; }

#endif
