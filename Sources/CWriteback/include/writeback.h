#ifndef PMREPORT_WRITEBACK_H
#define PMREPORT_WRITEBACK_H

#ifdef __cplusplus
extern "C" {
#endif

/// Starts writing the dirty pages of the open file `fd` to the disk without waiting for them
/// (Linux's `sync_file_range` with `SYNC_FILE_RANGE_WRITE`, which Swift's Glibc module does not
/// declare): its blocks are allocated now, so the next journal commit carries them. Advisory: a
/// later `fsync` reports any failure. Returns 0, or -1 with `errno` set; does nothing and returns 0
/// where the system has no such call (not Linux).
int pmreport_start_writeback(int fd);

#ifdef __cplusplus
}
#endif

#endif
