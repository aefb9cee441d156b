// libdeflate: whole-buffer DEFLATE in the zlib format (cairo's held streams, the pages' rewritten
// content).
#include <libdeflate.h>
