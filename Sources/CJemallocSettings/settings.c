// jemalloc's settings for this process, read by jemalloc at its start through the `malloc_conf`
// symbol the executable defines (the MALLOC_CONF variable, read after it, still overrides them).
#include "jemalloc_settings.h"

#if defined(__linux__)
/// `tcache_max:65536`: each thread keeps freed blocks of up to 64 KB (jemalloc's default: 32 KB)
/// for the next request of their size. cairo callocs blocks of about 53 KB six times a
/// certificate; without this most are extents that jemalloc zeroes by handing their pages back
/// (`MADV_DONTNEED`) and faulting them in again: 86,000 page faults over 1,000 certificates
/// against 51,000 (glibc: 8,000).
/// `oversize_threshold:16777216`: blocks up to 16 MB (default: 8 MB) come from the ordinary
/// arenas, which keep freed pages for reuse; above it jemalloc hands them back at once. A PNG
/// page's pixels (10 MB at the default resolution) were faulted in again for every page: the
/// full report's 20 PNG pages took 33,000 faults, now 20,500 (glibc: 16,700).
const char *malloc_conf = "tcache_max:65536,oversize_threshold:16777216";
#endif
