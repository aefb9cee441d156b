#ifndef PMREPORT_PNG_ROWS_H
#define PMREPORT_PNG_ROWS_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// A PNG being read from bytes in memory, its header read (libpng; an opaque handle).
typedef struct pmreport_png pmreport_png;

/// What a PNG's header says, and how its rows come out: 8 bits a channel, RGB (3 channels) or RGBA
/// (4), the transformations gdk-pixbuf's PNG loader applies (palette and gray expanded to RGB,
/// transparency to alpha, 16 bits cut to 8, no gamma correction).
typedef struct {
  uint32_t width;
  uint32_t height;
  int channels;
  /// Not 0 when the rows are stored in passes (Adam7): then they come only after the last pass.
  int interlaced;
  /// The `pHYs` resolution in whole dots per inch (as gdk-pixbuf rounds it), 0 when not given.
  int dpi_x;
  int dpi_y;
} pmreport_png_header;

/// Called with each row of the image, top to bottom: `width × channels` bytes.
typedef void (*pmreport_png_row)(void *context, const unsigned char *pixels, uint32_t y);

/// Opens the PNG in `data` (which must outlive the handle) and reads its header into `*header`.
/// On failure returns NULL with libpng's message copied into `error` (NUL-terminated, at most
/// `error_size` bytes).
pmreport_png *pmreport_png_open(
    const unsigned char *data, size_t length, pmreport_png_header *header, char *error,
    size_t error_size);

/// Reads the pixels to the end of the file, its IEND chunk (libpng checks every chunk's CRC,
/// ancillary chunks' too, and the compressed data's completeness), handing each row to `row`
/// (which may be NULL: the file is only checked).
///
/// `buffer` holds one row (`width × channels` bytes) for a plain image; for an interlaced one
/// whose rows are wanted, the whole image (`height` rows). Returns 0, or -1 with the message in
/// `error`.
int pmreport_png_read(
    pmreport_png *png, unsigned char *buffer, pmreport_png_row row, void *context, char *error,
    size_t error_size);

/// Frees the handle and everything libpng holds for it.
void pmreport_png_close(pmreport_png *png);

#ifdef __cplusplus
}
#endif

#endif
