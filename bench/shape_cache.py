#!/usr/bin/env python3
"""The shape cache's effect: the full report at a scale, cold cache against warm cache.

Median CPU time (user + sys, GNU time) of RUNS runs each. Cold: the cache folder removed before
each run; warm: filled by one run beforehand, kept; and RUNS runs with --no-cache.

    python3 bench/shape_cache.py [--bin .build/release/pmreport] [--scale 20] [--runs 5]
"""
import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench  # noqa: E402  (scaled_content)
import yaml  # noqa: E402


def cpu(cmd, cwd):
    """(user + sys seconds, peak KB) of one run."""
    r = subprocess.run(["/usr/bin/time", "-f", "%U %S %M"] + cmd, cwd=cwd, capture_output=True,
                       text=True, env={"SOURCE_DATE_EPOCH": "1700000000", "PATH": "/usr/bin:/bin"})
    if r.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{r.stderr}")
    user, system, peak = r.stderr.strip().splitlines()[-1].split()
    return float(user) + float(system), int(peak)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--bin", default=".build/release/pmreport")
    p.add_argument("--scale", type=int, default=20)
    p.add_argument("--runs", type=int, default=5)
    a = p.parse_args()
    binary = str(Path(a.bin).resolve())
    work = Path(tempfile.mkdtemp(prefix="pmreport-shape-cache-bench-"))
    base = yaml.safe_load(subprocess.run([binary, "export-content"], capture_output=True, text=True,
                                         check=True).stdout)
    (work / "content.yml").write_text(yaml.safe_dump(bench.scaled_content(base, a.scale),
                                                     allow_unicode=True, sort_keys=False))
    cache = work / "cache"
    cmd = [binary, "--content", "content.yml", "--document", "full-report", "--format", "pdf",
           "--output", "out", "--quiet", "--cache", str(cache)]
    uncached = [c for c in cmd if c not in ("--cache", str(cache))] + ["--no-cache"]
    none = [cpu(uncached, work) for _ in range(a.runs)]
    cold, warm = [], []
    for _ in range(a.runs):
        shutil.rmtree(cache, ignore_errors=True)
        cold.append(cpu(cmd, work))
    cpu(cmd, work)
    for _ in range(a.runs):
        warm.append(cpu(cmd, work))
    size = sum(f.stat().st_size for f in cache.rglob("*") if f.is_file())
    entries = sum(1 for f in cache.rglob("*") if f.is_file())
    c = statistics.median(t for t, _ in cold)
    w = statistics.median(t for t, _ in warm)
    print(f"scale {a.scale}, {a.runs} runs each, CPU seconds (user+sys):")
    n = statistics.median(t for t, _ in none)
    print(f"  --no-cache  median {n:.2f} s  {sorted(round(t, 2) for t, _ in none)}  "
          f"peak {max(m for _, m in none) // 1024} MB")
    print(f"  cold        median {c:.2f} s  {sorted(round(t, 2) for t, _ in cold)}  "
          f"peak {max(m for _, m in cold) // 1024} MB")
    print(f"  warm        median {w:.2f} s  {sorted(round(t, 2) for t, _ in warm)}  "
          f"peak {max(m for _, m in warm) // 1024} MB")
    print(f"  warm/cold   {w / c:.2f}   warm/--no-cache {w / n:.2f}   cold/--no-cache {c / n:.2f}")
    print(f"  cache       {entries} entries, {size / 1e6:.1f} MB")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
