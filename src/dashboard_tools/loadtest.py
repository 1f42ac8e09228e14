"""Many simultaneous sessions against a running dashboard, the way browsers talk to it.

Each simulated visitor opens Streamlit's websocket, asks for a page with a township, a year and a
language in the address, waits until the run is finished, and checks what came back: no exception,
and the scope line naming its own township (so no session sees another's filters). Then it changes
to a random page and filter, again and again. The server's memory is sampled throughout.

    python -m dashboard_tools load --sessions 50 --steps 6          # starts its own server
    python -m dashboard_tools load --url http://127.0.0.1:8501       # or uses a running one
"""
from __future__ import annotations

import asyncio
import contextlib
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

from dashboard_core.store import county

REPO = Path(__file__).resolve().parents[2]
PAGES = ["", "standards", "resources", "teachers", "quality", "services"]
RUN_TIMEOUT_S = 120


@dataclass
class Step:
    page: str
    township: str
    lang: str
    seconds: float
    ok: bool
    problem: str = ""


@dataclass
class Visitor:
    number: int
    steps: list[Step] = field(default_factory=list)


def _scope_word(township: str, lang: str) -> str:
    if lang == "en":
        return f"Scope: {county.TOWNSHIP_NAMES_EN[township]}"
    return f"范围：{township}"


async def _run_once(ws, query: dict, page_hash: str, pages: dict, widgets: dict,
                    choice: dict | None = None) -> tuple[list[str], list[str]]:
    """One script run: the first with the filters in the address, later ones as a browser sends a
    changed filter (the widgets' values); collect text and exceptions until the run is complete."""
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    msg = BackMsg()
    msg.rerun_script.query_string = urlencode(query)
    msg.rerun_script.page_script_hash = page_hash
    if choice:
        states = msg.rerun_script.widget_states.widgets
        township = states.add()
        township.id = widgets["township"]
        township.string_array_value.data.extend([choice["township_label"]])
        english = states.add()
        english.id = widgets["lang_en"]
        english.bool_value = choice["lang"] == "en"
    await ws.send(msg.SerializeToString())
    texts, errors = [], []
    deadline = time.monotonic() + RUN_TIMEOUT_S
    while True:
        raw = await asyncio.wait_for(ws.recv(), timeout=max(1.0, deadline - time.monotonic()))
        fwd = ForwardMsg()
        fwd.ParseFromString(raw)
        kind = fwd.WhichOneof("type")
        if kind == "navigation":
            for p in fwd.navigation.app_pages:
                pages[p.url_pathname] = p.page_script_hash
        elif kind == "delta" and fwd.delta.WhichOneof("type") == "new_element":
            element = fwd.delta.new_element
            which = element.WhichOneof("type")
            if which == "exception":
                errors.append(f"{element.exception.type}: {element.exception.message}")
            elif which in ("multiselect", "checkbox"):
                widget_id = getattr(element, which).id
                widgets[widget_id.rsplit("-", 1)[-1]] = widget_id
            elif which in ("markdown", "heading"):
                texts.append(getattr(element, which).body)
            elif which == "alert":
                texts.append(element.alert.body)
        elif kind == "script_finished":
            if fwd.script_finished == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                texts, errors = [], []  # the app reran itself (e.g. to frame a page): keep reading
                continue
            if fwd.script_finished == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                errors.append("script failed to compile")
            return texts, errors


async def _visitor(base: str, number: int, steps: int, seed: int) -> Visitor:
    import websockets

    rng = random.Random(seed * 1000 + number)
    townships = [name for _, name, _ in county.TOWNSHIPS]
    out = Visitor(number)
    ws_url = base.replace("http://", "ws://").replace("https://", "wss://") + "/_stcore/stream"
    async with websockets.connect(ws_url, subprotocols=["streamlit"], max_size=2**26, open_timeout=60) as ws:
        pages: dict = {}
        widgets: dict = {}
        for i in range(steps):
            page = "" if i == 0 else rng.choice(PAGES)
            township = rng.choice(townships)
            lang = rng.choice(["zh", "en"])
            label = county.TOWNSHIP_NAMES_EN[township] if lang == "en" else township
            query = {"township": label, **({"lang": "en"} if lang == "en" else {})}
            choice = None if i == 0 else {"township_label": label, "lang": lang}
            page_hash = pages.get(page, "") if page else ""
            started = time.perf_counter()
            try:
                texts, errors = await _run_once(ws, query, page_hash, pages, widgets, choice)
            except Exception as exc:  # a timeout or a dropped connection is a failed step
                out.steps.append(Step(page, township, lang, time.perf_counter() - started, False, repr(exc)))
                break
            seconds = time.perf_counter() - started
            want = _scope_word(township, lang)
            problem = "; ".join(errors)
            if not problem and not any(want in t for t in texts):
                problem = f"scope line without {want!r}"
            out.steps.append(Step(page, township, lang, seconds, not problem, problem))
    return out


