import os
import shutil
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
os.environ["DASHBOARD_VALIDATE_CHARTS"] = "1"  # every chart spec built in the tests is checked against the schema


def _scan_components_once() -> None:
    """Each new AppTest scans every installed package's metadata for Streamlit components (0.07–0.1 s
    here, about 5 s over the quick tier's 65 AppTests); the packages do not change during a run."""
    from streamlit.components.v2 import manifest_scanner

    scan = manifest_scanner.scan_component_manifests
    found: list = []

    def scan_once(*args, **kwargs):
        if not found:
            found.append(scan(*args, **kwargs))
        return list(found[0])

    manifest_scanner.scan_component_manifests = scan_once


_scan_components_once()


def _compile_scripts_once() -> None:
    """AppTest makes a new script cache for every run, so each run read app.py and its page again,
    rewrote them for Streamlit's "magic" and compiled them (~35 ms a run, ~7 s over the quick tier's
    ~210 runs). The server keeps one cache for its life, and the scripts do not change during a test
    run: the tests share one cache too."""
    from streamlit.runtime.scriptrunner.script_cache import ScriptCache
    from streamlit.testing.v1 import app_test, local_script_runner

    shared = ScriptCache()
    app_test.ScriptCache = local_script_runner.ScriptCache = lambda: shared


_compile_scripts_once()


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


@pytest.fixture(scope="session")
def core_only_root(tmp_path_factory, demo_snapshot) -> Path:
    """A data root whose one snapshot holds the demo's core tables and none of the registers: what a
    county that has imported only its school statistics has."""
    from dashboard_core.store import snapshots

    root = tmp_path_factory.mktemp("core-only")
    tables = {name: frame for name, frame in snapshots.read_tables(demo_snapshot).items() if name in snapshots.TABLES}
    snapshots.write_snapshot(root, "core-only", tables, source="示例数据（无台账）", demo=True,
                             created_at=demo_snapshot.created_at)
    return root


@pytest.fixture(scope="session")
def demo_workbook_bytes(demo_snapshot) -> bytes:
    """The demo snapshot as an import workbook, written once (a second or so) and copied by each test."""
    from dashboard_core.files import importer
    from dashboard_core.store import snapshots

    return importer.template_bytes(snapshots.read_tables(demo_snapshot))


@pytest.fixture(scope="session")
def core_workbook_bytes(demo_snapshot) -> bytes:
    """The demo's core tables only (no registers) as an import workbook."""
    from dashboard_core.files import importer
    from dashboard_core.store import snapshots

    core = set(snapshots.TABLES) - {"report_facts"}
    return importer.template_bytes({k: v for k, v in snapshots.read_tables(demo_snapshot).items() if k in core})
