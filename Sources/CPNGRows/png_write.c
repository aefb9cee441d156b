// libpng reports errors by longjmp: the whole encoding runs here, in C, below a setjmp of this
// file, so that no jump crosses a Swift frame.
#include "png_write.h"

#include <png.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/// The file as it grows, and the first error's message.
struct encoding {
  unsigned char *bytes;
  size_t length;
  size_t capacity;
  char message[256];
};

static void on_error(png_structp png, png_const_charp message) {
  struct encoding *self = png_get_error_ptr(png);
  snprintf(self->message, sizeof self->message, "%s", message ? message : "unknown error");
  png_longjmp(png, 1);
}

static void on_warning(png_structp png, png_const_charp message) {
  (void)png;
  (void)message;
}

static void on_write(png_structp png, png_bytep data, size_t count) {
  struct encoding *self = png_get_io_ptr(png);
  if (count > self->capacity - self->length) {
    size_t capacity = (self->length + count) * 2;
    unsigned char *grown = realloc(self->bytes, capacity);
    if (!grown) png_error(png, "out of memory");
    self->bytes = grown;
    self->capacity = capacity;
  }
  memcpy(self->bytes + self->length, data, count);
  self->length += count;
}

static void on_flush(png_structp png) { (void)png; }

unsigned char *pmreport_png_encode_rgb24(
    const unsigned char *pixels, uint32_t width, uint32_t height, size_t stride, size_t *length,
    char *error, size_t error_size) {
  // volatile: read after a longjmp.
  struct encoding *volatile self = calloc(1, sizeof *self);
  if (!self) {
    if (error && error_size > 0) snprintf(error, error_size, "%s", "out of memory");
    return NULL;
  }
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, self, on_error, on_warning);
  png_infop info = png ? png_create_info_struct(png) : NULL;
  if (!png || !info) {
    if (error && error_size > 0) snprintf(error, error_size, "%s", "out of memory");
    png_destroy_write_struct(&png, &info);
    free(self);
    return NULL;
  }
  if (setjmp(png_jmpbuf(png))) {
    if (error && error_size > 0) snprintf(error, error_size, "%s", self->message);
    png_destroy_write_struct(&png, &info);
    free(self->bytes);
    free(self);
    return NULL;
  }
  png_set_write_fn(png, self, on_write, on_flush);
  png_set_compression_level(png, 1);
  png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
  png_set_IHDR(
      png, info, width, height, 8, PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
      PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_write_info(png, info);
  // cairo's pixel as bytes: B, G, R, x on a little-endian machine, x, R, G, B on a big-endian one.
  const uint32_t probe = 1;
  if (*(const unsigned char *)&probe == 1) {
    png_set_filler(png, 0, PNG_FILLER_AFTER);
    png_set_bgr(png);
  } else {
    png_set_filler(png, 0, PNG_FILLER_BEFORE);
  }
  for (uint32_t y = 0; y < height; y++) png_write_row(png, pixels + (size_t)y * stride);
  png_write_end(png, info);
  png_destroy_write_struct(&png, &info);
  unsigned char *bytes = self->bytes;
  *length = self->length;
  free(self);
  return bytes;
}
