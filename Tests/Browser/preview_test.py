#!/usr/bin/env python3
"""The live preview (`pmreport watch --serve`) in a real browser: headless Chromium from Debian,
driven by Selenium through /usr/bin/chromedriver (nothing is downloaded).

Starts `watch --serve --port 0` on a fresh project (the built-in article exported as Markdown) and
checks, in order: every page of the full report has its element; a one-word edit swaps only its
page (the other page elements are the same DOM nodes), first as a raster, then as its SVG; a later
edit of it gets the rows changed since that raster pushed on the event stream, with no request
for the page, and its canvas ends equal to the whole raster; a bad save shows the overlay with file:line and a fix clears it; a click on a paragraph
gives its source line; a chart the content lists gives its entry's line; a PNG in the content
draws on its page; raw sockets: a foreign Host or Origin gets 403,
/../../etc/passwd and its encoded forms get 404; the page's races (an older snapshot after a newer,
a page changed again while loading, `$&` and a path to encode in an editor link); a render into
the same output folder between builds runs at once (the lock is taken for each build); after a reload,
Tab reaches the menu then page 1, and `n`/`p` move the focus between pages; Ctrl-C exits 130 and leaves no
temporaries and no listening socket. Every wait is on an event (a line on standard error, a DOM
condition), bounded by a generous timeout; nothing sleeps for timing.

Prints one JSON object: {"passed": bool, "cases": {name: "ok" or what failed}}; exits 0 when
every case passed. Usage: preview_test.py --binary PATH [--screenshot FILE.png]
"""
import argparse
import json
import os
import queue
import re
import signal
import socket
import subprocess
import tempfile
import struct
import threading
import traceback
import zlib
from urllib.parse import parse_qs, urlparse

from selenium.common.exceptions import StaleElementReferenceException
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

TIMEOUT = 240  # seconds; the machine may be loaded

CONFIG = """metadata:
  title: Business Product Manager vs Technical Product Manager
content: content.md
formats: [pdf]
output: Output
documents:
  - name: full-report
    kind: report
"""


GREEN = (0, 200, 0)


def write_png(path, width, height, rgb):
    """A solid `width`x`height` RGB PNG."""
    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    rows = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    with open(path, "wb") as out:
        out.write(b"\x89PNG\r\n\x1a\n"
                  + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
                  + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


class Watch:
    """`pmreport watch --serve --port 0` in `folder`, its standard error read line by line."""

    def __init__(self, binary, folder):
        self.process = subprocess.Popen(
            [binary, "watch", "--serve", "--port", "0", "--no-cache"],
            cwd=folder, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE, text=True,
            env=dict(os.environ, SOURCE_DATE_EPOCH="1700000000"))
        self.lines = queue.Queue()
        self.seen = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.process.stderr:
            self.lines.put(line.rstrip("\n"))
        self.lines.put(None)

    def wait_for(self, pattern):
        """The first match of `pattern` in a line from now on; raises when the process ends."""
        while True:
            line = self.lines.get(timeout=TIMEOUT)
            if line is None:
                raise AssertionError("watch ended: " + "\n".join(self.seen[-20:]))
            self.seen.append(line)
            found = re.search(pattern, line)
            if found:
                return found


def browser():
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                     "--window-size=1100,1000", "--disable-gpu"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})  # for get_log("browser")
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def wait(driver, condition, what):
    """Waits until `condition` holds; an element swapped out between being found and being read
    (the preview replaces a changed page's element) is a condition not yet met, asked again."""
    return WebDriverWait(driver, TIMEOUT, ignored_exceptions=(StaleElementReferenceException,)).until(
        lambda d: condition(d), message=what)


def raw_get(port, path, host=None, origin=None):
    """The status code of a GET of `path` sent as raw bytes (no client normalises the path)."""
    request = f"GET {path} HTTP/1.1\r\nHost: {host or f'127.0.0.1:{port}'}\r\n"
    if origin:
        request += f"Origin: {origin}\r\n"
    request += "Connection: close\r\n\r\n"
    with socket.create_connection(("127.0.0.1", port), timeout=30) as s:
        s.sendall(request.encode())
        status = s.makefile("rb").readline().decode()
    return int(status.split()[1])


