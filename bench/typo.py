#!/usr/bin/env python3
"""Typographic figures of justified text in a PDF: how loose its lines are and how often they end in a
hyphen (issue 15's table). Run it with `make typo`, or `python3 bench/typo.py FILE.pdf ...`.

Counts only justified body lines: lines in the body font and size (the most common among the
characters) that run from the left margin (a list's indent allowed) to the right margin (the most
common line start and end among body lines; a hyphen or stop hanging a little past it still counts),
and that the next line of their paragraph follows (or that end their page) — not a paragraph's last
line, not headings, table cells, the contents (leader dots), lines that start bold (run-in labels)
or chart labels. A line's word space is the mean gap between its words as a ratio to the natural
space: the median gap on paragraph last lines, which are set at their natural spacing.

Prints, a file: lines over 1.5x natural, lines over 2x, the 90th percentile of the ratio, the share
of lines ending in a hyphen and the longest run of consecutive hyphenated lines.

`--typst` also renders the built-in content with Typst (the source bench/bench.py writes for it: same
font, size and measure) and measures that PDF too. Needs pdfplumber (`pip install pdfplumber`).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
HYPHENS = ("-", "\u00ad", "\u2010")
LIST_INDENT = 40.0      # how far right of the margin a list item's lines may start
HANG = 4.0              # how far past the right margin punctuation may hang


def family(fontname: str) -> str:
    name = fontname.split("+", 1)[-1]
    return name.split("-", 1)[0].split(",", 1)[0]


def page_lines(page) -> list[dict]:
    """The page's text lines (chars grouped by baseline), each split into words at spaces."""
    rows: dict[float, list[dict]] = {}
    for ch in page.chars:
        if not ch.get("upright", True):
            continue
        rows.setdefault(round(ch["matrix"][5], 1), []).append(ch)
    lines = []
    for baseline in sorted(rows, reverse=True):
        chars = sorted(rows[baseline], key=lambda c: c["x0"])
        words: list[list[dict]] = []
        current: list[dict] = []
        for ch in chars:
            gap = ch["x0"] - current[-1]["x1"] if current else 0.0
            if ch["text"].isspace():
                if current:
                    words.append(current)
                current = []
                continue
            if current and gap > 0.12 * ch["size"]:
                words.append(current)
                current = []
            current.append(ch)
        if current:
            words.append(current)
        if not words:
            continue
        # A list's marker (a bullet, a number) is not a word of the text.
        marker = "".join(c["text"] for c in words[0])
        if len(words) > 1 and (marker in ("\u2022", "\u2013", "-", "*") or marker.rstrip(".)").isdigit()):
            words = words[1:]
        lines.append({
            "baseline": baseline, "words": words, "chars": [c for w in words for c in w],
            "x0": words[0][0]["x0"], "x1": words[-1][-1]["x1"],
            "text": " ".join("".join(c["text"] for c in w) for w in words),
        })
    return lines


def gaps(line: dict) -> list[float]:
    ws = line["words"]
    return [ws[i + 1][0]["x0"] - ws[i][-1]["x1"] for i in range(len(ws) - 1)]


