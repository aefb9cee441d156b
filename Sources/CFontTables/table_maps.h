// Font tables libcairo copies, handed to it as private mappings of their file (Linux only; see
// table_maps.c). Internal to CFontTables: font_tables.c arms and recognises them.
#ifndef PMREPORT_TABLE_MAPS_H
#define PMREPORT_TABLE_MAPS_H

#if defined(__linux__)

#include <stddef.h>
#include <sys/types.h>

/// Arms the calling thread: libcairo's next `malloc` of exactly `size` bytes on it is answered with
/// a private, writable mapping of `size` bytes of the file open on `fd` from `at` (so the block
/// already holds them, and only the pages cairo reads are ever faulted in; the arm keeps a
/// descriptor of its own, so it maps that file even if `fd` is closed meanwhile). Returns 1 when
/// armed, 0 when libcairo's allocation calls cannot be routed here (then nothing changes).
int pmreport_table_maps_arm(size_t size, int fd, off_t at);

/// Whether `buffer` is a block made as armed for `size` bytes of the file open on `fd` (the same
/// file, by device and inode) from `at`: it already holds those bytes. Disarms the calling thread
/// either way.
int pmreport_table_maps_holds(const void *buffer, size_t size, int fd, off_t at);

#endif

#endif
