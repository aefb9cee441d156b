#!/usr/bin/env python3
"""Edit-to-preview latency of `pmreport watch --serve` (measured by hand; not yet in bench.py).

Starts `pmreport watch --serve --port 0 --document full-report` on the built-in article exported
as Markdown, listens to the preview's server-sent events, and N times for each edit: writes the
edited content to a temporary file and renames it over content.md (as editors save), then records
(a) file written → the build event (the new snapshot published: every page laid out and
compared, the changed ones known, before any output file is written) and (b) file written → the
first changed page's SVG received from the server. The edit is then undone (its rebuild waited
for, not timed). Edits: one word in a paragraph of section 1; three lines added in section 2
(every later page reflows).

Usage: python3 bench/preview.py [--bin .build/release/pmreport] [--runs 10]
"""
import argparse
import http.client
import json
import os
import queue
import re
import statistics
import subprocess
import tempfile
import threading
import time

ADDED = ("This paragraph was added to measure the preview: it is long enough to be set as three "
         "lines of the report's body text, so that every later page of the document reflows and "
         "has to be compared again, and the ones in view drawn again for the browser.")


def events(port, out):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
    connection.request("GET", "/events", headers={"Host": f"127.0.0.1:{port}"})
    response = connection.getresponse()
    for line in response:
        if line.startswith(b"data: "):
            out.put((time.perf_counter(), json.loads(line[6:])))


def fetch(port, path):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
    connection.request("GET", path, headers={"Host": f"127.0.0.1:{port}"})
    response = connection.getresponse()
    body = response.read()
    assert response.status == 200, (path, response.status)
    return body


def save(path, text):
    with open(path + ".swp", "w", encoding="utf-8") as out:
        out.write(text)
    os.rename(path + ".swp", path)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", default=".build/release/pmreport")
    parser.add_argument("--runs", type=int, default=10)
    arguments = parser.parse_args()
    binary = os.path.abspath(arguments.bin)
    with tempfile.TemporaryDirectory(prefix="pmreport-preview-bench-") as folder:
        content = os.path.join(folder, "content.md")
        original = subprocess.run([binary, "export-content", "--format", "markdown"], check=True,
                                  capture_output=True, text=True).stdout
        save(content, original)
        process = subprocess.Popen(
            [binary, "watch", "--serve", "--port", "0", "--content", content, "--document",
             "full-report", "--format", "pdf", "--output", os.path.join(folder, "out")],
            cwd=folder, stderr=subprocess.PIPE, text=True)
        try:
            for line in process.stderr:
                found = re.match(r"serving http://127\.0\.0\.1:(\d+)/", line)
                if found:
                    port = int(found.group(1))
                    break
            lines = queue.Queue()
            threading.Thread(target=lambda: [lines.put(x) for x in process.stderr],
                             daemon=True).start()

            def written():
                """Waits for the line of a build whose files are in place."""
                while "rebuilt in" not in lines.get(timeout=600):
                    pass
            built = queue.Queue()
            threading.Thread(target=events, args=(port, built), daemon=True).start()
            while json.loads(fetch(port, "/state.json"))["generation"] < 1:
                built.get(timeout=600)
            body = original.index("\n---\n", 4)
            word_at = original.index(" roles ", body) + 1
            one_word = original[:word_at] + "tasks" + original[word_at + len("roles"):]
            section2 = original.index("\n", original.index("{#who-is-who}")) + 1
            three_lines = original[:section2] + "\n" + ADDED + "\n" + original[section2:]
            for name, edited in (("one-word edit", one_word), ("three lines in section 2",
                                                                three_lines)):
                ready, page = [], []
                for _ in range(arguments.runs):
                    while not built.empty():
                        built.get()
                    start = time.perf_counter()
                    save(content, edited)
                    at, event = built.get(timeout=600)
                    ready.append((at - start) * 1000)
                    changed = event["changed"].get("full-report", [])
                    assert changed, event
                    fetch(port, f"/pages/full-report/{changed[0]}.svg?v=x")
                    page.append((time.perf_counter() - start) * 1000)
                    written()
                    save(content, original)
                    built.get(timeout=600)
                    written()
                print(f"{name}: {len(changed)} page(s) changed; file written -> changed pages known "
                      f"(snapshot published): median {statistics.median(ready):.0f} ms "
                      f"({min(ready):.0f}-{max(ready):.0f}); -> first changed page's SVG "
                      f"received: median {statistics.median(page):.0f} ms "
                      f"({min(page):.0f}-{max(page):.0f})")
        finally:
            process.terminate()
            process.wait()


if __name__ == "__main__":
    main()
