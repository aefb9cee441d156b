#!/usr/bin/env python3
"""pmreport benchmark: wall time and peak memory of whole `pmreport` processes, with Typst alongside.

Run it with `make bench` (builds the release binary first) or `python3 bench/bench.py` after a
release build. See BENCHMARKS.md for what is measured and what the figures mean; this script
rewrites the generated part of that file (between the BENCH markers) after every full run.

What it does:
  1. `pmreport export-content` gives the built-in content; from it the bench writes scaled
     content files (bench/.work/content-N.yml): the sections repeated N times, copy k with ids
     `<id>-c<k>`, titles "... (copy k)" and "[k] " in front of every paragraph, item, cell,
     question and answer, so no two copies of any text are equal. Copy 1 is the real content
     untouched (the handouts that pick sections by id, and the charts, point at it).
  2. It runs pmreport as a whole process (`--content`, `--format`, `--document`) several times a
     case and records the median wall time (and each run), peak RSS (getrusage of the child:
     the figure `/usr/bin/time -f %M` prints), CPU time, pages, files and bytes (from the
     one-line-a-file report pmreport prints on stderr).
  3. When the `typst` Python package is importable (or `pip install typst` succeeds) it writes
     an equivalent Typst source from the same scaled content and times
     `python3 -c 'import typst; typst.compile(...)'` the same way (PDF with PDF/UA-1, as pmreport
     writes by default).
  4. It prints a table, checks the targets, and writes BENCHMARKS.md and bench/.work/results.json.

Options: --quick (1 run a case, scales 1 and 20, no BENCHMARKS.md), --no-typst, --no-install,
--no-write, --budget SECONDS, --bin PATH, --only REGEX (case names), --runs N, --wait-idle SECONDS,
--from-json [FILE] (rewrite the report from a finished run's results.json, measuring nothing).
Partial runs (--quick, --only, --runs) write bench/.work/results-partial.json and leave
results.json and BENCHMARKS.md alone.
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import importlib.util
import json
import math
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

try:
    import yaml
except ImportError:  # PyYAML is a Debian package (python3-yaml) and on PyPI
    sys.exit("bench: PyYAML is needed (apt-get install python3-yaml, or pip install pyyaml)")

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "bench" / ".work"
CONFIG = ROOT / "pmreport.yml"
BENCHMARKS = ROOT / "BENCHMARKS.md"
BEGIN_MARK = "<!-- BEGIN GENERATED BENCH RESULTS (bench/bench.py rewrites this part) -->"
END_MARK = "<!-- END GENERATED BENCH RESULTS -->"

# How long one process may run before it is killed and reported as a failure.
RUN_TIMEOUT = float(os.environ.get("BENCH_RUN_TIMEOUT", "150"))
# Default time budget for the measuring (the build before it is not counted).
DEFAULT_BUDGET = 540.0
# Seconds kept back from the cases for the live preview's measurement that follows them
# (bench/watch.py: about a minute on the 2-core machine).
WATCH_RESERVE = 75.0


# ---------------------------------------------------------------------------------------------
# Targets (from the performance issue)

@dataclass
class Target:
    label: str
    case: str            # case name the figure comes from
    metric: str          # "wall", "rss", "ratio", "per_page"
    limit: float
    other: str | None = None     # for ratios: the denominator case
    note: str = ""


# The performance issue's targets (#29: ahead of Typst again, writing the cache cheap): these
# lead the report. Typst compiles with PDF/UA-1, as pmreport writes by default. The roster targets
# of the same issue are measured by `make bench-roster` (bench/roster.py).
TARGETS = [
    Target("full report PDF, scale 20, first run (empty cache, writes it) / Typst, time a page",
           "pm-pdf-full-20", "page_ratio", 0.4, other="typst-pdf-full-20", note="×"),
    Target("the same, no cache (`--no-cache`) / Typst, time a page", "pm-pdf-full-20-nocache",
           "page_ratio", 0.4, other="typst-pdf-full-20", note="×"),
    Target("writing the cache: first run / no cache", "pm-pdf-full-20", "ratio", 1.05,
           other="pm-pdf-full-20-nocache", note="×"),
]

# Targets of the earlier performance rounds, still reported: issue #18 (live preview, cache, both
# cores; its roster target moved to bench/roster.py), then the first round.
EARLIER_TARGETS = [
    Target("watch: one-paragraph edit, full report, file written → PDF in place, / Typst's in-memory "
           "rebuild of the same edit", "watch-1-vs-typst", "extra", 1.0, note="×"),
    Target("watch: the same edit at scale 20 / a cold build at scale 20", "watch-20-vs-cold", "extra",
           0.4, note="×"),
    Target("full report PDF, scale 20, cold cache / Typst", "pm-pdf-full-20", "ratio", 0.4,
           other="typst-pdf-full-20", note="×"),
    Target("the same, warm cache / cold", "pm-pdf-full-20-warm", "ratio", 0.6, other="pm-pdf-full-20",
           note="×"),
    Target("whole set, all formats: wall / the run's CPU time", "pm-all-set-1", "cpu_share", 0.55,
           note="×"),
    Target("peak memory, full report PDF, scale 100, every feature on", "pm-pdf-full-100", "rss", 200.0,
           note="MB"),
    Target("full report, PDF, scale 1: wall", "pm-pdf-full-1", "wall", 0.12, note="s"),
    Target("whole set, PDF, scale 1: wall", "pm-pdf-set-1", "wall", 0.30, note="s"),
    Target("full report, PDF, scale 20: wall", "pm-pdf-full-20", "wall", 1.2, note="s"),
    Target("full report, PDF, scale 20: peak RSS", "pm-pdf-full-20", "rss", 60.0, note="MB"),
    Target("full report, PDF, scale 100 / scale 20: wall", "pm-pdf-full-100", "ratio", 5.5,
           other="pm-pdf-full-20", note="×"),
    Target("full report, PDF, scale 100: peak RSS", "pm-pdf-full-100", "rss", 150.0, note="MB"),
    # "about 0.1 s an A4 page at 150 dpi": the marginal cost of a page, from scales 1 and 20.
    Target("full report, PNG 150 dpi: s a page (scale 20 - scale 1)", "pm-png-full-20", "per_page",
           0.1, other="pm-png-full-1", note="s/page"),
]

# Typst figures quoted by the issue for scale 20 (their machine), shown next to ours.
ISSUE_TYPST_SCALE20 = {"wall": 4.3, "rss": 330.0}


# ---------------------------------------------------------------------------------------------
# Cases

@dataclass
class Case:
    name: str
    tool: str        # "pmreport" or "typst"
    fmt: str         # pdf, svg, png
    what: str        # "full" (full-report), "set" (every document of pmreport.yml),
                     # "check" (`pmreport check`: load and validate only), "startup" (`pmreport --version`)
    scale: int
    runs: int
    required: bool = True
    cache: str = "cold"          # pmreport's shaping cache: "cold" (emptied before each run, so
                                 # each run writes it), "warm" (kept), "none" (`--no-cache`)
    jobs: int | None = None      # --jobs (None: pmreport's default, every core)
    group: str | None = None     # cases of one group run interleaved (a run of each in turn)


# A case name's suffix for its cache: pm-pdf-full-20, pm-pdf-full-20-warm, pm-pdf-full-20-nocache.
CACHE_SUFFIX = {"cold": "", "warm": "-warm", "none": "-nocache"}


def plan(quick: bool, runs_override: int | None, typst: bool) -> list[Case]:
    cases: list[Case] = []

    def add(tool, fmt, what, scale, runs, required=True, cache="cold", jobs=None, group=None):
        if quick:
            runs = 1
        if runs_override:
            runs = runs_override
        prefix = "pm" if tool == "pmreport" else "typst"
        name = f"{prefix}-{what}" + (f"-{scale}" if what == "check" else "") if fmt == "-" \
            else f"{prefix}-{fmt}-{what}-{scale}"
        name += CACHE_SUFFIX[cache] + (f"-j{jobs}" if jobs else "")
        cases.append(Case(name, tool, fmt, what, scale, runs, required, cache, jobs, group))

    pdf_scales = [1, 20] if quick else [1, 20, 100]
    # Diagnostics (cheap, no target): process start, and loading + validating the content alone.
    add("pmreport", "-", "startup", 1, 5, required=False)
    for scale in pdf_scales:
        add("pmreport", "-", "check", scale, 3, required=False)
    # The same content as Markdown (what reading Markdown costs against YAML).
    add("pmreport", "-", "check-md", 1, 5, required=False)
    add("pmreport", "pdf", "full-md", 1, 5, required=False)
    # Typst's PDF (PDF/UA-1) beside pmreport's at each scale, so both see the same load.
    for scale in pdf_scales:
        # At scale 20 the first run (an empty cache, which it writes), Typst, no shaping cache
        # (`--no-cache`) and the cache kept from an earlier run (filled by one untimed run first)
        # run interleaved, a run of each in turn, so the ratios between them (the issue's targets)
        # compare runs under the same load, not five runs of one case against five of another
        # taken seconds later.
        group = "pdf-full-20" if scale == 20 else None
        add("pmreport", "pdf", "full", scale, 3 if scale >= 100 else 5, group=group)
        if typst:
            add("typst", "pdf", "full", scale, 3 if scale >= 100 else 5, group=group)
        if scale == 20:
            add("pmreport", "pdf", "full", 20, 5, cache="none", group=group)
            add("pmreport", "pdf", "full", 20, 5, cache="warm", group=group)
    # The whole set only at scale 1 (a target needs it there): at scales 20 and 100 it cost
    # minutes more for the full report's figures again, and no target reads them. PNG at scale 20
    # (18 s a run) three times.
    add("pmreport", "pdf", "set", 1, 5)
    for fmt in ("svg", "png"):
        add("pmreport", fmt, "full", 1, 5)
        add("pmreport", fmt, "set", 1, 5)
        add("pmreport", fmt, "full", 20, 3 if fmt == "png" else 5)
    # The whole set in every format: both cores (the default), and one process for comparison.
    add("pmreport", "all", "set", 1, 5)
    add("pmreport", "all", "set", 1, 3, required=False, jobs=1)
    if typst:
        for fmt in ("svg", "png"):
            for scale in (1, 20):
                add("typst", fmt, "full", scale, 5 if scale == 1 else 3, required=False)
    return cases


# ---------------------------------------------------------------------------------------------
# Running one process

@dataclass
class Run:
    ok: bool
    wall: float                  # seconds
    rss_kb: int                  # peak resident set, KB
    cpu: float                   # user + system seconds
    code: int
    stderr: str = ""
    pages: int = 0
    files: int = 0
    bytes: int = 0
    own_ms: int = 0              # the sum of the "M ms" pmreport reports per file written
    note: str = ""


GNU_TIME = "/usr/bin/time"


def gnu_time_ok() -> bool:
    """GNU time (Debian package `time`), which `-f` and `-o` need; BusyBox's would not do."""
    if not os.access(GNU_TIME, os.X_OK):
        return False
    r = subprocess.run([GNU_TIME, "-f", "%M", "-o", os.devnull, "true"], capture_output=True)
    return r.returncode == 0


