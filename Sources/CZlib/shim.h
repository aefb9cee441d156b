// zlib's CRC-32 (Storage's checksum of a shape cache entry's payload).
#include <zlib.h>
