"""Start the app on a free loopback port and drive Debian's chromium with playwright."""
from __future__ import annotations

import contextlib
import re
import os
import shutil
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
if str(REPO / "src") not in sys.path:  # also used by scripts/screenshots.py, outside pytest
    sys.path.insert(0, str(REPO / "src"))
READY = '[data-testid="stApp"][data-test-script-state="notRunning"]'
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


def chromium_available() -> bool:
    return Path(CHROMIUM).exists() or shutil.which("chromium") is not None


@contextlib.contextmanager
def running_app(extra_args: list[str] | None = None, env: dict | None = None):
    """The app on a free loopback port (see dashboard_tools.loadtest.server); yields its base URL."""
    from dashboard_tools.loadtest import server

    with server(extra_args, env) as (base, _pid):
        yield base


@contextlib.contextmanager
def launch():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run"])
        try:
            yield browser
        finally:
            browser.close()


# What a slide or page must not do, measured in the browser: returns a list of problems (empty when fine).
LAYOUT_PROBLEMS = r"""(opts) => {
  const problems = [];
  const visible = (e) => { const r = e.getBoundingClientRect(); const s = getComputedStyle(e);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'; };
  const name = (e) => (e.innerText || e.getAttribute('aria-label') || '').trim().slice(0, 40);
  // a chart wider than the column it sits in
  for (const chart of document.querySelectorAll('[data-testid="stVegaLiteChart"]')) {
    if (!visible(chart)) continue;
    const column = chart.closest('[data-testid="stColumn"]') || chart.closest('[data-testid="stVerticalBlock"]');
    const drawn = chart.querySelector('canvas, svg');
    const width = drawn ? drawn.getBoundingClientRect().width : chart.getBoundingClientRect().width;
    const room = column.getBoundingClientRect().width;
    if (width > room + 2) problems.push(`chart wider than its column: ${Math.round(width)} > ${Math.round(room)} px`);
    const right = (drawn || chart).getBoundingClientRect().right;
    if (right > window.innerWidth + 1) problems.push(`chart runs off the screen: right edge at ${Math.round(right)} px`);
  }
  // what a chart draws, read from its SVG (the charts are drawn as SVG: charts.finish)
  for (const chart of document.querySelectorAll('[data-testid="stVegaLiteChart"]')) {
    if (!visible(chart)) continue;
    const svg = chart.querySelector('svg.marks');
    if (!svg) { if (chart.querySelector('canvas')) problems.push('a chart drawn on canvas: it cannot be checked'); continue; }
    const title = (svg.querySelector('.role-title-text text') || {}).textContent || '';
    const drawn = (e) => { const r = e.getBoundingClientRect(); return r.width > 0.5 || r.height > 0.5; };
    // a bar needs both sides (a chart squeezed by its labels draws bars 0 px long); a line or rule one
    const area = (e) => { const r = e.getBoundingClientRect(); return r.width > 0.5 && r.height > 0.5; };
    const marks = [...svg.querySelectorAll('g.role-mark.mark-rect > *')].filter(area).concat(
      [...svg.querySelectorAll('g.role-mark:not(.mark-text):not(.mark-rect) > *')].filter(drawn));
    const labels = [...svg.querySelectorAll('g.role-mark.mark-text > text')].filter(e => e.textContent.trim());
    if (labels.length && !marks.length) problems.push(`a chart with text but no marks: ${title}`);
    // several series (lines or bars of more than one colour) need a legend to tell them apart
    const colours = new Set();
    for (const e of svg.querySelectorAll('g.role-mark.mark-line > path')) colours.add(e.getAttribute('stroke'));
    const lines = colours.size;
    if (lines > 1 && !svg.querySelector('.role-legend') && !opts.directLabels)
      problems.push(`a chart with ${lines} series and no legend: ${title}`);
    if (opts.slide) {
      // text on a projected chart: at least 2.2% of the screen height (24 px at 1080 p)
      const least = 0.022 * window.innerHeight;
      for (const text of svg.querySelectorAll('text')) {
        if (!drawn(text) || !text.textContent.trim()) continue;
        const m = text.getScreenCTM();
        const size = parseFloat(getComputedStyle(text).fontSize) * (m ? Math.hypot(m.a, m.b) : 1);
        if (size < least - 0.01) { problems.push(`chart text under 2.2% of the screen: "${text.textContent.slice(0, 20)}" ${size.toFixed(1)} px < ${least.toFixed(1)} px in ${title}`); break; }
      }
    }
  }
  // a metric whose value or label is cut off
  for (const metric of document.querySelectorAll('[data-testid="stMetric"]')) {
    if (!visible(metric)) continue;
    for (const part of metric.querySelectorAll('[data-testid="stMetricValue"] div, [data-testid="stMetricValue"], [data-testid="stMetricLabel"] p')) {
      if (part.scrollWidth > part.clientWidth + 1 || part.scrollHeight > part.clientHeight + 2 && getComputedStyle(part).overflow === 'hidden')
        problems.push(`metric cut off: ${name(metric).replace(/\n/g, ' / ')}`);
    }
  }
  if (opts.slide) {
    for (const button of document.querySelectorAll('[data-testid="stDownloadButton"]'))
      if (visible(button)) problems.push(`download button on a slide: ${name(button)}`);
    for (const grid of document.querySelectorAll('[data-testid="stDataFrame"], [data-testid="stExpander"]'))
      if (visible(grid)) problems.push('a table or folded section on a slide');
    // an input on a slide: a room cannot use it, and it says the slide is a form (the bar's own links aside)
    const inputs = '[data-testid="stSelectbox"], [data-testid="stMultiSelect"], [data-testid="stNumberInput"], '
      + '[data-testid="stRadio"], [data-testid="stTextInput"], [data-testid="stSlider"], [data-testid="stDateInput"], '
      + '[data-testid="stCheckbox"], [data-testid="stToggle"], [data-testid="stSegmentedControl"]';
    for (const input of document.querySelectorAll(inputs)) {
      if (!visible(input) || input.closest('.st-key-present-bar') || input.closest('[data-testid="stSidebar"]')) continue;
      problems.push(`an input on a slide: ${name(input).replace(/\n/g, ' / ')}`);
    }
    const main = document.querySelector('[data-testid="stMain"]');
    if (main.scrollHeight > window.innerHeight + 2)
      problems.push(`slide taller than the screen: ${main.scrollHeight} > ${window.innerHeight} px`);
    const bar = document.querySelector('.st-key-present-bar');
    if (!bar || !visible(bar)) problems.push('no navigation bar');
  }
  if ((document.querySelector('[data-testid="stMain"]') || document.body).innerText.includes('Page not found'))
    problems.push('Page not found');
  if (document.querySelector('[data-testid="stException"]')) problems.push('an exception on the page');
  return [...new Set(problems)];
}"""