USE_GNU_TIME = gnu_time_ok()


def run_process(cmd: list[str], cwd: Path, timeout: float, tag: str) -> Run:
    """Runs cmd as one process. Wall time: the monotonic clock from spawn to exit. Peak RSS and CPU:
    GNU time's %M, %U and %S for the command. GNU time matters: a process forked straight from
    this (large) Python process starts with Python's pages counted in its peak RSS, which would
    add tens of MB to every figure; GNU time is a small process to fork from. Without it the
    child's rusage from wait4 is used and the figures are marked as inflated."""
    out_path = WORK / f"{tag}.stdout"
    err_path = WORK / f"{tag}.stderr"
    time_path = WORK / f"{tag}.time"
    full = [GNU_TIME, "-f", "%e %M %U %S", "-o", str(time_path), *cmd] if USE_GNU_TIME else cmd
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        t0 = time.perf_counter()
        try:
            proc = subprocess.Popen(full, cwd=cwd, stdout=out, stderr=err, start_new_session=True)
        except OSError as e:
            return Run(False, 0.0, 0, 0.0, -1, note=f"could not start: {e}")
        timed_out = threading.Event()

        def kill():
            timed_out.set()
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

        timer = threading.Timer(timeout, kill)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        wall = time.perf_counter() - t0
        code = os.waitstatus_to_exitcode(status)
    stderr = err_path.read_text(errors="replace")
    rss_kb, cpu = int(usage.ru_maxrss), usage.ru_utime + usage.ru_stime
    note = f"killed after {timeout:.0f} s" if timed_out.is_set() else ""
    if USE_GNU_TIME:
        try:
            last = time_path.read_text().strip().splitlines()[-1].split()
            rss_kb, cpu = int(last[1]), float(last[2]) + float(last[3])
        except (OSError, IndexError, ValueError):
            note = note or "no GNU time figures"
    return Run(code == 0 and not timed_out.is_set(), wall, rss_kb, cpu, code, stderr, note=note)


FILE_LINE = re.compile(r"^(?P<path>.+?)\s+(?P<pages>\d+) pages?\s+(?P<bytes>\d+) bytes\s+(?P<ms>\d+) ms\s*$")


def count_output(run: Run) -> None:
    """Pages, files and bytes from pmreport's stderr report: `path  N pages  B bytes  M ms`."""
    for line in run.stderr.splitlines():
        m = FILE_LINE.match(line.strip())
        if m:
            run.files += 1
            run.pages += int(m["pages"])
            run.bytes += int(m["bytes"])
            run.own_ms += int(m["ms"])


# ---------------------------------------------------------------------------------------------
# Scaled content

def tag_text(text, k: int):
    return f"[{k}] {text}" if isinstance(text, str) else text


def copy_section(section: dict, k: int) -> dict:
    s = copy.deepcopy(section)

    def visit(sec: dict) -> None:
        sec["id"] = f"{sec['id']}-c{k}"
        sec["title"] = f"{sec['title']} (copy {k})"
        for block in sec.get("blocks") or []:
            for kind, value in block.items():
                if kind == "paragraph":
                    block[kind] = tag_text(value, k)
                elif kind == "list":
                    for item in value:
                        item["label"] = tag_text(item["label"], k)
                        item["text"] = tag_text(item["text"], k)
                elif kind == "paired":
                    for item in value:
                        for key in item:                 # label and one text a role
                            item[key] = tag_text(item[key], k)
                elif kind == "faq":
                    for entry in value:
                        entry["question"] = tag_text(entry["question"], k)
                        entry["answer"] = tag_text(entry["answer"], k)
                elif kind == "table":
                    for row in value.get("rows") or []:
                        for key in row:
                            row[key] = tag_text(row[key], k)
        for sub in sec.get("subsections") or []:
            visit(sub)

    visit(s)
    return s


def scaled_content(base: dict, n: int) -> dict:
    """The sections n times; copy 1 is the original (ids unchanged, so the charts' sections and
    the handouts that pick sections still resolve), copies 2...n renamed and tagged."""
    out = copy.deepcopy(base)
    sections = base.get("sections") or []
    out["sections"] = copy.deepcopy(sections) + [copy_section(s, k) for k in range(2, n + 1) for s in sections]
    return out


def content_stats(content: dict) -> dict:
    words = 0
    sections = 0

    def count(text):
        nonlocal words
        if isinstance(text, str):
            words += len(text.split())

    for p in content.get("introduction") or []:
        count(p)

    def visit(sec):
        nonlocal sections
        sections += 1
        count(sec.get("title"))
        for block in sec.get("blocks") or []:
            for kind, value in block.items():
                if kind == "paragraph":
                    count(value)
                elif kind == "list":
                    for i in value:
                        count(i["label"]); count(i["text"])
                elif kind == "paired":
                    for i in value:
                        for text in i.values():
                            count(text)
                elif kind == "faq":
                    for i in value:
                        count(i["question"]); count(i["answer"])
                elif kind == "table":
                    for i in value.get("rows") or []:
                        for text in i.values():
                            count(text)
        for sub in sec.get("subsections") or []:
            visit(sub)

    for s in content.get("sections") or []:
        visit(s)
    return {"words": words, "sections": sections}


# ---------------------------------------------------------------------------------------------
# Typst source from the content model

