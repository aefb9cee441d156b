#!/usr/bin/env python3
"""Edit-to-preview latency of `pmreport watch --serve`, against Typst's compiler kept in memory.

`make bench-preview` runs it (release build). For each case `pmreport watch --serve --port 0
--document full-report --format pdf` runs on the built-in article (YAML, `pmreport export-content`;
scale 20 is `bench.py`'s scaled article), with SOURCE_DATE_EPOCH set, and headless Chromium
(Selenium, /usr/bin/chromedriver, --no-sandbox) shows the preview. Each edit is learnt once
(untimed: which pages change; the first changed page is scrolled into view), then N times:

  t0 = the wall clock just before the edited content is written to a temporary file and renamed
  over the content (as editors save);
  (a) server ready: the build event's `publishedAt` (the server's wall clock when the new
      snapshot, every page laid out and compared, became the one it serves) − t0;
  measured in the page (performance.timeOrigin + performance.now(), the same wall clock), for
  the changed pages in view (each is swapped in first as a raster, its pixels at its size in
  device pixels in a canvas (a PNG in an image before round 5), then its SVG replaces it):
  (b) event in the page: the build event received;
  (c) raster received / SVG received: the last of their rasters / SVGs received (resource timing's
      responseEnd; for a band the server pushed on the event stream, its `raster` event
      received);
  (d) raster swapped in: a MutationObserver's time when the last page element is swapped in with
      its raster, decoded; SVG swapped in: the same when the last SVG (decoded: for an SVG,
      parsed by Chromium) replaces its raster;
  (e) raster painted / SVG painted: the last of those pictures first painted (Element Timing's
      renderTime; for the SVG this includes Chromium styling, painting and rastering it);
  (f) PDF written: the `rebuilt in` line on standard error (files renamed into place) − t0.

Each timed save names its run in the edit (a word `changedNNN`, or `(Save NNN.)` after the added
paragraph), so its changed pages are versions the browser has not shown: a version it has shown
(after an undo) comes from its memory of images, with no request and no decoding. (The page in
view after the three-line edit, its first changed page, the contents, gets the same version on
every save: only its page numbers change; so that case times a page from the browser's memory.)
The edit is then undone and its rebuild waited for (untimed). After the first edit of each kind
the PDF `watch` wrote is compared byte for byte with a fresh `pmreport` render of the same content.
Edits: one word of the first paragraph replaced; a three-line paragraph added at the start of
section 3, before its table (the table moves to the next page and the pages after it reflow: at
scale 1 the contents page and pages 2–4; no three-line insertion in this article reflows every
later page, since each page's foot has room for it: see BENCHMARKS.md). Typst: a `typst.Compiler` made once on `bench.py`'s Typst
source of the same content, the same edit written and renamed, then `compile()` (an in-memory
rebuild: the compiler object and its caches stay alive); time from before the write to the end
of the compile. Scale 20 adds three cold builds (fresh process, empty cache) for the lazy-pages
target. Figures: median (min–max) in ms; everything also in bench/.work/preview/results.json.

Usage: python3 bench/preview.py [--bin .build/release/pmreport] [--runs 10] [--runs-20 5]
                                [--no-typst] [--no-install] [--scale-1-only]
"""

from __future__ import annotations

import argparse
import copy
import filecmp
import http.client
import json
import os
import queue
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import CONFIG, ROOT, WORK, ensure_typst, scaled_content, typst_source, yaml  # noqa: E402
from watch import dump, first_paragraph, interrupt, measure_cold, write_renamed  # noqa: E402

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.common.exceptions import TimeoutException  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

OUT = WORK / "preview"
TIMEOUT = 300.0
EPOCH = "1700000000"
ADDED = ("This paragraph was added to measure the preview: it is long enough to be set as three "
         "lines of the report's body text, so that every later page of the document reflows and "
         "has to be compared again, and the ones in view drawn again for the browser.")

