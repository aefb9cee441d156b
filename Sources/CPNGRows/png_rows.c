// libpng reports errors by longjmp: every libpng call that can fail is made here, in C, below a
// setjmp of this file, so that no jump crosses a Swift frame.
#include "png_rows.h"

#include <png.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/// The size of every message buffer libpng's errors are copied into.
#define MESSAGE_SIZE 256

struct pmreport_png {
  png_structp png;
  png_infop info;
  const unsigned char *data;
  size_t length;
  size_t offset;
  pmreport_png_header header;
  int passes;
  char message[MESSAGE_SIZE];
};

/// Copies libpng's message into the buffer given as the error pointer (MESSAGE_SIZE bytes), then
/// jumps back to the setjmp of the call that failed.
static void on_error(png_structp png, png_const_charp message) {
  char *buffer = png_get_error_ptr(png);
  snprintf(buffer, MESSAGE_SIZE, "%s", message ? message : "unknown error");
  png_longjmp(png, 1);
}

static void on_warning(png_structp png, png_const_charp message) {
  (void)png;
  (void)message;
}

static void on_read(png_structp png, png_bytep out, size_t count) {
  struct pmreport_png *self = png_get_io_ptr(png);
  if (count > self->length - self->offset) png_error(png, "the file ends early (truncated?)");
  memcpy(out, self->data + self->offset, count);
  self->offset += count;
}

static void copy_message(const struct pmreport_png *self, char *error, size_t error_size) {
  if (error && error_size > 0) snprintf(error, error_size, "%s", self->message);
}

/// libpng's pHYs in dots a metre, as gdk-pixbuf's loader turns it into whole dots an inch.
static int dots_per_inch(png_uint_32 per_metre) {
  return (int)(per_metre * 25.4 / 1000 + 0.5);
}

pmreport_png *pmreport_png_open(
    const unsigned char *data, size_t length, pmreport_png_header *header, char *error,
    size_t error_size) {
  if (length < 8 || png_sig_cmp(data, 0, 8) != 0) {
    if (error && error_size > 0) snprintf(error, error_size, "%s", "not a PNG file");
    return NULL;
  }
  struct pmreport_png *self = calloc(1, sizeof *self);
  if (!self) return NULL;
  self->data = data;
  self->length = length;
  self->png = png_create_read_struct(PNG_LIBPNG_VER_STRING, self->message, on_error, on_warning);
  if (self->png) self->info = png_create_info_struct(self->png);
  if (!self->png || !self->info) {
    snprintf(self->message, sizeof self->message, "%s", "out of memory");
    copy_message(self, error, error_size);
    pmreport_png_close(self);
    return NULL;
  }
  if (setjmp(png_jmpbuf(self->png))) {
    copy_message(self, error, error_size);
    pmreport_png_close(self);
    return NULL;
  }
  png_set_read_fn(self->png, self, on_read);
  // A damaged chunk stops the read, an ancillary one too (libpng would warn and skip it): a file
  // whose bytes changed is not used as if it were whole.
  png_set_crc_action(self->png, PNG_CRC_ERROR_QUIT, PNG_CRC_ERROR_QUIT);
  png_read_info(self->png, self->info);
  int color = png_get_color_type(self->png, self->info);
  int depth = png_get_bit_depth(self->png, self->info);
  if (color == PNG_COLOR_TYPE_PALETTE && depth <= 8) png_set_expand(self->png);
  if (color == PNG_COLOR_TYPE_GRAY && depth < 8) png_set_expand(self->png);
  if (png_get_valid(self->png, self->info, PNG_INFO_tRNS)) png_set_expand(self->png);
  if (depth == 16) png_set_strip_16(self->png);
  if (color == PNG_COLOR_TYPE_GRAY || color == PNG_COLOR_TYPE_GRAY_ALPHA) {
    png_set_gray_to_rgb(self->png);
  }
  int interlaced = png_get_interlace_type(self->png, self->info) != PNG_INTERLACE_NONE;
  self->passes = interlaced ? png_set_interlace_handling(self->png) : 1;
  png_read_update_info(self->png, self->info);
  self->header.width = png_get_image_width(self->png, self->info);
  self->header.height = png_get_image_height(self->png, self->info);
  self->header.channels = png_get_channels(self->png, self->info);
  self->header.interlaced = interlaced;
  png_uint_32 x = 0, y = 0;
  int unit = 0;
  if (png_get_pHYs(self->png, self->info, &x, &y, &unit) && unit == PNG_RESOLUTION_METER) {
    self->header.dpi_x = dots_per_inch(x);
    self->header.dpi_y = dots_per_inch(y);
  }
  if (png_get_bit_depth(self->png, self->info) != 8 ||
      (self->header.channels != 3 && self->header.channels != 4)) {
    snprintf(self->message, sizeof self->message, "%s", "not 8-bit RGB or RGBA once decoded");
    copy_message(self, error, error_size);
    pmreport_png_close(self);
    return NULL;
  }
  *header = self->header;
  return self;
}

int pmreport_png_read(
    pmreport_png *self, unsigned char *buffer, pmreport_png_row row, void *context, char *error,
    size_t error_size) {
  const pmreport_png_header h = self->header;
  const size_t row_bytes = (size_t)h.width * (size_t)h.channels;
  png_bytep *volatile rows = NULL;
  if (setjmp(png_jmpbuf(self->png))) {
    free(rows);
    copy_message(self, error, error_size);
    return -1;
  }
  if (h.interlaced && row) {
    rows = malloc(sizeof(png_bytep) * h.height);
    if (!rows) png_error(self->png, "out of memory");
    for (uint32_t y = 0; y < h.height; y++) rows[y] = buffer + y * row_bytes;
    png_read_image(self->png, rows);
    for (uint32_t y = 0; y < h.height; y++) row(context, rows[y], y);
  } else {
    // Interlaced and only checked: every pass's rows into the one row, which is never looked at.
    const int passes = self->passes;
    for (int pass = 0; pass < passes; pass++) {
      for (uint32_t y = 0; y < h.height; y++) {
        png_read_row(self->png, buffer, NULL);
        if (row && passes == 1) row(context, buffer, y);
      }
    }
  }
  png_read_end(self->png, NULL);
  free(rows);
  return 0;
}

void pmreport_png_close(pmreport_png *self) {
  if (!self) return;
  if (self->png) png_destroy_read_struct(&self->png, self->info ? &self->info : NULL, NULL);
  free(self);
}
