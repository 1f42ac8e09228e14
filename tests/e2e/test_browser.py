"""The whole app in a real browser (Debian chromium via playwright): deep links, filters, page switches."""
import os
import re
from pathlib import Path
from urllib.parse import unquote

import pytest

pytestmark = pytest.mark.slow

from browser_support import READY, chromium_available, slide_ready

if not chromium_available():
    if os.environ.get("CI"):
        raise RuntimeError("chromium is missing: .ci/run installs the Debian package 'chromium'")
    pytest.skip("Debian chromium is not installed", allow_module_level=True)


def open_page(browser, url):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(url)
    page.wait_for_selector(READY, timeout=60_000)
    return page


def main_text(page) -> str:
    return page.locator('[data-testid="stMain"]').inner_text()


def test_cold_deep_link_opens_the_framed_page(app_url, browser):
    # The first visit of the server is a deep link with a filter: it must get the full app frame.
    page = open_page(browser, app_url + "/standards?township=米粮泉回族乡")
    page.wait_for_selector("h1:has-text('达标评估')", timeout=30_000)
    assert page.locator('[data-testid="stException"]').count() == 0
    assert "米粮泉回族乡" in main_text(page)
    assert page.locator('[data-testid="stSidebarNav"]').inner_text().count("达标评估") == 1
    page.close()


def test_filters_survive_page_switches_and_stay_in_the_url(app_url, browser):
    page = open_page(browser, app_url + "/")
    box = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').first
    box.locator("input").click()
    page.wait_for_selector('[role="option"]', timeout=10_000)  # the list is open
    assert page.get_by_text("Select all").count() == 0  # no English words in a Chinese picker
    page.keyboard.type("坎乡")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    page.wait_for_function("() => decodeURIComponent(location.search).includes('坎乡')", timeout=20_000)
    page.wait_for_selector(READY)
    page.locator('[data-testid="stSidebarNav"] a:has-text("师资队伍")').click()
    page.wait_for_url(re.compile(r".*/teachers.*"), timeout=20_000)
    page.wait_for_selector(READY)
    page.wait_for_selector("h1:has-text('师资队伍')")
    assert "坎乡" in unquote(page.url)
    assert "范围：坎乡" in main_text(page)
    page.close()


def test_every_page_opens_without_an_error_and_shows_the_demo_mark(app_url, browser):
    for path in ["", "standards", "resources", "teachers", "quality", "services", "plan", "school", "data", "guide"]:
        page = open_page(browser, f"{app_url}/{path}")
        page.wait_for_selector("h1", timeout=30_000)
        assert page.locator('[data-testid="stException"]').count() == 0, path
        assert page.get_by_text("Page not found").count() == 0, path
        assert "示例数据" in main_text(page), path
        page.close()


def test_presentation_mode_steps_through_the_pages_and_keeps_the_filter(app_url, browser):
    page = open_page(browser, app_url + "/?present=true&township=坎乡")
    page.wait_for_selector("text=演示 1 / 7", timeout=30_000)
    page.wait_for_function("() => getComputedStyle(document.querySelector('[data-testid=stSidebar]')).display === 'none'",
                           timeout=10_000)
    for expected, title in [(2, "办学条件"), (3, "师资队伍")]:
        for _ in range(12):  # the slides of the page, then the next page
            if page.get_by_text(f"演示 {expected} / 7").count():
                break
            before = page.locator(".st-key-present-bar").inner_text()
            page.locator(".st-key-present-next").locator("a, button").click()
            page.wait_for_function("(before) => document.querySelector('.st-key-present-bar').innerText !== before",
                                   arg=before, timeout=30_000)
            page.wait_for_selector(READY)
            assert "范围：坎乡" in main_text(page)  # on every slide
        page.wait_for_selector(f"text=演示 {expected} / 7", timeout=30_000)
        page.wait_for_selector(f"h1:has-text('{title}')")
        assert "第 1 /" in page.locator(".st-key-present-bar").inner_text()  # a page opens at its first slide
    page.get_by_role("button", name="退出演示").click()
    page.wait_for_selector('[data-testid="stSidebar"]', state="visible", timeout=30_000)
    page.close()


def test_briefing_download_from_the_sidebar(app_url, browser, tmp_path):
    from pptx import Presentation

    page = open_page(browser, app_url + "/?township=米粮泉回族乡")
    with page.expect_download(timeout=120_000) as info:
        page.locator('[data-testid="stSidebar"]').get_by_role("button", name="PPTX").click()
    path = tmp_path / "briefing.pptx"
    info.value.save_as(path)
    prs = Presentation(str(path))
    first = "\n".join(s.text_frame.text for s in prs.slides[0].shapes if s.has_text_frame)
    from dashboard_core.files import briefing
    from dashboard_core.model.filters import Filters
    from dashboard_core.store import snapshots

    expected = briefing.build(snapshots.newest(Path(__file__).resolve().parents[2] / "data"), Filters(year=2024, townships=("654022205",)), "米粮泉回族乡")
    assert "米粮泉回族乡" in first and len(prs.slides) == briefing.slide_count(expected) > 8
    page.close()