# Records, in the page (epoch ms, the page's own clock): when each build event arrives, when each
# picture is put in a page element (the raster with its page element, the SVG in the raster's
# place), and when each is first painted (Element Timing); resource timing keeps when each
# picture arrived.
RECORDER = """
window.__pictures = [];
window.__events = [];
window.__pushed = {};
window.__painted = {};
performance.setResourceTimingBufferSize(100000);
events.addEventListener('build', () => window.__events.push(performance.timeOrigin + performance.now()));
// Before the page's own listener (a capturing one runs first): when a pushed band arrived.
events.addEventListener('raster', (event) => {
  const at = performance.timeOrigin + performance.now();
  const end = event.data.indexOf('\\n');
  if (end < 0) return;
  const {page} = JSON.parse(event.data.slice(0, end));
  window.__pushed[`${page.page}/${page.version}`] = at;
}, {capture: true});
new MutationObserver((records) => {
  const at = performance.timeOrigin + performance.now();
  for (const record of records) for (const node of record.addedNodes) {
    const images = ['IMG', 'CANVAS'].includes(node.tagName) ? [node]
      : (node.querySelectorAll ? Array.from(node.querySelectorAll('img, canvas')) : []);
    for (const image of images) {
      const page = image.closest('[data-page]');
      const kind = image.tagName === 'CANVAS' || new URL(image.src).pathname.endsWith('.png')
        ? 'raster' : 'svg';
      window.__pictures.push({page: Number(page.dataset.page), version: page.dataset.version,
        kind: kind, at: at});
      image.setAttribute('elementtiming', `${page.dataset.page}/${page.dataset.version}/${kind}`);
    }
  }
}).observe(document.getElementById('pages'), {childList: true, subtree: true});
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    window.__painted[entry.identifier] = performance.timeOrigin + entry.renderTime;
  }
}).observe({type: 'element', buffered: true});
"""

# For the changed pages in view (numbers, then every page's version): when the first build event
# arrived, and for each kind of picture when the last of theirs arrived (null: one came from the
# browser's memory or is missing), was put in place and was painted (null: not yet).
STAGES = """
const [pages, versions] = arguments;
const last = (values) => values.includes(null) ? null : Math.max(...values);
const stages = {event: window.__events.length ? window.__events[0] : null};
for (const [kind, exts] of [['raster', ['png', 'rgba']], ['svg', ['svg']]]) {
  stages[kind] = {
    received: last(pages.map((page) => {
      const entry = performance.getEntriesByType('resource').find((e) =>
        exts.some((ext) => new URL(e.name).pathname === `/pages/full-report/${page}.${ext}`) &&
        new URL(e.name).searchParams.get('v') === versions[page - 1]);
      const pushed = kind === 'raster' ? window.__pushed[`${page}/${versions[page - 1]}`] : null;
      return entry ? performance.timeOrigin + entry.responseEnd : (pushed || null);
    })),
    swapped: last(pages.map((page) => {
      const put = window.__pictures.filter((p) => p.page === page && p.kind === kind &&
        p.version === versions[page - 1]);
      return put.length ? put[put.length - 1].at : null;
    })),
    painted: last(pages.map((page) =>
      window.__painted[`${page}/${versions[page - 1]}/${kind}`] || null)),
  };
}
return stages;
"""

# Whether every page element in view shows the wanted version, as its SVG; the numbers of those
# pages.
SETTLED = """
const wanted = arguments[0];
const inView = [];
for (const page of document.getElementById('pages').children) {
  const box = page.getBoundingClientRect();
  if (box.bottom <= 0 || box.top >= window.innerHeight) continue;
  const number = Number(page.dataset.page);
  if (page.dataset.version !== wanted[number - 1] || page.dataset.picture !== 'svg') return null;
  inView.push(number);
}
return inView.length ? inView : null;
"""


