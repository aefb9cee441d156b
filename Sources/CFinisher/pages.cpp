// The pages completed: their content handed to the caller, the furniture made artifacts, the
// annotations described and printed.
#include "artifacts.h"
#include "pdf.hh"

#include <qpdf/Pl_Buffer.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include <cstdlib>
#include <string>

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

/// Replaces the page's content with one stream where the furniture's `/Private` marked content
/// is `/Artifact`; `expected` is how many such sequences the structure tree said the page has.
void rewriteArtifacts(
    QPDF &qpdf, QPDFObjectHandle page, std::string const &number, Buffer &content,
    size_t expected, std::string &operation) {
    if (expected == 0) return;
    operation = "mark page " + number + "'s furniture as artifacts";
    Malloced out;
    size_t length = 0;
    size_t count = 0;
    char message[256] = {0};
    if (pmreport_rewrite_artifacts(
            reinterpret_cast<char const *>(content.getBuffer()), content.getSize(), expected, 1,
            &out.bytes, &length, &count, message, sizeof message) != 0) {
        throw pmreport::Failure(message);
    }
    if (count != expected) {
        throw pmreport::Failure(
            std::to_string(count) + " sequences in the content for " + std::to_string(expected) +
            " in the structure tree");
    }
    // cairo gives a page one content stream: its data is replaced in place. A new stream would
    // cost qpdf a walk of every object in the file to number it (`QPDF::getObjectCount`), a
    // page: quadratic in a long document's pages. Several streams become one new stream.
    operation = "replace page " + number + "'s content";
    auto contents = page.getKey("/Contents");
    bool single = contents.isStream();
    auto stream = single ? contents : qpdf.newStream();
    stream.replaceStreamData(
        std::string(out.bytes, length), QPDFObjectHandle::newName("/FlateDecode"),
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

extern "C" int pmreport_pdf_complete_pages(
    pmreport_pdf *pdf, const pmreport_pdf_pages_delegate *delegate, pmreport_pdf_error *error) {
    return pmreport::guarded(error, "count the pages", [&](std::string &operation) {
        auto pages = pdf->qpdf.getAllPages();
        for (size_t i = 0; i < pages.size(); ++i) {
            auto &page = pages[i];
            auto number = std::to_string(i + 1);
            operation = "read page " + number + "'s content";
            Pl_Buffer buffer("page contents");
            page.pipePageContents(&buffer);
            auto content = buffer.getBufferSharedPointer();
            if (content->getSize() > 0) {
                delegate->content(delegate->context, content->getBuffer(), content->getSize());
                auto artifacts = pdf->artifacts.find(page.getObjectID());
                size_t expected = artifacts == pdf->artifacts.end() ? 0 : artifacts->second.size();
                rewriteArtifacts(pdf->qpdf, page, number, *content, expected, operation);
            }
            auto annotations = page.getKey("/Annots");
            if (!annotations.isArray() || annotations.getArrayNItems() == 0) continue;
            operation = "describe page " + number + "'s links";
            page.replaceKey("/Tabs", QPDFObjectHandle::newName("/S"));
            for (auto &annotation : annotations.getArrayAsVector()) {
                describeLink(annotation, *delegate);
                // PDF/A: every annotation printed, none hidden.
                annotation.replaceKey("/F", QPDFObjectHandle::newInteger(4));
            }
        }
    });
}