def page_elements(driver):
    return driver.find_elements(By.CSS_SELECTOR, '#pages [data-document="full-report"][data-page]')


def state(driver):
    return driver.execute_async_script(
        "const done = arguments[0];"
        "fetch('/state.json').then(r => r.json()).then(done, e => done(String(e)));")


def check_pages(driver, watch, port, context):
    """Every page of the full report has its element, in order, at its size; the pages in view
    load, and so does the last once scrolled to."""
    driver.get(f"http://127.0.0.1:{port}/")
    wait(driver, lambda d: len(page_elements(d)) > 0, "no page elements")
    current = state(driver)
    pages = next(d for d in current["documents"] if d["name"] == "full-report")["pages"]
    elements = page_elements(driver)
    assert len(elements) == len(pages) > 1, f"{len(elements)} elements for {len(pages)} pages"
    for number, (element, page) in enumerate(zip(elements, pages), start=1):
        assert element.get_attribute("data-page") == str(number)
        width = driver.execute_script("return arguments[0].getBoundingClientRect().width", element)
        assert abs(width - page["width"] * 4 / 3) < 1, f"page {number} is {width} px wide"
    wait(driver, lambda d: elements[0].get_attribute("data-loaded") == "true", "page 1 never loaded")
    assert elements[-1].get_attribute("data-loaded") != "true", "the last page loaded unseen"
    driver.execute_script("arguments[0].scrollIntoView()", elements[-1])
    wait(driver, lambda d: elements[-1].get_attribute("data-loaded") == "true",
         "the last page never loaded")
    assert re.match(r"(re)?built in \d+ ms", driver.find_element(By.ID, "status").text)
    context["pages"] = len(pages)


def check_one_word_swap(driver, watch, port, context):
    """A one-word edit swaps only the page holding it; the other elements stay the same nodes,
    and the scroll position stays; the build's event carries the state, so the page asks for
    the changed page's picture without asking for /state.json first."""
    content = context["content"]
    text = open(content, encoding="utf-8").read()
    word = "collaboration"
    before = state(driver)
    elements = page_elements(driver)
    driver.execute_script("arguments[0].scrollIntoView()", elements[2])
    driver.execute_script("for (const p of arguments[0]) p.keptNode = true;", elements)
    scroll = driver.execute_script("return window.scrollY")
    generation = float(driver.find_element(By.TAG_NAME, "body").get_attribute("data-generation"))
    driver.execute_script("performance.setResourceTimingBufferSize(10000);"
                          " performance.clearResourceTimings();")
    # In the body (after the front matter), not a chart's label.
    at = text.index(word, text.index("\n---\n", 4))
    with open(content + ".swp", "w", encoding="utf-8") as out:
        out.write(text[:at] + "coordination" + text[at + len(word):])
    os.rename(content + ".swp", content)
    wait(driver, lambda d: float(d.find_element(By.TAG_NAME, "body").get_attribute(
        "data-generation")) > generation, "no rebuild reached the page")
    asked = driver.execute_script(
        "return performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname)")
    assert "/state.json" not in asked, f"the page asked for the state after the event: {asked}"
    after = state(driver)
    old = next(d for d in before["documents"] if d["name"] == "full-report")["pages"]
    new = next(d for d in after["documents"] if d["name"] == "full-report")["pages"]
    changed = [i + 1 for i, (a, b) in enumerate(zip(old, new)) if a["version"] != b["version"]]
    assert len(old) == len(new) and len(changed) == 1, f"changed pages: {changed}"
    wait(driver, lambda d: sum(1 for p in page_elements(d) if not d.execute_script(
        "return arguments[0].keptNode === true", p)) == 1, "the changed page was not swapped")
    replaced = [p.get_attribute("data-page") for p in page_elements(driver)
                if not driver.execute_script("return arguments[0].keptNode === true", p)]
    assert replaced == [str(changed[0])], f"swapped {replaced}, changed {changed}"
    assert driver.execute_script("return window.scrollY") == scroll, "the scroll position moved"
    context["changed"] = changed[0]


