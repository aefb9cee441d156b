#ifndef PMREPORT_JPEG_SCAN_H
#define PMREPORT_JPEG_SCAN_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Reads the JPEG in `data` to its end-of-image marker with libjpeg, decoding at 1/8 of its size a
/// row at a time (every block's data is read; no image is kept), and says whether it is whole.
///
/// Returns 0 for a whole file. Returns -1 with libjpeg's message in `error` (NUL-terminated, at
/// most `error_size` bytes) when libjpeg stops on an error, or when it reads past damage it only
/// warns about: the file ends before its end-of-image marker ("Premature end of JPEG file"), or
/// its compressed data is corrupt (a bad Huffman or arithmetic code, a segment cut short, a lost
/// restart marker), which libjpeg and gdk-pixbuf would fill with grey.
int pmreport_jpeg_scan(const unsigned char *data, size_t length, char *error, size_t error_size);

#ifdef __cplusplus
}
#endif

#endif
