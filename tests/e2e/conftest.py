"""The browser suites' shared pieces: one app server and one Chromium per test module."""
import pytest

from browser_support import launch, running_app


@pytest.fixture(scope="module")
def app_url():
    with running_app() as base:
        yield base


@pytest.fixture(scope="module")
def browser():
    with launch() as b:
        yield b