def typst_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def typst_source(content: dict, metadata: dict) -> str:
    """A Typst document laid out like pmreport's full report with the classic style: A4, the same
    margins, Noto Serif 10.5 pt body justified and hyphenated, Noto Sans numbered headings, title
    block, introduction, `#outline()`, labelled lists with bold labels, aspect tables (header row
    repeated across pages, zebra rows), questions kept with answers, and a 200 pt placeholder
    figure per chart (Typst draws no charts here; pmreport's are vector drawings of similar size)
    with the chart's alt text, title or caption as its `alt` (PDF/UA-1 requires alt text)."""
    role_list = content.get("roles") or []
    ids = [r["id"] for r in role_list][:2] or ["business", "technical"]
    business = role_list[0]["name"] if role_list else "Business"
    technical = role_list[1]["name"] if len(role_list) > 1 else "Technical"
    charts_by_section: dict[str, list[dict]] = {}
    charts = content.get("charts") or []
    # The content lists its charts at the top level (earlier files: under charts.specs).
    specs = (charts.get("specs") or []) if isinstance(charts, dict) else charts
    for spec in specs:
        if spec.get("section"):
            charts_by_section.setdefault(spec["section"], []).append(spec)

    title = metadata.get("title", "Report")
    out = [
        f"#set document(title: {typst_string(title)}, author: {typst_string(metadata.get('author', ''))})",
        '#set page(paper: "a4", margin: (top: 72pt, bottom: 72pt, left: 68pt, right: 68pt),',
        f'  header: context {{ if here().page() > 1 {{ set text(8pt, fill: rgb("#5a6470"), font: "Noto Sans"); '
        f'{typst_string(title)} }} }},',
        '  footer: context { set text(8pt, fill: rgb("#5a6470")); align(center, counter(page).display()) })',
        '#set text(font: "Noto Serif", size: 10.5pt, lang: "en", hyphenate: true, fill: rgb("#1b1f24"))',
        "#set par(justify: true, leading: 0.7em, spacing: 6pt)",
        '#set heading(numbering: "1.1")',
        '#show heading: set text(font: "Noto Sans", fill: rgb("#0b4f8a"))',
        "#show heading.where(level: 1): set text(15pt)",
        "#show heading.where(level: 2): set text(12pt)",
        "#show heading: set block(above: 14pt, below: 6pt)",
        '#set table(stroke: (x: none, y: 0.5pt + rgb("#b9c2cc")), inset: 4pt,',
        '  fill: (x, y) => if y == 0 { rgb("#0b4f8a") } else if calc.even(y) { rgb("#eef2f6") })',
        '#show table.cell.where(y: 0): set text(fill: white, weight: "bold", font: "Noto Sans")',
        "",
        f'#text(24pt, weight: "bold", font: "Noto Sans", fill: rgb("#0b4f8a"))[#{typst_string(title)}]',
        "",
    ]
    if metadata.get("subtitle"):
        out += [f'#text(13pt, font: "Noto Sans", fill: rgb("#5a6470"))[#{typst_string(metadata["subtitle"])}]', ""]
    out += ['#line(length: 100%, stroke: 1.2pt + rgb("#0b4f8a"))',
            f'#text(8pt, fill: rgb("#5a6470"))[#{typst_string(metadata.get("author", ""))} · 26 November 2026]',
            "#v(18pt)", ""]
    for p in content.get("introduction") or []:
        out += [f"#{typst_string(p)}", ""]
    out += ['#outline(title: "Contents")', ""]

    def table(header: str, rows: list[dict]) -> list[str]:
        lines = ["#block(breakable: true, text(9pt, table(columns: (1fr, 2fr, 2fr),",
                 f"  table.header({typst_string(header)}, {typst_string(business)}, {typst_string(technical)}),"]
        for r in rows:
            lines.append(f"  strong({typst_string(r['label'])}), {typst_string(r[ids[0]])}, "
                         f"{typst_string(r[ids[1]])},")
        lines += [")))", ""]
        return lines

    def visit(sec: dict, level: int) -> None:
        out.append("=" * level + f" #{typst_string(sec['title'])}")
        out.append("")
        for block in sec.get("blocks") or []:
            for kind, value in block.items():
                if kind == "paragraph":
                    out.extend([f"#{typst_string(value)}", ""])
                elif kind == "list":
                    for item in value:
                        out.append(f"- #strong({typst_string(item['label'] + ':')}) #{typst_string(item['text'])}")
                    out.append("")
                elif kind == "paired":
                    out.extend(table("Aspect", value))
                elif kind == "table":
                    out.extend(table(value.get("aspect-header", "Aspect"), value.get("rows") or []))
                elif kind == "faq":
                    for e in value:
                        out.append(f"#block(breakable: false)[#strong({typst_string(e['question'])})\\ "
                                   f"#{typst_string(e['answer'])}]")
                        out.append("")
        for spec in charts_by_section.get(sec["id"], []):
            caption = spec.get("caption") or spec.get("title", "")
            out.extend([f"#figure(rect(width: 100%, height: 200pt, stroke: 0.5pt + rgb(\"#b9c2cc\")), "
                        f"alt: {typst_string(spec.get('alt') or spec.get('title') or caption)}, "
                        f"caption: {typst_string(caption)})", ""])
        for sub in sec.get("subsections") or []:
            visit(sub, level + 1)

    for s in content.get("sections") or []:
        visit(s, 1)
    return "\n".join(out) + "\n"


def ensure_typst(install: bool) -> tuple[bool, str]:
    if importlib.util.find_spec("typst") is not None:
        return True, typst_version()
    if not install:
        return False, "not installed (--no-install)"
    print("bench: the typst Python package is missing; trying `pip install typst` ...", flush=True)
    for extra in ([], ["--break-system-packages"], ["--user", "--break-system-packages"]):
        try:
            r = subprocess.run([sys.executable, "-m", "pip", "install", "-q", "typst", *extra],
                               capture_output=True, text=True, timeout=300)
        except (OSError, subprocess.TimeoutExpired) as e:
            return False, f"pip install failed: {e}"
        if r.returncode == 0:
            break
    importlib.invalidate_caches()
    if importlib.util.find_spec("typst") is None:
        return False, "pip install typst failed: " + (r.stderr.strip().splitlines() or ["?"])[-1]
    return True, typst_version()


def typst_version() -> str:
    r = subprocess.run([sys.executable, "-c", "import importlib.metadata as m; print(m.version('typst'))"],
                       capture_output=True, text=True)
    return "typst (Python package) " + (r.stdout.strip() or "?")


# PDF with PDF/UA-1, the standard pmreport writes by default.
TYPST_DRIVER = ("import sys, typst\n"
                "src, out, fmt = sys.argv[1], sys.argv[2], sys.argv[3]\n"
                "typst.compile(src, output=out, format=fmt, ppi=150.0 if fmt == 'png' else None,\n"
                "              pdf_standards=['ua-1'] if fmt == 'pdf' else [])\n")


def pdf_pages(path: Path) -> int:
    if shutil.which("pdfinfo"):
        r = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True)
        m = re.search(r"^Pages:\s+(\d+)", r.stdout, re.M)
        if m:
            return int(m.group(1))
    data = path.read_bytes()
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", data))


# ---------------------------------------------------------------------------------------------
# The bench

@dataclass
class Result:
    case: Case
    runs: list[Run] = field(default_factory=list)
    skipped: str = ""

    @property
    def ok_runs(self) -> list[Run]:
        return [r for r in self.runs if r.ok]

    @property
    def wall(self) -> float | None:
        ok = self.ok_runs
        return statistics.median(r.wall for r in ok) if ok else None

    @property
    def rss_mb(self) -> float | None:
        ok = self.ok_runs
        return max(r.rss_kb for r in ok) / 1024 if ok else None

    @property
    def cpu(self) -> float | None:
        ok = self.ok_runs
        return statistics.median(r.cpu for r in ok) if ok else None

    @property
    def own(self) -> float | None:
        ok = [r for r in self.ok_runs if r.own_ms]
        return statistics.median(r.own_ms for r in ok) / 1000 if ok else None

    @property
    def pages(self) -> int | None:
        ok = self.ok_runs
        return ok[-1].pages if ok else None

    @property
    def files(self) -> int | None:
        ok = self.ok_runs
        return ok[-1].files if ok else None

    @property
    def bytes(self) -> int | None:
        ok = self.ok_runs
        return ok[-1].bytes if ok else None

    @property
    def failures(self) -> list[Run]:
        return [r for r in self.runs if not r.ok]


