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


def test_a_flood_of_guesses_locks_every_guessing_session(monkeypatch):
    monkeypatch.setattr(admin, "password", lambda: "right")
    admin.reset_server()
    for i in range(admin.SERVER_FAILURES + 1):
        admin.check(f"guess-{i}", {}, who=f"10.1.{i % 9}.{i % 200}")
    guesser = {}
    admin.check("another-guess", guesser, who="10.9.9.9")  # a client that had not guessed before
    assert admin.wait_s(guesser, "10.9.9.9") > 0  # once it guesses, the server's lock holds it back
    assert admin.check("right", guesser, who="10.9.9.9") is None
    admin.reset_server()


def test_a_flood_from_elsewhere_never_locks_out_the_right_password(monkeypatch):
    monkeypatch.setattr(admin, "password", lambda: "right")
    admin.reset_server()
    for i in range(admin.SERVER_FAILURES + 5):  # many guessing sessions, from many clients and from this one
        admin.check(f"guess-{i}", {}, who=f"10.0.{i % 7}.{i % 250}")
    for i in range(admin.CLIENT_FAILURES + 5):
        admin.check(f"guess-{i}", {}, who="local")
    assert admin.check("right", {}, who="local") is True  # a session that has not guessed is let in
    guessing = {}
    admin.check("wrong", guessing, who="local")
    assert admin.wait_s(guessing, "local") > 0 and admin.check("right", guessing, who="local") is None  # not yet
    admin.reset_server()


def test_a_right_password_typed_during_the_wait_opens_when_it_ends(monkeypatch):
    at = data_page("right")
    for i in range(admin.FREE_TRIES + 1):
        type_password(at, f"wrong-{i}")
    type_password(at, "right")
    assert not opened(at) and any("自动核对" in w.value for w in at.warning)
    at.session_state["_admin_retry_at"] = 0.0  # the wait is over
    at.run()
    assert opened(at), [e.value for e in at.error]


def test_the_symbol_list_in_a_fix_has_no_doubled_braces():
    from dashboard_core.files import cells
    from dashboard_core.store.schema import TABLES

    column = next(c for table in TABLES for c in table.columns if c.name == "school_name")
    _, message, fix = cells._parse("县第一小学{x}", column)
    assert "{ }" in fix and "{{" not in fix


def test_uploads_are_kept_only_for_sessions_that_gave_the_password():
    class Store:
        def __init__(self):
            self.files = {}

        def add_file(self, session_id, file):
            self.files.setdefault(session_id, []).append(file)

        def remove_session_files(self, session_id):
            self.files.pop(session_id, None)

    store = Store()
    admin.guard(store)
    admin.guard(store)  # wrapped once, however often the frame runs
    store.add_file("stranger", b"x" * 1000)
    admin._authorised.add("admin-session")
    store.add_file("admin-session", b"template")
    assert store.files == {"admin-session": [b"template"]}
    admin._authorised.discard("admin-session")