def test_english_switch_changes_the_words_and_keeps_the_filter(app_url, browser):
    page = open_page(browser, app_url + "/?township=坎乡")
    page.locator('[data-testid="stSidebar"]').get_by_text("English", exact=True).click()
    page.wait_for_selector("h1:has-text('Overview')", timeout=30_000)
    page.wait_for_function("() => location.search.includes('lang=en')", timeout=20_000)
    page.wait_for_selector(READY)
    assert "Scope: Kan Township" in main_text(page)
    assert page.locator('[data-testid="stSidebarNav"]').inner_text().count("Teachers") == 1
    page.locator('[data-testid="stSidebarNav"] a:has-text("Teachers")').click()
    page.wait_for_selector("h1:has-text('Teachers')", timeout=30_000)
    page.wait_for_selector(READY)
    text = main_text(page)
    assert "Scope: Kan Township" in text and "demo data" in text
    assert page.locator('[data-testid="stException"]').count() == 0
    page.close()


def test_presentation_mode_in_english_from_a_link(app_url, browser):
    page = open_page(browser, app_url + "/standards?present=true&lang=en")
    page.wait_for_selector("text=Page 6 of 7", timeout=30_000)
    page.wait_for_selector("h1:has-text('Standard check')")
    page.get_by_text("Previous").click()  # from the first slide of a page: the last slide of the one before
    page.wait_for_selector("h1:has-text('Services')", timeout=30_000)
    page.wait_for_selector(READY)
    bar = page.locator(".st-key-present-bar").inner_text()
    assert re.search(r"slide (\d+) of \1", bar), bar
    assert page.locator('[data-testid="stException"]').count() == 0
    page.close()


def test_plan_page_in_presentation_mode(app_url, browser):
    page = open_page(browser, app_url + "/plan?present=true&slide=2")
    page.wait_for_selector("text=演示 7 / 7", timeout=30_000)
    page.wait_for_selector("h1:has-text('达标规划')")
    page.wait_for_selector(READY)
    text = main_text(page)
    assert "按方案实施后" in text and "示例数据" in text
    assert page.locator('[data-testid="stException"]').count() == 0
    page.close()


def test_briefing_downloads_follow_the_language(app_url, browser, tmp_path):
    import io

    from pptx import Presentation
    from pypdf import PdfReader

    page = open_page(browser, app_url + "/?lang=en&township=米粮泉回族乡")
    page.wait_for_selector("h1:has-text('Overview')", timeout=30_000)
    files = {}
    for kind in ("PPTX", "PDF"):
        with page.expect_download(timeout=180_000) as info:
            page.locator('[data-testid="stSidebar"]').get_by_role("button", name=kind).click()
        path = tmp_path / f"briefing.{kind.lower()}"
        info.value.save_as(path)
        files[kind] = path.read_bytes()
    slides = Presentation(io.BytesIO(files["PPTX"])).slides
    first = "\n".join(s.text_frame.text for s in slides[0].shapes if s.has_text_frame)
    assert "Miliangquan Hui Ethnic Township" in first and "DEMO DATA" in first and "简报" not in first
    text = PdfReader(io.BytesIO(files["PDF"])).pages[0].extract_text()
    assert "Scope: Miliangquan Hui Ethnic Township · 2024" in text and "简报" not in text
    page.close()


def test_a_profile_link_keeps_the_view(app_url, browser):
    page = open_page(browser, app_url + "/school?school_id=DEMO-26&year=2023&township=654022206&snapshot=demo-2024&lang=en")
    page.wait_for_selector("h1:has-text('School profile')", timeout=30_000)
    page.wait_for_selector(READY)
    text = main_text(page)
    assert "Kan Township" in text and "2023" in text
    assert page.locator('[data-testid="stException"]').count() == 0
    page.close()


def test_slides_turn_with_the_arrow_keys_and_show_no_tools(app_url, browser):
    page = open_page(browser, app_url + "/?present=true")
    page.wait_for_selector("text=演示 1 / 7", timeout=30_000)
    slide_ready(page)  # not just "not running": the first moments read so before the run and its style arrive
    visible = page.locator('[data-testid="stMain"] [data-testid="stDownloadButton"]:visible')
    assert visible.count() == 0  # no download buttons on a slide
    # the style sheet arrives with the page's elements, not necessarily before the first check
    page.wait_for_function("() => { const bar = document.querySelector('.st-key-present-bar');"
                           " return bar && getComputedStyle(bar).position === 'sticky'; }", timeout=15_000)
    position = page.evaluate("() => getComputedStyle(document.querySelector('.st-key-present-bar')).position")
    assert position == "sticky"
    page.locator("h1").first.click()  # focus on the page, not a field
    # the arrow keys work once the deck's script has attached its listener (it arrives in its own frame)
    page.wait_for_function("() => document.__presentationKeys === true", timeout=30_000)
    page.keyboard.press("ArrowRight")
    page.wait_for_selector("text=第 2 / 4 张", timeout=30_000)
    page.wait_for_selector(READY)
    page.wait_for_selector("h3:has-text('义务教育规模')")
    page.keyboard.press("ArrowLeft")
    page.wait_for_selector("text=第 1 / 4 张", timeout=30_000)
    page.wait_for_selector(READY)
    assert "slide=1" in page.url  # the slide in view is in the address
    assert page.locator('[data-testid="stException"]').count() == 0
    page.close()