class Bench:
    def __init__(self, args):
        self.args = args
        self.bin = Path(args.bin).resolve() if args.bin else ROOT / ".build" / "release" / "pmreport"
        self.bin_label = str(self.bin)
        self.results: dict[str, Result] = {}
        self.content_files: dict[int, Path] = {}
        self.typst_files: dict[int, Path] = {}
        self.stats: dict[int, dict] = {}
        self.started = time.monotonic()
        self.notes: list[str] = []
        self.typst_ok = False
        self.typst_info = "not requested (--no-typst)"
        self.typst_startup: float | None = None
        self.load_start = os.getloadavg()
        self.load_end = self.load_start
        self.date = dt.datetime.now(dt.timezone.utc)
        self.measured_s: float | None = None   # set when rebuilt from results.json
        self.machine = machine()
        self.commit = git_state()
        self.swift = None
        # Figures measured outside the process cases (watch.py, roster.py), by name.
        self.extra: dict[str, float] = {}
        self.extra_detail: dict[str, dict] = {}

    def elapsed(self) -> float:
        return time.monotonic() - self.started

    # Content ------------------------------------------------------------------------------

    def prepare(self, scales: list[int]) -> None:
        WORK.mkdir(parents=True, exist_ok=True)
        r = subprocess.run([str(self.bin), "export-content"], cwd=ROOT, capture_output=True, text=True, timeout=60)
        if r.returncode != 0:
            raise SystemExit(f"bench: `pmreport export-content` failed ({r.returncode}): {r.stderr.strip()}")
        base_text = r.stdout
        base = yaml.safe_load(base_text)
        self.metadata = (yaml.safe_load(CONFIG.read_text()) or {}).get("metadata", {}) if CONFIG.exists() else {}
        md = subprocess.run([str(self.bin), "export-content", "--format", "markdown"], cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
        if md.returncode != 0:
            raise SystemExit(f"bench: `pmreport export-content --format markdown` failed: {md.stderr.strip()}")
        self.markdown_file = WORK / "content-1.md"
        self.markdown_file.write_text(md.stdout)
        for n in scales:
            path = WORK / f"content-{n}.yml"
            content = base if n == 1 else scaled_content(base, n)
            if n == 1:
                path.write_text(base_text)      # the export itself, byte for byte
            else:
                with open(path, "w") as f:
                    f.write(f"# bench: the built-in content with its sections repeated {n} times "
                            "(generated by bench/bench.py)\n")
                    yaml.safe_dump(content, f, allow_unicode=True, sort_keys=False, width=math.inf)
            self.content_files[n] = path
            self.stats[n] = content_stats(content)
            tpath = WORK / f"typst-{n}.typ"
            tpath.write_text(typst_source(content, self.metadata))
            self.typst_files[n] = tpath
            # The content must load: a bad scaled file would make every run fail for the wrong reason.
            chk = subprocess.run([str(self.bin), "check", "--config", str(CONFIG), "--content", str(path)],
                                 cwd=ROOT, capture_output=True, text=True, timeout=120)
            if chk.returncode != 0:
                self.notes.append(f"`pmreport check` rejects content-{n}.yml (exit {chk.returncode}): "
                                  + " ".join(chk.stderr.split())[:300])

    # Commands -----------------------------------------------------------------------------

    def command(self, case: Case) -> list[str]:
        out_dir = WORK / "out" / case.name
        if case.what == "startup":
            return [str(self.bin), "--version"]
        markdown = case.what.endswith("-md")
        content = str(self.markdown_file if markdown else self.content_files[case.scale])
        if case.what in ("check", "check-md"):
            return [str(self.bin), "check", "--config", str(CONFIG), "--content", content]
        if case.tool == "pmreport":
            # -v: one line a file on stderr, which count_output reads.
            cmd = [str(self.bin), "-v", "--config", str(CONFIG), "--content", content,
                   "--format", case.fmt, "--output", str(out_dir)]
            cmd += ["--no-cache"] if case.cache == "none" else ["--cache", str(self.cache_dir(case))]
            if case.what in ("full", "full-md"):
                cmd += ["--document", "full-report"]
            if case.jobs:
                cmd += ["--jobs", str(case.jobs)]
            return cmd
        out_dir.mkdir(parents=True, exist_ok=True)
        target = out_dir / ("report.pdf" if case.fmt == "pdf" else f"page-{{p}}.{case.fmt}")
        return [sys.executable, "-c", TYPST_DRIVER, str(self.typst_files[case.scale]), str(target), case.fmt]

    @staticmethod
    def cache_dir(case: Case) -> Path:
        """The case's own shaping cache (emptied before each run of a cold case)."""
        return WORK / "cache" / case.name

    def typst_pages(self, case: Case) -> tuple[int, int, int]:
        out_dir = WORK / "out" / case.name
        files = [p for p in out_dir.iterdir() if p.suffix == f".{case.fmt}"]
        size = sum(p.stat().st_size for p in files)
        if case.fmt == "pdf":
            return (pdf_pages(files[0]) if files else 0), len(files), size
        return len(files), len(files), size

    # Running ------------------------------------------------------------------------------

    def run_case(self, case: Case, remaining_required: float) -> Result:
        res, cmd = self.start_case(case, remaining_required)
        if cmd is None:
            return res
        print(f"  {case.name:<22}", end="", flush=True)
        for i in range(case.runs):
            run = self.run_once(case, cmd, i, res)
            print(f" {run.wall:.3f}{'' if run.ok else '!'}", end="", flush=True)
            if not run.ok and i == 0 and run.note.startswith("killed"):
                print(" (timed out; not repeated)", end="")
                break
            if i == 0:
                self.fit_runs(case, run.wall, remaining_required)
            if i + 1 >= case.runs:
                break
        self.finish_case(case, res)
        return res

    def run_group(self, cases: list[Case], remaining_required: float) -> None:
        """Runs `cases` interleaved: round k runs each case's k-th run in turn (the cold case's
        cache emptied before it, as always), so every case sees the same load; each round starts
        one case further on (round k at case k mod n), so that no case always runs first."""
        started = [(case, *self.start_case(case, remaining_required)) for case in cases]
        started = [(case, res, cmd) for case, res, cmd in started if cmd is not None]
        print(f"  interleaved: {', '.join(case.name for case, _, _ in started)}", flush=True)
        i = 0
        # The case's runs as cut after the first round (`fit_runs`), read again each round.
        while i < max((case.runs for case, _, _ in started), default=0):
            walls = []
            shift = i % len(started)
            for case, res, cmd in started[shift:] + started[:shift]:
                if i >= case.runs or (res.runs and res.runs[0].note.startswith("killed")):
                    continue
                run = self.run_once(case, cmd, i, res)
                walls.append(f"{case.name} {run.wall:.3f}{'' if run.ok else '!'}")
            print(f"    round {i + 1}: " + ", ".join(walls), flush=True)
            if i == 0:
                # The rounds left, cut together when they would blow the budget.
                round_wall = sum(res.runs[0].wall for _, res, _ in started if res.runs)
                for case, _, _ in started:
                    self.fit_runs(case, round_wall, remaining_required)
            i += 1
        for case, res, _ in started:
            print(f"  {case.name:<22}", end="")
            self.finish_case(case, res)

    def start_case(self, case: Case, remaining_required: float) -> tuple[Result, list[str] | None]:
        """The case's result and command, its output folder and cache made ready (a warm cache
        filled by one untimed run); no command when the time budget skips it."""
        res = Result(case)
        self.results[case.name] = res
        out_dir = WORK / "out" / case.name
        shutil.rmtree(out_dir, ignore_errors=True)
        budget_left = self.args.budget - self.elapsed()
        one_run = self.estimate(case) / max(case.runs, 1)
        if not case.required and budget_left - remaining_required < one_run:
            res.skipped = f"skipped: time budget ({budget_left:.0f} s left)"
            print(f"  {case.name:<22} {res.skipped}", flush=True)
            return res, None
        cmd = self.command(case)
        if case.tool == "pmreport":
            shutil.rmtree(self.cache_dir(case), ignore_errors=True)
            if case.cache == "warm":
                run_process(cmd, ROOT, RUN_TIMEOUT, f"{case.name}-fill")   # fills the cache, untimed
        return res, cmd

    def run_once(self, case: Case, cmd: list[str], i: int, res: Result) -> Run:
        """The case's run number i (from 0): a cold cache emptied first, Typst's output folder
        emptied before every run but the first; recorded in `res`."""
        out_dir = WORK / "out" / case.name
        if i > 0 and case.tool == "typst":
            shutil.rmtree(out_dir, ignore_errors=True)
            out_dir.mkdir(parents=True, exist_ok=True)
        if case.tool == "pmreport" and case.cache == "cold":
            shutil.rmtree(self.cache_dir(case), ignore_errors=True)
        run = run_process(cmd, ROOT, RUN_TIMEOUT, f"{case.name}-{i + 1}")
        if case.tool == "pmreport":
            count_output(run)
        elif run.ok:
            run.pages, run.files, run.bytes = self.typst_pages(case)
        if not run.ok and not run.note:
            last = [l for l in run.stderr.strip().splitlines() if l.strip()]
            run.note = f"exit {run.code}: " + (last[-1][:200] if last else "no message")
        res.runs.append(run)
        return run

    def fit_runs(self, case: Case, first_wall: float, remaining_required: float) -> None:
        """Budget guard, after the first run (or round): when the repetitions (each about
        `first_wall`) would blow the budget, cut them (at least 3 runs of a required case)."""
        if case.runs <= 1:
            return
        projected = first_wall * (case.runs - 1)
        left = self.args.budget - self.elapsed() - remaining_required
        least = 3 if case.required else 1
        if projected > left and case.runs > least:
            planned = case.runs
            case.runs = max(least, min(case.runs, 1 + int(left / max(first_wall, 1e-3))))
            if case.runs < planned:
                self.notes.append(f"{case.name}: {case.runs} runs instead of {planned}, "
                                  "to stay in the time budget")

    def finish_case(self, case: Case, res: Result) -> None:
        """Removes what the case wrote (unless kept), prints its median, notes failed runs."""
        if not self.args.keep_output:
            # Hundreds of MB of SVG and PNG otherwise.
            shutil.rmtree(WORK / "out" / case.name, ignore_errors=True)
        med = res.wall
        print(f"   -> median {med:.3f} s" if med is not None else "   -> FAILED", flush=True)
        for r in res.failures:
            self.notes.append(f"{case.name}: a run failed ({r.note})")

    def estimate(self, c: Case) -> float:
        """Seconds the case will take: linear in the scale from what the same tool, format and
        document measured so far (scale 1 and the largest scale measured), else a rough guess."""
        done = sorted((r.case.scale, r.wall) for r in self.results.values()
                      if r.wall is not None and (r.case.tool, r.case.fmt, r.case.what) == (c.tool, c.fmt, c.what))
        if len(done) >= 2:
            (s0, t0), (s1, t1) = done[0], done[-1]
            per_run = t0 + (t1 - t0) / (s1 - s0) * (c.scale - s0) if s1 > s0 else t1
        elif done:
            s0, t0 = done[0]
            per_run = t0 * c.scale / s0
        else:
            per_run = 0.5 + c.scale * (0.1 if c.fmt == "png" else 0.03)
        return c.runs * max(per_run, 0.01)

    def run(self, cases: list[Case]) -> None:
        todo = [c for c in cases if not self.args.only or re.search(self.args.only, c.name)]
        watching = not self.args.only or re.search(self.args.only, "watch")
        for idx, case in enumerate(todo):
            if case.name in self.results:
                continue    # ran with its group
            group = [c for c in todo[idx:] if case.group and c.group == case.group]
            # What the required cases still to come will need (and the watch measurement after
            # them), so optional ones and repetitions yield.
            remaining_required = sum(self.estimate(c) for c in todo[idx + 1:]
                                     if c.required and c not in group) \
                + (WATCH_RESERVE if watching else 0.0)
            if len(group) > 1:
                self.run_group(group, remaining_required)
            else:
                self.run_case(case, remaining_required)

    # Report -------------------------------------------------------------------------------

    def get(self, name: str) -> Result | None:
        return self.results.get(name)

    def figure(self, t: Target) -> float | None:
        if t.metric == "extra":
            return self.extra.get(t.case)
        r = self.get(t.case)
        if r is None:
            return None
        if t.metric == "wall":
            return r.wall
        if t.metric == "rss":
            return r.rss_mb
        if t.metric == "cpu_share":
            return r.wall / r.cpu if r.wall is not None and r.cpu else None
        o = self.get(t.other) if t.other else None
        if o is None or r.wall is None or o.wall is None:
            return None
        if t.metric == "ratio":
            return r.wall / o.wall if o.wall else None
        if t.metric == "page_ratio":
            return (r.wall / r.pages) / (o.wall / o.pages) if r.pages and o.pages and o.wall else None
        if t.metric == "per_page":
            dp = (r.pages or 0) - (o.pages or 0)
            return (r.wall - o.wall) / dp if dp > 0 else None
        return None


def fmt_s(x: float | None) -> str:
    return "—" if x is None else (f"{x:.3f}" if x < 10 else f"{x:.2f}")


def fmt_mb(x: float | None) -> str:
    return "—" if x is None else f"{x:.1f}"


def ratio(a: float | None, b: float | None) -> str:
    if a is None or b is None or b == 0:
        return "—"
    return f"{a / b:.2f}×"


def judge(value: float | None, limit: float) -> tuple[str, str]:
    """(verdict, margin) of a figure against its limit (at or under the limit passes)."""
    if value is None:
        return "not measured", ""
    if value <= limit:
        return "pass", f"{(1 - value / limit) * 100:.0f}% under"
    return "FAIL", f"{value / limit:.1f}× the target (+{(value / limit - 1) * 100:.0f}%)"


def page_note(r: Result, other: Result) -> str:
    """Each case's wall and CPU time a page, and their ratio by CPU (the better guide on a busy
    machine, where walls stretch)."""
    def per_page(x: Result) -> str:
        return f"{x.wall / x.pages * 1000:.1f} ms a page ({x.pages} pages, CPU {x.cpu / x.pages * 1000:.1f} ms)"
    by_cpu = (r.cpu / r.pages) / (other.cpu / other.pages) if r.cpu and other.cpu else None
    return (f"{per_page(r)} against {per_page(other)}"
            + (f"; by CPU {by_cpu:.2f}×" if by_cpu is not None else ""))


def load_line(start: float, end: float, busy: list[str], cases: int) -> str:
    """The markdown line on the machine's load: the 1-minute load average at the start and end, and
    the cases whose wall exceeded their CPU by more than 15 % (other work competing)."""
    return (f"- Load average (1 min) {start:.2f} at the start, {end:.2f} at the end"
            + (f"; wall exceeded CPU by more than 15% in {len(busy)} of {cases} cases "
               f"({', '.join(busy)}): other work was competing for the 2 cores, so those walls are high"
               if busy else "; wall and CPU agree in every case (no sign of competing work)"))


def elapsed_s(b) -> float:
    return b.measured_s if b.measured_s is not None else b.elapsed()


def snapshot(binary: Path, name: str) -> tuple[Path, str]:
    """A copy of the binary in bench/.work/ to measure, so a rebuild while the bench runs cannot mix
    two builds in one table, and the label the report gives it (path and build time)."""
    WORK.mkdir(parents=True, exist_ok=True)
    built = dt.datetime.fromtimestamp(binary.stat().st_mtime).astimezone()
    label = f"`{binary.relative_to(ROOT) if binary.is_relative_to(ROOT) else binary}` built {built:%Y-%m-%d %H:%M}"
    copy_path = WORK / name
    shutil.copy2(binary, copy_path)
    return copy_path, label


def machine() -> str:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = "?"
    try:
        kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
        mem = f"{kb / 1024 / 1024:.1f} GB RAM"
    except (OSError, AttributeError):
        pass
    osname = platform.platform()
    try:
        rel = Path("/etc/os-release").read_text()
        osname = re.search(r'^PRETTY_NAME="?([^"\n]*)', rel, re.M).group(1)
    except (OSError, AttributeError):
        pass
    return f"{cpu}, {os.cpu_count()} CPUs, {mem}, {osname}, kernel {platform.release()}"


def git_state() -> str:
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                              text=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                               capture_output=True, text=True).stdout.strip()
        untracked = subprocess.run(["git", "status", "--porcelain"], cwd=ROOT, capture_output=True,
                                   text=True).stdout.strip()
        state = head or "?"
        if dirty or untracked != dirty:
            state += " with uncommitted changes"
        return state
    except OSError:
        return "?"


