"""Page behaviour through Streamlit's AppTest: filters from the URL, across pages, every page renders."""
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[2] / "app.py")
PAGES = ["pages/overview.py", "pages/standards.py", "pages/resources.py", "pages/teachers.py",
         "pages/quality.py", "pages/services.py", "pages/data.py"]


def new_app(**params) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    return at


def scope_caption(at: AppTest) -> str:
    return at.caption[0].value


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_and_marks_demo(page):
    at = new_app()
    at.run()
    at.switch_page(page).run()
    assert not at.exception, at.exception
    assert any("示例数据" in w.value for w in at.warning), "demo mark missing"


def test_url_preselects_the_filters():
    at = new_app(township="米粮泉回族乡", year="2023", stage="初中")
    at.run()
    assert at.session_state["township"] == ["654022205"]
    assert at.session_state["year"] == 2023
    assert at.session_state["stage"] == ["初中"]
    assert "米粮泉回族乡" in scope_caption(at) and "2023 年" in scope_caption(at)


def test_unknown_values_in_the_url_are_ignored():
    at = new_app(township=["不存在的乡", "坎乡"], year="1999", school="没有这所学校")
    at.run()
    assert not at.exception
    assert at.session_state["township"] == ["654022206"]
    assert at.session_state["year"] == 2024
    assert at.session_state["school"] == []


def test_a_page_switch_keeps_the_filters():
    at = new_app(township="坎乡")
    at.run()
    for page in ["pages/standards.py", "pages/teachers.py", "pages/overview.py"]:
        at.switch_page(page).run()
        assert at.session_state["township"] == ["654022206"]
        assert "坎乡" in scope_caption(at)


def test_school_options_follow_the_townships():
    at = new_app(township="米粮泉回族乡")
    at.run()
    options = at.sidebar.multiselect(key="school").options
    assert options == ["米粮泉回族乡中心校（示例）", "米粮泉回族乡第二小学（示例）"]


def test_choosing_a_school_narrows_the_view():
    at = new_app()
    at.run()
    at.sidebar.multiselect(key="school").set_value(["DEMO-12"]).run()
    at.switch_page("pages/standards.py").run()
    assert not at.exception
    text = " ".join(m.value for m in at.markdown)
    assert "绰霍尔镇第二小学（示例） · 小学" in text and "元 教学仪器设备" in text


def test_data_page_upload_is_off_without_a_password():
    at = new_app()
    at.run()
    at.switch_page("pages/data.py").run()
    assert not at.exception
    assert any("导入功能未开启" in i.value for i in at.info)
    assert not at.text_input


def test_data_page_asks_for_the_password_when_configured():
    at = new_app()
    at.secrets["admin_password"] = "s3cret"
    at.run()
    at.switch_page("pages/data.py").run()
    box = at.text_input(key="admin_password_input")
    box.set_value("wrong").run()
    assert any("密码不正确" in e.value for e in at.error)
    at.text_input(key="admin_password_input").set_value("s3cret").run()
    assert not at.error


def test_snapshot_choice_in_the_url_is_kept_or_ignored():
    at = new_app(snapshot="no-such-snapshot")
    at.run()
    assert not at.exception
    assert at.session_state["snapshot"] == "demo-2024"


def test_cards_that_rerun_alone_still_work():
    at = new_app()
    at.run()
    at.switch_page("pages/services.py").run()
    at.number_input[0].set_value(250).run()
    assert not at.exception
    assert any("250" in m.label for m in at.metric)
    at.switch_page("pages/standards.py").run()
    box = at.selectbox(key="lack_school")
    other = box.options[1]
    box.select(box.options[1]).run()
    assert not at.exception
    assert other.replace("（未达标）", "") in " ".join(m.value for m in at.markdown)
