#!/usr/bin/env python3
"""Byte comparison of two pmreport builds: the same runs, every output file's sha256 compared.

    python3 bench/byte_compare.py --base /tmp/base/pmreport --new .build/release/pmreport

Cases (each with SOURCE_DATE_EPOCH set, `--no-cache`): the shipped set in every format with
`--jobs 1` and `--jobs 2`; the same with `examples/roster.csv`; every shipped style in PDF and
SVG. Compares `manifest.json`'s sha256 values, the file lists, and standard error with the
timings masked. Exit 0 when everything is equal, 1 with the differences listed.

With `--decoded`, a PDF whose bytes differ is compared again with every stream decoded (`qpdf
--stream-data=uncompress --decode-level=generalized`, the document id's first half, which qpdf
derives from the compressed bytes, left out): equal so, it is counted apart, not as a difference
(for a change of compression alone); the file sizes on standard error are masked too.
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

# The first half of a PDF's document id (qpdf's, from the file's bytes).
FIRST_ID = re.compile(rb"/ID \[<[0-9a-f]*>")


def decoded(path, into):
    """The PDF at `path` with every stream decoded, its first id left out (written to `into`);
    None when qpdf could not (so the file counts as a difference)."""
    if os.path.exists(into):
        os.remove(into)
    proc = subprocess.run(
        ["qpdf", "--static-id", "--stream-data=uncompress", "--decode-level=generalized",
         "--object-streams=disable", path, into], check=False, capture_output=True)
    if proc.returncode not in (0, 3):   # 3: written, with warnings
        return None
    with open(into, "rb") as f:
        return FIRST_ID.sub(b"/ID [<>", f.read())


def same_once_decoded(base, new, work):
    """Whether the PDFs at `base` and `new` are equal once decoded (both readable by qpdf)."""
    a = decoded(base, os.path.join(work, "b.pdf"))
    return a is not None and a == decoded(new, os.path.join(work, "n.pdf"))


# Timings and sizes that vary from run to run on standard error.
TIMING = re.compile(r"\b\d+(\.\d+)? (s|ms)\b")
# The sizes of the written files on standard error (masked with `--decoded`).
SIZES = re.compile(r"\b\d+(\.\d+)? (B|KB|MB|GB)\b")


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
    parser.add_argument("--decoded", action="store_true",
                        help="count PDFs equal once their streams are decoded apart")
    opts = parser.parse_args()
    differences = 0
    total = 0
    decoded_equal = 0
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
                if base[1].get(path) == new[1].get(path):
                    continue
                if (opts.decoded and path.endswith(".pdf") and path in base[1] and path in new[1]
                        and same_once_decoded(os.path.join(work, name, "base", path),
                                              os.path.join(work, name, "new", path), work)):
                    decoded_equal += 1
                    continue
                problems.append(f"{path}: {base[1].get(path)} → {new[1].get(path)}")
            if opts.decoded:
                base, new = (*base[:2], SIZES.sub("Z", base[2])), (*new[:2], SIZES.sub("Z", new[2]))
            if base[2] != new[2]:
                problems.append("standard error differs:\n--- base\n" + base[2] + "--- new\n" + new[2])
            differences += len(problems)
            print(f"{name}: {len(base[1])} files, " + ("equal" if not problems else f"{len(problems)} differences"))
            for p in problems:
                print("  " + p)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"{total} files compared, {differences} differences"
          + (f", {decoded_equal} PDFs equal once decoded" if opts.decoded else ""))
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
