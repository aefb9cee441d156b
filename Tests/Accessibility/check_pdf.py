#!/usr/bin/env python3
"""Checks PDFs against the machine-checkable conditions of PDF/UA-1 (the Matterhorn Protocol's
failure conditions that need no human judgement) and, with --a2b, the PDF/A-2b identification.

veraPDF cannot be installed here, so this is pmreport's own check. It reads each file with pikepdf
(qpdf underneath): the catalog, the XMP, the trailer, every page's content stream (marked content
around every text-showing and painting operator), the structure tree (standard types, heading
levels, figures' alternate text, table header scope, list and contents structure, links), the
annotations and the fonts. Each failure is printed as `file: [checkpoint] message`; the exit
status is 1 when any file fails.

    check_pdf.py [--a2b] [--print-file] FILE.pdf…

(`pdfinfo -struct-text FILE.pdf` prints the structure tree with its text.)
"""

import argparse
import re
import sys

import pikepdf

# PDF 1.7 (ISO 32000-1, 14.8.4) standard structure types.
STANDARD_TYPES = {
    "Document", "Part", "Art", "Sect", "Div", "BlockQuote", "Caption", "TOC", "TOCI", "Index",
    "NonStruct", "Private", "P", "H", "H1", "H2", "H3", "H4", "H5", "H6", "L", "LI", "Lbl",
    "LBody", "Table", "TR", "TH", "TD", "THead", "TBody", "TFoot", "Span", "Quote", "Note",
    "Reference", "BibEntry", "Code", "Link", "Annot", "Ruby", "RB", "RT", "RP", "Warichu", "WT",
    "WP", "Figure", "Formula", "Form",
}
TEXT_OPERATORS = {"Tj", "TJ", "'", '"'}
PAINT_OPERATORS = {"f", "F", "f*", "B", "B*", "b", "b*", "S", "s", "sh", "Do", "INLINE IMAGE"}
# What each grouping element may contain (ISO 32000-1, 14.8.4.3).
ALLOWED_KIDS = {
    "L": {"LI", "L", "Caption"},
    "LI": {"Lbl", "LBody"},
    "TOC": {"TOCI", "TOC", "Caption"},
    "TOCI": {"Lbl", "Reference", "NonStruct", "P", "TOC"},
    "Lbl": set(),
    "Table": {"TR", "THead", "TBody", "TFoot", "Caption"},
    "THead": {"TR"}, "TBody": {"TR"}, "TFoot": {"TR"},
    "TR": {"TH", "TD"},
}


# Where each element may stand (its parent's type).
REQUIRED_PARENTS = {
    "LI": {"L"},
    "LBody": {"LI"},
    "TR": {"Table", "THead", "TBody", "TFoot"},
    "TH": {"TR"},
    "TD": {"TR"},
    "THead": {"Table"}, "TBody": {"Table"}, "TFoot": {"Table"},
    "TOCI": {"TOC"},
}
# Elements that hold only other elements, never content of their own.
NO_DIRECT_CONTENT = {"L", "LI", "Table", "TR", "THead", "TBody", "TFoot", "TOC"}


class Report:
    """The failures found in one file."""

    def __init__(self, path):
        self.path = path
        self.failures = []

    def fail(self, checkpoint, message):
        self.failures.append(f"{self.path}: [{checkpoint}] {message}")


def name(obj):
    """A name object's text without the slash, or None."""
    if isinstance(obj, pikepdf.Name):
        return str(obj)[1:]
    return None


def text(obj):
    """A string object's text, or None."""
    if isinstance(obj, pikepdf.String):
        return str(obj)
    return None


