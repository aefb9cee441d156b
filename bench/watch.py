#!/usr/bin/env python3
"""Edit-to-PDF latency of `pmreport watch`, against Typst's compiler kept in memory.

(a) pmreport: `pmreport watch --content C --document full-report --format pdf --output D` runs as a
    child; after its first build, N times: one paragraph gets a word appended, the content is
    written to a temporary file and renamed over C (as editors save), and the time from just
    before the write to the `rebuilt in` line on its standard error (printed once the PDF is
    renamed into place) is recorded. At scale 1 (the built-in content, `pmreport export-content`)
    and scale 20 (`bench.py`'s `scaled_content`). Also the cold build of the same content: one
    fresh `pmreport` render, median of 3, so the ratio "watch edit / cold build" can be judged
    (goal at scale 20: under 0.4).
(b) Typst (when the `typst` package imports): a `typst.Compiler` made once on the same article
    (`bench.py`'s `typst_source`), the same edit written and renamed, then `.compile()`; the time
    from before the write to the end of the compile.

Usage: python3 bench/watch.py [--bin .build/release/pmreport] [--runs 10] [--scales 1,20]
                              [--json FILE] [--no-typst]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import queue
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import CONFIG, ROOT, WORK, scaled_content, typst_source, yaml  # noqa: E402

OUT = WORK / "watch"
TIMEOUT = 300.0


def write_renamed(path: Path, text: str) -> None:
    """Writes `text` beside `path` and renames it over `path`, as an editor saves."""
    temporary = path.with_name("." + path.name + ".swp")
    temporary.write_text(text)
    os.replace(temporary, path)


def first_paragraph(content: dict) -> tuple[list, int]:
    """The list holding the first plain-text paragraph of the first section, and its index."""
    for section in content.get("sections") or []:
        blocks = section.get("blocks") or []
        for index, block in enumerate(blocks):
            if isinstance(block, dict) and isinstance(block.get("paragraph"), str):
                return blocks, index
            if isinstance(block, str):
                return blocks, index
    intro = content.get("introduction") or []
    for index, block in enumerate(intro):
        if isinstance(block, str):
            return intro, index
    raise SystemExit("watch bench: no plain paragraph to edit in the content")


def edited(content: dict, word: str) -> dict:
    """The content with `word` appended to its first paragraph (in place: edits accumulate)."""
    blocks, index = first_paragraph(content)
    if isinstance(blocks[index], dict):
        blocks[index]["paragraph"] += " " + word
    else:
        blocks[index] += " " + word
    return content


def dump(content: dict) -> str:
    return yaml.safe_dump(content, allow_unicode=True, sort_keys=False, width=math.inf)


class Watcher:
    """A running `pmreport watch`, its standard error read line by line on a thread."""

    def __init__(self, binary: Path, content: Path, out: Path) -> None:
        self.lines: queue.Queue[tuple[float, str]] = queue.Queue()
        self.process = subprocess.Popen(
            [str(binary), "watch", "--config", str(CONFIG), "--content", str(content),
             "--document", "full-report", "--format", "pdf", "--output", str(out), "-v",
             "--cache", str(out / "cache")],
            cwd=ROOT, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
            text=True)
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.lines.put((time.monotonic(), line.rstrip("\n")))

    def wait_for(self, prefix: str) -> tuple[float, str]:
        """The time and text of the next line starting with `prefix`."""
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            try:
                at, line = self.lines.get(timeout=1)
            except queue.Empty:
                if self.process.poll() is not None:
                    raise SystemExit(f"watch bench: pmreport watch exited ({self.process.returncode})")
                continue
            if line.startswith(prefix):
                return at, line
            if "error" in line:
                print("  pmreport:", line, file=sys.stderr)
        raise SystemExit(f"watch bench: no '{prefix}' line within {TIMEOUT:.0f} s")

    def stop(self) -> None:
        interrupt(self.process)


def interrupt(process: subprocess.Popen) -> None:
    """Stops `process` as Ctrl-C does; kills it when it has not ended within 30 s."""
    process.send_signal(signal.SIGINT)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def measure_watch(binary: Path, content: dict, path: Path, runs: int) -> dict:
    write_renamed(path, dump(content))
    watcher = Watcher(binary, path, OUT / f"out-{path.stem}")
    try:
        _, first = watcher.wait_for("built in")
        latencies, reported = [], []
        for i in range(runs):
            text = dump(edited(content, f"edit{i}"))
            time.sleep(0.3)  # let the previous build's writes settle
            start = time.monotonic()
            write_renamed(path, text)
            at, line = watcher.wait_for("rebuilt in")
            latencies.append(at - start)
            reported.append(line)
    finally:
        watcher.stop()
    return {"first": first, "latencies": latencies, "lines": reported}


def measure_cold(binary: Path, path: Path) -> list[float]:
    """A fresh process with an empty shaping cache, three times."""
    times = []
    cache = OUT / f"cold-cache-{path.stem}"
    for _ in range(3):
        shutil.rmtree(cache, ignore_errors=True)
        start = time.monotonic()
        subprocess.run(
            [str(binary), "--quiet", "--config", str(CONFIG), "--content", str(path), "--document",
             "full-report", "--format", "pdf", "--output", str(OUT / f"cold-{path.stem}"),
             "--cache", str(cache)],
            cwd=ROOT, check=True, timeout=TIMEOUT)
        times.append(time.monotonic() - start)
    return times


def measure_typst(content: dict, metadata: dict, scale: int, runs: int) -> list[float] | None:
    try:
        import typst
    except ImportError:
        return None
    source = OUT / f"typst-{scale}.typ"
    pdf = OUT / f"typst-{scale}.pdf"
    write_renamed(source, typst_source(content, metadata))
    compiler = typst.Compiler(str(source))
    compiler.compile(output=str(pdf))
    times = []
    for i in range(runs):
        text = typst_source(edited(content, f"edit{i}"), metadata)
        start = time.monotonic()
        write_renamed(source, text)
        compiler.compile(output=str(pdf))
        times.append(time.monotonic() - start)
    return times


def measure_scale(binary: Path, content: dict, metadata: dict, scale: int, runs: int,
                  typst: bool) -> dict:
    """At one scale: `runs` watch edits, three cold builds and (with `typst`) Typst's in-memory
    rebuilds, each summarised; the watch's rebuild lines and first build line too."""
    path = OUT / f"content-{scale}.yml"
    print(f"scale {scale}: pmreport watch, {runs} edits ...", file=sys.stderr)
    watch = measure_watch(binary, json.loads(json.dumps(content)), path, runs)
    print(f"scale {scale}: cold builds ...", file=sys.stderr)
    cold = measure_cold(binary, path)
    typst_times = None
    if typst:
        print(f"scale {scale}: typst.Compiler, {runs} edits ...", file=sys.stderr)
        typst_times = measure_typst(json.loads(json.dumps(content)), metadata, scale, runs)
    return {"scale": scale, "watch": summary(watch["latencies"]), "watch_lines": watch["lines"],
            "first_build": watch["first"], "cold": summary(cold), "typst": summary(typst_times)}


