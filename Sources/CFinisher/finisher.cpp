// The finisher's PDF: read, its catalog, Info dictionary, metadata and print boxes completed,
// written.
#include "pdf.hh"

#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFWriter.hh>

#include <cstdio>
#include <cstring>
#include <memory>
#include <string>

namespace {

/// Copies `text` into `to` (`size` bytes, NUL included), cut before the character the room ends in
/// when it is longer (qpdf's messages are UTF-8).
void copyWhole(char *to, size_t size, char const *text) noexcept {
    size_t length = std::strlen(text);
    if (length >= size) {
        length = size - 1;
        while (length > 0 && (static_cast<unsigned char>(text[length]) & 0xC0) == 0x80) --length;
    }
    std::memcpy(to, text, length);
    to[length] = '\0';
}

/// `[x0 y0 x1 y1]` in PDF space (origin bottom left) for a rectangle in page coordinates (min x,
/// min y, max x, max y; y down) on a page `height` tall, with four decimals.
std::string box(double const rect[4], double height) {
    double const values[4] = {rect[0], height - rect[3], rect[2], height - rect[1]};
    std::string text = "[";
    for (int i = 0; i < 4; ++i) {
        char number[64];
        std::snprintf(number, sizeof number, "%.4f", values[i]);
        if (i > 0) text += " ";
        text += number;
    }
    return text + "]";
}

/// Sets `key` true in the catalog's dictionary `name`, made when missing.
void setFlag(QPDF &qpdf, QPDFObjectHandle root, std::string const &name, std::string const &key) {
    auto existing = root.getKey(name);
    if (existing.isDictionary()) {
        existing.replaceKey(key, QPDFObjectHandle::newBool(true));
    } else {
        root.replaceKey(name, QPDFObjectHandle::parse(&qpdf, "<< " + key + " true >>"));
    }
}

/// A new stream holding `bytes`, as they are (no filter).
QPDFObjectHandle newStream(QPDF &qpdf, unsigned char const *bytes, size_t length) {
    auto stream = qpdf.newStream();
    stream.replaceStreamData(
        std::string(reinterpret_cast<char const *>(bytes), length), QPDFObjectHandle::newNull(),
        QPDFObjectHandle::newNull());
    return stream;
}

}  // namespace

void pmreport::report(
    pmreport_pdf_error *error, char const *operation, char const *reason) noexcept {
    copyWhole(error->operation, sizeof error->operation, operation);
    copyWhole(error->reason, sizeof error->reason, reason);
}

extern "C" pmreport_pdf *pmreport_pdf_read(
    const char *bytes, size_t length, const char *file, const char *description,
    pmreport_pdf_error *error) {
    std::unique_ptr<pmreport_pdf> pdf;
    int status = pmreport::guarded(error, "start", [&](std::string &operation) {
        pdf = std::make_unique<pmreport_pdf>();
        pdf->qpdf.setSuppressWarnings(true);
        operation = "read cairo's PDF";
        if (bytes != nullptr) {
            pdf->qpdf.processMemoryFile(description, bytes, length);
        } else if (file == nullptr) {
            throw pmreport::Failure("no PDF: neither bytes nor a file were given");
        } else {
            pdf->qpdf.processFile(file);
        }
    });
    return status == 0 ? pdf.release() : nullptr;
}

extern "C" void pmreport_pdf_free(pmreport_pdf *pdf) { delete pdf; }

extern "C" void pmreport_pdf_make_statics(void) {
    try {
        QPDF pdf;
        pdf.emptyPDF();
        pdf.getRoot();
    } catch (...) {
        // Nothing to report: the statics are made again, as before, by the first real deletion.
    }
}

extern "C" int pmreport_pdf_set_print_boxes(
    pmreport_pdf *pdf, const double trim[4], const double bleed[4], pmreport_pdf_error *error) {
    return pmreport::guarded(error, "set the trim and bleed boxes", [&](std::string &) {
        for (auto page : pdf->qpdf.getAllPages()) {
            auto height = page.getKey("/MediaBox").getArrayItem(3).getNumericValue();
            page.replaceKey("/TrimBox", QPDFObjectHandle::parse(&pdf->qpdf, box(trim, height)));
            page.replaceKey("/BleedBox", QPDFObjectHandle::parse(&pdf->qpdf, box(bleed, height)));
        }
    });
}