class StructureTree:
    """The structure tree, flattened: elements in document order with their parents."""

    def __init__(self, pdf):
        root = pdf.Root.get("/StructTreeRoot")
        self.root = root
        self.role_map = {}
        if root is not None and "/RoleMap" in root:
            self.role_map = {str(k)[1:]: name(v) for k, v in root.RoleMap.items()}
        self.elements = []  # (element, type, parent type, depth)
        self.mcids = {}  # page objgen -> set of MCIDs the tree claims
        self.objrs = set()  # objgen of annotations the tree claims
        if root is not None:
            self._walk(root.get("/K"), None, None, 0)

    def standard(self, kind):
        seen = set()
        while kind not in STANDARD_TYPES and kind in self.role_map and kind not in seen:
            seen.add(kind)
            kind = self.role_map[kind]
        return kind

    def _walk(self, kids, parent, page, depth):
        if kids is None:
            return
        if not isinstance(kids, pikepdf.Array):
            kids = [kids]
        for kid in kids:
            if isinstance(kid, int):
                self._claim(page, int(kid))
            elif isinstance(kid, pikepdf.Dictionary):
                kind = name(kid.get("/Type"))
                if kind == "MCR":
                    self._claim(kid.get("/Pg", page), int(kid.MCID))
                elif kind == "OBJR":
                    self.objrs.add(kid.Obj.objgen)
                else:
                    element_type = name(kid.get("/S"))
                    self.elements.append((kid, element_type, parent, depth))
                    self._walk(kid.get("/K"), element_type, kid.get("/Pg", page), depth + 1)

    def _claim(self, page, mcid):
        key = page.objgen if page is not None else None
        self.mcids.setdefault(key, set()).add(mcid)


def check_catalog(pdf, report, a2b):
    root = pdf.Root
    lang = text(root.get("/Lang"))
    if not lang:
        report.fail("11-001", "the catalog has no /Lang")
    mark_info = root.get("/MarkInfo")
    if mark_info is None or not bool(mark_info.get("/Marked", False)):
        report.fail("01-002", "/MarkInfo /Marked is not true")
    if mark_info is not None and bool(mark_info.get("/Suspects", False)):
        report.fail("01-004", "/MarkInfo /Suspects is true")
    prefs = root.get("/ViewerPreferences")
    if prefs is None or not bool(prefs.get("/DisplayDocTitle", False)):
        report.fail("07-001", "/ViewerPreferences /DisplayDocTitle is not true")
    if "/StructTreeRoot" not in root:
        report.fail("01-003", "no structure tree")
    if "/ID" not in pdf.trailer:
        report.fail("trailer", "the trailer has no /ID")
    if "/Encrypt" in pdf.trailer:
        report.fail("a-2b" if a2b else "trailer", "the file is encrypted")
    metadata = root.get("/Metadata")
    xmp = bytes(metadata.read_bytes()).decode("utf-8", "replace") if metadata is not None else ""
    if not xmp:
        report.fail("06-001", "no XMP metadata stream")
        return
    title = re.search(r"<dc:title>.*?<rdf:li[^>]*>([^<]+)</rdf:li>", xmp, re.S)
    if not title or not title.group(1).strip():
        report.fail("06-003", "the XMP has no dc:title")
    if not re.search(r"<pdfuaid:part>1</pdfuaid:part>|pdfuaid:part=\"1\"", xmp):
        report.fail("06-002", "the XMP has no pdfuaid:part 1")
    if a2b:
        if not re.search(r"<pdfaid:part>2</pdfaid:part>|pdfaid:part=\"2\"", xmp):
            report.fail("a-2b", "the XMP has no pdfaid:part 2")
        if not re.search(r"<pdfaid:conformance>B</pdfaid:conformance>|pdfaid:conformance=\"B\"", xmp):
            report.fail("a-2b", "the XMP has no pdfaid:conformance B")
        intents = root.get("/OutputIntents")
        if not intents or not any(
            name(i.get("/S")) == "GTS_PDFA1" and "/DestOutputProfile" in i for i in intents
        ):
            report.fail("a-2b", "no GTS_PDFA1 output intent with a profile")
        info = pdf.trailer.get("/Info")
        for key in ("/CreationDate", "/ModDate"):
            if info is not None and key in info and not str(info[key]).startswith("D:"):
                report.fail("a-2b", f"the Info {key} is not a PDF date (D:…)")
        if info is not None and "/Title" in info and title:
            if text(info.Title) != title.group(1).strip().replace("&amp;", "&").replace(
                "&lt;", "<"
            ).replace("&gt;", ">").replace("&quot;", '"'):
                report.fail("a-2b", "the Info /Title and the XMP dc:title differ")