def save_word(driver, context, old, new):
    """Replaces the first `old` in the content with `new`, saved as editors save (a rename), and
    waits until the changed page's element (context["changed"]) is swapped and shows its SVG;
    returns that element."""
    content = context["content"]
    text = open(content, encoding="utf-8").read()
    at = text.index(old)
    number = context["changed"]
    version = page_elements(driver)[number - 1].get_attribute("data-version")
    with open(content + ".swp", "w", encoding="utf-8") as out:
        out.write(text[:at] + new + text[at + len(old):])
    os.rename(content + ".swp", content)
    wait(driver, lambda d: page_elements(d)[number - 1].get_attribute("data-version") != version,
         "the changed page was not swapped")
    swapped = page_elements(driver)[number - 1]
    wait(driver, lambda d: swapped.get_attribute("data-picture") == "svg", "no SVG after the raster")
    return swapped


# Records each picture put in a page element from now on: its page, its kind (`rgba`: a raster's
# canvas; `svg`: an image), and its width in pixels (drawn or decoded before it is put in place).
PICTURES = """
window.__pictures = [];
performance.setResourceTimingBufferSize(10000);
performance.clearResourceTimings();
new MutationObserver((records) => {
  for (const record of records) for (const node of record.addedNodes) {
    const pictures = ['IMG', 'CANVAS'].includes(node.tagName) ? [node]
      : (node.querySelectorAll ? Array.from(node.querySelectorAll('img, canvas')) : []);
    for (const picture of pictures) {
      const canvas = picture.tagName === 'CANVAS';
      window.__pictures.push({page: picture.closest('[data-page]').dataset.page,
        kind: canvas ? 'rgba' : new URL(picture.src).pathname.split('.').pop(),
        width: canvas ? picture.width : picture.naturalWidth});
    }
  }
}).observe(pagesElement, {childList: true, subtree: true});
"""


# Applies the build that changes page `arguments[0]` of the document shown a second time, as a
# later generation, at once (a later build that leaves the page as it was, such as a second save
# of the same text, arriving while the page's swap is on its way).
BUILT_TWICE = """
const number = arguments[0];
const before = pagesElement.children[number - 1].dataset.version;
events.addEventListener('build', function again(event) {
  const state = JSON.parse(event.data).state;
  const changed = state.documents.find((d) => d.name === shown);
  if (!changed || changed.pages[number - 1].version === before) return;
  events.removeEventListener('build', again);
  apply({...state, generation: state.generation + 0.5});
});
"""


