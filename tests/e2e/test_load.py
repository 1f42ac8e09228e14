"""Simultaneous sessions against a running server, as browsers talk to it: random pages, townships and
languages; no errors, each session sees its own filters, memory stays bounded.

The full size (50 sessions) is `python -m dashboard_tools load`; CI runs a smaller one.
"""
import pytest

pytestmark = pytest.mark.slow

from dashboard_tools import loadtest

SESSIONS, STEPS = 10, 4
MEMORY_LIMIT_MB = 500


@pytest.fixture(scope="module")
def result():
    return loadtest.run(SESSIONS, STEPS, seed=7)


def test_every_step_of_every_session_succeeds(result):
    assert result["steps_done"] == SESSIONS * STEPS
    assert not result["failures"], result["failures"][:5]


def test_memory_stays_bounded_after_ten_sessions(result):
    assert result["rss_peak_mb"] < MEMORY_LIMIT_MB, result
    assert result["rss_after_mb"] < MEMORY_LIMIT_MB, result
