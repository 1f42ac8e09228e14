"""Text from the county's data in a real browser: a school name, a township name and evidence text carrying
links, images, math, icons and autolinks are drawn as text, and no request leaves the machine."""
import os
from urllib.parse import urlparse

import pytest

pytestmark = pytest.mark.slow

from browser_support import READY, chromium_available, running_app  # noqa: E402

if not chromium_available():
    if os.environ.get("CI"):
        raise RuntimeError("chromium is missing: .ci/run installs the Debian package 'chromium'")
    pytest.skip("Debian chromium is not installed", allow_module_level=True)

HOSTILE = ("[点我领取](http://evil.example/x) ![t](http://evil.example/t.png) <img src=http://evil.example/i.png> "
           "**全部达标** $x^2$ :red[达标] :material/check: www.evil.example")


@pytest.fixture(scope="module")
def hostile_app(tmp_path_factory):
    from browser_support import REPO
    from dashboard_core.store import snapshots

    BUNDLED_DATA = REPO / "data"
    root = tmp_path_factory.mktemp("hostile-data")
    tables = snapshots.read_tables(snapshots.newest(BUNDLED_DATA))
    evidence = tables["evidence"].copy()
    evidence.loc[evidence["item"] == "G01", ["document", "issuer"]] = HOSTILE
    tables["evidence"] = evidence
    schools = tables["schools"].copy()
    schools.loc[schools["school_id"] == "DEMO-01", "school_name"] = "县第一小学 www.evil.example $x^2$ :material/check:"
    tables["schools"] = schools
    towns = tables["townships"].copy()
    first = schools.loc[schools["school_id"] == "DEMO-01", "township_code"].iloc[0]
    towns.loc[towns["township_code"] == first, "township_name"] = "察布查尔镇 [点我](http://evil.example/t)"
    tables["townships"] = towns
    snapshots.write_snapshot(root, "hostile", tables, source="示例数据：恶意文本", demo=True,
                             created_at="2099-01-01T00:00:00+00:00")
    with running_app(env={"DASHBOARD_DATA_DIR": str(root)}) as base:
        yield base


@pytest.mark.parametrize("path", ["standards", "school?school_id=DEMO-01", "standards?lang=en",
                                  "school?school_id=DEMO-01&lang=en"])
def test_hostile_text_is_drawn_as_text_and_nothing_is_fetched_from_outside(hostile_app, browser, path):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    outside = []
    page.on("request", lambda request: outside.append(request.url)
            if urlparse(request.url).hostname not in ("127.0.0.1", "localhost") and not request.url.startswith("data:")
            else None)
    try:
        page.goto(f"{hostile_app}/{path}")
        page.wait_for_selector(READY, timeout=60_000)
        page.wait_for_timeout(1500)
        main = page.locator('[data-testid="stMain"]')
        assert "evil.example" in main.inner_text(), "the hostile text is not on the page at all"
        links = main.locator("a").evaluate_all("(links) => links.map(a => a.href)")
        assert not [href for href in links if urlparse(href).hostname not in ("127.0.0.1", "localhost")], links
        assert main.locator("img[src*='evil'], .katex").count() == 0
        assert ":material/check:" in main.inner_text() and "$x^2$" in main.inner_text()  # shown as typed
        assert not outside, outside
    finally:
        page.close()