def one_word(content: dict, run: int = 0) -> dict:
    """The content with the middle word of its first paragraph replaced by one naming `run` (each
    save a page version the browser has not seen)."""
    edited = copy.deepcopy(content)
    blocks, index = first_paragraph(edited)
    text = blocks[index]["paragraph"] if isinstance(blocks[index], dict) else blocks[index]
    words = text.split(" ")
    words[len(words) // 2] = f"changed{run:03d}"
    if isinstance(blocks[index], dict):
        blocks[index]["paragraph"] = " ".join(words)
    else:
        blocks[index] = " ".join(words)
    return edited


def three_lines(content: dict, run: int = 0) -> dict:
    """The content with a three-line paragraph naming `run` added at the start of section 3,
    before its table."""
    edited = copy.deepcopy(content)
    edited["sections"][2]["blocks"].insert(0, {"paragraph": f"{ADDED} (Save {run:03d}.)"})
    return edited


EDITS = (("one-word edit", one_word), ("three lines before section 3's table", three_lines))


def summary(values: list[float]) -> dict | None:
    if not values:
        return None
    return {"median_ms": statistics.median(values), "min_ms": min(values), "max_ms": max(values),
            "runs": values}


def spread(s: dict | None) -> str:
    return f"{s['median_ms']:.0f} ms ({s['min_ms']:.0f}–{s['max_ms']:.0f}, n={len(s['runs'])})" \
        if s else "n/a"


def load() -> str:
    return "{:.2f} {:.2f} {:.2f}".format(*os.getloadavg())


class Server:
    """`pmreport watch --serve --port 0`, its standard error and its build events read on threads."""

    def __init__(self, binary: Path, content: Path, out: Path) -> None:
        shutil.rmtree(out, ignore_errors=True)
        self.out = out
        self.process = subprocess.Popen(
            [str(binary), "watch", "--serve", "--port", "0", "--config", str(CONFIG), "--content",
             str(content), "--document", "full-report", "--format", "pdf", "--output",
             str(out / "files"), "--cache", str(out / "cache"), "-v"],
            cwd=ROOT, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
            text=True, env=dict(os.environ, SOURCE_DATE_EPOCH=EPOCH))
        self.lines: queue.Queue = queue.Queue()
        self.events: queue.Queue = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        self.port = int(self.wait_line(r"serving http://127\.0\.0\.1:(\d+)/")[1].group(1))
        threading.Thread(target=self._listen, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.lines.put((time.time(), line.rstrip("\n")))
        self.lines.put((time.time(), None))

    def _listen(self) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=TIMEOUT)
        connection.request("GET", "/events", headers={"Host": f"127.0.0.1:{self.port}"})
        # The build events only (a `raster` event carries a band pushed to the page).
        name = None
        for line in connection.getresponse():
            if line.startswith(b"event: "):
                name = line[7:].strip()
            elif line.startswith(b"data: ") and name == b"build":
                self.events.put(json.loads(line[6:]))

    def wait_line(self, pattern: str) -> tuple[float, re.Match]:
        """The time and match of the next standard-error line matching `pattern`."""
        while True:
            at, line = self.lines.get(timeout=TIMEOUT)
            if line is None:
                raise SystemExit("preview bench: pmreport watch ended")
            found = re.search(pattern, line)
            if found:
                return at, found
            if "error" in line:
                print("  pmreport:", line, file=sys.stderr)

    def drain(self) -> None:
        """Forgets lines and events not waited for (a save seen twice, say)."""
        for pending in (self.lines, self.events):
            while not pending.empty():
                pending.get()

    def generation(self) -> int:
        """The number of the snapshot the server serves now."""
        return json.loads(self.fetch("/state.json"))["generation"]

    def next_build(self, after: int) -> dict:
        """The first build event of a snapshot after `after` (an earlier one still queued, such
        as the first build's, which the listener may or may not have caught, is skipped)."""
        while True:
            event = self.events.get(timeout=TIMEOUT)
            if event.get("failed"):
                raise SystemExit(f"preview bench: a build failed: {event}")
            if event["generation"] > after:
                return event

    def fetch(self, path: str) -> bytes:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=TIMEOUT)
        connection.request("GET", path, headers={"Host": f"127.0.0.1:{self.port}"})
        response = connection.getresponse()
        body = response.read()
        if response.status != 200:
            raise SystemExit(f"preview bench: {path} answered {response.status}")
        return body

    def versions(self) -> list[str]:
        state = json.loads(self.fetch("/state.json"))
        document = next(d for d in state["documents"] if d["name"] == "full-report")
        return [page["version"] for page in document["pages"]]

    def stop(self) -> None:
        interrupt(self.process)


def browser() -> webdriver.Chrome:
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                     "--window-size=1100,1000", "--disable-gpu"):
        options.add_argument(argument)
    return webdriver.Chrome(options=options, service=Service("/usr/bin/chromedriver"))


def settled(driver, versions: list[str]) -> list[int]:
    return WebDriverWait(driver, TIMEOUT, poll_frequency=0.01).until(
        lambda d: d.execute_script(SETTLED, versions))


def page_stages(driver, pages: list[int], versions: list[str]) -> dict:
    """STAGES for `pages`, once their SVGs' paint is reported (up to 5 s; then without it)."""
    if not pages:
        return {}
    try:
        return WebDriverWait(driver, 5, poll_frequency=0.01).until(
            lambda d: (lambda s: s if s["svg"]["painted"] else None)(
                d.execute_script(STAGES, pages, versions)))
    except TimeoutException:
        return driver.execute_script(STAGES, pages, versions)


def save_and_wait(server: Server, driver, path: Path, text: str) -> tuple[float, dict, list[str]]:
    """Saves `text`, waits for its build event, the browser settled and the files written."""
    generation = server.generation()
    start = time.time()
    write_renamed(path, text)
    event = server.next_build(generation)
    versions = server.versions()
    settled(driver, versions)
    server.wait_line("rebuilt in")
    return start, event, versions


