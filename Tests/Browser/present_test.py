#!/usr/bin/env python3
"""The present view of a deck (`pmreport watch --serve`, /present/<deck>) in a real browser:
headless Chromium from Debian driven by Selenium through /usr/bin/chromedriver.

Starts `watch --serve --port 0` on a fresh project with a deck and its guide (session-minutes: 60)
and checks: the slides window fills the browser window and goes full screen on `f`; `w` opens
the notes window (window.open); the arrow keys, PageUp/PageDown and space in the slides window
move the notes window, which shows the current slide's notes, the next slide and a timer
against the group's planned minutes (the same plan as the guide's: summing to 60), and a key in
the notes window moves the slides window back; the routes refuse what they should (404, 403) and
the page breaks no Content-Security-Policy rule. Every wait is on a DOM condition; nothing
sleeps.

Prints one JSON object: {"passed": bool, "cases": {name: "ok" or what failed}}; exits 0 when
every case passed. Usage: present_test.py --binary PATH
"""
import argparse
import os
import tempfile
import traceback

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

import preview_test
from preview_test import Watch, browser, raw_get, report, run_cases, wait, write_project

# The preview test's project with a deck and its guide added.
CONFIG = preview_test.CONFIG + """  - name: slides
    kind: slides
  - name: facilitator-guide
    kind: facilitator-guide
    session-minutes: 60
"""


def deck_data(driver):
    return driver.execute_async_script(
        "const done = arguments[0];"
        "fetch('/present/slides/slides.json').then(r => r.json()).then(done, e => done(String(e)));")


def slide_number(driver):
    return driver.find_element(By.TAG_NAME, "body").get_attribute("data-slide")


def check_slides_window(driver, port, context):
    """The slides window shows slide 1 filling the window; `f` asks for the full screen."""
    wait(driver, lambda d: raw_get(port, "/present/slides") == 200, "no deck was ever built")
    driver.get(f"http://127.0.0.1:{port}/present/slides")
    wait(driver, lambda d: slide_number(d) == "1", "slide 1 never shown")
    image = driver.find_element(By.ID, "slide")
    wait(driver, lambda d: d.execute_script(
        "return arguments[0].complete && arguments[0].naturalWidth > 0", image),
        "slide 1's picture never loaded")
    assert image.get_attribute("src").endswith("/pages/slides/1.svg?v=" +
                                               deck_data(driver)["slides"][0]["page"]["version"])
    fills = driver.execute_script(
        "const r = arguments[0].getBoundingClientRect();"
        "return [r.width, r.height, innerWidth, innerHeight];", image)
    assert fills[0] == fills[2] and fills[1] == fills[3], f"slide box and window: {fills}"
    context["deck"] = deck_data(driver)
    context["slides"] = driver.current_window_handle
    driver.find_element(By.TAG_NAME, "body").send_keys("f")
    wait(driver, lambda d: d.execute_script("return document.fullscreenElement !== null"),
         "f did not go full screen")
    driver.find_element(By.TAG_NAME, "body").send_keys("f")
    wait(driver, lambda d: d.execute_script("return document.fullscreenElement === null"),
         "f did not leave full screen")


def notes_shown(driver, deck, number):
    """Whether the notes window shows slide `number` (1-based): its title and notes, the next
    slide, and the timer against its group's planned minutes."""
    if slide_number(driver) != str(number):
        return False
    slide = deck["slides"][number - 1]
    if driver.find_element(By.ID, "title").text != slide["title"]:
        return False
    notes = [p.text for p in driver.find_elements(By.CSS_SELECTOR, "#notes p")]
    if notes != [n.strip() for n in slide["notes"]]:
        return False
    upcoming = driver.find_element(By.ID, "next-slide")
    if number < len(deck["slides"]):
        if upcoming.get_attribute("data-page") != str(number + 1):
            return False
        if driver.find_element(By.ID, "next-title").text != deck["slides"][number]["title"]:
            return False
    elif driver.find_element(By.ID, "next-title").text != "End of the deck":
        return False
    planned = deck["groups"][slide["group"]]["minutes"]
    timer = driver.find_element(By.ID, "group-timer")
    return (timer.get_attribute("data-planned") == str(planned)
            and timer.text.endswith(f" of {planned} min"))


