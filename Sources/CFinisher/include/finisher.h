#ifndef PMREPORT_FINISHER_H
#define PMREPORT_FINISHER_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// A PDF cairo wrote, read by qpdf and completed in place by the finisher's steps below, each
/// on qpdf's C++ objects directly (the C API makes a handle for every call). No exception leaves
/// these functions: each returns 0 on success, and -1 with `error` filled when qpdf throws.
typedef struct pmreport_pdf pmreport_pdf;

/// What failed: the step, in words ("read cairo's PDF"), and qpdf's message; NUL-terminated.
typedef struct pmreport_pdf_error {
    char operation[128];
    char reason[1024];
} pmreport_pdf_error;

/// Reads the PDF from `bytes` (`length` of them, read where they are: they must outlive the
/// returned value), named `description` in qpdf's messages, or, when `bytes` is NULL, from the
/// file `file` (an error when both are NULL: an empty buffer has no address). qpdf keeps its
/// warnings to itself. Returns NULL on error.
pmreport_pdf *pmreport_pdf_read(
    const char *bytes, size_t length, const char *file, const char *description,
    pmreport_pdf_error *error);

/// Frees the PDF and any bytes `pmreport_pdf_write` gave.
void pmreport_pdf_free(pmreport_pdf *pdf);

/// Makes, by reading and deleting an empty PDF, the function-local static objects qpdf makes the
/// first time it deletes a PDF (`QPDF_Destroyed`'s instance): called before an exit handler that
/// waits for deletions on another thread is registered, they are destroyed after it has waited.
void pmreport_pdf_make_statics(void);

/// Completes the structure tree: `Private` elements leave it (their MCIDs are forgotten by the
/// parent tree and kept, by page, for `pmreport_pdf_complete_pages`), each `Figure` gets the next
/// of `figure_alts` as its `/Alt` and each `Div` the next of `division_langs` as its `/Lang`, in
/// document order, each `TH` its `/Scope`. A tree with another number of figures or passages than
/// of texts or languages given is an error.
int pmreport_pdf_complete_structure(
    pmreport_pdf *pdf, const char *const *figure_alts, size_t figure_count,
    const char *const *division_langs, size_t division_count, pmreport_pdf_error *error);

/// Sets every page's `/TrimBox` and `/BleedBox` from rectangles in page coordinates (top-left
/// origin, y down: min x, min y, max x, max y), turned into PDF space with each page's height
/// (its `/MediaBox`'s fourth number), written with four decimals.
int pmreport_pdf_set_print_boxes(
    pmreport_pdf *pdf, const double trim[4], const double bleed[4], pmreport_pdf_error *error);

/// What a link annotation's description is made from.
enum pmreport_pdf_link {
    /// A URI action: `value` is the URI.
    pmreport_pdf_link_uri = 0,
    /// A named destination given as a name object: `value` is the name, with its slash.
    pmreport_pdf_link_name = 1,
    /// A named destination given as a string: `value` is the string, as UTF-8.
    pmreport_pdf_link_string = 2,
    /// An explicit destination (a page and a position): `value` is NULL.
    pmreport_pdf_link_explicit = 3,
};

/// The caller's part in `pmreport_pdf_complete_pages`.
typedef struct pmreport_pdf_pages_delegate {
    /// Passed to both functions as it is.
    void *context;
    /// Takes each page's content as cairo wrote it (all its streams, decoded), in page order.
    void (*content)(void *context, const unsigned char *bytes, size_t length);
    /// The `/Contents` of a link annotation without one, malloc'd (freed by the finisher).
    char *(*describe)(void *context, enum pmreport_pdf_link kind, const char *value);
} pmreport_pdf_pages_delegate;

/// Walks the pages: hands each one's content to the delegate; rewrites the furniture's `/Private`
/// marked content to `/Artifact` where the structure tree lost `Private` MCIDs (as many sequences
/// as it lost, or an error); gives a page with annotations `/Tabs /S`, each annotation the print
/// flag and each link without `/Contents` the delegate's description.
int pmreport_pdf_complete_pages(
    pmreport_pdf *pdf, const pmreport_pdf_pages_delegate *delegate, pmreport_pdf_error *error);

/// Sets the catalog's `/Lang` (UTF-8), `/ViewerPreferences << /DisplayDocTitle true >>`,
/// `/MarkInfo << /Marked true >>` and, when `full_screen` is not 0, `/PageMode /FullScreen`.
int pmreport_pdf_complete_catalog(
    pmreport_pdf *pdf, const char *language, int full_screen, pmreport_pdf_error *error);

/// Sets `*producer` to the Info dictionary's `/Producer` as UTF-8 (malloc'd; NULL when there is
/// none), then gives its `/CreationDate` and `/ModDate` the `D:` prefix cairo 1.16 leaves out.
int pmreport_pdf_complete_info(pmreport_pdf *pdf, char **producer, pmreport_pdf_error *error);

/// Adds the XMP packet (`length` bytes) as the catalog's `/Metadata` stream.
int pmreport_pdf_add_metadata(
    pmreport_pdf *pdf, const unsigned char *xmp, size_t length, pmreport_pdf_error *error);

/// Adds the catalog's `/OutputIntents`: one `GTS_PDFA1` sRGB intent embedding `profile`, the ICC
/// profile's `length` bytes.
int pmreport_pdf_add_output_intent(
    pmreport_pdf *pdf, const unsigned char *profile, size_t length, pmreport_pdf_error *error);

/// Writes the PDF with a deterministic `/ID`, streams as they are: into the file `file`, or, when
/// `file` is NULL, into memory, setting `*bytes` and `*length` (valid until `pmreport_pdf_free`).
int pmreport_pdf_write(
    pmreport_pdf *pdf, const char *file, const unsigned char **bytes, size_t *length,
    pmreport_pdf_error *error);

#ifdef __cplusplus
}
#endif

#endif
