#ifndef PMREPORT_ARTIFACTS_H
#define PMREPORT_ARTIFACTS_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Rewrites a page's content stream: every `/Private <</MCID n>> BDC` that cairo wrote for the
/// page furniture becomes `/Artifact BMC`; everything else is copied byte for byte. Reading stops
/// after the `expected`-th such opening (the rest is copied as it is); 0 reads the whole content.
///
/// The content is read with qpdf's tokenizer (strings, inline images and comments are never
/// mistaken for operators). On success returns 0 and sets `*out` (malloc'd, the caller frees) and
/// `*out_length` to the new content, compressed with Flate by libdeflate at zlib's default level (a
/// `/FlateDecode` stream's data) when `compress` is not 0, and `*count` to the number of sequences
/// rewritten; returns -1 when qpdf throws or memory runs out, with the message copied into `error`
/// (at most `error_size` bytes, NUL-terminated).
int pmreport_rewrite_artifacts(
    const char *content, size_t length, size_t expected, int compress, char **out,
    size_t *out_length, size_t *count, char *error, size_t error_size);

#ifdef __cplusplus
}
#endif

#endif