def _rss_mb(pid: int) -> float:
    """Resident memory of a process and its children, in MB (Linux /proc)."""
    total = 0
    for p in [pid] + _children(pid):
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


def _children(pid: int) -> list[int]:
    try:
        kids = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return []
    out = [int(k) for k in kids]
    for k in list(out):
        out += _children(k)
    return out


async def _load(base: str, sessions: int, steps: int, seed: int, pid: int | None) -> dict:
    samples = []

    async def sample():
        while True:
            if pid:
                samples.append(_rss_mb(pid))
            await asyncio.sleep(0.5)

    sampler = asyncio.create_task(sample())
    started = time.perf_counter()
    visitors = await asyncio.gather(*(_visitor(base, n, steps, seed) for n in range(sessions)))
    elapsed = time.perf_counter() - started
    sampler.cancel()
    await asyncio.sleep(1.0)
    after = _rss_mb(pid) if pid else None
    all_steps = [s for v in visitors for s in v.steps]
    failures = [(v.number, s) for v in visitors for s in v.steps if not s.ok]
    times = sorted(s.seconds for s in all_steps if s.ok)
    return {
        "sessions": sessions, "steps_per_session": steps, "steps_done": len(all_steps),
        "steps_expected": sessions * steps, "failures": [
            {"session": n, "page": s.page or "overview", "township": s.township, "lang": s.lang, "problem": s.problem}
            for n, s in failures],
        "seconds": round(elapsed, 1),
        "step_median_s": round(statistics.median(times), 2) if times else None,
        "step_p95_s": round(times[int(0.95 * (len(times) - 1))], 2) if times else None,
        "rss_peak_mb": round(max(samples), 1) if samples else None,
        "rss_after_mb": round(after, 1) if after else None,
    }


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def server(extra_args: list[str] | None = None, env: dict | None = None, script: Path | None = None):
    """The dashboard (or another Streamlit script) on a free loopback port, as a child process: (base
    URL, pid). The browser tests, the screenshots and the side-by-side benchmark use it too."""
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    log = tempfile.NamedTemporaryFile("w+", prefix="dashboard-load-", suffix=".log", delete=False)
    cmd = [sys.executable, "-m", "streamlit", "run", str(script or REPO / "app.py"), "--server.headless", "true",
           "--server.address", "127.0.0.1", "--server.port", str(port), "--browser.gatherUsageStats", "false"]
    if extra_args:
        cmd += ["--", *extra_args]
    proc = subprocess.Popen(cmd, cwd=REPO, stdout=log, stderr=subprocess.STDOUT, env={**os.environ, **(env or {})})
    try:
        deadline = time.time() + 90
        while True:
            if proc.poll() is not None:
                log.seek(0)
                raise RuntimeError(f"streamlit exited with {proc.returncode}:\n{log.read()[-3000:]}")
            try:
                if urllib.request.urlopen(base + "/_stcore/health", timeout=2).read() == b"ok":
                    break
            except OSError:
                if time.time() > deadline:
                    raise RuntimeError("streamlit did not become healthy in 90 s") from None
                time.sleep(0.3)
        yield base, proc.pid
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def run(sessions: int, steps: int, seed: int = 1, url: str | None = None, extra_args: list[str] | None = None) -> dict:
    if url:
        return asyncio.run(_load(url.rstrip("/"), sessions, steps, seed, None))
    with server(extra_args) as (base, pid):
        idle = _rss_mb(pid)
        result = asyncio.run(_load(base, sessions, steps, seed, pid))
        result["rss_idle_mb"] = round(idle, 1)
    return result