def measure(path: Path) -> dict:
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        pages = [page_lines(p) for p in pdf.pages]
    sizes = Counter()
    families = Counter()
    for lines in pages:
        for line in lines:
            for ch in line["chars"]:
                sizes[round(ch["size"], 1)] += 1
                families[family(ch["fontname"])] += 1
    body_size = sizes.most_common(1)[0][0]
    body_family = families.most_common(1)[0][0]

    def is_body(line: dict) -> bool:
        chars = line["chars"]
        ok = sum(1 for c in chars if abs(c["size"] - body_size) < 0.05 and family(c["fontname"]) == body_family)
        return ok >= 0.8 * len(chars)

    body = [[l for l in lines if is_body(l)] for lines in pages]
    starts = Counter(round(l["x0"]) for lines in body for l in lines)
    ends = Counter(round(l["x1"]) for lines in body for l in lines)
    left = starts.most_common(1)[0][0]
    right = ends.most_common(1)[0][0]
    leading_max = 1.6 * body_size

    justified: list[dict] = []
    last_lines: list[dict] = []
    sequence: list[dict | None] = []    # justified lines in reading order, None between paragraphs
    for lines in body:
        for i, line in enumerate(lines):
            nxt = lines[i + 1] if i + 1 < len(lines) else None
            follows = nxt is not None and line["baseline"] - nxt["baseline"] <= leading_max
            starts_left = left - HANG <= line["x0"] <= left + LIST_INDENT
            reaches_right = right - 1.0 <= line["x1"] <= right + HANG
            bold_start = "bold" in line["words"][0][0]["fontname"].lower()
            # Contents: leader dots, or a page number far after the title.
            last_gap = gaps(line)[-1] if len(line["words"]) > 1 else 0.0
            contents = (". . ." in line["text"] or "....." in line["text"].replace(" ", "")
                        or ("".join(c["text"] for c in line["words"][-1]).isdigit()
                            and last_gap > 2 * body_size))
            if starts_left and not contents and len(line["words"]) >= 2:
                if reaches_right and (follows or nxt is None) and not bold_start:
                    justified.append(line)
                    sequence.append(line)
                    continue
                if not reaches_right and not bold_start:
                    last_lines.append(line)
            sequence.append(None)
    natural = statistics.median(g for l in last_lines for g in gaps(l) if g > 0)
    ratios = sorted(statistics.fmean(gaps(l)) / natural for l in justified)
    hyphenated = [l["text"].endswith(HYPHENS) for l in justified]
    run = longest = 0
    for line in sequence:
        run = run + 1 if line is not None and line["text"].endswith(HYPHENS) else 0
        longest = max(longest, run)
    n = len(justified)
    p90 = ratios[min(n - 1, int(0.9 * n))] if n else float("nan")
    return {
        "lines": n, "natural": natural,
        "over15": 100.0 * sum(r > 1.5 for r in ratios) / n if n else float("nan"),
        "over2": 100.0 * sum(r > 2.0 for r in ratios) / n if n else float("nan"),
        "p90": p90,
        "hyphenated": 100.0 * sum(hyphenated) / n if n else float("nan"),
        "run": longest,
    }


def typst_pdf(binary: Path, out: Path) -> Path:
    """Typst's rendering of the built-in content, from bench/bench.py's Typst source."""
    sys.path.insert(0, str(HERE))
    import bench
    import typst
    import yaml

    content = yaml.safe_load(subprocess.run([str(binary), "export-content"], cwd=ROOT, check=True,
                                            capture_output=True, text=True).stdout)
    config = ROOT / "pmreport.yml"
    metadata = (yaml.safe_load(config.read_text()) or {}).get("metadata", {}) if config.exists() else {}
    out.mkdir(parents=True, exist_ok=True)
    source = out / "typst-1.typ"
    source.write_text(bench.typst_source(content, metadata))
    pdf = out / "typst-1.pdf"
    typst.compile(str(source), output=str(pdf))
    return pdf


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("pdfs", nargs="*", type=Path)
    ap.add_argument("--typst", action="store_true", help="measure Typst's rendering too")
    ap.add_argument("--bin", type=Path, default=ROOT / ".build/release/pmreport")
    args = ap.parse_args()
    files = list(args.pdfs)
    if args.typst:
        files.append(typst_pdf(args.bin, HERE / ".work" / "typo"))
    if not files:
        ap.error("no PDF given")
    print(f"{'file':<40} {'lines':>5} {'>1.5x':>7} {'>2x':>6} {'p90':>5} {'hyph.':>6} {'run':>3}")
    for f in files:
        m = measure(f)
        print(f"{str(f)[-40:]:<40} {m['lines']:>5} {m['over15']:>6.1f}% {m['over2']:>5.1f}% "
              f"{m['p90']:>5.2f} {m['hyphenated']:>5.1f}% {m['run']:>3}")


if __name__ == "__main__":
    main()