def check_raster_then_svg(driver, watch, port, context):
    """A one-word edit shows the changed page first as a raster (its pixels in a canvas as wide
    as the page element in device pixels), then as its SVG; no other page gets a raster; the page
    has told the server it has the page in view, at that width (so its raster is drawn ahead);
    the raster came compressed; a second build leaving the page as the first made it, arriving
    while the swap is on its way, asks for nothing again."""
    number = context["changed"]
    element = page_elements(driver)[number - 1]
    driver.execute_script("arguments[0].scrollIntoView()", element)
    wait(driver, lambda d: element.get_attribute("data-loaded") == "true", "the page never loaded")
    width = driver.execute_script(
        "return Math.round(arguments[0].getBoundingClientRect().width * devicePixelRatio)", element)
    driver.execute_script(PICTURES)
    driver.execute_script(BUILT_TWICE, number)
    swapped = save_word(driver, context, "coordination", "cooperation")
    pictures = driver.execute_script("return window.__pictures")
    mine = [p for p in pictures if p["page"] == str(number)]
    assert [p["kind"] for p in mine] == ["rgba", "svg"], f"page {number} showed {mine}"
    assert mine[0]["width"] == width, f"{mine[0]}, {width}"
    asked = driver.execute_script(
        "return performance.getEntriesByType('resource')"
        ".filter((e) => new URL(e.name).pathname.endsWith('.rgba')).map((e) => ({"
        "url: new URL(e.name).pathname + new URL(e.name).search,"
        "encoded: e.encodedBodySize, decoded: e.decodedBodySize}))")
    assert len(asked) == 1 and f"/{number}.rgba" in asked[0]["url"], asked
    assert f"&w={width}" in asked[0]["url"], asked
    # Sent compressed (zstd), inflated by the browser: fewer bytes came than the pixels hold.
    assert 0 < asked[0]["encoded"] < asked[0]["decoded"], f"not compressed: {asked}"
    others = [p for p in pictures if p["page"] != str(number) and p["kind"] == "rgba"]
    assert not others, f"other pages got rasters: {others}"
    assert swapped.find_element(By.TAG_NAME, "img").get_attribute("src").split("?")[0].endswith(
        ".svg"), "the page does not show its SVG"
    assert not swapped.find_elements(By.TAG_NAME, "canvas"), "the raster stayed"
    # What the page last told the server it has in view: `pages=3,4&w=794,794`.
    reported = parse_qs(urlparse(driver.execute_script("return viewReported")).query)
    view = dict(zip(reported["pages"][0].split(","), reported["w"][0].split(",")))
    assert view.get(str(number)) == str(width), f"page {number} not reported in view: {reported}"


# Keeps each canvas put in a page element from now on (window.__canvases), with its page.
CANVASES = """
window.__canvases = [];
new MutationObserver((records) => {
  for (const record of records) for (const node of record.addedNodes) {
    for (const canvas of node.querySelectorAll ? node.querySelectorAll('canvas') : []) {
      window.__canvases.push({page: canvas.closest('[data-page]').dataset.page, canvas});
    }
  }
}).observe(pagesElement, {childList: true, subtree: true});
"""

# The canvases put in page `arguments[0]`'s element since CANVASES, and how many bytes of the last
# one differ from the whole raster at `arguments[1]` (fetched without `since`): {canvases, width,
# height, length, differing} (-1: not as many bytes), or what failed.
SAME_AS_WHOLE = """
const [page, url, done] = arguments;
const canvases = window.__canvases.filter((c) => c.page === page).map((c) => c.canvas);
const canvas = canvases[canvases.length - 1];
if (!canvas) { done({canvases: 0}); return; }
const shown = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
fetch(url + `&w=${canvas.width}`).then((r) => r.arrayBuffer()).then((buffer) => {
  const whole = new Uint8Array(buffer);
  let differing = whole.length === shown.length ? 0 : -1;
  for (let i = 0; differing >= 0 && i < whole.length; i++) if (whole[i] !== shown[i]) differing++;
  done({canvases: canvases.length, width: canvas.width, height: canvas.height,
        length: whole.length, differing});
}, (e) => done(String(e)));
"""


# Keeps the header of each `raster` event from now on (window.__bands), with how many bytes of
# pixels it carried.
BANDS = """
window.__bands = [];
events.addEventListener('raster', (event) => {
  const end = event.data.indexOf('\\n');
  const {page, band} = JSON.parse(end < 0 ? event.data : event.data.slice(0, end));
  window.__bands.push({page: page.page, version: page.version, since: band ? band.since : null,
                       bytes: end < 0 ? 0 : atob(event.data.slice(end + 1)).length});
});
"""