def fresh_render(binary: Path, content: Path, out: Path) -> Path:
    shutil.rmtree(out, ignore_errors=True)
    subprocess.run(
        [str(binary), "--quiet", "--config", str(CONFIG), "--content", str(content), "--document",
         "full-report", "--format", "pdf", "--output", str(out), "--no-cache"],
        cwd=ROOT, check=True, timeout=TIMEOUT, env=dict(os.environ, SOURCE_DATE_EPOCH=EPOCH))
    return out / "pdf" / "full-report.pdf"


def measure_edit(binary: Path, server: Server, driver, path: Path, content: dict, edit,
                 runs: int, tag: str) -> dict:
    """One edit: learnt once (its first changed page scrolled into view, the PDF compared with a
    fresh render), then `runs` timed saves, each undone. Each save's edit names its run, so its
    pages are versions the browser has not shown (a version it has shown, as after an undo, is
    taken from its memory of the page's images: no request, no decoding)."""
    original = dump(content)
    _, event, _ = save_and_wait(server, driver, path, dump(edit(content, 0)))
    changed = event["changed"].get("full-report", [])
    watched = server.out / "files" / "pdf" / "full-report.pdf"
    identical = filecmp.cmp(watched, fresh_render(binary, path, OUT / f"fresh-{tag}"), shallow=False)
    save_and_wait(server, driver, path, original)
    if not changed:
        raise SystemExit(f"preview bench: {tag}: no page changed")
    driver.execute_script(
        "document.querySelector(`#pages [data-page='${arguments[0]}']`).scrollIntoView();",
        changed[0])
    settled(driver, server.versions())
    ready, written, in_view_changed, changed_counts, event_in_page = [], [], [], [], []
    stage_names = [f"{kind}_{stage}" for kind in ("raster", "svg")
                   for stage in ("received", "swapped", "painted")]
    timed: dict[str, list[float]] = {name: [] for name in stage_names}
    for run in range(1, runs + 1):
        edited = dump(edit(content, run))
        time.sleep(0.2)  # the undo's writes settle (untimed)
        driver.execute_script("window.__pictures = []; window.__events = []; window.__painted = {};"
                              " window.__pushed = {}; performance.clearResourceTimings();")
        server.drain()
        generation = server.generation()
        start = time.time()
        write_renamed(path, edited)
        event = server.next_build(generation)
        ready.append(event["publishedAt"] - start * 1000)
        pages = event["changed"].get("full-report", [])
        versions = server.versions()
        in_view = settled(driver, versions)
        shown_changed = [page for page in pages if page in in_view]
        stages = page_stages(driver, shown_changed, versions)
        if stages.get("event"):
            event_in_page.append(stages["event"] - start * 1000)
        for name in stage_names:
            kind, stage = name.split("_")
            if stages.get(kind, {}).get(stage):
                timed[name].append(stages[kind][stage] - start * 1000)
        in_view_changed.append(len(set(pages) & set(in_view)))
        changed_counts.append(len(pages))
        at, line = server.wait_line("rebuilt in.*")
        written.append((at - start) * 1000)
        time.sleep(0.2)
        save_and_wait(server, driver, path, original)
    print(f"  {tag}: {len(changed)} page(s) changed; ready {spread(summary(ready))}; "
          f"raster swapped {spread(summary(timed['raster_swapped']))}; "
          f"SVG swapped {spread(summary(timed['svg_swapped']))}; "
          f"PDF identical: {identical}; load {load()}", file=sys.stderr, flush=True)
    return {"changed_pages": max(changed_counts), "changed_in_view": max(in_view_changed),
            "server_ready": summary(ready), "event_in_page": summary(event_in_page),
            **{name: summary(values) for name, values in timed.items()},
            "pdf_written": summary(written),
            "pdf_identical_to_fresh_render": identical, "load_after": load(),
            "last_rebuilt_line": line.group(0)}


def measure_typst(content: dict, edited: dict, metadata: dict, tag: str, runs: int) -> dict:
    """Typst's compiler kept alive: the edit written and renamed, then `compile()`; undone untimed."""
    import typst
    source = OUT / f"typst-{tag}.typ"
    pdf = OUT / f"typst-{tag}.pdf"
    original_text, edited_text = typst_source(content, metadata), typst_source(edited, metadata)
    write_renamed(source, original_text)
    compiler = typst.Compiler(str(source))
    compiler.compile(output=str(pdf))
    times = []
    for _ in range(runs):
        start = time.time()
        write_renamed(source, edited_text)
        compiler.compile(output=str(pdf))
        times.append((time.time() - start) * 1000)
        write_renamed(source, original_text)
        compiler.compile(output=str(pdf))
    return summary(times)


