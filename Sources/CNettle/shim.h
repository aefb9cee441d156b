// nettle's SHA-256 (Storage's hasher): about 4.5 times GLib's GChecksum on the same machine.
#include <nettle/sha2.h>