def check_notes_window(driver, port, context):
    """`w` in the slides window opens the notes window, showing slide 1."""
    driver.find_element(By.TAG_NAME, "body").send_keys("w")
    wait(driver, lambda d: len(d.window_handles) == 2, "no notes window opened")
    notes = next(h for h in driver.window_handles if h != context["slides"])
    driver.switch_to.window(notes)
    wait(driver, lambda d: d.current_url.endswith("/present/slides/notes"), "not the notes route")
    deck = context["deck"]
    wait(driver, lambda d: notes_shown(d, deck, 1), "the notes window does not show slide 1")
    assert any(s["notes"] for s in deck["slides"]), "no slide has notes"
    context["notes"] = notes


def check_keys(driver, port, context):
    """Keys in the slides window move the notes window; a key there moves the slides window."""
    deck = context["deck"]
    # The first slide with notes, so the notes read back are real text.
    start = next(i for i, s in enumerate(deck["slides"], start=1) if s["notes"] and i > 1) - 1
    keys = [(Keys.HOME, 1)] + [(Keys.ARROW_RIGHT, n) for n in range(2, start + 1)]
    keys += [(Keys.SPACE, start + 1), (Keys.PAGE_DOWN, start + 2), (Keys.ARROW_LEFT, start + 1),
             (Keys.PAGE_UP, start), (Keys.ARROW_DOWN, start + 1), (Keys.END, len(deck["slides"]))]
    for key, number in keys:
        driver.switch_to.window(context["slides"])
        driver.find_element(By.TAG_NAME, "body").send_keys(key)
        wait(driver, lambda d: slide_number(d) == str(number), f"slides window not at {number}")
        driver.switch_to.window(context["notes"])
        wait(driver, lambda d: notes_shown(d, deck, number), f"notes window not at {number}")
    driver.find_element(By.TAG_NAME, "body").send_keys(Keys.ARROW_LEFT)
    back = len(deck["slides"]) - 1
    wait(driver, lambda d: notes_shown(d, deck, back), "a key in the notes window did nothing")
    driver.switch_to.window(context["slides"])
    wait(driver, lambda d: slide_number(d) == str(back), "the slides window did not follow")


def check_plan(driver, port, context):
    """The plan is the guide's: every group at least a minute, summing to session-minutes."""
    deck = context["deck"]
    minutes = [g["minutes"] for g in deck["groups"]]
    assert deck["sessionMinutes"] == 60, deck["sessionMinutes"]
    assert all(m >= 1 for m in minutes) and sum(minutes) == 60, minutes
    used = {s["group"] for s in deck["slides"]}
    assert used == set(range(len(deck["groups"]))), f"groups without slides: {used}"


def check_routes(driver, port, context):
    """Only a deck has a present view's data; the guard applies; no CSP rule is broken."""
    assert raw_get(port, "/present/slides") == 200
    assert raw_get(port, "/present/slides/notes") == 200
    assert raw_get(port, "/present/slides/slides.json") == 200
    assert raw_get(port, "/present/slides/slides.json", origin="http://evil.example") == 403
    assert raw_get(port, "/present/slides", host=f"evil.example:{port}") == 403
    for path in ("/present/facilitator-guide/slides.json", "/present/nothing/slides.json",
                 "/present/slides/other", "/present/slides/notes/x", "/present/",
                 "/present/..%2f..%2fetc%2fpasswd", "/present/slides/../../etc/passwd"):
        status = raw_get(port, path)
        assert status == 404, f"{path}: {status}"
    for handle in (context["slides"], context["notes"]):
        driver.switch_to.window(handle)
        broken = [e["message"] for e in driver.get_log("browser")
                  if "Content Security Policy" in e["message"]]
        assert not broken, broken


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    arguments = parser.parse_args()
    arguments.binary = os.path.abspath(arguments.binary)
    results = {}
    with tempfile.TemporaryDirectory(prefix="pmreport-present-") as folder:
        write_project(arguments.binary, folder, CONFIG)
        watch = Watch(arguments.binary, folder)
        driver = None
        try:
            port = int(watch.wait_for(r"^serving http://127\.0\.0\.1:(\d+)/$").group(1))
            driver = browser()
            context = {}
            run_cases(results, (("slides-window", check_slides_window),
                                ("notes-window", check_notes_window), ("keys", check_keys),
                                ("plan", check_plan), ("routes", check_routes)),
                      driver, port, context)
        except Exception:
            results["start"] = traceback.format_exc(limit=3) + "\n".join(watch.seen[-20:])
        finally:
            if driver:
                driver.quit()
            watch.process.kill()
            watch.process.wait()
    return report(results)


if __name__ == "__main__":
    raise SystemExit(main())
