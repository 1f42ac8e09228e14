"""`python -m dashboard_tools bench`: how fast the pages and the scorecard are, county to country.

For each scale a synthetic snapshot is generated (30, 1,000 and 200,000 schools over three years)
and measured in a fresh process so that memory figures do not mix: every page's first render with
empty caches (cold), a rerun after choosing a township not seen before, the same rerun again with
everything cached (the rendering floor, measured in the same run), the whole-area scorecard, and
the process's memory (right after the work, and after two idle seconds, as a server between
clicks). Pages are rendered with Streamlit's AppTest, which runs the real scripts without a browser. Medians of repeated runs are printed as a table and written as JSON.
"""
from __future__ import annotations

import json
import os
import platform
import random
import statistics
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

SCALES = {"county": 30, "prefecture": 1_000, "national": 200_000}
PAGES = ["overview", "standards", "resources", "teachers", "quality", "services"]  # the planning page is timed as `plan_s`
TARGETS = {
    "county_cold_first_page_s": 2.0,
    "county_new_filter_vs_cached": 1.5,
    "national_new_filter_ms": 300.0,
    "national_scorecard_s": 2.0,
    "national_rss_mb": 400.0,
    "county_plan_s": 2.0,
    "prefecture_plan_s": 10.0,
}
PLAN_SCALES = ("county", "prefecture")  # a country is planned county by county, never as one programme
SETTLE_S = 2.0  # idle time before the server's memory is read
APP = Path(__file__).resolve().parents[2] / "app.py"


def _rss_mb() -> tuple[float, float]:
    status = Path("/proc/self/status").read_text()
    values = {line.split(":")[0]: line.split()[1] for line in status.splitlines() if line.startswith(("VmRSS", "VmHWM"))}
    return int(values["VmRSS"]) / 1024, int(values["VmHWM"]) / 1024


def _timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def child(scale: str, data_root: Path, repeat: int) -> dict:
    """Measure one scale in this process (started fresh by the parent)."""
    os.environ["DASHBOARD_DATA_DIR"] = str(data_root)
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    from dashboard_core.model import standard
    from dashboard_core.model.filters import Filters
    from dashboard_core.store import queries, scorecards, snapshots

    snap = snapshots.newest(data_root)
    year = max(queries.available_years(snap))
    townships = list(queries.township_list(snap)["township_code"])
    rng = random.Random(1)
    # filter values never chosen before in this process: single townships, then pairs of them
    needed = repeat * len(PAGES)
    candidates = [[t] for t in townships]
    if len(candidates) < needed:
        candidates += [[a, b] for i, a in enumerate(townships) for b in townships[i + 1:]]
    unseen = rng.sample(candidates, needed)

    def clear():
        st.cache_data.clear()
        st.cache_resource.clear()

    result = {"scale": scale, "schools": SCALES[scale], "pages": {}}
    clear()
    at = AppTest.from_file(str(APP), default_timeout=600)
    result["cold_first_page_s"] = _timed(at.run)
    if at.exception:
        raise RuntimeError(f"{scale}: overview failed: {at.exception[0].value}")
    for page in PAGES:
        path = f"pages/{page}.py"
        at = AppTest.from_file(str(APP), default_timeout=600)
        at.run()
        clear()
        cold = _timed(lambda at=at, path=path: at.switch_page(path).run())
        new, cached = [], []
        for _ in range(repeat):
            at.session_state["township"] = unseen.pop()
            new.append(_timed(at.run))
            cached.append(_timed(at.run))
            if at.exception:
                raise RuntimeError(f"{scale}/{page}: {at.exception[0].value}")
        result["pages"][page] = {"cold_s": round(cold, 3), "new_filter_ms": round(statistics.median(new) * 1000, 1),
                                 "cached_ms": round(statistics.median(cached) * 1000, 1)}
    busy, peak = _rss_mb()  # the server's memory once it has shown every page
    # A server between clicks: DuckDB's allocator returns what the last query freed within a
    # second or so, in the background; the figure right after the work is kept beside it.
    time.sleep(SETTLE_S)
    rss, _ = _rss_mb()
    result["rss_mb"], result["rss_busy_mb"], result["peak_rss_mb"] = round(rss, 1), round(busy, 1), round(peak, 1)
    # timed after the memory is read: a server does not evaluate the whole area again and again
    rules = standard.load_rules()
    runs = [_timed(lambda: scorecards.compute(snap, Filters(year=year), rules)) for _ in range(repeat)]
    result["scorecard_s"] = round(statistics.median(runs), 3)
    if scale in PLAN_SCALES:
        runs = [_timed(lambda: scorecards.plan(snap, year, rules)) for _ in range(repeat)]
        result["plan_s"] = round(statistics.median(runs), 3)
    return result


