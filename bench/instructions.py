#!/usr/bin/env python3
"""Instruction counts and peak memory of one pmreport binary, for comparing two builds.

    python3 bench/instructions.py --bin /tmp/base/pmreport --bin .build/release/pmreport

For each binary (debug info stripped first, as BENCHMARKS.md does): callgrind's total
instructions for the full report PDF at scales 1 and 20 (`--no-cache --jobs 1`,
SOURCE_DATE_EPOCH set), and GNU time's peak RSS for the full report PDF at scale 100, the median
of three runs. Instruction counts do not depend on the machine's load; the memory figure barely
does. The scaled content comes from bench.py's `scaled_content`.
"""

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile

import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench  # noqa: E402  (scaled_content)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ENV = dict(os.environ, SOURCE_DATE_EPOCH="1700000000")


def content(work, binary, scale):
    path = os.path.join(work, f"content-{scale}.yml")
    if not os.path.exists(path):
        base = yaml.safe_load(subprocess.run(
            [binary, "export-content"], cwd=ROOT, capture_output=True, text=True, check=True).stdout)
        with open(path, "w") as f:
            yaml.safe_dump(bench.scaled_content(base, scale), f, allow_unicode=True, sort_keys=False)
    return path


def arguments(work, binary, scale):
    out = tempfile.mkdtemp(dir=work)
    return [binary, "--document", "full-report", "--format", "pdf", "--no-cache", "--jobs", "1",
            "--content", content(work, binary, scale), "--output", out, "--quiet"]


def instructions(work, binary, scale):
    log = os.path.join(work, "callgrind.out")
    subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={log}"]
                   + arguments(work, binary, scale),
                   cwd=ROOT, env=ENV, capture_output=True, check=True)
    with open(log) as f:
        totals = re.search(r"^(?:summary|totals): (\d+)", f.read(), re.M)
    return int(totals.group(1))


def peak_rss_mb(work, binary, scale):
    peaks = []
    for _ in range(3):
        proc = subprocess.run(["/usr/bin/time", "-f", "%M"] + arguments(work, binary, scale),
                              cwd=ROOT, env=ENV, capture_output=True, text=True, check=True)
        peaks.append(int(proc.stderr.strip().splitlines()[-1]) / 1024)
    return statistics.median(peaks)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bin", action="append", required=True, help="a pmreport binary")
    opts = parser.parse_args()
    # Under the project: a --content path must lie inside the project root.
    os.makedirs(os.path.join(ROOT, "bench/.work"), exist_ok=True)
    work = tempfile.mkdtemp(prefix="instructions-", dir=os.path.join(ROOT, "bench/.work"))
    try:
        for binary in opts.bin:
            stripped = os.path.join(work, "pmreport-stripped")
            subprocess.run(["objcopy", "--strip-debug", binary, stripped], check=True)
            figures = [f"scale {s}: {instructions(work, stripped, s) / 1e6:,.1f} M instructions"
                       for s in (1, 20)]
            figures.append(f"scale 100: {peak_rss_mb(work, stripped, 100):.1f} MB peak (median of 3)")
            print(f"{binary}: " + "; ".join(figures), flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