def check_raster_band(driver, watch, port, context):
    """After a page's first raster, a later edit of it gets the rows that changed since the
    version its last raster shows pushed on the event stream (a `raster` event naming that
    version as `since`), a band, not the page; the page asks for no raster; the canvas the band
    is put on (the last raster, no longer shown) ends equal to the new version's whole raster."""
    number = context["changed"]
    kept = driver.execute_script(
        "const kept = rasters.get(`full-report/${arguments[0]}`);"
        " return kept ? kept.version : null", number)
    assert kept, f"no raster kept of page {number}"
    driver.execute_script(PICTURES + CANVASES + BANDS)
    # A word never shown on the page before (a version shown before comes back as its SVG).
    swapped = save_word(driver, context, "cooperation", "partnership")
    asked = driver.execute_script(
        "return performance.getEntriesByType('resource')"
        ".filter((e) => new URL(e.name).pathname.endsWith('.rgba'))"
        ".map((e) => new URL(e.name).pathname + new URL(e.name).search)")
    assert not asked, f"the page asked for rasters: {asked}"
    version = swapped.get_attribute("data-version")
    bands = [b for b in driver.execute_script("return window.__bands")
             if b["page"] == number and b["version"] == version]
    assert len(bands) == 1 and bands[0]["since"] == kept, (bands, kept)
    whole = f"/pages/full-report/{number}.rgba?v={version}"
    same = driver.execute_async_script(SAME_AS_WHOLE, str(number), whole)
    assert isinstance(same, dict) and same["canvases"] == 1, f"canvases of page {number}: {same}"
    width, height = same["width"], same["height"]
    assert 0 < bands[0]["bytes"] < width * height * 4 / 4, f"not a band: {bands}, {same}"
    assert same["length"] == width * height * 4 and same["differing"] == 0, \
        f"the canvas is not the whole raster: {same}"


def check_overlay(driver, watch, port, context):
    """A bad save shows every diagnostic with file:line over the last good pages; a fix clears
    them."""
    content = context["content"]
    good = open(content, encoding="utf-8").read()
    bad = good.replace("\nfocus:\n", "\nfocus: [unclosed\n", 1)
    assert bad != good
    with open(content, "w", encoding="utf-8") as out:
        out.write(bad)
    overlay = driver.find_element(By.CSS_SELECTOR, '[role="alert"]')
    wait(driver, lambda d: overlay.is_displayed(), "no overlay after a bad save")
    assert re.search(r"content\.md:\d+", overlay.text), overlay.text
    assert len(page_elements(driver)) == context["pages"], "the last good pages went"
    with open(content, "w", encoding="utf-8") as out:
        out.write(good)
    wait(driver, lambda d: not overlay.is_displayed(), "the overlay stayed after a fix")


def show_page(driver, page):
    """`page` scrolled into view and waited for until its picture has loaded."""
    driver.execute_script("arguments[0].scrollIntoView()", page)
    wait(driver, lambda d: page.get_attribute("data-loaded") == "true", "a page never loaded")


def first_hit(driver, pages, selector):
    """The first page of `pages` (scrolled to, one by one, until loaded) with a hit box matching
    `selector`, and that box; (None, None) when none has one."""
    for page in pages:
        show_page(driver, page)
        hits = page.find_elements(By.CSS_SELECTOR, selector)
        if hits:
            return page, hits[0]
    return None, None


def check_click(driver, watch, port, context):
    """A click on a paragraph shows where it was written: content.md and its line."""
    _, hit = first_hit(driver, page_elements(driver)[1:], '.hit[aria-label^="P at"]')
    assert hit is not None, "no paragraph has a hit box"
    source = hit.get_attribute("data-source")
    file, line = source.rsplit(":", 1)
    assert file == "content.md", source
    assert hit.get_attribute("href").startswith("vscode://file/"), hit.get_attribute("href")
    driver.execute_script("arguments[0].addEventListener('click', e => e.preventDefault())", hit)
    hit.click()
    position = driver.find_element(By.ID, "position")
    wait(driver, lambda d: position.get_attribute("data-source") == source, "no position shown")
    lines = open(context["content"], encoding="utf-8").read().split("\n")
    written = lines[int(line) - 1]
    assert written.strip() and not written.startswith("#"), f"line {line}: {written!r}"


