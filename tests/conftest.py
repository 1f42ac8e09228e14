import os
import shutil
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
os.environ["DASHBOARD_VALIDATE_CHARTS"] = "1"  # every chart spec built in the tests is checked against the schema

REPORT = REPO.parent / "shared" / "seed" / "qapqal_work_report.txt"
BUNDLED_DATA = REPO / "data"


@pytest.fixture(scope="session")
def report_text() -> str:
    local = REPO / "docs" / "qapqal_work_report.txt"
    path = local if local.exists() else REPORT
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def demo_snapshot():
    from dashboard_core.store import snapshots

    return snapshots.newest(BUNDLED_DATA)


@pytest.fixture()
def data_copy(tmp_path) -> Path:
    """A private copy of the bundled data root, for tests that write or damage snapshots."""
    target = tmp_path / "data"
    shutil.copytree(BUNDLED_DATA / "snapshots", target / "snapshots")
    return target
