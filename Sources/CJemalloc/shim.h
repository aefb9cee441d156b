// jemalloc (Debian's build: unprefixed, so linking it replaces malloc for the whole process):
// mallctl, its control interface (the version, purging freed memory).
#include <jemalloc/jemalloc.h>
