#include <glib.h>
// malloc_trim: the PDF exporter returns cairo's freed memory before the qpdf pass.
#include <malloc.h>