_SETTLED = """() => {
  // every chart drawn, and the page as tall as it was a moment ago (the layout no longer moving)
  const main = document.querySelector('[data-testid="stMain"]');
  const drawn = [...document.querySelectorAll('.vega-embed')].every(c => c.querySelector('canvas, svg'));
  const height = main ? main.scrollHeight : 0;
  const still = window.__settledHeight === height;
  window.__settledHeight = height;
  return drawn && still;
}"""


def settle(page, timeout: int = 60_000) -> None:
    """Wait for the run to finish, the charts to be drawn and the layout to stop moving (conditions,
    not a fixed pause: a loaded machine only takes longer)."""
    page.wait_for_selector(READY, timeout=timeout)
    page.wait_for_function(_SETTLED, polling=250, timeout=timeout)
    page.wait_for_selector(READY, timeout=timeout)


def slide_ready(page, timeout: int = 30_000) -> None:
    """The run is over and the slide style applied: the sidebar hidden, one slide in view and the bar
    filled to its end (the page's first moments also read as "not running", before its run has begun,
    and the bar's parts arrive one by one)."""
    settle(page, timeout)
    page.wait_for_function("""() => { const side = document.querySelector('[data-testid="stSidebar"]');
        const shown = [...document.querySelectorAll('[class*="st-key-slide-"]')].filter(e => e.getBoundingClientRect().height > 0);
        // the exit button is the bar's last element: with it there, the way on is drawn too
        return (!side || getComputedStyle(side).display === 'none') && shown.length <= 1
               && document.querySelector('.st-key-present-exit'); }""", timeout=timeout)


_PAGE_OF = re.compile(r"演示 (\d+) / (\d+) 页|Page (\d+) of (\d+)")
_SLIDE_OF = re.compile(r"第 (\d+) / (\d+) 张|slide (\d+) of (\d+)")


def _at_the_end(bar: str) -> bool:
    """The bar names the last page of the deck and, when the page has several, its last slide."""
    page_of, slide_of = _PAGE_OF.search(bar), _SLIDE_OF.search(bar)
    numbers = lambda m: [int(x) for x in m.groups() if x is not None]  # noqa: E731
    if page_of is None:
        return True  # a page outside the deck
    i, n = numbers(page_of)
    k, m = numbers(slide_of) if slide_of else (1, 1)
    return i == n and k == m


def walk_deck(page, base: str, query: str = "", limit: int = 60):
    """Open presentation mode at the first page and follow the bar's next link to the end of the deck
    (as the bar states it, not as the links happen to be drawn yet); yields the page's path after each
    step, the slide on screen."""
    page.goto(f"{base}/overview?present=true{'&' + query if query else ''}")
    slide_ready(page)
    for _ in range(limit):
        yield page.url.split("?")[0].rsplit("/", 1)[-1] or "overview"
        before = page.locator(".st-key-present-bar").inner_text()
        if _at_the_end(before):
            return
        following = page.locator(".st-key-present-next").locator("a, button")
        following.wait_for(timeout=30_000)
        following.click()
        page.wait_for_function("(before) => { const bar = document.querySelector('.st-key-present-bar');"
                               " return bar && bar.innerText !== before; }", arg=before, timeout=30_000)
        slide_ready(page)
