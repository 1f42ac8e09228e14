"""The admin gate of the import: the password from the app's secrets, compared as bytes (any script,
any type in secrets.toml), with a back-off per session and for the whole server, failures logged
without the password."""
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
SERVER_WINDOW_S = 60.0  # over the whole server: more than this many failures a minute locks the gate a minute
SERVER_FAILURES = 20

_lock = threading.Lock()
_failures: list[float] = []  # times of the server's recent failures
_locked_until = 0.0


def password() -> str | None:
    """The admin password set in the secrets, as text (a number in secrets.toml works too); None: unset."""
    try:
        value = st.secrets.get("admin_password")
    except Exception:  # no secrets file at all
        return None
    if value is None or str(value) == "":
        return None
    return str(value)


def wait_s(state) -> float:
    """Seconds before this session may try again (0: now)."""
    now = time.monotonic()
    with _lock:
        server = max(0.0, _locked_until - now)
    return max(server, float(state.get("_admin_retry_at", 0.0)) - now)


def check(typed: str, state) -> bool:
    """Whether `typed` is the password. A wrong one pushes this session's (and, when many come at once,
    the server's) next attempt back."""
    global _locked_until
    expected = password()
    if expected is None or not typed or wait_s(state) > 0:
        return False
    if hmac.compare_digest(typed.encode("utf-8"), expected.encode("utf-8")):
        state["_admin_failures"] = 0
        return True
    failures = int(state.get("_admin_failures", 0)) + 1
    state["_admin_failures"] = failures
    now = time.monotonic()
    if failures > FREE_TRIES:
        state["_admin_retry_at"] = now + min(MAX_DELAY_S, SESSION_DELAY_S * 2 ** (failures - FREE_TRIES - 1))
    with _lock:
        _failures[:] = [f for f in _failures if now - f < SERVER_WINDOW_S] + [now]
        if len(_failures) > SERVER_FAILURES:
            _locked_until = now + SERVER_WINDOW_S
    log.warning("admin password refused (session failures: %d, server failures this minute: %d)",
                failures, len(_failures))
    return False


def reset_server() -> None:
    """Forget the server's failures (tests)."""
    global _locked_until
    with _lock:
        _failures.clear()
        _locked_until = 0.0