def check_chart(driver, watch, port, context):
    """Each chart the content lists is a figure whose hit box gives its entry in the list (the
    front matter's `- id:` line); nothing inside a chart (its labels) has a hit box of its own."""
    lines = open(context["content"], encoding="utf-8").read().split("\n")
    # The front matter's chart list: its entries' line numbers.
    start, end = lines.index("charts:"), lines.index("---", 1)
    listed = [n for n in range(start + 2, end + 1) if lines[n - 1].startswith("- id: ")]
    charts = []
    for page in page_elements(driver):
        show_page(driver, page)
        hits = page.find_elements(By.CSS_SELECTOR, ".hit")
        for hit in page.find_elements(By.CSS_SELECTOR, '.hit[aria-label^="Figure at"]'):
            file, line = hit.get_attribute("data-source").rsplit(":", 1)
            if file != "content.md" or not lines[int(line) - 1].startswith("- id: "):
                continue
            box = hit.rect
            inside = [h.get_attribute("aria-label") for h in hits if h != hit
                      and box["x"] <= h.rect["x"] and box["y"] <= h.rect["y"]
                      and h.rect["x"] + h.rect["width"] <= box["x"] + box["width"]
                      and h.rect["y"] + h.rect["height"] <= box["y"] + box["height"]]
            assert not inside, f"hit boxes inside the chart at line {line}: {inside}"
            charts.append(int(line))
    assert listed and sorted(set(charts)) == listed, f"charts listed at {listed}, boxes at {charts}"


def check_keyboard(driver, watch, port, context):
    """Usable with the keyboard: on a fresh load Tab reaches the menu, then the first page; `n`
    and `p` move the focus to the next and previous page, each scrolled into view."""
    driver.refresh()
    wait(driver, lambda d: len(page_elements(d)) == context["pages"], "no pages after a reload")
    ActionChains(driver).send_keys(Keys.TAB).perform()
    focused = driver.switch_to.active_element
    assert focused.get_attribute("id") == "documents", f"Tab: {focused.tag_name}"
    ActionChains(driver).send_keys(Keys.TAB).perform()
    focused = driver.switch_to.active_element
    assert focused.get_attribute("data-page") == "1", f"Tab after the menu: {focused.tag_name}"
    for key, page in (("n", "2"), ("n", "3"), ("p", "2")):
        ActionChains(driver).send_keys(key).perform()
        focused = driver.switch_to.active_element
        assert focused.get_attribute("data-page") == page, \
            f"{key}: focus on {focused.tag_name} {focused.get_attribute('data-page')}"
        seen = driver.execute_script(
            "const box = arguments[0].getBoundingClientRect();"
            " return box.bottom > 0 && box.top < innerHeight", focused)
        assert seen, f"page {page} focused out of view"


def check_image(driver, watch, port, context):
    """A PNG in the content draws on its page: the page's SVG embeds it as a data: URI, which
    the SVG response's Content-Security-Policy must allow."""
    page, hit = first_hit(driver, page_elements(driver),
                          '.hit[aria-label^="Figure at"], .hit[aria-label^="image at"]')
    assert hit is not None, "no image has a hit box"
    colour = driver.execute_script(
        "const [page, hit] = arguments;"
        "const image = page.querySelector('img');"
        "const canvas = document.createElement('canvas');"
        "canvas.width = page.clientWidth; canvas.height = page.clientHeight;"
        "const context = canvas.getContext('2d');"
        "context.drawImage(image, 0, 0, canvas.width, canvas.height);"
        "const h = hit.getBoundingClientRect(), p = page.getBoundingClientRect();"
        "const x = Math.round(h.left - p.left + h.width / 2);"
        "const y = Math.round(h.top - p.top + h.height / 2);"
        "return Array.from(context.getImageData(x, y, 1, 1).data);", page, hit)
    assert all(abs(a - b) < 8 for a, b in zip(colour, GREEN + (255,))), f"pixel {colour}"


