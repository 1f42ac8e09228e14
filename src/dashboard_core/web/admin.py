"""The admin gate of the import: the password from the app's secrets, compared as bytes (any script,
any type in secrets.toml), failures logged without the password.

Guessing is slowed, the right password is never locked out:
- a session's wrong guesses cost more and more (after a few free ones);
- a flood of wrong guesses (from one client, or from the whole server) locks only sessions that are
  guessing, i.e. have already failed: a session that types the right password first time is let in
  whatever others do. A guesser who wants more tries must open a new session for each one;
- a password typed while its session must wait is not thrown away: it is checked when the wait ends
  (`check` answers None, "not yet", and the page checks again).
"""
from __future__ import annotations

import hmac
import logging
import threading
import time

import streamlit as st

log = logging.getLogger("dashboard.admin")
FREE_TRIES = 3  # a session's first wrong passwords cost nothing
SESSION_DELAY_S = 2.0  # then each wrong one waits twice as long as the last (2, 4, 8 … s, at most 5 min)
MAX_DELAY_S = 300.0
WINDOW_S = 60.0  # failures counted over the last minute
CLIENT_FAILURES = 20  # more than this from one client in a minute: its guessing sessions wait a minute
SERVER_FAILURES = 200  # more than this from all clients in a minute: every guessing session waits a minute

_lock = threading.Lock()
_failures: dict[str, list[float]] = {}  # per client: times of its recent failures
_client_locked_until: dict[str, float] = {}
_server_locked_until = 0.0


def password() -> str | None:
    """The admin password set in the secrets, as text (a number in secrets.toml works too); None: unset."""
    try:
        value = st.secrets.get("admin_password")
    except Exception:  # noqa: BLE001 — no secrets file at all
        return None
    if value is None or str(value) == "":
        return None
    return str(value)


def client() -> str:
    """Who is guessing, as far as the server can tell (the connection's address; 'local' on localhost)."""
    try:
        return str(st.context.ip_address or "local")
    except Exception:  # noqa: BLE001 — outside a running app (tests, the command line)
        return "local"


def wait_s(state, who: str | None = None) -> float:
    """Seconds before this session's typed password can be checked (0: now). A session that has not
    failed yet never waits."""
    if not int(state.get("_admin_failures", 0)):
        return 0.0
    who = who or client()
    now = time.monotonic()
    with _lock:
        locked = max(_server_locked_until, _client_locked_until.get(who, 0.0))
    return max(0.0, locked - now, float(state.get("_admin_retry_at", 0.0)) - now)


def check(typed: str, state, who: str | None = None) -> bool | None:
    """Whether `typed` is the password; None when this session must wait first (check again later).
    A wrong one pushes this session's next attempt back, and counts toward its client's and the
    server's flood limits."""
    global _server_locked_until
    expected = password()
    if expected is None or not typed:
        return False
    who = who or client()
    if wait_s(state, who) > 0:
        return None
    if hmac.compare_digest(typed.encode("utf-8"), expected.encode("utf-8")):
        state["_admin_failures"] = 0
        state["_admin_retry_at"] = 0.0
        return True
    failures = int(state.get("_admin_failures", 0)) + 1
    state["_admin_failures"] = failures
    now = time.monotonic()
    if failures > FREE_TRIES:
        state["_admin_retry_at"] = now + min(MAX_DELAY_S, SESSION_DELAY_S * 2 ** (failures - FREE_TRIES - 1))
    with _lock:
        for key in [k for k, times in _failures.items() if not times or now - times[-1] >= WINDOW_S]:
            del _failures[key]  # clients that stopped guessing are forgotten: the table stays small
        recent = [f for f in _failures.get(who, []) if now - f < WINDOW_S] + [now]
        _failures[who] = recent
        if len(recent) > CLIENT_FAILURES:
            _client_locked_until[who] = now + WINDOW_S
        total = sum(len(times) for times in _failures.values())
        if total > SERVER_FAILURES:
            _server_locked_until = now + WINDOW_S
    log.warning("admin password refused (session failures: %d, client failures this minute: %d, server: %d)",
                failures, len(recent), total)
    return False


# ---- uploads: kept only for sessions that passed the gate -----------------------------------------
# Streamlit's upload endpoint takes a file for any open session, whether or not the page shows an
# uploader. The store of uploaded files is wrapped once per process so that a file sent by a session
# that has not given the password is dropped at once (its bytes live only for the request), and a
# session's uploads are freed when it leaves the import. These use Streamlit's runtime objects; were
# they to change, the wrapper is not installed and the README's proxy rule is the remaining guard.
_authorised: set[str] = set()


def _session_id() -> str | None:
    try:
        from streamlit.runtime.scriptrunner import get_script_run_ctx

        ctx = get_script_run_ctx()
        return ctx.session_id if ctx else None
    except Exception:  # noqa: BLE001
        return None


def _upload_store():
    try:
        from streamlit import runtime

        return runtime.get_instance().uploaded_file_mgr if runtime.exists() else None
    except Exception:  # noqa: BLE001
        return None


def guard_uploads() -> None:
    """Wrap the upload store (once per process): files from sessions not authorised are not kept."""
    store = _upload_store()
    if store is not None:
        guard(store)


def guard(store) -> None:
    """Make `store` (Streamlit's uploaded-file manager) keep files only from authorised sessions."""
    if getattr(store, "_dashboard_guarded", False) or not hasattr(store, "add_file"):
        return
    original = store.add_file

    def add_file(session_id, file):
        if session_id in _authorised:
            return original(session_id, file)
        log.warning("upload dropped: the session has not given the admin password")
        return None

    store.add_file = add_file
    store._dashboard_guarded = True


def authorise_uploads(allowed: bool) -> None:
    """This session may (or may no longer) upload; leaving the import frees what it uploaded."""
    session = _session_id()
    if session is None:
        return
    with _lock:
        if allowed:
            _authorised.add(session)
            return
        _authorised.discard(session)
    store = _upload_store()
    if store is not None and hasattr(store, "remove_session_files"):
        store.remove_session_files(session)


@st.fragment(run_every=1.0)
def recheck_when_the_wait_ends() -> None:
    """While a typed password waits for its check: once a second, and when the wait is over, run the
    page again, which checks it."""
    if wait_s(st.session_state) <= 0:
        st.rerun()


def reset_server() -> None:
    """Forget every client's failures (tests)."""
    global _server_locked_until
    with _lock:
        _failures.clear()
        _client_locked_until.clear()
        _server_locked_until = 0.0
