// The structure tree completed: `Private` elements removed, figures, passages and header cells
// described.
#include "pdf.hh"

#include <qpdf/QPDFObjectHandle.hh>

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace {

/// One walk of the tree, in document order.
struct Walk {
    pmreport_pdf &pdf;
    std::vector<std::string> const &figureAlts;
    std::vector<std::string> const &divisionLangs;
    size_t figures = 0;
    size_t divisions = 0;

    /// Describes `element`'s kids and theirs, and removes its `Private` kids, recording their
    /// MCIDs.
    void edit(QPDFObjectHandle element) {
        auto kids = element.getKey("/K");
        if (!kids.isArray()) {
            // A single kid: an MCID (nothing to do), or an element, made a one-element array.
            if (!kids.isDictionary()) return;
            kids = kids.wrapInArray();
            element.replaceKey("/K", kids);
        }
        std::vector<int> removed;
        int count = kids.getArrayNItems();
        for (int i = 0; i < count; ++i) {
            auto kid = kids.getArrayItem(i);
            auto type = kid.getKeyIfDict("/S");
            if (!type.isName()) continue;
            auto name = type.getName();
            if (name == "/Private") {
                collectMCIDs(kid);
                removed.push_back(i);
                continue;
            }
            if (name == "/Figure") {
                if (figures < figureAlts.size()) {
                    kid.replaceKey("/Alt", QPDFObjectHandle::newUnicodeString(figureAlts[figures]));
                }
                ++figures;
            } else if (name == "/Div") {
                if (divisions < divisionLangs.size()) {
                    kid.replaceKey(
                        "/Lang", QPDFObjectHandle::newUnicodeString(divisionLangs[divisions]));
                }
                ++divisions;
            } else if (name == "/TH") {
                kid.replaceKey(
                    "/A", QPDFObjectHandle::parse(&pdf.qpdf, "<< /O /Table /Scope /Column >>"));
            }
            edit(kid);
        }
        if (!removed.empty()) keep(kids, removed, element);
    }

    /// Gives `element` a `/K` of `kids` without the items at `removed` (ascending), one new
    /// array built by appending: erasing an item from a long array costs qpdf a rebuild of the
    /// whole array, an item at a time: quadratic in a long document's `Document` element.
    void keep(QPDFObjectHandle kids, std::vector<int> const &removed, QPDFObjectHandle element) {
        auto kept = QPDFObjectHandle::newArray();
        size_t next = 0;
        int count = kids.getArrayNItems();
        for (int i = 0; i < count; ++i) {
            if (next < removed.size() && removed[next] == i) {
                ++next;
                continue;
            }
            kept.appendItem(kids.getArrayItem(i));
        }
        if (kids.isIndirect()) {
            pdf.qpdf.replaceObject(kids.getObjectID(), kids.getGeneration(), kept);
        } else {
            element.replaceKey("/K", kept);
        }
    }

    /// The MCIDs a removed element held, with their pages (cairo gives each such element its
    /// `/Pg`; a marked-content reference may name its own).
    void collectMCIDs(QPDFObjectHandle element) {
        auto page = element.getKey("/Pg");
        auto kids = element.getKey("/K");
        std::vector<QPDFObjectHandle> items;
        if (kids.isArray()) {
            items = kids.getArrayAsVector();
        } else {
            items.push_back(kids);
        }
        for (auto &item : items) {
            if (item.isInteger() && page.isDictionary()) {
                pdf.artifacts[page.getObjectID()].push_back(item.getIntValueAsInt());
            } else if (item.isDictionaryOfType("/MCR", "")) {
                auto owner = item.hasKey("/Pg") ? item.getKey("/Pg") : page;
                pdf.artifacts[owner.getObjectID()].push_back(
                    item.getKey("/MCID").getIntValueAsInt());
            }
        }
    }
};

/// A number tree's entries, from its `/Nums` and through its `/Kids`.
void collectEntries(QPDFObjectHandle node, std::map<int, QPDFObjectHandle> &entries) {
    auto nums = node.getKey("/Nums");
    if (nums.isArray()) {
        int count = nums.getArrayNItems();
        for (int i = 0; i < count - 1; i += 2) {
            auto key = nums.getArrayItem(i);
            if (!key.isInteger()) continue;
            entries[key.getIntValueAsInt()] = nums.getArrayItem(i + 1);
        }
    }
    auto kids = node.getKey("/Kids");
    if (!kids.isArray()) return;
    for (auto &kid : kids.getArrayAsVector()) collectEntries(kid, entries);
}

/// Sets the parent tree's entries for the removed MCIDs to null: each page's array, found
/// through the page's `/StructParents`, indexed by MCID.
void forget(pmreport_pdf &pdf, QPDFObjectHandle parentTree) {
    if (pdf.artifacts.empty() || !parentTree.isDictionary()) return;
    std::map<int, int> keys;  // page object id → its parent tree key
    for (auto page : pdf.qpdf.getAllPages()) {
        auto key = page.getKey("/StructParents");
        if (key.isInteger()) keys[page.getObjectID()] = key.getIntValueAsInt();
    }
    std::map<int, QPDFObjectHandle> entries;
    collectEntries(parentTree, entries);
    for (auto const &[page, mcids] : pdf.artifacts) {
        auto key = keys.find(page);
        if (key == keys.end()) continue;
        auto entry = entries.find(key->second);
        if (entry == entries.end() || !entry->second.isArray()) continue;
        auto array = entry->second;
        int count = array.getArrayNItems();
        for (int mcid : mcids) {
            if (mcid >= 0 && mcid < count) array.setArrayItem(mcid, QPDFObjectHandle::newNull());
        }
    }
}

std::vector<std::string> strings(const char *const *values, size_t count) {
    return std::vector<std::string>(values, values + count);
}

}  // namespace

extern "C" int pmreport_pdf_complete_structure(
    pmreport_pdf *pdf, const char *const *figure_alts, size_t figure_count,
    const char *const *division_langs, size_t division_count, pmreport_pdf_error *error) {
    return pmreport::guarded(error, "complete the structure tree", [&](std::string &operation) {
        auto root = pdf->qpdf.getRoot().getKey("/StructTreeRoot");
        if (!root.isDictionary()) return;
        auto alts = strings(figure_alts, figure_count);
        auto langs = strings(division_langs, division_count);
        Walk walk{*pdf, alts, langs};
        walk.edit(root);
        if (walk.figures != figure_count) {
            operation = "describe the figures";
            throw pmreport::Failure(
                std::to_string(figure_count) + " alternate texts for " +
                std::to_string(walk.figures) + " figures");
        }
        if (walk.divisions != division_count) {
            operation = "give passages their language";
            throw pmreport::Failure(
                std::to_string(division_count) + " languages for " +
                std::to_string(walk.divisions) + " passages");
        }
        forget(*pdf, root.getKey("/ParentTree"));
    });
}