def check_races(driver, watch, port, context):
    """The page's races: a page changed again while its first change loads shows the latest; a
    snapshot older than the one shown is ignored; `$&` in a path stays in the editor link."""
    link = driver.execute_script("return editorLink(\"/tmp/a$&b$'c/content.md\", 7)")
    assert link == "vscode://file//tmp/a$&b$'c/content.md:7", link
    # The path URL-encoded: a space, a letter beyond ASCII, `?` and `#`.
    link = driver.execute_script("return editorLink('/tmp/a b/é?#/content.md', 7)")
    assert link == "vscode://file//tmp/a%20b/%C3%A9%3F%23/content.md:7", link
    driver.execute_script("window.scrollTo(0, 0)")
    wait(driver, lambda d: d.execute_script(
        "return pagesElement.children[0].inView === true"), "page 1 not in view")
    # Build N+1 changes page 1, build N+2 changes it again while N+1's page still loads; N+1's
    # page loads first.
    version = driver.execute_async_script(
        "const done = arguments[0];"
        "const loadPage = fill, gates = [];"
        "fill = (page) => new Promise((go) => gates.push([page, go])).then(() => loadPage(page));"
        "const next = (version) => {"
        "  const info = structuredClone(snapshot.documents.find((d) => d.name === shown));"
        "  info.pages[0].version = version; update(info); };"
        "next('race-1'); next('race-2'); fill = loadPage;"
        "const tick = () => new Promise((go) => setTimeout(go, 0));"
        "(async () => {"
        "  for (const [page, go] of gates) { go(); await tick(); await page.filling; await tick(); }"
        "  done(pagesElement.children[0].dataset.version);"
        "})().catch((e) => done(String(e)));")
    assert version == "race-2", f"page 1 shows {version}"
    driver.execute_script("update(snapshot.documents.find((d) => d.name === shown))")
    # A refresh that resolves late: its older snapshot is not applied.
    generation = driver.execute_script("return snapshot.generation")
    driver.execute_script(
        "apply(Object.assign({}, snapshot, {generation: snapshot.generation - 1,"
        " diagnostics: ['content.md:1:1: error: stale']}))")
    assert not driver.find_element(By.ID, "overlay").is_displayed(), "an older snapshot shown"
    assert driver.execute_script("return snapshot.generation") == generation


def check_sockets(driver, watch, port, context):
    """A foreign Host or Origin gets 403; paths leading out get 404; nothing is listed."""
    assert raw_get(port, "/") == 200
    assert raw_get(port, "/", host=f"localhost:{port}") == 200
    assert raw_get(port, "/", host=f"evil.example:{port}") == 403
    assert raw_get(port, "/", host="127.0.0.1") == 403
    assert raw_get(port, "/state.json", origin="http://evil.example") == 403
    assert raw_get(port, "/state.json", origin=f"http://127.0.0.1:{port}") == 200
    for path in ("/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
                 "/..%2f..%2fetc%2fpasswd", "/pages/../../../etc/passwd",
                 "/pages/full-report/..%2f..%2f..%2fetc%2fpasswd", "/Output/", "/content.md",
                 "/pages/", "/pages/full-report/0.svg", "/pages/full-report/999.svg"):
        status = raw_get(port, path)
        assert status == 404, f"{path}: {status}"


def check_render_between_builds(driver, watch, port, context):
    """`watch --serve` holds the output folder's lock for each build only: between builds a
    render into the same folder runs at once (`--no-wait`: it would fail on a held lock) and
    the next save is still built and shown."""
    rendered = subprocess.run([context["binary"], "--quiet", "--no-cache", "--no-wait"],
                              cwd=context["folder"], capture_output=True, text=True,
                              timeout=TIMEOUT, env=dict(os.environ, SOURCE_DATE_EPOCH="1700000000"))
    assert rendered.returncode == 0, f"render: exit {rendered.returncode}: {rendered.stderr}"
    show_page(driver, page_elements(driver)[context["changed"] - 1])
    generation = float(driver.find_element(By.TAG_NAME, "body").get_attribute("data-generation"))
    save_word(driver, context, "partnership", "alliance")
    assert float(driver.find_element(By.TAG_NAME, "body").get_attribute(
        "data-generation")) > generation, "no build after the render"


