// jemalloc's settings for this process, read by jemalloc at its start through the `malloc_conf`
// symbol the executable defines (the MALLOC_CONF variable, read after it, still overrides them).
#include "jemalloc_settings.h"

#if defined(__linux__)
/// `tcache_max:65536`: each thread keeps freed blocks of up to 64 KB (jemalloc's default: 32 KB)
/// for the next request of their size. cairo callocs blocks of about 53 KB six times a
/// certificate; without this each one is a new extent that jemalloc zeroes by handing its pages
/// back (`MADV_DONTNEED`) and faulting them in again: 14,000 more page faults over 200
/// certificates (BENCHMARKS.md, thirteenth round).
const char *malloc_conf = "tcache_max:65536";
#endif
