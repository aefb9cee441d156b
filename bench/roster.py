#!/usr/bin/env python3
"""pmreport roster benchmark: 200 personalised summaries in one run against 200 separate runs.

The issue's target: one run writing a personalised document for each of 200 participants takes
under a fifth of the time of 200 runs writing one copy each (the layout is computed once, and
each copy only adds its personal line). Both write the same 200 PDFs of the shipped `summary`.

`make bench` runs it through bench.py (`measure`), which puts the figure in BENCHMARKS.md; alone,
`python3 bench/roster.py --bin PATH` after a release build. Both runs share no shaping cache
(`--no-cache`), so the comparison is of the work each does. Writes bench/.work/roster-results.json.
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "bench" / ".work"


def names(count: int) -> list[str]:
    """`count` distinct names: the shipped sample's, numbered."""
    with open(ROOT / "examples" / "roster.csv", encoding="utf-8") as f:
        sample = [row["name"] for row in csv.DictReader(f)]
    return [f"{sample[i % len(sample)]} {i + 1}" for i in range(count)]


def write_roster(path: Path, people: list[str]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["name"])
        for name in people:
            writer.writerow([name])


def timed(cmd: list[str]) -> float:
    start = time.monotonic()
    done = subprocess.run(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if done.returncode != 0:
        sys.exit(f"roster bench: {' '.join(cmd)} failed ({done.returncode}): {done.stderr[-2000:]}")
    return time.monotonic() - start


def measure(binary: str, count: int = 200) -> dict:
    """One run writing `count` personalised summaries against `count` runs writing one each."""
    WORK.mkdir(parents=True, exist_ok=True)
    people = names(count)
    base = [binary, "--document", "summary", "--format", "pdf", "--quiet", "--no-cache"]
    with tempfile.TemporaryDirectory(dir=WORK) as tmp:
        tmp_path = Path(tmp)
        roster = tmp_path / "roster.csv"
        write_roster(roster, people)
        one_run = timed(base + ["--roster", str(roster), "--output", str(tmp_path / "one")])
        written = len(list((tmp_path / "one" / "pdf" / "summary").glob("*.pdf")))
        separate = 0.0
        for index, name in enumerate(people):
            single = tmp_path / f"single-{index}.csv"
            write_roster(single, [name])
            separate += timed(base + ["--roster", str(single), "--output", str(tmp_path / f"run-{index}")])
    ratio = one_run / separate if separate else float("nan")
    result = {
        "participants": count,
        "files_in_one_run": written,
        "one_run_seconds": round(one_run, 3),
        "separate_runs_seconds": round(separate, 3),
        "ratio": round(ratio, 4),
        "target": "ratio under 0.2",
        "met": ratio < 0.2 and written == count,
    }
    (WORK / "roster-results.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bin", default=str(ROOT / ".build" / "release" / "pmreport"))
    parser.add_argument("--count", type=int, default=200)
    args = parser.parse_args()
    result = measure(args.bin, args.count)
    print(
        f"roster: {args.count} personalised summaries in one run {result['one_run_seconds']:.2f} s "
        f"({result['files_in_one_run']} files); {args.count} separate runs "
        f"{result['separate_runs_seconds']:.2f} s; ratio {result['ratio']:.3f} "
        f"(target < 0.2: {'met' if result['met'] else 'NOT met'})"
    )
    if not result["met"]:
        sys.exit(1)


if __name__ == "__main__":
    main()