def check_content(pdf, report, tree):
    """Every text-showing and painting operator inside marked content; MCIDs match the tree."""
    for number, page in enumerate(pdf.pages, start=1):
        stack = []
        outside_text = outside_paint = 0
        mcids = set()
        for operands, operator in pikepdf.parse_content_stream(page):
            op = str(operator)
            if op in ("BDC", "BMC"):
                tag = name(operands[0])
                mcid = None
                if op == "BDC" and isinstance(operands[1], pikepdf.Dictionary):
                    if "/MCID" in operands[1]:
                        mcid = int(operands[1].MCID)
                if mcid is not None:
                    mcids.add(mcid)
                covered = tag == "Artifact" or mcid is not None or any(stack)
                stack.append(covered)
            elif op == "EMC":
                if stack:
                    stack.pop()
                else:
                    report.fail("content", f"page {number}: EMC without BDC")
            elif op in TEXT_OPERATORS and not any(stack):
                outside_text += 1
            elif op in PAINT_OPERATORS and not any(stack):
                outside_paint += 1
        if outside_text:
            report.fail("01-005", f"page {number}: {outside_text} text operators outside marked content")
        if outside_paint:
            report.fail(
                "01-005", f"page {number}: {outside_paint} painting operators outside marked content"
            )
        claimed = tree.mcids.get(page.obj.objgen, set())
        if mcids - claimed:
            report.fail("01-006", f"page {number}: MCIDs {sorted(mcids - claimed)[:5]} not in the tree")
        if claimed - mcids:
            report.fail("01-006", f"page {number}: the tree names MCIDs {sorted(claimed - mcids)[:5]} the page lacks")
        if mcids and "/StructParents" not in page.obj:
            report.fail("01-006", f"page {number}: marked content but no /StructParents")


def check_structure(report, tree):
    last_level = 0
    first_heading = True
    for element, kind, parent, _ in tree.elements:
        standard = tree.standard(kind)
        if standard not in STANDARD_TYPES:
            report.fail("02-001", f"structure type /{kind} is not standard and not role-mapped")
            continue
        parent_standard = tree.standard(parent) if parent is not None else None
        if parent_standard is not None:
            allowed = ALLOWED_KIDS.get(parent_standard)
            if allowed is not None and standard not in allowed:
                report.fail("09-004", f"/{standard} inside /{parent_standard}")
        required = REQUIRED_PARENTS.get(standard)
        if required is not None and parent_standard not in required:
            report.fail("09-005", f"/{standard} outside {'/'.join(sorted(required))}")
        if standard in NO_DIRECT_CONTENT and holds_content(element):
            report.fail("09-004", f"/{standard} holds content of its own, not only elements")
        heading = re.fullmatch(r"H([1-6])", standard)
        if heading:
            level = int(heading.group(1))
            if first_heading and level != 1:
                report.fail("14-002", f"the first heading is H{level}, not H1")
            elif level > last_level + 1:
                report.fail("14-003", f"heading H{level} follows H{last_level}")
            first_heading = False
            last_level = level
        if standard == "Figure":
            if not text(element.get("/Alt")) and not text(element.get("/ActualText")):
                report.fail("13-004", "a Figure has no alternate text")
        if standard == "TH" and not has_scope(element):
            report.fail("15-003", "a table header cell has no /Scope")
        if standard == "Link" and not has_objr(element):
            report.fail("28-011", "a Link element holds no link annotation")


