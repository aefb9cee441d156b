// The finisher's PDF and the error handling its C functions share.
#ifndef PMREPORT_FINISHER_PDF_HH
#define PMREPORT_FINISHER_PDF_HH

#include "finisher.h"

#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>

#include <exception>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

struct pmreport_pdf {
    QPDF qpdf;
    /// The MCIDs of the `Private` elements the structure tree lost, by their page's object id.
    std::map<int, std::vector<int>> artifacts;
    /// What `pmreport_pdf_write` wrote into memory.
    std::shared_ptr<Buffer> written;
};

namespace pmreport {

/// A failure the finisher finds itself (not one qpdf throws): its reason, in words.
struct Failure : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// Copies `operation` and `reason` into `error`, each cut (at a character boundary) to fit.
void report(pmreport_pdf_error *error, char const *operation, char const *reason) noexcept;

/// Runs `step`, which names what it is doing in the string it is given (its first operation is
/// `operation`); returns 0, or -1 with `error` filled when it throws. Nothing it runs, the string
/// included, is made outside its `try`: no exception leaves it for its C callers.
template <class Step>
int guarded(pmreport_pdf_error *error, char const *operation, Step &&step) noexcept {
    std::string current;
    try {
        current = operation;
        step(current);
        return 0;
    } catch (std::exception const &e) {
        report(error, current.empty() ? operation : current.c_str(), e.what());
    } catch (...) {
        report(error, current.empty() ? operation : current.c_str(), "unknown error");
    }
    return -1;
}

}  // namespace pmreport

#endif