def swift_version() -> str:
    try:
        r = subprocess.run(["swift", "--version"], capture_output=True, text=True, timeout=30)
        return (r.stdout or r.stderr).strip().splitlines()[0]
    except (OSError, subprocess.TimeoutExpired, IndexError):
        return "?"


def report(b: Bench) -> tuple[str, str, list[dict]]:
    """(console text, markdown, target verdicts)."""
    what_label = {"full": "full report", "set": "whole set", "check": "`check` only", "startup": "`--version`",
                  "check-md": "`check` only, Markdown content", "full-md": "full report, Markdown content"}
    lines_md: list[str] = []
    lines_tx: list[str] = []

    head = ["case", "tool", "format", "document", "scale", "pages", "files", "MB written", "runs",
            "median wall s", "min–max s", "s/page", "CPU s", "own s", "peak RSS MB"]
    rows = []
    for name, r in b.results.items():
        c = r.case
        if r.skipped:
            rows.append([name, c.tool, c.fmt.upper() if c.fmt != "-" else "—", what_label[c.what], str(c.scale),
                         "—", "—", "—", "0",
                         r.skipped, "", "", "", "", ""])
            continue
        ok = r.ok_runs
        walls = [x.wall for x in ok]
        spread = f"{min(walls):.3f}–{max(walls):.3f}" if walls else "—"
        per_page = (r.wall / r.pages) if (r.wall is not None and r.pages) else None
        runs = f"{len(ok)}/{len(r.runs)}" if r.failures else str(len(r.runs))
        counted = c.what in ("full", "set")
        what = what_label[c.what] + {"warm": ", warm cache", "none": ", no cache"}.get(c.cache, "") + \
            (f", --jobs {c.jobs}" if c.jobs else "")
        rows.append([name, c.tool, c.fmt.upper() if c.fmt != "-" else "—", what,
                     str(c.scale) if c.what != "startup" else "—",
                     str(r.pages) if counted and r.pages is not None else "—",
                     str(r.files) if counted and r.files is not None else "—",
                     f"{r.bytes / 1e6:.1f}" if counted and r.bytes is not None else "—",
                     runs, fmt_s(r.wall) if r.wall is not None else "FAILED", spread,
                     f"{per_page:.4f}" if per_page is not None else "—",
                     fmt_s(r.cpu), fmt_s(r.own), fmt_mb(r.rss_mb)])

    # Console table
    widths = [max(len(h), *(len(row[i]) for row in rows)) if rows else len(h) for i, h in enumerate(head)]
    lines_tx.append("  ".join(h.ljust(w) for h, w in zip(head, widths)))
    for row in rows:
        lines_tx.append("  ".join(v.ljust(w) for v, w in zip(row, widths)))

    # Markdown table
    lines_md.append("| " + " | ".join(head[1:]) + " |")
    lines_md.append("|" + "|".join(["---"] * 4 + ["--:"] * (len(head) - 5)) + "|")
    for row in rows:
        lines_md.append("| " + " | ".join(row[1:]) + " |")

    # Targets
    verdicts = []
    for t in TARGETS + EARLIER_TARGETS:
        v = b.figure(t)
        verdict, margin = judge(v, t.limit)
        shown = "—" if v is None else (f"{v:.2f}" if t.metric in ("ratio", "page_ratio", "cpu_share", "extra") else
                                       f"{v:.1f}" if t.metric == "rss" else f"{v:.3f}")
        cpu_note = ""
        if t.metric == "wall" and b.get(t.case) and b.get(t.case).cpu is not None:
            cpu_note = f"CPU {b.get(t.case).cpu:.3f} s"
        if t.metric in ("ratio", "page_ratio", "cpu_share") and b.get(t.case) and b.get(t.case).wall is not None:
            r = b.get(t.case)
            walls = [x.wall for x in r.ok_runs]
            cpu_note = (f"wall {r.wall:.3f} s ({min(walls):.3f}–{max(walls):.3f}), CPU {r.cpu:.3f} s"
                        + (f"; against {b.get(t.other).wall:.3f} s" if t.other and b.get(t.other)
                           and b.get(t.other).wall is not None else ""))
            if t.metric == "page_ratio" and v is not None:
                cpu_note += "; " + page_note(r, b.get(t.other))
        if t.metric == "extra" and t.case in b.extra_detail:
            cpu_note = b.extra_detail[t.case].get("shown", "")
        verdicts.append({"group": "earlier" if t in EARLIER_TARGETS else "issue", "target": t.label, "limit": t.limit, "unit": t.note, "value": v, "cpu": cpu_note,
                         "shown": shown, "verdict": verdict, "margin": margin})

    # Proportionality of SVG and PNG to PDF (reported, no fixed limit): cost a page per format.
    prop = []
    for scale in (1, 20):
        pdf = b.get(f"pm-pdf-full-{scale}")
        for fmt in ("svg", "png"):
            r = b.get(f"pm-{fmt}-full-{scale}")
            if pdf and r and pdf.wall and r.wall and pdf.pages and r.pages:
                prop.append((scale, fmt, r.wall / r.pages, pdf.wall / pdf.pages, r.wall / pdf.wall))

    # Where the time goes: start, load + validate (`check`), the rest (typesetting and writing).
    split = []
    start = b.get("pm-startup")
    for scale in (1, 20, 100):
        chk, pdf = b.get(f"pm-check-{scale}"), b.get(f"pm-pdf-full-{scale}")
        if chk and pdf and chk.wall is not None and pdf.wall is not None:
            split.append((scale, start.wall if start else None, chk.wall, chk.rss_mb, pdf.wall, pdf.rss_mb, pdf.pages))

    # vs Typst
    vs = []
    for name, r in b.results.items():
        c = r.case
        if c.tool != "typst" or c.what != "full":
            continue
        p = b.get(f"pm-{c.fmt}-full-{c.scale}")
        if p is None:
            continue
        vs.append((c.fmt, c.scale, p, r))

    # Assemble markdown
    md = []
    now = b.date
    md.append(f"Last run: **{now:%Y-%m-%d %H:%M %Z}**, "
              f"{'quick run (1 run a case, not the benchmark)' if b.args.quick else 'full run'}, "
              f"took {elapsed_s(b):.0f} s of measuring.")
    md.append("")
    md.append(f"- Machine: {b.machine}")
    busy = [n for n, r in b.results.items() if r.wall and r.cpu is not None and r.wall - r.cpu > 0.03 and r.wall > 1.15 * r.cpu]
    md.append(load_line(b.load_start[0], b.load_end[0], busy, len(b.results)))
    if not USE_GNU_TIME:
        md.append("- **GNU time (`/usr/bin/time`) was missing: peak RSS figures include the benchmark's own "
                  "Python pages and are too high.** `apt-get install time` and rerun.")
    md.append(f"- pmreport: {b.bin_label} (release build), source at commit {b.commit}; {b.swift or swift_version()}")
    md.append(f"- Typst: {b.typst_info}" + (f"; bare `python3 -c 'import typst'` costs "
                                             f"{b.typst_startup:.3f} s of each Typst figure"
                                             if b.typst_startup is not None else ""))
    sizes = ", ".join(f"scale {n}: {s['sections']} sections, {s['words']:,} words"
                      for n, s in sorted(b.stats.items()))
    md.append(f"- Content: {sizes}")
    md.append("")
    md.append("### Targets")
    md.append("")
    md.append("| target | limit | measured | verdict | for reference |")
    md.append("|---|--:|--:|---|---|")
    for v in verdicts:
        if v["group"] == "earlier" and v is next(x for x in verdicts if x["group"] == "earlier"):
            md.append("| *earlier rounds' targets* | | | | |")
        md.append(f"| {v['target']} | {v['limit']:g} {v['unit']} | {v['shown']} {v['unit'] if v['value'] is not None else ''} "
                  f"| {v['verdict']}{' — ' + v['margin'] if v['margin'] else ''} | {v['cpu']} |")
    md.append("")
    if prop:
        md.append("SVG and PNG against PDF (full report; the issue asks for cost in proportion to pages):")
        md.append("")
        md.append("| scale | format | s a page | PDF s a page | wall / PDF wall |")
        md.append("|--:|---|--:|--:|--:|")
        for scale, fmt, pp, pdfpp, rel in prop:
            md.append(f"| {scale} | {fmt.upper()} | {pp:.4f} | {pdfpp:.4f} | {rel:.2f}× |")
        md.append("")
    if split:
        md.append("Where the time goes (full report, PDF): `pmreport --version` is the process start; "
                  "`pmreport check` loads the config, styles and content and validates them, writing nothing; "
                  "the rest of the render is layout, shaping and writing.")
        md.append("")
        md.append("| scale | start s | load + check s | check RSS MB | render s | render − check s | "
                  "render RSS MB | (render − check) s a page |")
        md.append("|--:|--:|--:|--:|--:|--:|--:|--:|")
        for scale, st, ck, ckm, rd, rdm, pages in split:
            md.append(f"| {scale} | {fmt_s(st)} | {fmt_s(ck)} | {fmt_mb(ckm)} | {fmt_s(rd)} | {fmt_s(rd - ck)} | "
                      f"{fmt_mb(rdm)} | {(rd - ck) / pages:.4f} |" if pages else "")
        md.append("")
    if vs:
        md.append("### Against Typst (same content, same run)")
        md.append("")
        md.append("| format | scale | pmreport s | Typst s | Typst / pmreport (time) | pmreport MB | Typst MB | "
                  "Typst / pmreport (memory) | pages pmreport / Typst | Typst / pmreport (time a page) |")
        md.append("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|")
        for fmt, scale, p, t in vs:
            pp = p.wall / p.pages if p.wall and p.pages else None
            tp = t.wall / t.pages if t.wall and t.pages else None
            md.append(f"| {fmt.upper()} | {scale} | {fmt_s(p.wall)} | {fmt_s(t.wall) if t.wall else (t.skipped or 'FAILED')} "
                      f"| {ratio(t.wall, p.wall)} | {fmt_mb(p.rss_mb)} | {fmt_mb(t.rss_mb)} | {ratio(t.rss_mb, p.rss_mb)} "
                      f"| {p.pages or '—'} / {t.pages or '—'} | {ratio(tp, pp)} |")
        md.append("")
        md.append(f"The issue quotes Typst at scale 20 as {ISSUE_TYPST_SCALE20['wall']} s and "
                  f"{ISSUE_TYPST_SCALE20['rss']:.0f} MB; the Typst columns above are this machine, this run.")
        md.append("")
    md.append("### All cases")
    md.append("")
    md.extend(lines_md)
    md.append("")
    md.append("Wall: median of the runs (each run listed in `bench/.work/results.json`). Peak RSS: the "
              "largest of the runs. CPU: user + system, median. s/page: median wall / pages. own s: the "
              "time pmreport itself reports for the files it wrote (the `M ms` of its stderr lines, summed): "
              "for PDF, layout and writing; for SVG and PNG, writing only (pmreport leaves layout out of "
              "those lines and spreads the export time evenly over the pages).")
    if b.notes:
        md.append("")
        md.append("Notes from this run:")
        md.append("")
        for n in b.notes:
            md.append(f"- {n}")
    md.append("")

    # Console text
    tx = ["", "pmreport benchmark — " + ("QUICK (1 run a case)" if b.args.quick else "full run"), ""]
    tx.extend(lines_tx)
    tx.append("")
    tx.append("targets:")
    for v in verdicts:
        tx.append(f"  {v['verdict']:<12} {v['target']}: {v['shown']} {v['unit']} (limit {v['limit']:g} {v['unit']})"
                  + (f" — {v['margin']}" if v["margin"] else "") + (f" [{v['cpu']}]" if v["cpu"] else ""))
    if prop:
        tx.append("")
        tx.append("SVG/PNG vs PDF (full report): " + "; ".join(
            f"scale {s} {f.upper()} {pp:.4f} s/page vs PDF {pdfpp:.4f} ({rel:.2f}× the PDF wall)"
            for s, f, pp, pdfpp, rel in prop))
    if split:
        tx.append("")
        tx.append("where the time goes (full report PDF): " + "; ".join(
            f"scale {sc}: start {fmt_s(st)} s, load+check {fmt_s(ck)} s ({fmt_mb(ckm)} MB), "
            f"render {fmt_s(rd)} s ({fmt_mb(rdm)} MB)" for sc, st, ck, ckm, rd, rdm, _ in split))
    if vs:
        tx.append("")
        tx.append("vs Typst (Typst time / pmreport time; Typst RSS / pmreport RSS):")
        for fmt, scale, p, t in vs:
            tx.append(f"  {fmt.upper()} scale {scale}: pmreport {fmt_s(p.wall)} s {fmt_mb(p.rss_mb)} MB, "
                      f"Typst {fmt_s(t.wall) if t.wall else (t.skipped or 'FAILED')} s {fmt_mb(t.rss_mb)} MB: "
                      f"{ratio(t.wall, p.wall)} time, {ratio(t.rss_mb, p.rss_mb)} memory, pages {p.pages} / {t.pages}")
    if b.notes:
        tx.append("")
        tx.extend("note: " + n for n in b.notes)
    busy = [n for n, r in b.results.items() if r.wall and r.cpu is not None and r.wall - r.cpu > 0.03 and r.wall > 1.15 * r.cpu]
    tx.append(f"\nload average {b.load_start[0]:.2f} -> {b.load_end[0]:.2f}"
              + (f"; wall > 1.15 x CPU (machine busy) in: {', '.join(busy)}" if busy else ""))
    if not USE_GNU_TIME:
        tx.append("warning: /usr/bin/time (GNU time) missing: peak RSS includes this Python process; apt-get install time")
    tx.append(f"measuring took {elapsed_s(b):.0f} s")
    return "\n".join(tx), "\n".join(md), verdicts


