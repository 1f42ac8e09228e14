"""Full-page screenshots of the running app in Debian's chromium, for docs/screenshots and review.

    python scripts/screenshots.py OUT_DIR [URL_PATH ...] [--width 1440] [--screen 1920x1080]

Streamlit scrolls inside its own container, so the page is measured first and the viewport set to
the whole height before the picture is taken. With --screen the picture is exactly that screen (a
presentation slide as the projector shows it).
"""
from __future__ import annotations

import argparse
import pathlib
import re
import sys
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "tests" / "e2e"))
from browser_support import READY, launch, running_app  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("paths", nargs="*", default=["/"])
    ap.add_argument("--width", type=int, default=1440)
    ap.add_argument("--screen", help="WIDTHxHEIGHT: keep this screen size instead of the whole page")
    a = ap.parse_args()
    screen = tuple(int(x) for x in a.screen.split("x")) if a.screen else None
    out = pathlib.Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    with running_app() as base, launch() as browser:
        page = browser.new_page(viewport={"width": a.width, "height": 900})
        for path in a.paths:
            t = time.time()
            page.set_viewport_size({"width": screen[0], "height": screen[1]} if screen else {"width": a.width, "height": 900})
            page.goto(base + "/" + path.lstrip("/"))
            page.wait_for_selector(READY, timeout=60_000)
            page.wait_for_timeout(1200)
            if not screen:
                height = page.evaluate("""() => {
                    const m = document.querySelector('[data-testid="stMain"]');
                    return Math.max(m ? m.scrollHeight : 0, document.body.scrollHeight); }""")
                page.set_viewport_size({"width": a.width, "height": min(int(height) + 40, 16000)})
                page.wait_for_timeout(800)
            name = re.sub(r"[^\w.-]+", "_", path.strip("/") or "overview")[:80] + ".png"
            page.screenshot(path=str(out / name))
            errors = page.locator('[data-testid="stException"]').count()
            print(f"{out / name}  {time.time() - t:.1f}s  exceptions: {errors}")


if __name__ == "__main__":
    main()
