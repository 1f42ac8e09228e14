"""A snapshot whose file rots under the running app: the next query fails, the app says so and shows
the newest intact snapshot instead, with no traceback and no server path."""
import html
import json
import os
import shutil

import streamlit as st
from streamlit.testing.v1 import AppTest

from conftest import BUNDLED_DATA
from test_app import APP


def two_snapshots(tmp_path):
    """A data root with the demo snapshot and a copy of it, "newer", made later: (root, newer's folder)."""
    root = tmp_path / "data"
    shutil.copytree(BUNDLED_DATA / "snapshots" / "demo-2024", root / "snapshots" / "demo-2024")
    newer = root / "snapshots" / "newer"
    shutil.copytree(root / "snapshots" / "demo-2024", newer)
    manifest = json.loads((newer / "manifest.json").read_text(encoding="utf-8"))
    manifest.update(snapshot_id="newer", created_at="2026-12-31T00:00:00+00:00")
    (newer / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    return root, newer


def test_a_snapshot_rotting_under_the_app_is_set_aside(tmp_path):
    root, newer = two_snapshots(tmp_path)
    os.environ["DASHBOARD_DATA_DIR"] = str(root)
    try:
        st.cache_data.clear()
        st.cache_resource.clear()
        at = AppTest.from_file(APP, default_timeout=60)
        at.run()
        assert not at.exception and "newer" in at.caption[0].value
        # bit rot: the bytes change, the size and the time stay
        target = newer / "school_stage_year.parquet"
        stat = target.stat()
        data = bytearray(target.read_bytes())
        data[100:len(data) - 100] = bytes(len(data) - 200)
        target.write_bytes(bytes(data))
        os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns))
        st.cache_data.clear()  # the scorecards expire; the list of snapshots is still the cached one
        st.cache_resource.clear()
        at.switch_page("pages/standards.py").run()
        assert not at.exception, [e.value for e in at.exception]
        shown = " ".join(w.value for w in at.warning)
        # set aside when the snapshots are listed again (the change time moved) or when a query fails
        assert ("已改为显示最新的完好快照" in shown or "已跳过损坏的快照" in shown) and "newer" in shown
        assert str(root) not in shown
        assert "demo-2024" in html.unescape(at.caption[0].value)  # the id is shown inert (as character references)
    finally:
        del os.environ["DASHBOARD_DATA_DIR"]
        st.cache_data.clear()
        st.cache_resource.clear()


def test_a_changed_file_with_its_size_and_time_put_back_is_never_queried(data_copy):
    """A write that keeps the size and puts back the modification time is caught before a query reads
    the file (the change time moved), even when the process verified the snapshot before."""
    import pytest

    from dashboard_core.store import db, queries, snapshots

    snap = snapshots.newest(data_copy)
    assert len(queries.school_list(snap))  # verified and queried once: the stat is remembered
    target = snap.table_path("schools")
    stat = target.stat()
    data = bytearray(target.read_bytes())
    data[len(data) // 2] ^= 0x01
    target.write_bytes(bytes(data))
    os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert target.stat().st_size == stat.st_size and target.stat().st_mtime_ns == stat.st_mtime_ns
    with pytest.raises(snapshots.SnapshotError) as raised:
        db.run(snap, "school_list")
    assert raised.value.code == "unreadable" and raised.value.values["detail"] == "checksum"


def test_an_address_naming_a_snapshot_by_its_id_opens_that_snapshot(tmp_path):
    """The app's own links carry the id (a chart click, a profile link): they open the snapshot in view,
    not the newest; the label the picker writes keeps working."""
    root, _ = two_snapshots(tmp_path)
    os.environ["DASHBOARD_DATA_DIR"] = str(root)
    try:
        st.cache_data.clear()
        st.cache_resource.clear()
        for value in ("demo-2024", "demo-2024（2026-12-01，示例）"):
            at = AppTest.from_file(APP, default_timeout=60)
            at.query_params["snapshot"] = value
            at.switch_page("pages/school.py").run()
            assert not at.exception, [e.value for e in at.exception]
            assert "demo-2024" in html.unescape(at.caption[0].value) and "newer" not in at.caption[0].value, value
    finally:
        del os.environ["DASHBOARD_DATA_DIR"]
        st.cache_data.clear()
        st.cache_resource.clear()
