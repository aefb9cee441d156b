#!/usr/bin/env python3
"""pmreport roster benchmark (`make bench-roster`): certificates, the merged print file and
personalised summaries for 1,000 and 10,000 names, with Typst's in-memory loop alongside (issue #29).

The cases (N is --count, 10,000 by default; n is N / 10):
  certificates  a config with one document, `{name: certificate, kind: certificate}`, and a roster
                of n, then N names: one PDF/UA file a name, with `--jobs 1` and with `--jobs 2`;
  Typst         one `typst.Compiler` (the Python package) kept in memory on a certificate like
                pmreport's, one compile a name with `sys_inputs={"name": ...}` and PDF/UA-1, one
                file each: the whole loop in one process;
  merged file   the certificates with `merge: true` (`certificate-all.pdf`), `--jobs 2`;
  summaries     the shipped `summary` (personalised, two pages): separate runs of one name each
                (--separate, 200), then one run of 200, of n and of N copies (--jobs: every core).
Every case runs once first, in this order: the n cases (certificates, Typst, the merged file),
the N ones (certificates, Typst), the summaries (200 copies, the separate runs, fewer but at least
20 when the budget would not hold the cases after them, then n and N copies), and last the merged
file at N names, which may be far slower than linear: it gets what is left of the time budget
(at least 45 s) as its timeout, and a timeout is reported as a miss; then the n cases again while
the budget holds them (--runs times each, 3 by default), so that no repetition takes the time the
merged file needs. The budget kept for the cases still to come is their cost a name measured so
far, times ESTIMATE_MARGIN. Every pmreport run is `--no-cache`: a roster's names are new text each
time, and a kept cache would make repeated runs unlike the first.

Memory is summed over the process and its descendants (pmreport's `--worker` processes), read
from /proc every 20 ms (the process list every 100 ms); the largest sum is the peak, kept two ways:
  PSS   the proportional set sizes (/proc/PID/smaps_rollup): a page shared by k processes counts
        1/k in each, so the sum is what the processes cost the machine: the binary's text, the
        libraries and the fonts' mapped pages, shared between pmreport and its workers, count
        once. The memory targets are judged on it: summed PSS is the usual way to add memory up
        over processes. (A page shared with a process outside the tree, a font another program
        has mapped too, counts its share only: the sum can dip a little on a busy machine.)
  RSS   the resident sets (/proc/PID/statm), shown beside it: each shared page counts once in
        every process that maps it, so with --jobs 2 the binary and the fonts count twice. The
        earlier rounds' figures were these.
GNU time's %M would give the largest single process only (its RSS), and a cgroup's `memory.peak`
is not to be had here (cgroup v1 for memory, owned by the machine's supervisor) and would count
the page cache of the files written as well.

Writes bench/.work/roster-results.json and the generated part of BENCHMARKS.md between the ROSTER
markers. --quick, or --count, --separate or --runs other than the defaults, make a partial run,
which writes bench/.work/roster-results-partial.json and leaves BENCHMARKS.md alone.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import signal
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import (  # noqa: E402
    FILE_LINE, ROOT, WORK, ensure_typst, fmt_mb, fmt_s, git_state, judge, load_line, machine, snapshot,
    swift_version, write_benchmarks)

BEGIN_MARK = "<!-- BEGIN GENERATED ROSTER RESULTS (bench/roster.py rewrites this part) -->"
END_MARK = "<!-- END GENERATED ROSTER RESULTS -->"
HERE = WORK / "roster"
DEFAULT_COUNT = 10_000
DEFAULT_SEPARATE = 200
DEFAULT_RUNS = 3
# Seconds of measuring (the build before it is not counted); `make bench-roster` stays under 10 min.
DEFAULT_BUDGET = 540.0
# The longest a single process may run, and the least the last case gets whatever the budget says.
RUN_CAP = 420.0
LEAST_TIMEOUT = 45.0
# The budget kept for a case to come is its kind's cost a name so far times its names, times this:
# in the fifth round's run a 10,000-name case took up to 7 % longer than ten times its 1,000-name
# run (the merged file, which the budget then stopped).
ESTIMATE_MARGIN = 1.1
SAMPLE_S = 0.02
RESCAN_EVERY = 5
PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024
OWN_CMDLINE = Path("/proc/self/cmdline").read_bytes()


# ---------------------------------------------------------------------------------------------
# Memory of a process tree

def memory_kb(pid: int) -> tuple[int, int]:
    """The resident set and the proportional set size of `pid` in KB ((0, 0) when it is gone, or
    has not yet left this Python by exec: a child forked from here shows Python's pages until
    then)."""
    try:
        if Path(f"/proc/{pid}/cmdline").read_bytes() == OWN_CMDLINE:
            return 0, 0
        rss = int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE_KB
        pss = next(int(line.split()[1]) for line in Path(f"/proc/{pid}/smaps_rollup").read_text()
                   .splitlines() if line.startswith("Pss:"))
        return rss, pss
    except (OSError, IndexError, ValueError, StopIteration):
        return 0, 0


def descendants(root: int) -> list[int]:
    """`root` and every process below it, from the parent ids in /proc/*/stat."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_bytes()
        except OSError:
            continue
        parent = int(stat.rpartition(b")")[2].split()[1])
        children.setdefault(parent, []).append(int(entry))
    tree, todo = [], [root]
    while todo:
        pid = todo.pop()
        tree.append(pid)
        todo.extend(children.get(pid, []))
    return tree


@dataclass
class TreeMemory:
    """The peaks of the summed resident sets and of the summed proportional set sizes of a process
    and its descendants, sampled."""

    root: int
    members: list[int] = field(default_factory=list)
    samples: int = 0
    peak_kb: int = 0          # the largest sum of resident sets seen
    peak_pss_kb: int = 0      # the largest sum of proportional set sizes seen
    largest_kb: int = 0       # the largest single resident set seen (what GNU time's %M reports)
    processes: int = 0        # the most processes counted at once

    def sample(self) -> None:
        """Reads the tree's memory once (the process list every RESCAN_EVERY samples)."""
        if self.samples % RESCAN_EVERY == 0:
            self.members = descendants(self.root)
        self.samples += 1
        sizes = [kb for kb in map(memory_kb, self.members) if kb[0]]
        self.peak_kb = max(self.peak_kb, sum(rss for rss, _ in sizes))
        self.peak_pss_kb = max(self.peak_pss_kb, sum(pss for _, pss in sizes))
        self.largest_kb = max([self.largest_kb, *(rss for rss, _ in sizes)])
        self.processes = max(self.processes, len(sizes))


# ---------------------------------------------------------------------------------------------
# Running one process

@dataclass
class Run:
    """One process run: its wall and CPU time, peak memory summed over its processes (resident
    sets and proportional set sizes), what it wrote, and for a merged file the time pmreport
    reports for writing it."""

    ok: bool
    wall_s: float
    cpu_s: float
    peak_mb: float
    largest_mb: float
    processes: int
    files: int = 0
    note: str = ""
    merged_ms: int | None = None
    merged_pages: int | None = None
    loop_s: float | None = None      # Typst: the compile loop alone, as its driver prints it
    peak_pss_mb: float | None = None # summed PSS (None in results files from before it was kept)


def run_sampled(cmd: list[str], timeout: float, log: Path) -> tuple[Run, str, str]:
    """Runs `cmd` in a session of its own, sampling its process tree's memory every SAMPLE_S, and
    kills the session after `timeout` seconds. Returns the run, its stdout and its stderr. CPU time
    is the child's rusage, which includes the workers it waited for."""
    log.parent.mkdir(parents=True, exist_ok=True)
    out_path, err_path = log.with_suffix(".stdout"), log.with_suffix(".stderr")
    start = time.monotonic()
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=out, stderr=err, start_new_session=True)
    memory = TreeMemory(proc.pid)
    killed = False
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        memory.sample()
        if not killed and time.monotonic() - start > timeout:
            os.killpg(proc.pid, signal.SIGKILL)
            killed = True
        time.sleep(SAMPLE_S)
    wall = time.monotonic() - start
    proc.returncode = code = os.waitstatus_to_exitcode(status)   # reaped here, not by Popen
    stderr = err_path.read_text(errors="replace")
    if killed:
        note = f"timed out: killed after {timeout:.0f} s"
    elif code != 0:
        last = [line for line in stderr.splitlines() if line.strip()]
        note = f"exit {code}: " + (last[-1][:200] if last else "no message")
    else:
        note = ""
    run = Run(code == 0 and not killed, wall, usage.ru_utime + usage.ru_stime, memory.peak_kb / 1024,
              memory.largest_kb / 1024, memory.processes, note=note,
              peak_pss_mb=memory.peak_pss_kb / 1024)
    return run, out_path.read_text(errors="replace"), stderr


def count_pdfs(folder: Path) -> int:
    """PDF files written under `folder` (not the temporary dot-files of a run still writing)."""
    return sum(1 for p in folder.rglob("*.pdf") if not p.name.startswith(".")) if folder.exists() else 0


def read_merged_line(run: Run, stderr: str) -> None:
    """The merged file's own line on pmreport's stderr (`-v`): `…-all.pdf  N pages  B bytes  M ms`,
    the time from starting to write that file to its rename into place."""
    for line in stderr.splitlines():
        m = FILE_LINE.match(line.strip())
        if m and m["path"].endswith("-all.pdf"):
            run.merged_ms, run.merged_pages = int(m["ms"]), int(m["pages"])


# ---------------------------------------------------------------------------------------------
# Inputs

def names(count: int) -> list[str]:
    """`count` distinct names: the shipped sample's (several scripts), numbered."""
    with open(ROOT / "examples" / "roster.csv", encoding="utf-8") as f:
        sample = [row["name"] for row in csv.DictReader(f)]
    return [f"{sample[i % len(sample)]} {i + 1}" for i in range(count)]


def write_roster(path: Path, people: list[str]) -> Path:
    """A roster CSV with a `name` column."""
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["name"])
        writer.writerows([name] for name in people)
    return path


def certificate_config(path: Path, merge: bool) -> Path:
    """A config with the certificate alone (and its merged file when `merge`)."""
    path.write_text("documents:\n  - name: certificate\n    kind: certificate\n"
                    + ("    merge: true\n" if merge else ""), encoding="utf-8")
    return path


def typst_certificate(date: str) -> str:
    """A Typst certificate laid out like pmreport's (landscape A4, classic style): a double blue
    frame, the title, "This certifies that", the name in Noto Sans Bold as large as fits the
    494 pt rule (40 pt down to 20 pt, then two lines), "has completed the training", the course
    (pmreport's built-in title, as a config without metadata gets), and the date and trainer over
    signature rules. The name comes from `sys.inputs.name`."""
    return f"""#let name = sys.inputs.at("name", default: "Participant")
#let blue = rgb("#0b4f8a")
#set document(title: "Certificate of Completion: " + name, author: "pmreport")
#set page(paper: "a4", flipped: true, margin: 0pt)
#set text(font: "Noto Serif", size: 12.6pt, lang: "en", fill: rgb("#1b1f24"))
#show heading: set text(font: "Noto Sans", size: 24pt, weight: "bold", fill: blue)
#let at(y, body) = place(top + center, dy: y, body)
#let rule(width) = line(length: width, stroke: 0.75pt + rgb("#b9c2cc"))
#place(top + left, dx: 17pt, dy: 17pt, rect(width: 100% - 34pt, height: 100% - 34pt, stroke: 2pt + blue))
#place(top + left, dx: 24pt, dy: 24pt, rect(width: 100% - 48pt, height: 100% - 48pt, stroke: 0.75pt + blue))
#at(134pt, heading(outlined: false)[Certificate of Completion])
#at(190pt, emph[This certifies that])
#place(bottom + center, dy: 255pt - 595.28pt, context {{
  let natural = measure(text(font: "Noto Sans", weight: "bold", size: 40pt, name)).width
  let size = calc.max(20pt, calc.min(40pt, 40pt * (494pt / natural)))
  box(width: 494pt, align(center, text(font: "Noto Sans", weight: "bold", size: size, name)))
}})
#at(271pt, rule(494pt))
#at(293pt, emph[has completed the training])
#at(319pt, text(font: "Noto Sans", weight: "bold", size: 12pt, fill: blue)[
  Business Product Manager vs Technical Product Manager])
#let signature(x, value, label) = place(top + left, dx: x, dy: 491pt, box(width: 213pt, align(center)[
  #text(size: 10.5pt, value)
  #v(-6pt)
  #rule(213pt)
  #v(-8pt)
  #text(font: "Noto Sans", size: 8pt, fill: rgb("#5a6470"), label)
]))
#signature(103pt, "{date}", "Date")
#signature(526pt, "pmreport", "Trainer")
"""


# Typst's loop: one compiler kept in memory, one compile a name, one PDF/UA-1 file each; prints the
# loop's own seconds (the process also pays Python's start, the import and the compiler's set-up).
TYPST_LOOP = """import json, sys, time
import typst
source, names, out = sys.argv[1], sys.argv[2], sys.argv[3]
with open(names, encoding="utf-8") as f:
    people = json.load(f)
compiler = typst.Compiler(source)
start = time.perf_counter()
for index, name in enumerate(people, 1):
    compiler.compile(output=f"{out}/{index}.pdf", format="pdf", sys_inputs={"name": name},
                     pdf_standards=["ua-1"])
print(time.perf_counter() - start)
"""


# ---------------------------------------------------------------------------------------------
# Cases

@dataclass
class Case:
    """A measured case: its runs, or why it was skipped."""

    name: str
    label: str
    names: int
    rate: str                 # the cases sharing a cost a name (to estimate the ones to come)
    planned: int
    single_core: bool         # one process on one core: wall above CPU means a busy machine
    runs: list[Run] = field(default_factory=list)
    skipped: str = ""

    @property
    def ok_runs(self) -> list[Run]:
        return [r for r in self.runs if r.ok]

    def median(self, key: str) -> float | None:
        """The median of a run field over the successful runs."""
        values = [getattr(r, key) for r in self.ok_runs if getattr(r, key) is not None]
        return statistics.median(values) if values else None

    @property
    def wall(self) -> float | None:
        return self.median("wall_s")

    @property
    def peak_mb(self) -> float | None:
        """The largest summed RSS peak of any run, a timed-out one included (a lower bound then)."""
        return max((r.peak_mb for r in self.runs), default=None)

    @property
    def peak_pss_mb(self) -> float | None:
        """The largest summed PSS peak of any run, a timed-out one included (a lower bound then);
        None when no run kept it."""
        return max((r.peak_pss_mb for r in self.runs if r.peak_pss_mb is not None), default=None)


@dataclass
class Step:
    """A case to run: `command(i)` gives run i's command and output folder."""

    case: Case
    command: Callable[[int], tuple[list[str], Path]]
    repeated: bool = False    # runs 2, 3, … repeat the first (made after every step's first run)
    least: int = 1            # runs kept however short the budget (not repeated runs)
    last: bool = False        # the last case: its timeout is what is left of the budget


class RosterBench:
    """Prepares the inputs, runs the steps within the time budget, and keeps the results."""

    def __init__(self, args: argparse.Namespace):
        self.args = args
        self.started = time.monotonic()
        self.date = dt.datetime.now(dt.timezone.utc)
        self.cases: dict[str, Case] = {}
        self.notes: list[str] = []
        self.load_start = os.getloadavg()
        self.load_end = self.load_start
        self.info: dict[str, str] = {}
        self.rates: dict[str, float] = {}   # seconds a name, by Case.rate, as measured
        self.typst_ok = False

    def left(self) -> float:
        """Seconds of the budget left."""
        return self.args.budget - (time.monotonic() - self.started)

    # Inputs --------------------------------------------------------------------------------

    def prepare(self, binary: Path) -> list[Step]:
        """Writes the rosters, configs and Typst source, and returns the steps in running order."""
        shutil.rmtree(HERE, ignore_errors=True)
        HERE.mkdir(parents=True)
        big, small, runs = self.args.count, self.args.count // 10, self.args.runs
        people = names(max(big, 200, self.args.separate))
        rosters = {n: write_roster(HERE / f"roster-{n}.csv", people[:n]) for n in {small, big, 200}}
        plain = certificate_config(HERE / "certificate.yml", merge=False)
        merged = certificate_config(HERE / "certificate-merged.yml", merge=True)
        today = dt.date.today()
        (HERE / "certificate.typ").write_text(typst_certificate(f"{today.day} {today:%B %Y}"))
        singles = [write_roster(HERE / f"single-{i}.csv", [name])
                   for i, name in enumerate(people[:self.args.separate])]

        def pmreport(name: str, config: list[str], roster: Path, jobs: list[str]):
            """The command of a pmreport case (PDF, no cache, a line a file) and its folder."""
            def command(i: int) -> tuple[list[str], Path]:
                out = HERE / "out" / name
                return [str(binary), *config, "--roster", str(roster), "--format", "pdf", "--no-cache",
                        "-v", *jobs, "--output", str(out)], out
            return command

        def certificates(n: int, jobs: int, config: Path = plain, prefix: str = "certificates"):
            """Certificates for n names (with the merged file when `config` is `merged`)."""
            name = f"{prefix}-{n}-j{jobs}"
            what = "certificates, merged file" if config == merged else "certificates"
            case = Case(name, f"{n:,} {what}, --jobs {jobs}", n, f"{prefix}-j{jobs}",
                        runs if n == small else 1, single_core=jobs == 1)
            return Step(case, pmreport(name, ["--config", str(config), "--document", "certificate"],
                                       rosters[n], ["--jobs", str(jobs)]), repeated=case.planned > 1)

        def typst_loop(n: int) -> Step:
            """Typst's in-memory loop over n names."""
            (HERE / f"names-{n}.json").write_text(json.dumps(people[:n]), encoding="utf-8")

            def command(i: int) -> tuple[list[str], Path]:
                out = HERE / "out" / f"typst-{n}"
                return [sys.executable, "-c", TYPST_LOOP, str(HERE / "certificate.typ"),
                        str(HERE / f"names-{n}.json"), str(out)], out
            case = Case(f"typst-{n}", f"{n:,} certificates, Typst in memory (PDF/UA-1)", n, "typst",
                        runs if n == small else 1, single_core=True)
            return Step(case, command, repeated=case.planned > 1)

        def summaries(n: int) -> Step:
            """n personalised summaries in one run."""
            name = f"summaries-{n}"
            case = Case(name, f"{n:,} personalised summaries in one run", n, "summaries", 1,
                        single_core=False)
            return Step(case, pmreport(name, ["--document", "summary"], rosters[n], []))

        def separate() -> Step:
            """Run i: a summary for name i alone, a run of its own."""
            def command(i: int) -> tuple[list[str], Path]:
                return pmreport("separate", ["--document", "summary"], singles[i], [])(i)
            case = Case("summary-separate", "a summary for one name, a run of its own", 1, "separate",
                        len(singles), single_core=False)
            return Step(case, command, least=min(20, len(singles)))

        steps = [certificates(small, 1), certificates(small, 2)]
        if self.typst_ok:
            steps.append(typst_loop(small))
        steps.append(certificates(small, 2, merged, "merged"))
        steps += [certificates(big, 2), certificates(big, 1)]
        if self.typst_ok:
            steps.append(typst_loop(big))
        steps += [summaries(200), separate()] + [summaries(n) for n in (small, big) if n != 200]
        steps.append(certificates(big, 2, merged, "merged"))
        steps[-1].last = True
        return steps

    # Running -------------------------------------------------------------------------------

    def estimate(self, step: Step) -> float:
        """Seconds to keep for `step`: its kind's cost a name measured so far, times
        ESTIMATE_MARGIN (0 before any was)."""
        return (ESTIMATE_MARGIN * self.rates.get(step.case.rate, 0.0) * step.case.names
                * step.case.planned)

    def run_once(self, step: Step, index: int) -> Run:
        """Run `index` of the step's case, in an emptied output folder removed afterwards."""
        case = step.case
        cmd, out = step.command(index)
        shutil.rmtree(out, ignore_errors=True)
        out.mkdir(parents=True)
        timeout = min(RUN_CAP, max(LEAST_TIMEOUT if step.last else 30.0, self.left()))
        run, stdout, stderr = run_sampled(cmd, timeout, HERE / "logs" / f"{case.name}-{index + 1}")
        run.files = count_pdfs(out)
        read_merged_line(run, stderr)
        if case.rate == "typst" and run.ok:
            run.loop_s = float((stdout.split() or ["nan"])[-1])
        shutil.rmtree(out, ignore_errors=True)
        case.runs.append(run)
        self.rates[case.rate] = run.wall_s / case.names
        if case.planned <= 10:   # (not each of the separate runs)
            print(f" {run.wall_s:.2f}{'' if run.ok else '!'}", end="", flush=True)
        if not run.ok:
            self.notes.append(f"{case.name}: {run.note}")
        return run

    def first_pass(self, step: Step, reserve: float) -> None:
        """The step's first run, or all its runs when they are not repetitions (fewer, down to its
        least, when the budget less `reserve` would not hold them); skipped once the budget is
        spent, but for the last step."""
        case = step.case
        self.cases[case.name] = case
        if self.left() <= 0 and not step.last:
            case.skipped = "skipped: time budget spent"
            print(f"  {case.name:<24} {case.skipped}", flush=True)
            return
        print(f"  {case.name:<24}", end="", flush=True)
        runs = 1 if step.repeated else case.planned
        for index in range(runs):
            run = self.run_once(step, index)
            if "timed out" in run.note:
                break
            if index + 1 < runs and index + 1 >= step.least and self.left() - reserve < run.wall_s:
                self.notes.append(f"{case.name}: {index + 1} of {runs} runs, to stay in the time budget")
                break
        print_case(case)

    def repeat(self, steps: list[Step]) -> None:
        """The repeated steps' further runs, each while the budget holds one more."""
        for step in steps:
            case = step.case
            if not step.repeated or not case.ok_runs:
                continue
            if self.left() >= case.runs[-1].wall_s:
                print(f"  {case.name + ' again':<24}", end="", flush=True)
                while len(case.runs) < case.planned and self.left() >= case.runs[-1].wall_s:
                    self.run_once(step, len(case.runs))
                print_case(case)
            if len(case.runs) < case.planned:
                self.notes.append(f"{case.name}: {len(case.runs)} of {case.planned} runs, to stay in "
                                  "the time budget")

    def run(self, binary: Path) -> None:
        """Prepares, runs every step once (each of the separate runs), the last one with what is
        left of the budget, then the repetitions of the small cases while the budget holds them."""
        steps = self.prepare(binary)
        for index, step in enumerate(steps):
            self.first_pass(step, sum(map(self.estimate, steps[index + 1:])))
        self.repeat(steps)
        self.load_end = os.getloadavg()


def print_case(case: Case) -> None:
    """The case's median, runs and peak memory, ending its progress line."""
    walls = [r.wall_s for r in case.runs]
    print(f"   -> median {statistics.median(walls):.2f} s ({len(walls)} run{'s' * (len(walls) > 1)}, "
          f"peak {fmt_mb(case.peak_pss_mb)} MB PSS, {case.peak_mb:.1f} MB RSS)", flush=True)


# ---------------------------------------------------------------------------------------------
# Figures and targets

def per_page_ms(case: Case | None) -> float | None:
    """The merged file's own time a page (its stderr line), median of the runs."""
    if case is None:
        return None
    values = [r.merged_ms / r.merged_pages for r in case.ok_runs if r.merged_ms and r.merged_pages]
    return statistics.median(values) if values else None


def targets(b: RosterBench) -> list[dict]:
    """Each target of issue #29's roster table (and the earlier round's roster target) with its
    figure, limit, verdict and what it was computed from."""
    big, small = b.args.count, b.args.count // 10
    c = b.cases.get

    def wall(name: str) -> float | None:
        return c(name).wall if c(name) else None

    def peak(name: str) -> float | None:
        """The case's summed PSS peak: what the memory targets are judged on."""
        return c(name).peak_pss_mb if c(name) and c(name).runs else None

    def rss(name: str) -> float | None:
        """The case's summed RSS peak, shown beside it."""
        return c(name).peak_mb if c(name) and c(name).runs else None

    def ratio(a: float | None, d: float | None) -> float | None:
        return a / d if a is not None and d else None

    def diff(a: float | None, d: float | None) -> float | None:
        return a - d if a is not None and d is not None else None

    def shown(name: str) -> str:
        case = c(name)
        if not case or not case.runs:
            return f"{name}: {case.skipped if case else 'not run'}"
        walls = [r.wall_s for r in case.ok_runs] or [case.runs[-1].wall_s]
        spread = f" ({min(walls):.2f}–{max(walls):.2f})" if len(walls) > 1 else ""
        failed = "" if case.ok_runs else f", {case.runs[-1].note}"
        return f"{name} {statistics.median(walls):.2f} s{spread}{failed}"

    separate = c("summary-separate")
    one_separate = separate.wall if separate else None
    copy = ratio(wall(f"summaries-{big}"), big)
    merged_small, merged_big = f"merged-{small}-j2", f"merged-{big}-j2"
    rows = [
        ("issue", f"{big:,} certificates, --jobs 2 / Typst's in-memory loop", 0.5, "×",
         ratio(wall(f"certificates-{big}-j2"), wall(f"typst-{big}")),
         f"{shown(f'certificates-{big}-j2')}; {shown(f'typst-{big}')}, its loop alone "
         f"{fmt_s(c(f'typst-{big}').median('loop_s') if c(f'typst-{big}') else None)} s"),
        ("issue", f"{big:,} certificates: --jobs 2 wall / --jobs 1 wall", 0.6, "×",
         ratio(wall(f"certificates-{big}-j2"), wall(f"certificates-{big}-j1")),
         f"{shown(f'certificates-{big}-j2')}; {shown(f'certificates-{big}-j1')}"),
        ("issue", f"merged file: time a page at {big:,} names / at {small:,}", 1.2, "×",
         ratio(per_page_ms(c(merged_big)), per_page_ms(c(merged_small))),
         f"its own line: {fmt_ms(per_page_ms(c(merged_small)))} and {fmt_ms(per_page_ms(c(merged_big)))} "
         f"ms a page; run with merge − without: {merge_cost(b, small)} and {merge_cost(b, big)}"),
        ("issue", f"merged file: peak memory (PSS), {big:,} names", 300.0, "MB", peak(merged_big),
         f"RSS {fmt_mb(rss(merged_big))} MB; {small:,} names: PSS {fmt_mb(peak(merged_small))}, "
         f"RSS {fmt_mb(rss(merged_small))} MB"
         + ("" if not c(merged_big) or c(merged_big).ok_runs else " (timed out: at least this)")),
        ("issue", f"{big:,} personalised summaries: a copy / a separate run", 0.1, "×",
         ratio(copy, one_separate),
         f"a copy {fmt_ms(copy * 1000 if copy else None)} ms ({shown(f'summaries-{big}')}); "
         f"a separate run {fmt_ms(one_separate * 1000 if one_separate else None)} ms (median of "
         f"{len(separate.ok_runs) if separate else 0})"),
    ]
    for name, what in ((f"certificates-{big}-j1", "certificates, --jobs 1"),
                       (f"certificates-{big}-j2", "certificates, --jobs 2"),
                       (f"summaries-{big}", "personalised summaries")):
        rows.append(("issue", f"peak memory (PSS), all processes, {big:,} {what}", 150.0, "MB",
                     peak(name), f"RSS summed {fmt_mb(rss(name))} MB; largest process's RSS "
                     f"{fmt_mb(c(name).median('largest_mb') if c(name) else None)} MB"))
    for kind, suffix, what in (("certificates", "-j1", "certificates, --jobs 1"),
                               ("certificates", "-j2", "certificates, --jobs 2"),
                               ("summaries", "", "personalised summaries"),
                               ("merged", "-j2", "certificates with the merged file")):
        small_name, big_name = f"{kind}-{small}{suffix}", f"{kind}-{big}{suffix}"
        rows.append(("issue", f"peak memory growth (PSS), {small:,} → {big:,} {what}", 20.0, "MB",
                     diff(peak(big_name), peak(small_name)),
                     f"PSS {fmt_mb(peak(small_name))} → {fmt_mb(peak(big_name))} MB; RSS "
                     f"{fmt_mb(rss(small_name))} → {fmt_mb(rss(big_name))} MB "
                     f"({fmt_signed(diff(rss(big_name), rss(small_name)))} MB)"))
    rows.append(("earlier", "200 personalised summaries: one run / 200 separate runs", 0.2, "×",
                 ratio(wall("summaries-200"), one_separate * 200 if one_separate else None),
                 f"{shown('summaries-200')}; 200 × the median separate run"))
    verdicts = []
    for group, label, limit, unit, value, reference in rows:
        verdict, margin = judge(value, limit)
        verdicts.append({"group": group, "target": label, "limit": limit, "unit": unit, "value": value,
                         "verdict": verdict, "margin": margin, "reference": reference})
    return verdicts


def fmt_signed(x: float | None) -> str:
    """Megabytes with their sign, one decimal."""
    return "—" if x is None else f"{x:+.1f}"


def fmt_ms(x: float | None) -> str:
    """Milliseconds, one decimal."""
    return "—" if x is None else f"{x:.1f}"


def merge_cost(b: RosterBench, n: int) -> str:
    """What `merge: true` adds to the --jobs 2 run's wall at `n` names, a page."""
    with_merge, without = b.cases.get(f"merged-{n}-j2"), b.cases.get(f"certificates-{n}-j2")
    if not (with_merge and without and with_merge.wall is not None and without.wall is not None):
        return "—"
    return f"{(with_merge.wall - without.wall) / n * 1000:.1f} ms"


# ---------------------------------------------------------------------------------------------
# Report

def report(b: RosterBench, verdicts: list[dict]) -> str:
    """The markdown of the run: the set-up, the targets table and every case."""
    partial = is_partial(b.args)
    busy = [c.name for c in b.cases.values()
            if c.single_core and c.wall and c.median("cpu_s") and c.wall > 1.15 * c.median("cpu_s")]
    md = [f"Last roster run: **{b.date:%Y-%m-%d %H:%M %Z}**, "
          + ("partial run (not the benchmark)" if partial else "full run")
          + f", {b.args.count:,} and {b.args.count // 10:,} names, took {b.info.get('measuring_s', 0):.0f} s "
          "of measuring.", "",
          f"- Machine: {b.info.get('machine')}",
          load_line(b.load_start[0], b.load_end[0], busy, len(b.cases)),
          f"- pmreport: {b.info.get('binary')} (release build), source at commit {b.info.get('commit')}; "
          f"{b.info.get('swift')}",
          f"- Typst: {b.info.get('typst')}",
          "- Memory: the process and all its descendants (pmreport's workers), read from /proc "
          "every 20 ms and summed; the peak is the largest sum. The targets are judged on the "
          "summed **PSS** (proportional set size, `/proc/PID/smaps_rollup`: a page shared by k "
          "processes counts 1/k in each, so the binary, the libraries and the fonts' pages that "
          "pmreport and its workers share count once: what the processes cost the machine, and the "
          "usual way to add memory up over processes). The summed **RSS** (`statm`, each shared "
          "page counted in every process mapping it; earlier rounds' figure) is shown beside it. "
          "No cgroup v2 memory controller here, and its `memory.peak` would count the written "
          "files' page cache.",
          "", "### Targets", "",
          "| target | limit | measured | verdict | for reference |", "|---|--:|--:|---|---|"]
    for v in verdicts:
        if v["group"] == "earlier" and v is next(x for x in verdicts if x["group"] == "earlier"):
            md.append("| *earlier round's target* | | | | |")
        value = "—" if v["value"] is None else f"{v['value']:.{1 if v['unit'] == 'MB' else 2}f} {v['unit']}"
        md.append(f"| {v['target']} | {v['limit']:g} {v['unit']} | {value} | {v['verdict']}"
                  f"{' — ' + v['margin'] if v['margin'] else ''} | {v['reference']} |")
    md += ["", "### All cases", "",
           "| case | names | runs | median wall s | min–max s | CPU s | ms a name | peak MB PSS, all "
           "processes | peak MB RSS, all processes | largest process MB RSS | files | merged file ms |",
           "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|"]
    for c in b.cases.values():
        if not c.runs:
            md.append(f"| {c.label} | {c.names:,} | 0 | {c.skipped} | | | | | | | | |")
            continue
        walls = [r.wall_s for r in c.runs]
        wall = c.wall if c.wall is not None else statistics.median(walls)
        runs = f"{len(c.ok_runs)}/{len(c.runs)}" if len(c.ok_runs) < len(c.runs) else str(len(c.runs))
        merged = c.median("merged_ms")
        md.append(f"| {c.label} | {c.names:,} | {runs} | {fmt_s(wall)} | {min(walls):.2f}–{max(walls):.2f} "
                  f"| {fmt_s(c.median('cpu_s'))} | {wall / c.names * 1000:.1f} | {fmt_mb(c.peak_pss_mb)} "
                  f"| {fmt_mb(c.peak_mb)} "
                  f"| {fmt_mb(max(r.largest_mb for r in c.runs))} | {c.runs[-1].files:,} "
                  f"| {'—' if merged is None else f'{merged:.0f}'} |")
    md += ["", "Wall: median of the runs, whole processes (Typst's too: Python's start, the import and "
           "the compiler's set-up included; its loop alone is in the results file). CPU: user + system "
           "of the process and the workers it waited for. ms a name: median wall / names. Merged file "
           "ms: the time pmreport prints for writing `certificate-all.pdf` (its `-v` line)."]
    if b.notes:
        md += ["", "Notes from this run:", ""] + [f"- {n}" for n in b.notes]
    return "\n".join(md) + "\n"


def is_partial(args: argparse.Namespace) -> bool:
    """A run with other counts than the benchmark's, whose figures must not replace its results."""
    return args.count != DEFAULT_COUNT or args.separate != DEFAULT_SEPARATE or args.runs != DEFAULT_RUNS


def save(b: RosterBench, verdicts: list[dict], path: Path) -> None:
    """Everything measured, every run, as JSON."""
    data = {"date": b.date.isoformat(), "count": b.args.count, "separate": b.args.separate,
            "runs": b.args.runs, "budget_s": b.args.budget, "info": b.info, "notes": b.notes,
            "load_average_start": b.load_start, "load_average_end": b.load_end, "targets": verdicts,
            "cases": {name: asdict(c) for name, c in b.cases.items()}}
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")


def load(b: RosterBench, path: Path) -> None:
    """Rebuilds a finished run from its results file (to rewrite the report without measuring)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    b.date = dt.datetime.fromisoformat(data["date"])
    b.args.count, b.args.separate, b.args.runs = data["count"], data["separate"], data["runs"]
    b.info, b.notes = data["info"], data["notes"]
    b.load_start, b.load_end = tuple(data["load_average_start"]), tuple(data["load_average_end"])
    for name, c in data["cases"].items():
        runs = [Run(**r) for r in c.pop("runs")]
        b.cases[name] = Case(**c, runs=runs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bin", default=str(ROOT / ".build" / "release" / "pmreport"),
                        help="the pmreport binary (default .build/release/pmreport)")
    parser.add_argument("--count", type=int, default=DEFAULT_COUNT,
                        help=f"names of the large roster (default {DEFAULT_COUNT:,}; the small one a tenth)")
    parser.add_argument("--separate", type=int, default=DEFAULT_SEPARATE,
                        help=f"separate one-name summary runs (default {DEFAULT_SEPARATE})")
    parser.add_argument("--runs", type=int, default=DEFAULT_RUNS,
                        help=f"runs of each small case (default {DEFAULT_RUNS}; the large ones run once)")
    parser.add_argument("--quick", action="store_true", help="--count 1000 --separate 20 --runs 1")
    parser.add_argument("--budget", type=float, default=DEFAULT_BUDGET,
                        help=f"seconds of measuring (default {DEFAULT_BUDGET:.0f})")
    parser.add_argument("--no-typst", action="store_true", help="do not time Typst")
    parser.add_argument("--no-write", action="store_true", help="leave BENCHMARKS.md alone")
    parser.add_argument("--from-json", metavar="FILE", nargs="?", const=str(WORK / "roster-results.json"),
                        help="measure nothing: rewrite the report from a results file")
    args = parser.parse_args()
    if args.quick:
        args.count, args.separate, args.runs = 1000, 20, 1
    b = RosterBench(args)
    if args.from_json:
        load(b, Path(args.from_json))
    else:
        binary = Path(args.bin).resolve()
        if not binary.exists():
            sys.exit(f"roster bench: {binary} is missing; build it first (make bench-roster does)")
        binary, label = snapshot(binary, "pmreport-roster-under-test")
        b.typst_ok, typst = (False, "not requested (--no-typst)") if args.no_typst else ensure_typst(True)
        b.info = {"machine": machine(), "commit": git_state(), "swift": swift_version(), "binary": label,
                  "typst": typst}
        print(f"roster bench: {args.count:,} and {args.count // 10:,} names, budget {args.budget:.0f} s",
              flush=True)
        b.run(binary)
        b.info["measuring_s"] = round(time.monotonic() - b.started, 1)
    verdicts = targets(b)
    markdown = report(b, verdicts)
    print("\n" + markdown)
    partial = is_partial(args)
    if not args.from_json:
        path = WORK / ("roster-results-partial.json" if partial else "roster-results.json")
        save(b, verdicts, path)
        print(f"roster bench: wrote {path.relative_to(ROOT)}")
    if not (partial or args.no_write):
        write_benchmarks(markdown, BEGIN_MARK, END_MARK, "Last roster run (`make bench-roster`)")
        print("roster bench: wrote BENCHMARKS.md")
    return 0 if any(c.ok_runs for c in b.cases.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
