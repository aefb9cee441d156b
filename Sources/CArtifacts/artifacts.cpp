// Rewrites cairo's `/Private` marked content to `/Artifact` with qpdf's content tokenizer.
#include "artifacts.h"

#include <libdeflate.h>
#include <qpdf/Buffer.hh>
#include <qpdf/BufferInputSource.hh>
#include <qpdf/QPDFTokenizer.hh>

#include <cstdlib>
#include <cstring>
#include <exception>
#include <stdexcept>
#include <memory>
#include <string>

namespace {

/// What the rewrite needs of a significant token: which part of `/Private << /MCID n >> BDC` it can
/// be, and where it starts in the content.
enum class Part { other, privateName, dictOpen, mcidName, integer, dictClose, bdc };

struct Seen {
    Part part = Part::other;
    size_t start = 0;
};

Part partOf(QPDFTokenizer::Token const &token) {
    switch (token.getType()) {
    case QPDFTokenizer::tt_name:
        if (token.getValue() == "/Private") return Part::privateName;
        if (token.getValue() == "/MCID") return Part::mcidName;
        return Part::other;
    case QPDFTokenizer::tt_dict_open: return Part::dictOpen;
    case QPDFTokenizer::tt_dict_close: return Part::dictClose;
    case QPDFTokenizer::tt_integer: return Part::integer;
    case QPDFTokenizer::tt_word: return token.getValue() == "BDC" ? Part::bdc : Part::other;
    default: return Part::other;
    }
}

/// The level the rewritten content is compressed at: zlib's default, as cairo's streams are.
constexpr int compressionLevel = 6;

/// This thread's libdeflate compressor, made at its first page (its tables are made once, not a
/// page) and freed with the thread; null when memory ran out.
libdeflate_compressor *compressor() {
    struct Kept {
        libdeflate_compressor *made = libdeflate_alloc_compressor(compressionLevel);
        ~Kept() { libdeflate_free_compressor(made); }
    };
    thread_local Kept kept;
    return kept.made;
}

/// `bytes` compressed in zlib's format (a `/FlateDecode` stream's data) in memory `std::malloc`
/// gave, its length in `*length`.
char *compressed(std::string const &bytes, size_t *length) {
    auto *made = compressor();
    if (made == nullptr) throw std::bad_alloc();
    size_t room = libdeflate_zlib_compress_bound(made, bytes.size());
    auto *out = static_cast<char *>(std::malloc(room));
    if (out == nullptr) throw std::bad_alloc();
    *length = libdeflate_zlib_compress(made, bytes.data(), bytes.size(), out, room);
    if (*length == 0) {
        std::free(out);
        throw std::runtime_error("the page's content could not be compressed");
    }
    return out;
}

/// The parts of the opening, in order.
constexpr Part opening[6] = {Part::privateName, Part::dictOpen, Part::mcidName,
                             Part::integer,     Part::dictClose, Part::bdc};

}  // namespace

extern "C" int pmreport_rewrite_artifacts(
    const char *content, size_t length, size_t expected, int compress, char **out,
    size_t *out_length, size_t *count, char *error, size_t error_size) {
    try {
        // Read where it lies (the caller's bytes, not copied), and only significant tokens:
        // what is not rewritten is copied from `content` in stretches, not token by token.
        Buffer source(reinterpret_cast<unsigned char *>(const_cast<char *>(content)), length);
        auto input = std::make_shared<BufferInputSource>("page content", &source);
        QPDFTokenizer tokenizer;
        tokenizer.allowEOF();
        std::string result;
        result.reserve(length);
        // How much of `content` is accounted for in `result`.
        size_t copied = 0;
        // The last six significant tokens, in a ring.
        Seen last[6];
        size_t seen = 0;
        size_t rewritten = 0;
        for (;;) {
            QPDFTokenizer::Token token = tokenizer.readToken(input, "page content", true);
            auto type = token.getType();
            if (type == QPDFTokenizer::tt_eof) break;
            if (type == QPDFTokenizer::tt_bad) {
                throw std::runtime_error("unreadable token: " + token.getErrorMessage());
            }
            auto start = static_cast<size_t>(input->getLastOffset());
            if (type == QPDFTokenizer::tt_word && token.getValue() == "ID") {
                // An inline image's data follows: read it as one token, never as operators.
                tokenizer.expectInlineImage(input);
            }
            last[seen % 6] = Seen{partOf(token), start};
            ++seen;
            if (seen < 6 || last[(seen - 1) % 6].part != Part::bdc) continue;
            bool matches = true;
            for (size_t i = 0; i < 6 && matches; ++i) {
                matches = last[(seen + i) % 6].part == opening[i];
            }
            if (matches) {
                size_t opens = last[seen % 6].start;
                result.append(content + copied, opens - copied);
                result += "/Artifact BMC";
                copied = static_cast<size_t>(input->tell());
                seen = 0;
                ++rewritten;
                // The rest holds no more: copied as it is, not read token by token.
                if (rewritten == expected) break;
            }
        }
        result.append(content + copied, length - copied);
        *count = rewritten;
        if (compress == 0) {
            char *plain = static_cast<char *>(std::malloc(result.size() + 1));
            if (plain == nullptr) throw std::bad_alloc();
            std::memcpy(plain, result.data(), result.size());
            *out = plain;
            *out_length = result.size();
            return 0;
        }
        // Compressed here (by libdeflate, in one call), so that the file keeps a page's content
        // compressed in memory until it is written, and qpdf writes it as it is.
        *out = compressed(result, out_length);
        return 0;
    } catch (std::exception const &e) {
        if (error_size > 0) {
            std::strncpy(error, e.what(), error_size - 1);
            error[error_size - 1] = '\0';
        }
        return -1;
    }
}
