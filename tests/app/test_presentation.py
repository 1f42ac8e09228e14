"""Presentation mode in AppTest: every deck page splits into slides, the address picks the slide, and
a slide carries no download, table or folded section (page behaviour; the browser suite checks fit)."""
import pytest
from streamlit.testing.v1 import AppTest

from test_app import APP

DECK = {"pages/overview.py": "overview", "pages/resources.py": "resources", "pages/teachers.py": "teachers",
        "pages/quality.py": "quality", "pages/services.py": "services", "pages/standards.py": "standards",
        "pages/plan.py": "plan"}


def presenting(slide=None, lang=None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["present"] = "true"
    if slide is not None:
        at.query_params["slide"] = slide
    if lang:
        at.query_params["lang"] = lang
    return at


def bar_text(at) -> str:
    return " ".join(m.value for m in at.markdown if "演示" in m.value or "Page" in m.value)


def test_every_deck_page_has_several_slides_and_no_error():
    at = presenting()
    at.run()
    for page in DECK:
        at.switch_page(page).run()
        assert not at.exception, (page, [e.value for e in at.exception])
        text = bar_text(at)
        assert "第 1 /" in text, (page, text)
        count = int(text.split("第 1 / ")[1].split(" ")[0])
        assert count >= 2, (page, text)


@pytest.mark.parametrize("wanted, shown", [("2", "第 2 / 4 张"), ("last", "第 4 / 4 张"), ("99", "第 4 / 4 张"),
                                           ("x", "第 1 / 4 张"), ("0", "第 1 / 4 张")])
def test_the_address_picks_the_slide_and_bad_values_fall_back(wanted, shown):
    at = presenting(wanted)
    at.run()
    assert not at.exception
    assert shown in bar_text(at)


def test_the_next_button_turns_the_slide_and_writes_it_to_the_address():
    at = presenting("1")
    at.run()
    at.button(key="present-next-button").click().run()
    assert "第 2 / 4 张" in bar_text(at) and at.query_params["slide"] == "2"
    at.button(key="present-previous-button").click().run()
    assert "第 1 / 4 张" in bar_text(at)


def test_the_bar_speaks_english():
    at = presenting("2", lang="en")
    at.run()
    assert "Page 1 of 7 · slide 2 of 4" in bar_text(at)
    assert at.button(key="present-next-button").label == "Next slide"