extern "C" int pmreport_pdf_complete_catalog(
    pmreport_pdf *pdf, const char *language, int full_screen, pmreport_pdf_error *error) {
    return pmreport::guarded(error, "find the catalog", [&](std::string &operation) {
        auto root = pdf->qpdf.getRoot();
        operation = "set the catalog's keys";
        root.replaceKey("/Lang", QPDFObjectHandle::newUnicodeString(language));
        setFlag(pdf->qpdf, root, "/ViewerPreferences", "/DisplayDocTitle");
        setFlag(pdf->qpdf, root, "/MarkInfo", "/Marked");
        if (full_screen != 0) root.replaceKey("/PageMode", QPDFObjectHandle::newName("/FullScreen"));
    });
}

extern "C" int pmreport_pdf_complete_info(
    pmreport_pdf *pdf, char **producer, pmreport_pdf_error *error) {
    *producer = nullptr;
    return pmreport::guarded(error, "read the Info dictionary", [&](std::string &) {
        auto info = pdf->qpdf.getTrailer().getKey("/Info");
        auto value = info.getKeyIfDict("/Producer");
        if (value.isString()) *producer = strdup(value.getUTF8Value().c_str());
        for (auto key : {"/CreationDate", "/ModDate"}) {
            auto date = info.getKeyIfDict(key);
            if (!date.isString()) continue;
            // As a C string: up to a NUL.
            std::string text = date.getUTF8Value().c_str();
            if (text.rfind("D:", 0) == 0) continue;
            info.replaceKey(key, QPDFObjectHandle::newString("D:" + text));
        }
    });
}

extern "C" int pmreport_pdf_add_metadata(
    pmreport_pdf *pdf, const unsigned char *xmp, size_t length, pmreport_pdf_error *error) {
    return pmreport::guarded(error, "add the XMP metadata", [&](std::string &) {
        auto stream = newStream(pdf->qpdf, xmp, length);
        auto dictionary = stream.getDict();
        dictionary.replaceKey("/Type", QPDFObjectHandle::newName("/Metadata"));
        dictionary.replaceKey("/Subtype", QPDFObjectHandle::newName("/XML"));
        pdf->qpdf.getRoot().replaceKey("/Metadata", stream);
    });
}

extern "C" int pmreport_pdf_add_output_intent(
    pmreport_pdf *pdf, const unsigned char *profile, size_t length, pmreport_pdf_error *error) {
    return pmreport::guarded(error, "add the output intent", [&](std::string &) {
        auto stream = newStream(pdf->qpdf, profile, length);
        stream.getDict().replaceKey("/N", QPDFObjectHandle::newInteger(3));
        auto intent = QPDFObjectHandle::parse(
            &pdf->qpdf,
            "<< /Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier (sRGB IEC61966-2.1) "
            "/RegistryName (http://www.color.org) /Info (sRGB IEC61966-2.1) >>");
        intent.replaceKey("/DestOutputProfile", stream);
        pdf->qpdf.getRoot().replaceKey("/OutputIntents", intent.wrapInArray());
    });
}

extern "C" int pmreport_pdf_write(
    pmreport_pdf *pdf, const char *file, const unsigned char **bytes, size_t *length,
    pmreport_pdf_error *error) {
    return pmreport::guarded(error, "start writing", [&](std::string &operation) {
        auto writer = file != nullptr ? std::make_unique<QPDFWriter>(pdf->qpdf, file)
                                      : std::make_unique<QPDFWriter>(pdf->qpdf);
        if (file == nullptr) writer->setOutputMemory();
        // Streams already compressed (cairo's, the rewritten pages') are written as they are.
        writer->setDecodeLevel(qpdf_dl_none);
        writer->setDeterministicID(true);
        operation = "write the PDF";
        writer->write();
        if (file != nullptr) return;
        pdf->written = writer->getBufferSharedPointer();
        *bytes = pdf->written->getBuffer();
        *length = pdf->written->getSize();
    });
}