def write_benchmarks(markdown: str, begin: str = BEGIN_MARK, end: str = END_MARK,
                     heading: str = "Last run") -> None:
    """Replaces the generated part of BENCHMARKS.md between `begin` and `end` by `markdown` (a new
    section `heading` at the end when the markers are missing)."""
    generated = f"{begin}\n\n{markdown}\n{end}"
    if BENCHMARKS.exists():
        text = BENCHMARKS.read_text()
        if begin in text and end in text:
            before = text.split(begin, 1)[0]
            after = text.split(end, 1)[1]
            BENCHMARKS.write_text(before + generated + after)
            return
        BENCHMARKS.write_text(text.rstrip() + f"\n\n## {heading}\n\n" + generated + "\n")
        return
    BENCHMARKS.write_text(f"# Benchmarks\n\n## {heading}\n\n" + generated + "\n")


def save_json(b: Bench, verdicts: list[dict], path: Path) -> None:
    data = {
        "date": b.date.isoformat(), "measuring_s": round(elapsed_s(b), 1), "binary": b.bin_label,
        "swift": b.swift or swift_version(),
        "machine": b.machine, "commit": b.commit, "quick": b.args.quick, "typst": b.typst_info,
        "typst_startup_s": b.typst_startup, "content": b.stats, "gnu_time": USE_GNU_TIME,
        "load_average_start": b.load_start, "load_average_end": b.load_end, "notes": b.notes, "targets": verdicts,
        "extra": b.extra, "extra_detail": b.extra_detail,
        "cases": {
            name: {"tool": r.case.tool, "format": r.case.fmt, "document": r.case.what, "scale": r.case.scale,
                   "cache": r.case.cache, "jobs": r.case.jobs,
                   "planned_runs": r.case.runs, "required": r.case.required,
                   "skipped": r.skipped, "median_wall_s": r.wall, "peak_rss_mb": r.rss_mb, "median_cpu_s": r.cpu,
                   "pages": r.pages, "files": r.files, "bytes": r.bytes, "median_own_s": r.own,
                   "runs": [{"ok": x.ok, "wall_s": round(x.wall, 6), "rss_kb": x.rss_kb, "cpu_s": round(x.cpu, 4),
                             "exit": x.code, "own_ms": x.own_ms, "pages": x.pages,
                             "files": x.files, "bytes": x.bytes, "note": x.note} for x in r.runs]}
            for name, r in b.results.items()},
    }
    path.write_text(json.dumps(data, indent=2) + "\n")


