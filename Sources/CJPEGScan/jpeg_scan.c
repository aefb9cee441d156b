// libjpeg reports errors by calling error_exit, which must not return: it longjmps back here, in
// C, so that no jump crosses a Swift frame.
#include "jpeg_scan.h"

#include <setjmp.h>
#include <stdio.h>
#include <string.h>

#include <jpeglib.h>
#include <jerror.h>

struct scan_error {
  struct jpeg_error_mgr manager;
  jmp_buf jump;
  /// The first warning that means lost pixels, formatted; empty while there is none.
  char damage[JMSG_LENGTH_MAX];
};

static void on_error(j_common_ptr info) {
  struct scan_error *self = (struct scan_error *)info->err;
  longjmp(self->jump, 1);
}

/// libjpeg's warnings (level -1) that mean the file is cut short or its pixels are lost; the
/// others (an unknown JFIF revision, bytes between markers) leave the picture whole.
static int means_damage(int code) {
  switch (code) {
    case JWRN_JPEG_EOF:
    case JWRN_HIT_MARKER:
    case JWRN_HUFF_BAD_CODE:
    case JWRN_ARITH_BAD_CODE:
    case JWRN_MUST_RESYNC:
      return 1;
    default:
      return 0;
  }
}

static void on_message(j_common_ptr info, int level) {
  struct scan_error *self = (struct scan_error *)info->err;
  if (level == -1 && self->damage[0] == 0 && means_damage(self->manager.msg_code)) {
    self->manager.format_message(info, self->damage);
  }
}

int pmreport_jpeg_scan(const unsigned char *data, size_t length, char *error, size_t error_size) {
  struct jpeg_decompress_struct info;
  struct scan_error errors;
  memset(&errors, 0, sizeof errors);
  info.err = jpeg_std_error(&errors.manager);
  errors.manager.error_exit = on_error;
  errors.manager.emit_message = on_message;
  jpeg_create_decompress(&info);
  if (setjmp(errors.jump)) {
    char message[JMSG_LENGTH_MAX];
    errors.manager.format_message((j_common_ptr)&info, message);
    if (error && error_size > 0) snprintf(error, error_size, "%s", message);
    jpeg_destroy_decompress(&info);
    return -1;
  }
  jpeg_mem_src(&info, data, (unsigned long)length);
  jpeg_read_header(&info, TRUE);
  // The least work that still reads every block: 1/8 scale (one value a block), fast IDCT.
  info.scale_num = 1;
  info.scale_denom = 8;
  info.dct_method = JDCT_IFAST;
  info.do_fancy_upsampling = FALSE;
  info.do_block_smoothing = FALSE;
  jpeg_start_decompress(&info);
  JSAMPARRAY row = (*info.mem->alloc_sarray)(
      (j_common_ptr)&info, JPOOL_IMAGE, info.output_width * info.output_components, 1);
  while (info.output_scanline < info.output_height) jpeg_read_scanlines(&info, row, 1);
  jpeg_finish_decompress(&info);
  jpeg_destroy_decompress(&info);
  if (errors.damage[0] != 0) {
    if (error && error_size > 0) snprintf(error, error_size, "%s", errors.damage);
    return -1;
  }
  return 0;
}
