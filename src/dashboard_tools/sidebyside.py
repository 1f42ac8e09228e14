"""How fast a page feels, side by side with a bare Streamlit page drawing the same charts.

One run starts the dashboard and a bare page (bare_page.py) on two servers, opens both in Debian's
Chromium, and times each page opened with a township in its link, from the navigation to the moment
the run is over and every chart is drawn. The bare page draws the same Vega-Lite specs (taken from the
dashboard's own run of that page, with their data), so the ratio is what the dashboard adds around its
charts: text, metrics, tables, style, the sidebar. Pages alternate between the two servers, and each
figure is the median of `repeat` openings. Also timed: the next-slide step across a page boundary.
"""
from __future__ import annotations

import io
import json
import os
import statistics
import tempfile
import time
from pathlib import Path

from .loadtest import REPO, server

PAGES = ["overview", "standards", "resources", "teachers", "quality", "services", "plan", "school"]
TOWNSHIP = "654022205"  # the township with the most schools of the bundled demo (米粮泉回族乡)
READY = '[data-testid="stApp"][data-test-script-state="notRunning"]'
# the run over, at least n charts on the page, and every chart in view drawn (a slide's hidden
# neighbours are not drawn until shown)
DRAWN = """(n) => { const charts = [...document.querySelectorAll('[data-testid="stVegaLiteChart"]')];
  const shown = charts.filter(c => c.getBoundingClientRect().height > 0);
  return document.querySelector('%s') && charts.length >= n
         && shown.every(c => c.querySelector('svg.marks, canvas')); }""" % READY
TARGET_RATIO, TARGET_FRESH_S, TARGET_STEP_S = 1.3, 1.5, 1.0


def _query(page: str, township: str) -> str:
    """The link as the app writes it (its own links, and the address bar after any change): the
    township by name. A link with the code opens too, after one more run (timed separately)."""
    from urllib.parse import quote

    return f"township={quote(township)}" + ("&school_id=DEMO-01" if page == "school" else "")


def _township_name() -> str:
    from dashboard_core.store import county

    return {code: name for code, name, _ in county.TOWNSHIPS}[TOWNSHIP]


def page_specs(out: Path) -> dict[str, int]:
    """Each page's charts as the dashboard draws them (AppTest, the same link), with their data put
    back into the spec, saved for the bare page: page → number of charts."""
    import pyarrow.ipc as ipc
    from streamlit.testing.v1 import AppTest

    counts = {}
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=120)
    at.query_params["township"] = TOWNSHIP
    at.run()
    for page in PAGES:
        if page == "school":
            at.query_params["school_id"] = "DEMO-01"
        at.switch_page(f"pages/{page}.py").run()
        specs = []
        for chart in at.get("vega_lite_chart"):
            spec = json.loads(chart.proto.spec)
            datasets = spec.setdefault("datasets", {})
            for dataset in chart.proto.datasets:
                table = ipc.open_stream(io.BytesIO(dataset.data.data)).read_all()
                datasets[dataset.name] = json.loads(table.to_pandas().to_json(orient="records", force_ascii=False))
            specs.append(spec)
        (out / f"{page}.json").write_text(json.dumps(specs, ensure_ascii=False), encoding="utf-8")
        counts[page] = len(specs)
    return counts


def _open(browser, url: str, charts: int) -> float:
    """Seconds from asking for the page (a new tab, so a new session, of a browser that has the app's
    scripts in its cache, as a person's has after the first visit) to its run over and charts drawn."""
    tab = browser.new_page()
    try:
        start = time.perf_counter()
        tab.goto(url)
        tab.wait_for_selector(READY, timeout=60_000)
        tab.wait_for_function(DRAWN, arg=charts, polling=20, timeout=60_000)
        return time.perf_counter() - start
    finally:
        tab.close()