def entries(element, key):
    """An element's `key` as a list: none, one object, or an array's items."""
    value = element.get(key)
    if value is None:
        return []
    return list(value) if isinstance(value, pikepdf.Array) else [value]


def holds_content(element):
    """Whether an element has marked content (an MCID or a marked-content reference) as a kid."""
    return any(
        isinstance(k, int) or isinstance(k, pikepdf.Dictionary) and name(k.get("/Type")) == "MCR"
        for k in entries(element, "/K")
    )


def has_scope(element):
    return any(
        isinstance(a, pikepdf.Dictionary) and name(a.get("/O")) == "Table" and "/Scope" in a
        for a in entries(element, "/A")
    )


def has_objr(element):
    return any(
        isinstance(k, pikepdf.Dictionary) and name(k.get("/Type")) == "OBJR"
        for k in entries(element, "/K")
    )


def check_annotations(pdf, report, tree):
    for number, page in enumerate(pdf.pages, start=1):
        annotations = page.obj.get("/Annots")
        if not annotations:
            continue
        if name(page.obj.get("/Tabs")) != "S":
            report.fail("28-002", f"page {number} has annotations but no /Tabs /S")
        for annotation in annotations:
            subtype = name(annotation.get("/Subtype"))
            if subtype in ("Popup",):
                continue
            if subtype == "Link" and not text(annotation.get("/Contents")):
                report.fail("28-010", f"page {number}: a link has no /Contents")
            if annotation.objgen not in tree.objrs:
                report.fail("28-011", f"page {number}: a {subtype} annotation is not in the structure tree")
            if "/StructParent" not in annotation:
                report.fail("28-011", f"page {number}: a {subtype} annotation has no /StructParent")


def fonts_of(resources, seen):
    """Every font a resource dictionary names, through form XObjects too."""
    if resources is None or resources.objgen in seen and resources.objgen != (0, 0):
        return
    seen.add(resources.objgen)
    for font in (resources.get("/Font") or {}).values():
        yield font
    for xobject in (resources.get("/XObject") or {}).values():
        if name(xobject.get("/Subtype")) == "Form":
            yield from fonts_of(xobject.get("/Resources"), seen)


def check_fonts(pdf, report):
    seen_fonts = set()
    for page in pdf.pages:
        for font in fonts_of(page.obj.get("/Resources"), set()):
            if font.objgen in seen_fonts:
                continue
            seen_fonts.add(font.objgen)
            base = name(font.get("/BaseFont")) or "Type3 font"
            subtype = name(font.get("/Subtype"))
            if subtype != "Type3":
                descriptor_owner = font.DescendantFonts[0] if subtype == "Type0" else font
                descriptor = descriptor_owner.get("/FontDescriptor")
                if descriptor is None or not any(
                    k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")
                ):
                    report.fail("31-001", f"font {base} is not embedded")
            if "/ToUnicode" not in font:
                report.fail("31-006", f"font {base} has no ToUnicode map")


def check(path, a2b, print_file):
    report = Report(path)
    with pikepdf.open(path) as pdf:
        if print_file:
            # Print files (booklets, card sheets) are exempt from PDF/UA: they must still open.
            check_fonts(pdf, report)
            return report
        tree = StructureTree(pdf)
        check_catalog(pdf, report, a2b)
        check_content(pdf, report, tree)
        check_structure(report, tree)
        check_annotations(pdf, report, tree)
        check_fonts(pdf, report)
    return report


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("files", nargs="+")
    parser.add_argument("--a2b", action="store_true", help="also check the PDF/A-2b identification")
    parser.add_argument("--print-file", action="store_true", help="a print file: exempt from PDF/UA")
    args = parser.parse_args()
    failed = 0
    for path in args.files:
        report = check(path, args.a2b, args.print_file)
        for line in report.failures:
            print(line)
        print(f"{path}: {len(report.failures)} failures")
        failed += bool(report.failures)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