def _verdicts(results: dict) -> dict:
    out = {}
    county, national = results.get("county"), results.get("national")
    if county:
        out["county_cold_first_page_s"] = (county["cold_first_page_s"], county["cold_first_page_s"] < TARGETS["county_cold_first_page_s"])
        worst = max(p["new_filter_ms"] / p["cached_ms"] for p in county["pages"].values())
        out["county_new_filter_vs_cached"] = (round(worst, 2), worst <= TARGETS["county_new_filter_vs_cached"])
    for scale in PLAN_SCALES:
        if results.get(scale) and "plan_s" in results[scale]:
            value = results[scale]["plan_s"]
            out[f"{scale}_plan_s"] = (value, value < TARGETS[f"{scale}_plan_s"])
    if national:
        worst = max(p["new_filter_ms"] for p in national["pages"].values())
        out["national_new_filter_ms"] = (worst, worst < TARGETS["national_new_filter_ms"])
        out["national_scorecard_s"] = (national["scorecard_s"], national["scorecard_s"] < TARGETS["national_scorecard_s"])
        out["national_rss_mb"] = (national["rss_mb"], national["rss_mb"] < TARGETS["national_rss_mb"])
    return {k: {"value": v, "target": TARGETS[k], "met": bool(ok)} for k, (v, ok) in out.items()}


def _table(results: dict, verdicts: dict) -> str:
    lines = [f"{'scale':<11}{'page':<10}{'cold s':>8}{'new filter ms':>15}{'cached ms':>11}{'ratio':>7}"]
    for scale, r in results.items():
        for page, p in r["pages"].items():
            ratio = p["new_filter_ms"] / p["cached_ms"] if p["cached_ms"] else float("nan")
            lines.append(f"{scale:<11}{page:<10}{p['cold_s']:>8.2f}{p['new_filter_ms']:>15.1f}{p['cached_ms']:>11.1f}{ratio:>7.2f}")
        plan = f", plan {r['plan_s']:.2f} s" if "plan_s" in r else ""
        lines.append(f"{scale:<11}(first page cold {r['cold_first_page_s']:.2f} s, scorecard {r['scorecard_s']:.3f} s{plan}, "
                     f"RSS {r['rss_mb']:.0f} MB idle / {r.get('rss_busy_mb', r['rss_mb']):.0f} MB right after the work, "
                     f"peak {r['peak_rss_mb']:.0f} MB)")
    lines.append("")
    for name, v in verdicts.items():
        lines.append(f"{'met ' if v['met'] else 'MISS'}  {name}: {v['value']} (target {v['target']})")
    return "\n".join(lines)


def run(scales: list[str], repeat: int, work: Path, out: Path | None) -> dict:
    from . import synthetic

    started = time.perf_counter()
    results = {}
    for scale in scales:
        root = work / scale
        t = time.perf_counter()
        synthetic.write(root, SCALES[scale], f"synthetic-{scale}")
        print(f"{scale}: snapshot ready in {time.perf_counter() - t:.1f} s", flush=True)
        done = subprocess.run([sys.executable, "-m", "dashboard_tools", "bench", "--child", scale, "--data-dir", str(root),
                               "--repeat", str(repeat)], capture_output=True, text=True,
                              env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])})
        if done.returncode != 0:
            raise RuntimeError(f"{scale} failed:\n{done.stderr[-3000:]}")
        results[scale] = json.loads(done.stdout.strip().splitlines()[-1])
        print(f"{scale}: measured in {time.perf_counter() - t:.1f} s", flush=True)
    verdicts = _verdicts(results)
    doc = {"created_at": datetime.now(timezone.utc).replace(microsecond=0).isoformat(),
           "machine": {"platform": platform.platform(), "python": platform.python_version(), "cpus": os.cpu_count()},
           "repeat": repeat, "seconds": round(time.perf_counter() - started, 1), "targets": TARGETS,
           "results": results, "verdicts": verdicts}
    print(_table(results, verdicts))
    print(f"total {doc['seconds']} s")
    if out:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"written {out}")
    return doc