def _step(browser, base: str) -> float:
    """The next-slide step from the last slide of a page to the first of the next one, in seconds."""
    tab = browser.new_page()
    tab.set_viewport_size({"width": 1920, "height": 1080})
    try:
        tab.goto(f"{base}/overview?present=true&slide=99")  # past the end: the page's last slide
        tab.wait_for_selector(".st-key-present-next", timeout=60_000)
        tab.wait_for_function(DRAWN, arg=0, timeout=60_000)
        bar = tab.locator(".st-key-present-bar").inner_text()
        start = time.perf_counter()
        tab.locator(".st-key-present-next").locator("a, button").first.click()
        tab.wait_for_function("(before) => { const bar = document.querySelector('.st-key-present-bar');"
                              " return bar && bar.innerText !== before; }", arg=bar, timeout=60_000)
        tab.wait_for_function(DRAWN, arg=0, polling=20, timeout=60_000)
        return time.perf_counter() - start
    finally:
        tab.close()


def run(repeat: int = 5, out: Path | None = None, chromium: str = "/usr/bin/chromium") -> dict:
    from playwright.sync_api import sync_playwright

    specs = Path(tempfile.mkdtemp(prefix="dashboard-bare-"))
    counts = page_specs(specs)
    env = {"BARE_SPECS": str(specs)}
    rows = []
    with server() as (app, _), server(env=env, script=Path(__file__).with_name("bare_page.py")) as (bare, _), \
            sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=[
            "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"])
        browser = browser.new_context(viewport={"width": 1440, "height": 900})  # one cache for every tab
        name = _township_name()
        for page in PAGES:  # warm both servers (caches, first imports) before anything is timed
            _open(browser, f"{app}/{page}?{_query(page, name)}", counts[page])
            _open(browser, f"{bare}/{page}", counts[page])
        for page in PAGES:
            app_s, bare_s = [], []
            for _ in range(repeat):
                app_s.append(_open(browser, f"{app}/{page}?{_query(page, name)}", counts[page]))
                bare_s.append(_open(browser, f"{bare}/{page}", counts[page]))
            a, b = statistics.median(app_s), statistics.median(bare_s)
            rows.append({"page": page, "charts": counts[page], "app_ms": round(a * 1000), "bare_ms": round(b * 1000),
                         "ratio": round(a / b, 2)})
        steps = [_step(browser, app) for _ in range(repeat)]
        by_code = statistics.median(_open(browser, f"{app}/teachers?township={TOWNSHIP}", counts["teachers"])
                                    for _ in range(repeat))
    doc = {"machine": _machine(), "repeat": repeat, "township": TOWNSHIP, "pages": rows,
           "slide_step_s": round(statistics.median(steps), 2), "teachers_by_code_ms": round(by_code * 1000),
           "verdicts": {"every_page_ratio": {"value": max(r["ratio"] for r in rows), "target": TARGET_RATIO},
                        "fresh_page_s": {"value": max(r["app_ms"] for r in rows) / 1000, "target": TARGET_FRESH_S},
                        "slide_step_s": {"value": round(statistics.median(steps), 2), "target": TARGET_STEP_S}}}
    for verdict in doc["verdicts"].values():
        verdict["met"] = verdict["value"] <= verdict["target"]
    _print(doc)
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return doc


def _machine() -> dict:
    import platform

    loop = time.perf_counter()
    total = 0
    for i in range(10**7):
        total += i
    return {"cpus": os.cpu_count(), "python": platform.python_version(),
            "python_loop_1e7_s": round(time.perf_counter() - loop, 2), "date": time.strftime("%Y-%m-%d %H:%M")}


def _print(doc: dict) -> None:
    print(f"{'page':<10} {'charts':>6} {'app ms':>8} {'bare ms':>8} {'ratio':>6}")
    for r in doc["pages"]:
        print(f"{r['page']:<10} {r['charts']:>6} {r['app_ms']:>8} {r['bare_ms']:>8} {r['ratio']:>6.2f}")
    print(f"next slide across a page boundary: {doc['slide_step_s']:.2f} s")
    print(f"teachers opened with the township's code instead of its name: {doc['teachers_by_code_ms']} ms")
    for name, v in doc["verdicts"].items():
        print(f"{'met' if v['met'] else 'MISSED':<6} {name}: {v['value']} (target {v['target']})")
