// One spare block in front of glibc's malloc: see include/spare_block.h.
#include "spare_block.h"

#ifndef __has_feature
#define __has_feature(x) 0
#endif

// glibc only (no `__libc_malloc` elsewhere), and not under a sanitizer, whose own allocator the
// `malloc` and `free` below would otherwise be mixed with: there the system's allocator is used as
// it is.
#if defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__) && \
    !__has_feature(address_sanitizer) && !__has_feature(thread_sanitizer) && \
    !__has_feature(memory_sanitizer)

#include <malloc.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdlib.h>

// glibc's own allocator, which the `malloc` and `free` below stand in front of.
extern void *__libc_malloc(size_t size);
extern void __libc_free(void *block);

enum {
  /// Blocks from this size up are mapped on their own, and may be kept as the spare.
  bigBlock = 4 << 20,
  /// The heap's free top is returned to the system past this size (glibc's rule: twice the
  /// mmap threshold).
  heapTrim = 2 * bigBlock,
  /// The largest block kept as the spare (two CJK table copies' worth): a long document's qpdf
  /// buffers, freed, are unmapped as before rather than held to the process's end.
  largestSpare = 32 << 20,
  /// glibc's chunk header flag of a block mapped on its own.
  isMapped = 0x2,
};

/// The block kept (NULL when none): a mapped glibc block, handed back as it is.
static void *_Atomic spare;
static pthread_mutex_t spareLock = PTHREAD_MUTEX_INITIALIZER;

/// Whether `block` may be kept: one glibc mapped on its own (its chunk header, the size word just
/// before it, has the mapped flag) of `bigBlock` to `largestSpare` bytes.
static int mayKeep(void *block) {
  size_t header = ((size_t *)block)[-1];
  return (header & isMapped) && header >= bigBlock && header <= largestSpare;
}

/// The spare when it holds `size` bytes, else a new block from glibc.
__attribute__((noinline)) static void *spareOrNew(size_t size) {
  void *taken = NULL;
  pthread_mutex_lock(&spareLock);
  void *kept = atomic_load_explicit(&spare, memory_order_relaxed);
  // At most twice the size asked: a small block does not take a table copy's spare.
  size_t held = kept ? malloc_usable_size(kept) : 0;
  if (held >= size && held / 2 <= size) {
    taken = kept;
    atomic_store_explicit(&spare, NULL, memory_order_relaxed);
  }
  pthread_mutex_unlock(&spareLock);
  return taken ? taken : __libc_malloc(size);
}

/// Keeps `block` as the spare when it is larger than the one kept; unmaps the other.
__attribute__((noinline)) static void keepLarger(void *block) {
  void *dropped = block;
  pthread_mutex_lock(&spareLock);
  void *kept = atomic_load_explicit(&spare, memory_order_relaxed);
  if (block == kept) abort();  // freed twice: stop before the spare is handed out again
  if (!kept || malloc_usable_size(kept) < malloc_usable_size(block)) {
    atomic_store_explicit(&spare, block, memory_order_relaxed);
    dropped = kept;
  }
  pthread_mutex_unlock(&spareLock);
  if (dropped) __libc_free(dropped);
}

// The common case is one compare and glibc's call (a tail call: no frame of its own).
void *malloc(size_t size) {
  if (size >= bigBlock && atomic_load_explicit(&spare, memory_order_relaxed))
    return spareOrNew(size);
  return __libc_malloc(size);
}

void free(void *block) {
  if (block && mayKeep(block))
    keepLarger(block);
  else
    __libc_free(block);
}

/// Fixes glibc's thresholds before `main` (both are dynamic until set).
static void lockSpare(void) { pthread_mutex_lock(&spareLock); }
static void unlockSpare(void) { pthread_mutex_unlock(&spareLock); }

/// Fixes glibc's thresholds before `main` (both are dynamic until set), and keeps the spare's lock
/// usable in a child made by `fork` (workers are spawned, but a fork must not inherit it held).
__attribute__((constructor)) static void setThresholds(void) {
  mallopt(M_MMAP_THRESHOLD, bigBlock);
  mallopt(M_TRIM_THRESHOLD, heapTrim);
  pthread_atfork(lockSpare, unlockSpare, unlockSpare);
}

#endif
