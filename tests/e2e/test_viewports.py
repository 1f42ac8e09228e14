"""Every page at the window sizes county staff use, and every presentation slide on the projector,
in Chinese and English (Debian chromium via playwright). A page fails on a chart wider than its
column, a metric cut off, an error or "Page not found"; a slide also fails when it is taller than the
screen, shows a download button, a raw table or a folded section, or loses the navigation bar."""
import os
import re
from urllib.parse import parse_qs, urlsplit

import pytest

pytestmark = pytest.mark.slow

from browser_support import LAYOUT_PROBLEMS, READY, chromium_available, settle, walk_deck
from dashboard_core.web.presentation import PRESENTATION_ORDER

if not chromium_available():
    if os.environ.get("CI"):
        raise RuntimeError("chromium is missing: .ci/run installs the Debian package 'chromium'")
    pytest.skip("Debian chromium is not installed", allow_module_level=True)

PAGES = ["overview", "standards", "resources", "teachers", "quality", "services", "plan",
         "school?school_id=DEMO-01", "data", "guide"]
DESKTOPS = [(1280, 800), (1440, 900)]
PROJECTORS = [(1920, 1080), (1280, 720)]
DECK = PRESENTATION_ORDER


def _with(path: str, query: str) -> str:
    return path + ("&" if "?" in path else "?") + query if query else path


@pytest.mark.parametrize("lang", ["", "lang=en"], ids=["zh", "en"])
def test_every_page_fits_the_window(app_url, browser, lang):
    problems = []
    for width, height in DESKTOPS:
        page = browser.new_page(viewport={"width": width, "height": height})
        for path in PAGES:
            page.goto(f"{app_url}/{_with(path, lang)}")
            settle(page)
            problems += [f"{width}×{height} /{path}: {p}" for p in page.evaluate(LAYOUT_PROBLEMS, {"slide": False})]
        page.close()
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", ["", "lang=en"], ids=["zh", "en"])
def test_every_slide_fits_the_projector(app_url, browser, lang):
    problems, decks = [], []
    for width, height in PROJECTORS:
        page = browser.new_page(viewport={"width": width, "height": height})
        visited = []
        for path in walk_deck(page, app_url, lang):
            visited.append(path)
            text = page.locator('[data-testid="stMain"]').inner_text()
            where = f"{width}×{height} /{path} slide {len(visited)}"
            problems += [f"{where}: {p}" for p in page.evaluate(LAYOUT_PROBLEMS, {"slide": True})]
            if not re.search("示例数据|demo data", text) or not re.search("范围：|Scope:", text):
                problems.append(f"{where}: no scope or demo mark")
        decks.append(visited)
        page.close()
    assert not problems, "\n".join(problems)
    for visited in decks:  # the bar walks every page of the deck in order, several slides a page
        assert list(dict.fromkeys(visited)) == DECK
        assert len(visited) > 2 * len(DECK)
    assert decks[0] == decks[1]  # the same slides on both screens


def _still_box(page, element, tries: int = 20) -> dict:
    """The element's box once two reads 200 ms apart agree and it lies in the window."""
    box = element.bounding_box()
    for _ in range(tries):
        page.wait_for_timeout(200)
        again = element.bounding_box()
        if again == box and box["y"] >= 0 and box["y"] + 90 <= page.viewport_size["height"]:
            return box
        if box["y"] < 0 or box["y"] + 90 > page.viewport_size["height"]:
            element.scroll_into_view_if_needed()
        box = again
    return box


@pytest.mark.parametrize("path", ["teachers", "resources"])
def test_a_link_from_a_chart_keeps_the_filters_and_language(app_url, browser, path):
    page = browser.new_page(viewport={"width": 1440, "height": 900})
    page.goto(f"{app_url}/{path}?lang=en&township=654022206&year=2023")
    settle(page)
    # every chart drawn before one is picked by its place: counting only the drawn ones, a busy machine
    # (one chart still being drawn) made the third drawn chart a different, link-less one
    page.wait_for_function("""() => { const charts = [...document.querySelectorAll('[data-testid="stVegaLiteChart"]')];
        return charts.length > 0 && charts.every(c => c.querySelector('canvas, svg.marks')); }""", timeout=60_000)
    chart = page.locator('[data-testid="stVegaLiteChart"]').filter(
        has=page.locator("canvas, svg.marks")).nth(0 if path == "teachers" else 2)
    chart.scroll_into_view_if_needed()
    # the first bar lies below the title (and its subtitle); a busy machine may draw the chart and its
    # links after the page settles: try a few heights down the first rows
    for attempt, below_top in enumerate([62, 52, 72, 82]):
        page.wait_for_timeout(800)
        # what is drawn above the chart after the first scroll can move it out of the window again:
        # bring it back and read its place once it holds still
        chart.scroll_into_view_if_needed()
        box = _still_box(page, chart)
        page.mouse.move(box["x"] + box["width"] * 0.55, box["y"] + below_top)
        page.wait_for_timeout(300)
        page.mouse.click(box["x"] + box["width"] * 0.55, box["y"] + below_top)
        try:
            page.wait_for_function("() => location.pathname.endsWith('/school')", timeout=10_000)
            break
        except Exception:
            if attempt == 3:
                raise
    page.wait_for_selector(READY, timeout=60_000)
    page.wait_for_timeout(500)
    kept = parse_qs(urlsplit(page.url).query)
    assert kept.get("lang") == ["en"] and kept.get("year") == ["2023"], page.url
    assert kept.get("township") == ["Kan Township"], page.url
    assert "Scope: Kan Township · 2023" in page.locator('[data-testid="stMain"]').inner_text()
    page.close()


def test_overview_has_two_addresses_in_a_new_session(app_url, browser):
    for path in ["overview", "", "overview?lang=en"]:
        context = browser.new_context(viewport={"width": 1280, "height": 800})  # a session of its own
        page = context.new_page()
        page.goto(f"{app_url}/{path}")
        settle(page)
        assert page.get_by_text("Page not found").count() == 0, path
        assert page.locator("h1").first.inner_text() in ("总览", "Overview"), path
        context.close()
