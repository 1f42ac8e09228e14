"""The admin gate on the data page: any password type and script, a back-off on wrong guesses."""
import pytest
from streamlit.testing.v1 import AppTest

from dashboard_core.web import admin
from test_app import APP


def data_page(password) -> AppTest:
    admin.reset_server()
    at = AppTest.from_file(APP, default_timeout=60)
    at.secrets["admin_password"] = password
    at.switch_page("pages/data.py").run()
    assert not at.exception
    return at


def type_password(at: AppTest, text: str) -> AppTest:
    at.text_input(key="admin_password_input").set_value(text).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def opened(at: AppTest) -> bool:
    return any("佐证台账（靠文件判定的项目）" in m.value for m in at.markdown)


@pytest.mark.parametrize("password", [123456, "管理员密码", "ｐａｓｓ１"])
def test_any_password_opens_the_import_and_wrong_ones_never_crash(password):
    at = data_page(password)
    type_password(at, "错误的密码ｘ")
    assert not opened(at) and any("密码不正确" in e.value for e in at.error)
    type_password(at, str(password))
    assert opened(at) and not at.error


def test_wrong_guesses_are_slowed_down():
    at = data_page("right")
    for i in range(admin.FREE_TRIES + 1):
        type_password(at, f"wrong-{i}")
    assert any("秒后再试" in e.value for e in at.error)
    type_password(at, "right")  # refused while the session waits, though right
    assert not opened(at)


def test_a_flood_of_guesses_locks_the_gate_for_everyone(monkeypatch):
    monkeypatch.setattr(admin, "password", lambda: "right")
    admin.reset_server()
    state = {}
    for i in range(admin.SERVER_FAILURES + 1):
        admin.check(f"guess-{i}", {})
    assert admin.wait_s(state) > 0  # a new session waits too
    assert not admin.check("right", state)
    admin.reset_server()