# Streamlit's own words (its controls' labels for screen readers, an empty picker, Vega's chart labels):
# found by their English forms
_STREAMLIT_ENGLISH = r"""(known) => {
  const found = new Set();
  const english = (v) => v && (known.includes(v.trim()) || /^Help for /.test(v) || /^(Title|Subtitle) text /.test(v)
                               || /^[a-z_]+ icon$/.test(v.trim()) || / per file/.test(v) || /-axis /.test(v));
  for (const el of document.querySelectorAll('[aria-label], [title], [placeholder]'))
    for (const a of ['aria-label', 'title', 'placeholder']) if (english(el.getAttribute(a))) found.add(el.getAttribute(a));
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const n = walker.currentNode;
    if (!n.parentElement || n.parentElement.closest('script, style')) continue;
    if (english(n.nodeValue)) found.add(n.nodeValue.trim());
  }
  return [...found];
}"""


def test_streamlits_own_words_are_chinese_on_a_chinese_page_and_english_on_an_english_one(app_url, browser):
    from browser_support import settle
    from dashboard_core.web.widgets import STREAMLIT_WORDS_ZH

    known = list(STREAMLIT_WORDS_ZH)
    left = {}
    for path in ["overview", "standards", "teachers", "services", "plan", "school?school_id=DEMO-01", "data"]:
        page = open_page(browser, f"{app_url}/{path}")
        settle(page)
        try:  # the words are said in Chinese as the browser draws them: give a busy machine a moment
            page.wait_for_function(f"(known) => ({_STREAMLIT_ENGLISH})(known).length === 0", arg=known, timeout=15_000)
        except Exception:
            pass  # what is left is reported below
        left[path] = page.evaluate(_STREAMLIT_ENGLISH, known)
        if path == "overview":  # a help icon, named in Chinese
            page.wait_for_selector('[aria-label="总面积 的说明"]', state="attached", timeout=15_000)
        page.close()
    assert not any(left.values()), left
    # switched to English in the same tab: what was said in Chinese is put back, not left until redrawn
    page = open_page(browser, f"{app_url}/overview")
    settle(page)
    page.wait_for_selector('[aria-label="总面积 的说明"]', state="attached", timeout=15_000)
    page.locator('[data-testid="stSidebar"]').get_by_text("English", exact=True).click()
    still_chinese = "() => [...document.querySelectorAll('[aria-label$=\" 的说明\"]')].map(e => e.getAttribute('aria-label'))"
    try:
        page.wait_for_function(f"() => ({still_chinese})().length === 0", timeout=15_000)
    except Exception:
        pass  # what is left is reported below
    settle(page)
    assert not page.evaluate(still_chinese), page.evaluate(still_chinese)
    english = page.evaluate(_STREAMLIT_ENGLISH, known)
    assert any(w.startswith("Help for ") for w in english), english
    assert not page.evaluate("document.querySelectorAll('[data-dashboard-said-aria-label], [data-dashboard-said-title]').length")
    page.close()
    page = open_page(browser, f"{app_url}/overview?lang=en")
    settle(page)
    english = page.evaluate(_STREAMLIT_ENGLISH, known)
    assert any(w.startswith("Help for ") for w in english), english  # left as Streamlit writes them
    assert not page.locator('[aria-label$=" 的说明"]').count()
    page.close()


def test_a_charts_fold_opens_on_its_downloads_and_the_csv_is_the_charts_data(app_url, browser, tmp_path):
    """Opened in the browser, a chart's fold reruns and shows its four downloads and its table; the CSV
    downloaded from it is the chart's data, headed in Chinese, with the demo mark."""
    import csv

    page = open_page(browser, app_url + "/teachers?township=米粮泉回族乡")
    fold = page.locator('[data-testid="stExpander"]').filter(has_text="图表数据与下载").first
    assert fold.get_by_role("button", name="CSV", exact=True).count() == 0  # not built until opened
    fold.locator("summary").click()
    fold.get_by_role("button", name="SVG", exact=True).wait_for(timeout=30_000)
    for name in ("CSV", "Excel", "PNG", "SVG"):
        assert fold.get_by_role("button", name=name, exact=True).count() == 1, name
    assert fold.locator('[data-testid="stDataFrame"]').count() == 1
    with page.expect_download(timeout=60_000) as info:
        fold.get_by_role("button", name="CSV", exact=True).click()
    path = tmp_path / "chart.csv"
    info.value.save_as(path)
    text = path.read_text(encoding="utf-8-sig")
    rows = list(csv.reader(text.splitlines()))
    assert "学校" in rows[0] and len(rows) > 2, rows[:3]
    assert "示例" in text  # the demo schools say so in their names
    assert page.locator('[data-testid="stException"]').count() == 0
    page.close()