def check_interrupt(watch, port, folder):
    """Ctrl-C: exit 130, no listening socket, no temporaries."""
    watch.process.send_signal(signal.SIGINT)
    code = watch.process.wait(timeout=TIMEOUT)
    assert code == 130, f"exit {code}"
    try:
        socket.create_connection(("127.0.0.1", port), timeout=5).close()
        raise AssertionError("the port still listens")
    except ConnectionRefusedError:
        pass
    left = [os.path.join(root, name) for root, _, names in os.walk(folder) for name in names
            if ".tmp" in name or name.endswith(".swp")]
    assert not left, f"temporaries left: {left}"


def write_project(binary, folder, config, picture=False):
    """The built-in article exported as Markdown (content.md) and `config` (pmreport.yml) in
    `folder`, with `picture`, a green PNG in section 1 (check_image); returns content.md's path."""
    content = os.path.join(folder, "content.md")
    text = subprocess.run([binary, "export-content", "--format", "markdown"],
                          check=True, capture_output=True, text=True).stdout
    if picture:
        os.mkdir(os.path.join(folder, "img"))
        write_png(os.path.join(folder, "img", "green.png"), 160, 90, GREEN)
        at = text.index("## Who is")
        text = text[:at] + "![A green field](img/green.png)\n\n" + text[at:]
    with open(content, "w", encoding="utf-8") as out:
        out.write(text)
    with open(os.path.join(folder, "pmreport.yml"), "w", encoding="utf-8") as out:
        out.write(config)
    return content


def run_cases(results, cases, *arguments):
    """Runs each (name, check) of `cases` on `arguments`, in order, keeping "ok" or what failed
    in `results`."""
    for name, check in cases:
        try:
            check(*arguments)
            results[name] = "ok"
        except Exception:
            results[name] = traceback.format_exc(limit=3)


def report(results):
    """Prints `results` as the JSON report; the exit code: 0 when every case passed."""
    passed = bool(results) and all(v == "ok" for v in results.values())
    print(json.dumps({"passed": passed, "cases": results}, indent=2))
    return 0 if passed else 1


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--screenshot")
    arguments = parser.parse_args()
    arguments.binary = os.path.abspath(arguments.binary)
    results = {}
    with tempfile.TemporaryDirectory(prefix="pmreport-preview-") as folder:
        content = write_project(arguments.binary, folder, CONFIG, picture=True)
        watch = Watch(arguments.binary, folder)
        driver = None
        try:
            port = int(watch.wait_for(r"^serving http://127\.0\.0\.1:(\d+)/$").group(1))
            driver = browser()
            context = {"content": content, "folder": folder, "binary": arguments.binary}
            run_cases(results, (("pages", check_pages), ("one-word-swap", check_one_word_swap),
                                ("raster-then-svg", check_raster_then_svg),
                                ("raster-band", check_raster_band),
                                ("overlay", check_overlay), ("click-to-source", check_click),
                                ("chart-to-source", check_chart),
                                 ("image", check_image), ("sockets", check_sockets),
                                 ("render-between-builds", check_render_between_builds),
                                 ("races", check_races), ("keyboard", check_keyboard)),
                      driver, watch, port, context)
            if arguments.screenshot:
                driver.execute_script("window.scrollTo(0, 0)")
                # Read in the page: page 1's element may be swapped meanwhile (the races case
                # ends by showing its real version again).
                wait(driver, lambda d: d.execute_script(
                    "const page = pagesElement.children[0];"
                    " return page.dataset.loaded === 'true' && page.dataset.picture === 'svg';"),
                     "no page 1")
                driver.save_screenshot(arguments.screenshot)
            driver.quit()
            driver = None
            try:
                check_interrupt(watch, port, folder)
                results["interrupt"] = "ok"
            except Exception:
                results["interrupt"] = traceback.format_exc(limit=3)
        except Exception:
            results["start"] = traceback.format_exc(limit=3) + "\n".join(watch.seen[-20:])
        finally:
            if driver:
                driver.quit()
            if watch.process.poll() is None:
                watch.process.kill()
    return report(results)


if __name__ == "__main__":
    raise SystemExit(main())