def summary(times: list[float] | None) -> dict | None:
    if not times:
        return None
    ms = [t * 1000 for t in times]
    return {"median_ms": statistics.median(ms), "min_ms": min(ms), "max_ms": max(ms), "runs": ms}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bin", type=Path, default=ROOT / ".build" / "release" / "pmreport")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--scales", default="1,20")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--no-typst", action="store_true")
    args = parser.parse_args()
    if not args.bin.exists():
        sys.exit(f"watch bench: no binary at {args.bin} (swift build -c release --product pmreport)")
    OUT.mkdir(parents=True, exist_ok=True)
    exported = subprocess.run([str(args.bin), "export-content"], cwd=ROOT, capture_output=True,
                              text=True, timeout=60, check=True)
    base = yaml.safe_load(exported.stdout)
    metadata = (yaml.safe_load(CONFIG.read_text()) or {}).get("metadata", {}) if CONFIG.exists() else {}
    results = []
    for scale in [int(s) for s in args.scales.split(",")]:
        content = base if scale == 1 else scaled_content(base, scale)
        results.append(measure_scale(args.bin, content, metadata, scale, args.runs, not args.no_typst))
    print()
    print("| scale | watch edit → PDF (median, min–max) | cold build (median of 3) | edit / cold "
          "| Typst in memory (median, min–max) |")
    print("|---|---|---|---|---|")
    for r in results:
        w, c, t = r["watch"], r["cold"], r["typst"]
        typst_cell = f"{t['median_ms']:.0f} ms ({t['min_ms']:.0f}–{t['max_ms']:.0f})" if t else "n/a"
        print(f"| {r['scale']} | {w['median_ms']:.0f} ms ({w['min_ms']:.0f}–{w['max_ms']:.0f}) "
              f"| {c['median_ms']:.0f} ms | {w['median_ms'] / c['median_ms']:.2f} | {typst_cell} |")
    print()
    for r in results:
        print(f"scale {r['scale']}, last rebuild: {r['watch_lines'][-1] if r['watch_lines'] else ''}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
