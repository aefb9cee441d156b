// Where libcairo's code lies (see cairo_code.h).
#define _GNU_SOURCE
#include "cairo_code.h"

#if defined(__linux__)

#include <link.h>
#include <pthread.h>
#include <stdint.h>
#include <string.h>

/// Where libcairo's code is mapped (an empty range when it is not loaded).
static uintptr_t cairo_start, cairo_end;
static pthread_once_t found = PTHREAD_ONCE_INIT;

/// Notes the range of libcairo's executable segments (for `dl_iterate_phdr`).
static int find_cairo(struct dl_phdr_info *info, size_t size, void *data) {
    (void)size;
    (void)data;
    if (info->dlpi_name == NULL || strstr(info->dlpi_name, "libcairo.so") == NULL) return 0;
    for (int i = 0; i < info->dlpi_phnum; ++i) {
        const ElfW(Phdr) *segment = &info->dlpi_phdr[i];
        if (segment->p_type != PT_LOAD || (segment->p_flags & PF_X) == 0) continue;
        uintptr_t start = info->dlpi_addr + segment->p_vaddr;
        if (cairo_end == 0 || start < cairo_start) cairo_start = start;
        if (start + segment->p_memsz > cairo_end) cairo_end = start + segment->p_memsz;
    }
    return 1;
}

static void find(void) { dl_iterate_phdr(find_cairo, NULL); }

int pmreport_called_from_cairo(const void *caller) {
    pthread_once(&found, find);
    uintptr_t address = (uintptr_t)caller;
    return address >= cairo_start && address < cairo_end;
}

#endif
