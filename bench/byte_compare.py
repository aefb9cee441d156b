#!/usr/bin/env python3
"""Byte comparison of two pmreport builds: the same runs, every output file's sha256 compared.

    python3 bench/byte_compare.py --base /tmp/base/pmreport --new .build/release/pmreport

Cases (each with SOURCE_DATE_EPOCH set, `--no-cache`): the shipped set in every format with
`--jobs 1` and `--jobs 2`; the same with `examples/roster.csv`; every shipped style in PDF and
SVG. Compares `manifest.json`'s sha256 values, the file lists, and standard error with the
timings masked. Exit 0 when everything is equal, 1 with the differences listed.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
STYLES = sorted(f[:-4] for f in os.listdir(os.path.join(ROOT, "Styles")) if f.endswith(".yml"))

CASES = [
    ("set-all-j1", ["--format", "all", "--jobs", "1"]),
    ("set-all-j2", ["--format", "all", "--jobs", "2"]),
    ("roster-all-j1", ["--format", "all", "--jobs", "1", "--roster", "examples/roster.csv"]),
    ("roster-all-j2", ["--format", "all", "--jobs", "2", "--roster", "examples/roster.csv"]),
] + [
    (f"style-{s}-{f}", ["--format", f, "--style", s, "--jobs", "2"])
    for s in STYLES
    for f in ("pdf", "svg")
]

# Timings and sizes that vary from run to run on standard error.
TIMING = re.compile(r"\b\d+(\.\d+)? (s|ms)\b")


def run(binary, args, out):
    env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000")
    proc = subprocess.run(
        [binary, "--output", out, "--no-cache"] + args,
        cwd=ROOT, env=env, capture_output=True, text=True)
    with open(os.path.join(out, "manifest.json")) as f:
        files = {e["path"]: e["sha256"] for e in json.load(f)["files"]}
    return proc.returncode, files, TIMING.sub("T", proc.stderr)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--base", required=True, help="the binary to compare against")
    parser.add_argument("--new", default=os.path.join(ROOT, ".build/release/pmreport"))
    parser.add_argument("--only", help="a regular expression: the cases to run")
    opts = parser.parse_args()
    differences = 0
    total = 0
    work = tempfile.mkdtemp(prefix="pmreport-bytes-")
    try:
        for name, args in CASES:
            if opts.only and not re.search(opts.only, name):
                continue
            base = run(opts.base, args, os.path.join(work, name, "base"))
            new = run(opts.new, args, os.path.join(work, name, "new"))
            total += len(base[1])
            problems = []
            if base[0] != new[0]:
                problems.append(f"exit {base[0]} → {new[0]}")
            for path in sorted(set(base[1]) | set(new[1])):
                if base[1].get(path) != new[1].get(path):
                    problems.append(f"{path}: {base[1].get(path)} → {new[1].get(path)}")
            if base[2] != new[2]:
                problems.append("standard error differs:\n--- base\n" + base[2] + "--- new\n" + new[2])
            differences += len(problems)
            print(f"{name}: {len(base[1])} files, " + ("equal" if not problems else f"{len(problems)} differences"))
            for p in problems:
                print("  " + p)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"{total} files compared, {differences} differences")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
