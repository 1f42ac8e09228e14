"""Start the app on a free loopback port and drive Debian's chromium with playwright."""
from __future__ import annotations

import contextlib
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
