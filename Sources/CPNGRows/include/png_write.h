#ifndef PMREPORT_PNG_WRITE_H
#define PMREPORT_PNG_WRITE_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Encodes cairo's RGB24 image (`height` rows of `width` pixels, `stride` bytes a row, each pixel
/// 32 bits of native-endian xRGB) as an 8-bit RGB PNG made for speed over size: zlib's fastest
/// level that compresses (1; 0 stores, 20 times the bytes) and no row filter (a page's rows, mostly
/// white, compress about as well unfiltered, and choosing a filter a row costs more than the
/// compression). About 10 % larger than cairo's own PNG, in a third of its time. The live
/// preview's first paint of a page.
///
/// Returns the file's bytes (`*length` of them, to be freed with `free`), or NULL with libpng's
/// message copied into `error` (NUL-terminated, at most `error_size` bytes).
unsigned char *pmreport_png_encode_rgb24(
    const unsigned char *pixels, uint32_t width, uint32_t height, size_t stride, size_t *length,
    char *error, size_t error_size);

#ifdef __cplusplus
}
#endif

#endif