def load_json(b: Bench, path: Path) -> None:
    """Rebuilds a finished bench from its results.json (to rewrite the report without measuring)."""
    data = json.loads(path.read_text())
    b.date = dt.datetime.fromisoformat(data["date"])
    b.measured_s = data.get("measuring_s") or 0.0
    b.bin_label = data.get("binary", "?")
    b.swift = data.get("swift")
    b.machine, b.commit = data.get("machine", "?"), data.get("commit", "?")
    b.args.quick = data.get("quick", False)
    b.typst_info, b.typst_startup = data.get("typst", "?"), data.get("typst_startup_s")
    b.stats = {int(k): v for k, v in (data.get("content") or {}).items()}
    b.notes = data.get("notes") or []
    b.load_start = tuple(data.get("load_average_start") or (0, 0, 0))
    b.load_end = tuple(data.get("load_average_end") or (0, 0, 0))
    b.extra = data.get("extra") or {}
    b.extra_detail = data.get("extra_detail") or {}
    for name, c in data["cases"].items():
        case = Case(name, c["tool"], c["format"], c["document"], c["scale"], c.get("planned_runs", len(c["runs"])),
                    c.get("required", True), c.get("cache", "cold"), c.get("jobs"))
        res = Result(case, skipped=c.get("skipped", ""))
        for x in c["runs"]:
            res.runs.append(Run(x["ok"], x["wall_s"], x["rss_kb"], x["cpu_s"], x["exit"], "", x.get("pages", c["pages"] or 0),
                                x.get("files", c["files"] or 0), x.get("bytes", c["bytes"] or 0),
                                x.get("own_ms", 0), x.get("note", "")))
        b.results[name] = res