def measure_scale(binary: Path, content: dict, metadata: dict, scale: int, runs: int,
                  typst: bool, edits) -> dict:
    path = OUT / f"content-{scale}.yml"
    original = dump(content)
    write_renamed(path, original)
    result: dict = {"scale": scale, "load_before": load(), "edits": {}}
    server = Server(binary, path, OUT / f"serve-{scale}")
    driver = None
    try:
        server.wait_line("built in")
        result["first_build_ms"] = json.loads(server.fetch("/state.json"))["milliseconds"]
        driver = browser()
        driver.get(f"http://127.0.0.1:{server.port}/#document=full-report")
        WebDriverWait(driver, TIMEOUT).until(
            lambda d: d.execute_script("return document.getElementById('pages').children.length"))
        driver.execute_script(RECORDER)
        settled(driver, server.versions())
        for name, edit in edits:
            print(f"scale {scale}: {name}, {runs} saves ...", file=sys.stderr, flush=True)
            tag = f"{scale}-{edit.__name__}"
            result["edits"][name] = measure_edit(
                binary, server, driver, path, content, edit, runs, tag)
    finally:
        if driver is not None:
            driver.quit()
        server.stop()
    if scale != 1:
        print(f"scale {scale}: 3 cold builds ...", file=sys.stderr, flush=True)
        result["cold"] = summary([t * 1000 for t in measure_cold(binary, path)])
    if typst:
        for name, edit in edits:
            print(f"scale {scale}: Typst in memory, {name} ...", file=sys.stderr, flush=True)
            result["edits"][name]["typst_in_memory"] = measure_typst(
                content, edit(content), metadata, f"{scale}-{edit.__name__}", runs)
    result["load_after"] = load()
    return result


def table(results: list[dict]) -> str:
    rows = ["| scale | edit | pages changed (in view) | server ready | event in page "
            "| raster received | raster swapped in | raster painted | SVG received "
            "| SVG swapped in | SVG painted | PDF written | Typst in memory | PDF = fresh render |",
            "|---|---|--:|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in results:
        for name, e in r["edits"].items():
            rows.append(
                f"| {r['scale']} | {name} | {e['changed_pages']} ({e['changed_in_view']}) "
                f"| {spread(e['server_ready'])} | {spread(e['event_in_page'])} "
                f"| {spread(e['raster_received'])} | {spread(e['raster_swapped'])} "
                f"| {spread(e['raster_painted'])} | {spread(e['svg_received'])} "
                f"| {spread(e['svg_swapped'])} | {spread(e['svg_painted'])} "
                f"| {spread(e['pdf_written'])} | {spread(e.get('typst_in_memory'))} "
                f"| {'yes' if e['pdf_identical_to_fresh_render'] else 'NO'} |")
    lines = ["\n".join(rows), ""]
    for r in results:
        lines.append(f"scale {r['scale']}: load average {r['load_before']} at the start, "
                     f"{r['load_after']} at the end; first build {r['first_build_ms']} ms"
                     + (f"; cold build {spread(r['cold'])}" if r.get("cold") else ""))
        for name, e in r["edits"].items():
            lines.append(f"scale {r['scale']}, {name}, the last save: {e['last_rebuilt_line']}")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bin", type=Path, default=ROOT / ".build" / "release" / "pmreport")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--runs-20", type=int, default=5)
    parser.add_argument("--no-typst", action="store_true")
    parser.add_argument("--no-install", action="store_true")
    parser.add_argument("--scale-1-only", action="store_true",
                        help="skip scale 20 (quicker A/B runs of the scale-1 edits)")
    args = parser.parse_args()
    if not args.bin.exists():
        sys.exit(f"preview bench: no binary at {args.bin} (make build)")
    OUT.mkdir(parents=True, exist_ok=True)
    binary = OUT / "pmreport-under-test"
    shutil.copy2(args.bin, binary)
    typst = not args.no_typst and ensure_typst(not args.no_install)[0]
    exported = subprocess.run([str(binary), "export-content"], cwd=ROOT, capture_output=True,
                              text=True, timeout=60, check=True)
    base = yaml.safe_load(exported.stdout)
    metadata = (yaml.safe_load(CONFIG.read_text()) or {}).get("metadata", {})
    results = [measure_scale(binary, base, metadata, 1, args.runs, typst, EDITS)]
    if not args.scale_1_only:
        results.append(measure_scale(binary, scaled_content(base, 20), metadata, 20, args.runs_20,
                                     typst, EDITS))
    (OUT / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    print(table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
