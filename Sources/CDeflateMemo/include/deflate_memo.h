#ifndef PMREPORT_DEFLATE_MEMO_H
#define PMREPORT_DEFLATE_MEMO_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Turns the memo of cairo's deflated streams on (`on` non-zero) or off for the process.
///
/// This target defines zlib's `deflateInit_`, `deflateInit2_`, `deflate` and `deflateEnd` in the
/// executable, so every library's calls come here first (the dynamic linker looks in the
/// executable before libz); each is passed on to libz's own (`dlsym(RTLD_NEXT)`) unchanged, except
/// for the streams libcairo opens while the memo is on. Those are held whole and compressed when
/// cairo finishes them, in one call of libdeflate (zlib's format, at the level cairo asked for:
/// about 2.4 times as fast as libz and a little smaller; libz's when libdeflate cannot make the
/// stream's settings); a stream whose bytes and settings equal one compressed before, of the few
/// most recently used, is answered with that stream's compressed bytes instead: a roster's copies
/// embed the same font subsets and ToUnicode maps in every file. A stream too long to be held is
/// compressed by libz as it comes; libz's state for a followed stream is made only then (or for
/// settings libdeflate cannot make), not at its deflateInit. So the memo's bytes are not libz's: a
/// PDF is the same from run to run with the memo on, as the executable always has it on Linux.
///
/// What a followed stream must be: opened by libcairo at a level other than 0 (stored blocks are
/// cut where the calls cut the input), and driven by `deflate` with Z_NO_FLUSH or Z_FINISH and
/// `deflateEnd` alone, as cairo 1.16 to 1.18 do (another flush stops holding it; `deflateReset`,
/// `deflateParams`, `deflateSetDictionary`, `deflateCopy` and the like are not intercepted).
/// Everything a held stream needs is allocated when it is opened (its buffers, the thread's
/// libdeflate compressor), or it is not followed; libz's state for one that outgrows the limit is
/// made then, and memory running out there ends the process with a message (cairo would repeat
/// the call forever on an error code). A stream opened while 16 of cairo's are followed already
/// (cairo has one or two open a surface) is libz's alone, and its bytes libz's.
/// On systems other than Linux nothing is intercepted and the memo stays off.
void pmreport_deflate_memo_enable(int on);

/// How many of cairo's streams the memo has answered on the calling thread.
uint64_t pmreport_deflate_memo_hits(void);

#ifdef __cplusplus
}
#endif

#endif
