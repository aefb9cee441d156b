// Rewrites cairo's `/Private` marked content to `/Artifact` with qpdf's content tokenizer.
#include "artifacts.h"

#include <qpdf/BufferInputSource.hh>
#include <qpdf/QPDFTokenizer.hh>

#include <cstdlib>
#include <cstring>
#include <exception>
#include <stdexcept>
#include <memory>
#include <string>
#include <vector>

namespace {

using Token = QPDFTokenizer::Token;

/// The significant tokens of `/Private << /MCID n >> BDC`, in order.
bool isPrivateOpening(std::vector<Token> const &last) {
    if (last.size() < 6) return false;
    auto n = last.size();
    return last[n - 6].getType() == QPDFTokenizer::tt_name &&
           last[n - 6].getValue() == "/Private" &&
           last[n - 5].getType() == QPDFTokenizer::tt_dict_open &&
           last[n - 4].getType() == QPDFTokenizer::tt_name &&
           last[n - 4].getValue() == "/MCID" &&
           last[n - 3].getType() == QPDFTokenizer::tt_integer &&
           last[n - 2].getType() == QPDFTokenizer::tt_dict_close &&
           last[n - 1].getType() == QPDFTokenizer::tt_word && last[n - 1].getValue() == "BDC";
}

}  // namespace

extern "C" int pmreport_rewrite_artifacts(
    const char *content, size_t length, char **out, size_t *out_length, size_t *count,
    char *error, size_t error_size) {
    try {
        auto input = std::make_shared<BufferInputSource>(
            "page content", std::string(content, length));
        QPDFTokenizer tokenizer;
        tokenizer.allowEOF();
        tokenizer.includeIgnorable();
        std::string result;
        result.reserve(length);
        // The last six significant tokens, and where each starts in `result`.
        std::vector<Token> last;
        std::vector<size_t> starts;
        size_t rewritten = 0;
        for (;;) {
            Token token = tokenizer.readToken(input, "page content", true);
            auto type = token.getType();
            if (type == QPDFTokenizer::tt_eof) break;
            if (type == QPDFTokenizer::tt_bad) {
                throw std::runtime_error("unreadable token: " + token.getErrorMessage());
            }
            size_t start = result.size();
            result += token.getRawValue();
            if (type == QPDFTokenizer::tt_word && token.getValue() == "ID") {
                // An inline image's data follows: read it as one token, never as operators.
                tokenizer.expectInlineImage(input);
            }
            if (type == QPDFTokenizer::tt_space || type == QPDFTokenizer::tt_comment) continue;
            last.push_back(token);
            starts.push_back(start);
            if (last.size() > 6) {
                last.erase(last.begin());
                starts.erase(starts.begin());
            }
            if (isPrivateOpening(last)) {
                result.resize(starts.front());
                result += "/Artifact BMC";
                last.clear();
                starts.clear();
                ++rewritten;
            }
        }
        char *buffer = static_cast<char *>(std::malloc(result.size() + 1));
        if (buffer == nullptr) throw std::bad_alloc();
        std::memcpy(buffer, result.data(), result.size());
        *out = buffer;
        *out_length = result.size();
        *count = rewritten;
        return 0;
    } catch (std::exception const &e) {
        if (error_size > 0) {
            std::strncpy(error, e.what(), error_size - 1);
            error[error_size - 1] = '\0';
        }
        return -1;
    }
}