def measure_extra(b: Bench) -> None:
    """The figures that are not one process a run: the live preview's rebuild after an edit against
    Typst's in-memory compiler (bench/watch.py). Rosters have a bench of their own (bench/roster.py,
    `make bench-roster`)."""
    sys.path.insert(0, str(ROOT / "bench"))
    if (not b.args.only or re.search(b.args.only, "watch")) and importlib.util.find_spec("watch"):
        import watch
        measure_watch(b, watch)


def measure_watch(b: Bench, watch) -> None:
    """`pmreport watch` after a one-paragraph edit (file written → PDF renamed into place) at scales
    1 and 20, a cold build of the same content, and Typst's compiler kept in memory after the same
    edit (bench/watch.py)."""
    runs = 3 if b.args.quick else 10
    watch.OUT.mkdir(parents=True, exist_ok=True)
    medians: dict[str, float] = {}
    for scale in (1, 20):
        content = yaml.safe_load(b.content_files[scale].read_text()) if scale in b.content_files \
            else scaled_content(yaml.safe_load(b.content_files[1].read_text()), scale)
        print(f"  watch, scale {scale}: {runs} edits, 3 cold builds"
              + (", Typst in memory" if b.typst_ok else "") + " ...", flush=True)
        r = watch.measure_scale(b.bin, content, b.metadata, scale, runs, b.typst_ok)
        w, cold, typ = r["watch"], r["cold"], r["typst"]
        b.extra_detail[f"watch-{scale}"] = {"watch": w, "cold": cold, "typst": typ}
        medians[f"watch-{scale}"] = w["median_ms"]
        medians[f"cold-{scale}"] = cold["median_ms"]
        if typ:
            medians[f"typst-{scale}"] = typ["median_ms"]

    def spread(d):
        return f"{d['median_ms']:.0f} ms ({d['min_ms']:.0f}–{d['max_ms']:.0f})"

    one, twenty = b.extra_detail["watch-1"], b.extra_detail["watch-20"]
    if "typst-1" in medians:
        b.extra["watch-1-vs-typst"] = medians["watch-1"] / medians["typst-1"]
        b.extra_detail["watch-1-vs-typst"] = {
            "shown": f"pmreport {spread(one['watch'])}, Typst {spread(one['typst'])}"}
    b.extra["watch-20-vs-cold"] = medians["watch-20"] / medians["cold-20"]
    b.extra_detail["watch-20-vs-cold"] = {
        "shown": f"edit {spread(twenty['watch'])}, cold build {spread(twenty['cold'])}"
                 + (f"; Typst in memory {spread(twenty['typst'])}" if twenty.get("typst") else "")}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="1 run a case, scales 1 and 20; BENCHMARKS.md untouched")
    ap.add_argument("--no-typst", action="store_true", help="do not time Typst")
    ap.add_argument("--no-install", action="store_true", help="do not pip install typst when missing")
    ap.add_argument("--no-write", action="store_true", help="do not rewrite BENCHMARKS.md")
    ap.add_argument("--budget", type=float, default=DEFAULT_BUDGET,
                    help=f"seconds of measuring before optional cases are skipped (default {DEFAULT_BUDGET:.0f})")
    ap.add_argument("--bin", help="the pmreport binary (default .build/release/pmreport)")
    ap.add_argument("--only", help="run only the cases whose name matches this regex (e.g. 'pm-pdf')")
    ap.add_argument("--runs", type=int, help="runs a case, overriding the plan")
    ap.add_argument("--from-json", metavar="FILE", nargs="?", const=str(WORK / "results.json"),
                    help="measure nothing: rewrite the report and BENCHMARKS.md from a results.json "
                         "(default bench/.work/results.json)")
    ap.add_argument("--keep-output", action="store_true",
                    help="keep what each case wrote in bench/.work/out/ (deleted after each case by default)")
    ap.add_argument("--wait-idle", type=float, default=0, metavar="SECONDS",
                    help="first wait up to this long for the 1-minute load average to fall below 0.5")
    args = ap.parse_args()

    b = Bench(args)
    if args.from_json:
        load_json(b, Path(args.from_json))
        text, markdown, verdicts = report(b)
        print(text)
        if not (args.no_write or b.args.quick):
            write_benchmarks(markdown)
            print(f"bench: wrote {BENCHMARKS.relative_to(ROOT)} from {args.from_json}")
        return 0
    if not b.bin.exists():
        print(f"bench: {b.bin} is missing; build it first: swift build -c release --product pmreport "
              "(or run `make bench`)", file=sys.stderr)
        return 2
    b.bin, b.bin_label = snapshot(b.bin, "pmreport-under-test")
    if not args.no_typst:
        b.typst_ok, b.typst_info = ensure_typst(not args.no_install)
        if not b.typst_ok:
            print(f"bench: Typst not timed: {b.typst_info}", flush=True)

    if args.wait_idle > 0 and os.getloadavg()[0] >= 0.5:
        print(f"bench: load average {os.getloadavg()[0]:.2f}; waiting up to {args.wait_idle:.0f} s for quiet",
              flush=True)
        deadline = time.monotonic() + args.wait_idle
        while time.monotonic() < deadline and os.getloadavg()[0] >= 0.5:
            time.sleep(5)
        b.started = time.monotonic()
        b.load_start = os.getloadavg()
    cases = plan(args.quick, args.runs, b.typst_ok)
    scales = sorted({c.scale for c in cases})
    print(f"bench: preparing content at scales {', '.join(map(str, scales))} in {WORK.relative_to(ROOT)}/",
          flush=True)
    b.prepare(scales)
    if b.typst_ok:
        startup = [run_process([sys.executable, "-c", "import typst"], ROOT, 60, "typst-startup").wall
                   for _ in range(3)]
        b.typst_startup = statistics.median(startup)
    print("bench: wall seconds of each run, then the median", flush=True)
    b.run(cases)
    measure_extra(b)

    b.load_end = os.getloadavg()
    text, markdown, verdicts = report(b)
    print(text)
    # Only a full run replaces results.json (what --from-json rebuilds BENCHMARKS.md from).
    full = not (args.quick or args.only or args.runs)
    json_path = WORK / ("results.json" if full else "results-partial.json")
    save_json(b, verdicts, json_path)
    if full and not args.no_write:
        write_benchmarks(markdown)
        print(f"bench: wrote {BENCHMARKS.relative_to(ROOT)} and {json_path.relative_to(ROOT)}")
    else:
        print(f"bench: wrote {json_path.relative_to(ROOT)} (BENCHMARKS.md left alone)")
    # The bench measures; missed targets are findings, not errors. Fail only when nothing ran.
    return 0 if any(r.ok_runs for r in b.results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
