// The pages completed: their content handed to the caller, the furniture made artifacts, the
// annotations described and printed.
#include "artifacts.h"
#include "pdf.hh"

#include <qpdf/Pl_Buffer.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <exception>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

namespace {

/// Memory a C function malloc'd, freed when it goes.
struct Malloced {
    char *bytes = nullptr;
    Malloced() = default;
    explicit Malloced(char *bytes) : bytes(bytes) {}
    Malloced(Malloced const &) = delete;
    Malloced &operator=(Malloced const &) = delete;
    ~Malloced() { std::free(bytes); }
};

/// A page read for the rewrite of its furniture: its content, how many `/Private` sequences the
/// structure tree said it has, and the content rewritten with them `/Artifact`, compressed (or
/// why not). The rewrite reads only these bytes, so pages are rewritten on two threads at once.
struct PageContent {
    QPDFObjectHandle page;
    std::string number;
    std::shared_ptr<Buffer> content;
    size_t expected = 0;
    Malloced rewritten;
    size_t length = 0;
    std::string failure;
};

/// Rewrites `page`'s content (any thread: it touches no qpdf object); a failure is kept, not
/// thrown, for the page's turn.
void rewrite(PageContent &page) noexcept {
    if (page.expected == 0 || page.content == nullptr) return;
    try {
        size_t count = 0;
        char message[256] = {0};
        if (pmreport_rewrite_artifacts(
                reinterpret_cast<char const *>(page.content->getBuffer()),
                page.content->getSize(), page.expected, 1, &page.rewritten.bytes, &page.length,
                &count, message, sizeof message) != 0) {
            page.failure = message;
        } else if (count != page.expected) {
            page.failure = std::to_string(count) + " sequences in the content for " +
                           std::to_string(page.expected) + " in the structure tree";
        }
    } catch (std::exception const &e) {
        page.failure = e.what();
    }
}

/// The fewest pages to rewrite for which a second thread is started.
constexpr size_t parallelFrom = 4;

/// Rewrites the pages, on this thread and a second one when there are enough of them (or on
/// this thread alone if none can be started).
void rewriteAll(std::vector<PageContent> &pages) {
    size_t toRewrite = 0;
    for (auto const &page : pages) toRewrite += page.expected > 0 ? 1 : 0;
    std::atomic<size_t> next{0};
    auto work = [&pages, &next] {
        for (size_t i = next++; i < pages.size(); i = next++) rewrite(pages[i]);
    };
    std::thread helper;
    if (toRewrite >= parallelFrom) {
        try {
            helper = std::thread(work);
        } catch (std::system_error const &) {
        }
    }
    work();
    if (helper.joinable()) helper.join();
}

/// Replaces the page's content with one stream where the furniture's `/Private` marked content
/// is `/Artifact` (the rewrite made by `rewrite`, or its failure thrown).
void replaceArtifacts(QPDF &qpdf, PageContent const &read, std::string &operation) {
    if (read.expected == 0 || read.content == nullptr) return;
    operation = "mark page " + read.number + "'s furniture as artifacts";
    if (!read.failure.empty()) throw pmreport::Failure(read.failure);
    // cairo gives a page one content stream: its data is replaced in place. A new stream would
    // cost qpdf a walk of every object in the file to number it (`QPDF::getObjectCount`), a
    // page: quadratic in a long document's pages. Several streams become one new stream.
    operation = "replace page " + read.number + "'s content";
    auto page = read.page;
    auto contents = page.getKey("/Contents");
    bool single = contents.isStream();
    auto stream = single ? contents : qpdf.newStream();
    stream.replaceStreamData(
        std::string(read.rewritten.bytes, read.length), QPDFObjectHandle::newName("/FlateDecode"),
        QPDFObjectHandle::newNull());
    if (!single) page.replaceKey("/Contents", stream);
}

/// A destination's description, from the delegate: by its name (a name object or a string), or
/// for an explicit destination.
char *destination(QPDFObjectHandle dest, pmreport_pdf_pages_delegate const &delegate) {
    if (dest.isName()) {
        return delegate.describe(delegate.context, pmreport_pdf_link_name, dest.getName().c_str());
    }
    if (dest.isString()) {
        return delegate.describe(
            delegate.context, pmreport_pdf_link_string, dest.getUTF8Value().c_str());
    }
    return delegate.describe(delegate.context, pmreport_pdf_link_explicit, nullptr);
}

/// Gives a link annotation without `/Contents` the delegate's description: of its destination,
/// or of its URI or go-to action.
void describeLink(QPDFObjectHandle annotation, pmreport_pdf_pages_delegate const &delegate) {
    if (!annotation.isDictionary() || !annotation.getKey("/Subtype").isNameAndEquals("/Link") ||
        annotation.hasKey("/Contents")) {
        return;
    }
    Malloced description;
    if (annotation.hasKey("/Dest")) {
        description.bytes = destination(annotation.getKey("/Dest"), delegate);
    } else {
        auto action = annotation.getKey("/A");
        auto kind = action.getKeyIfDict("/S");
        if (kind.isNameAndEquals("/URI")) {
            auto uri = action.getKey("/URI");
            if (uri.isString()) {
                description.bytes = delegate.describe(
                    delegate.context, pmreport_pdf_link_uri, uri.getUTF8Value().c_str());
            }
        } else if (kind.isNameAndEquals("/GoTo")) {
            description.bytes = destination(action.getKey("/D"), delegate);
        }
    }
    if (description.bytes == nullptr) return;
    annotation.replaceKey("/Contents", QPDFObjectHandle::newUnicodeString(description.bytes));
}

}  // namespace

/// Pages read, rewritten and completed a batch at a time: a batch's contents are held at once.
constexpr size_t batchSize = 32;

extern "C" int pmreport_pdf_complete_pages(
    pmreport_pdf *pdf, const pmreport_pdf_pages_delegate *delegate, pmreport_pdf_error *error) {
    return pmreport::guarded(error, "count the pages", [&](std::string &operation) {
        auto pages = pdf->qpdf.getAllPages();
        for (size_t first = 0; first < pages.size(); first += batchSize) {
            // Read in page order (the delegate hashes the contents in that order), rewrite on two
            // threads, then complete in page order.
            std::vector<PageContent> batch(std::min(batchSize, pages.size() - first));
            for (size_t k = 0; k < batch.size(); ++k) {
                auto &read = batch[k];
                read.page = pages[first + k];
                read.number = std::to_string(first + k + 1);
                operation = "read page " + read.number + "'s content";
                Pl_Buffer buffer("page contents");
                read.page.pipePageContents(&buffer);
                auto content = buffer.getBufferSharedPointer();
                if (content->getSize() == 0) continue;
                delegate->content(delegate->context, content->getBuffer(), content->getSize());
                auto artifacts = pdf->artifacts.find(read.page.getObjectID());
                read.expected = artifacts == pdf->artifacts.end() ? 0 : artifacts->second.size();
                read.content = content;
            }
            rewriteAll(batch);
            for (auto &read : batch) {
                replaceArtifacts(pdf->qpdf, read, operation);
                auto page = read.page;
                auto annotations = page.getKey("/Annots");
                if (!annotations.isArray() || annotations.getArrayNItems() == 0) continue;
                operation = "describe page " + read.number + "'s links";
                page.replaceKey("/Tabs", QPDFObjectHandle::newName("/S"));
                for (auto &annotation : annotations.getArrayAsVector()) {
                    describeLink(annotation, *delegate);
                    // PDF/A: every annotation printed, none hidden.
                    annotation.replaceKey("/F", QPDFObjectHandle::newInteger(4));
                }
            }
        }
    });
}
