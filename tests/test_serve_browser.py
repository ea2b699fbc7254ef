"""The web interface in a real browser: headless Chromium, driven by Playwright, against
``hadath serve`` started on a store that holds the project's seed article.

Playwright drives Debian's Chromium (/usr/bin/chromium): browsers cannot be downloaded here.
What is missing is installed first (Chromium with apt-get when running as root, Playwright with
pip); .ci/run installs both before the tests. Where neither can be had, the test skips with the
reason, except in CI, where it fails.

The screenshot of the article view is saved under pytest's temporary directory and its path
printed; with HADATH_UPDATE_SCREENSHOT=1 it is also copied to docs/screenshot.png (the README's).
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
import pytest

from hadath.store import ingest

REPO = Path(__file__).resolve().parent.parent
SEED = "seed/000_cac1221034f030e9.txt"
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"]


def _unavailable(what: str, why: str):
    message = f"{what} is not available ({why})"
    if os.environ.get("CI") or os.environ.get("HADATH_REQUIRE_SHARED"):
        pytest.fail(message + "; .ci/run installs it: apt-get install -y chromium; pip install playwright")
    pytest.skip(message)


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    if hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get"):
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-q"], env=env, capture_output=True, timeout=600)
        done = subprocess.run(["apt-get", "install", "-y", "-q", "chromium"], env=env,
                              capture_output=True, text=True, timeout=1200)
        found = shutil.which("chromium")
        if found:
            return found
        _unavailable("Chromium", f"apt-get install chromium failed: {done.stderr[-300:]}")
    _unavailable("Chromium", "not installed, and apt-get needs root")


def _playwright():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        done = subprocess.run([sys.executable, "-m", "pip", "install", "-q", "playwright"],
                              capture_output=True, text=True, timeout=900)
        if done.returncode:
            _unavailable("Playwright", f"pip install playwright failed: {done.stderr[-300:]}")
        from playwright.sync_api import sync_playwright
    return sync_playwright


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(shared, tmp_path_factory):
    """``hadath serve`` (the command itself, in its own process) on the seed article's store."""
    db = tmp_path_factory.mktemp("browser") / "seed.duckdb"
    ingest([str(shared / SEED)], db, published="2020-12-08")
    port = _free_port()
    command = [sys.executable, "-c", "from hadath.cli import main; main()",
               "serve", "--db", str(db), "--port", str(port)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            if process.poll() is not None:
                pytest.fail(f"hadath serve exited: {process.stdout.read()}")
            try:
                if httpx.get(base + "/api/stats", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.2)
        else:
            pytest.fail("hadath serve did not answer within 30 s")
        yield base
    finally:
        process.terminate()
        process.wait(timeout=20)


@pytest.fixture(scope="module")
def page(server):
    chromium = _chromium()
    sync_playwright = _playwright()
    with sync_playwright() as p, tempfile.TemporaryDirectory(prefix="hadath-chromium-") as profile:
        context = p.chromium.launch_persistent_context(
            profile, executable_path=chromium, headless=True, args=CHROMIUM_FLAGS,
            viewport={"width": 1440, "height": 900})
        tab = context.new_page()
        problems: list[str] = []
        outside: list[str] = []
        tab.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
        tab.on("console", lambda m: m.type == "error" and problems.append(f"console: {m.text}"))
        tab.on("request", lambda r: r.url.startswith((server, "data:")) or outside.append(r.url))
        tab.problems, tab.outside = problems, outside
        yield tab
        context.close()


def _settled(page, view: str):
    """Wait until ``view`` is the one shown and has finished loading its data."""
    page.wait_for_function(f"""!document.getElementById('view-{view}').hidden
                               && !document.body.dataset.loading""")


def test_filter_to_consult_and_see_the_visit_highlighted(page, server, tmp_path):
    page.goto(server + "/")
    page.wait_for_selector("table.events tbody tr[data-event-id]")
    page.select_option("#filters select[name=type]", "CONSULT")
    page.click("#filters button[type=submit]")
    page.wait_for_function("""location.hash === '#/events?type=CONSULT' && [...document.querySelectorAll(
        'table.events tbody tr[data-event-id]')].every(r => r.dataset.type === 'CONSULT')""")
    rows = page.locator("table.events tbody tr[data-event-id]")
    assert rows.count() > 0

    visit = rows.filter(has_text="زيارة")
    assert visit.count() == 1, "the seed's CONSULT event for Qaani's visit is not in the table"
    visit.locator("td.article a").click()
    page.wait_for_selector(".reader .body[dir=rtl]")
    _settled(page, "article")

    # The visit's evidence is highlighted, selected and flashed in the right-to-left text.
    marked = page.locator(".reader .hl.hl-event.selected")
    marked.first.wait_for()
    assert "زيارة" in "".join(marked.all_inner_texts())
    assert all("CONSULT" in t.split() for t in marked.evaluate_all("els => els.map(e => e.dataset.types)"))
    assert page.locator(".side li.event.selected").get_attribute("data-type") == "CONSULT"
    assert marked.first.evaluate("e => getComputedStyle(e).direction") == "rtl"
    assert "Arabic" in page.locator(".reader .body").evaluate("e => getComputedStyle(e).fontFamily")

    # Every kind of annotation is drawn, each in its own colour (where spans overlap, the
    # background is the actor's over the place's over the time's over the event's).
    colours = {}
    for kind, selector, style in (
            ("event", ".hl-event:not(.hl-actor):not(.hl-place):not(.hl-time)", "backgroundColor"),
            ("actor", ".hl-actor", "backgroundColor"),
            ("place", ".hl-place:not(.hl-actor)", "backgroundColor"),
            ("time", ".hl-time:not(.hl-actor):not(.hl-place)", "backgroundColor"),
            ("quote", ".hl-quote", "color")):
        mark = page.locator(f".reader .body .hl{selector}:not(.selected)").first
        colours[kind] = mark.evaluate(f"e => getComputedStyle(e).{style}")
    assert len(set(colours.values())) == 5, colours

    # Clicking another event in the list moves the selection to its evidence.
    other = page.locator(".side li.event").filter(has_not_text="زيارة").first
    other.click()
    key = other.get_attribute("data-key")
    selected = page.locator(".reader .hl.hl-event.selected").evaluate_all(
        "els => els.map(e => e.dataset.events)")
    assert selected and all(key in s.split() for s in selected)
    page.locator(".side li.event").filter(has_text="زيارة").first.click()
    page.wait_for_timeout(2500)  # the flash has faded: the picture shows the steady selection

    shot = tmp_path / "article-view.png"
    page.screenshot(path=str(shot))
    print(f"\nscreenshot of the article view: {shot}")
    if os.environ.get("HADATH_UPDATE_SCREENSHOT"):
        shutil.copy(shot, REPO / "docs" / "screenshot.png")
    assert not page.problems, page.problems


def test_charts_and_map_draw_from_the_store(page, server):
    page.goto(server + "/#/timeline")
    _settled(page, "timeline")
    assert page.locator("#view-timeline svg .bar rect").count() > 0
    page.click("#nav a[data-view=network]")
    _settled(page, "network")
    assert page.locator("#view-network svg .node circle").count() >= 2
    assert page.locator("#view-network svg path.edge").count() >= 1
    page.click("#nav a[data-view=map]")
    _settled(page, "map")
    assert page.locator("#view-map svg path.country").count() > 150  # the bundled outline
    assert page.locator("#view-map svg circle.spot").count() > 0
    assert not page.problems, page.problems
    assert not page.outside, f"the interface fetched from elsewhere: {page.outside}"


def test_pasted_article_is_analysed_and_shown(page, server, shared):
    page.goto(server + "/#/analyze")
    text = (shared / SEED).read_text(encoding="utf-8")
    title, _, body = text.partition("\n")
    page.fill("#analyze-form input[name=title]", title)
    page.fill("#analyze-form textarea[name=text]", body)
    page.fill("#analyze-form input[name=published]", "2020-12-08")
    page.click("#analyze-form button[type=submit]")
    page.wait_for_selector("#analyze-result .reader .body[dir=rtl]")
    assert page.locator("#analyze-result .side li.event[data-type=CONSULT]").count() > 0
    assert page.locator("#analyze-result .hl.hl-event").count() > 0
    assert not page.problems, page.problems
