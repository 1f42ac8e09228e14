"""Answers derived without a query of their own equal the named queries they stand in for."""
import pandas as pd
import pytest

from dashboard_core.store import db, queries, snapshots
from dashboard_tools import synthetic
from dashboard_core.model.filters import Filters


@pytest.fixture(scope="module")
def synthetic_snapshot(tmp_path_factory):
    root = tmp_path_factory.mktemp("synthetic")
    synthetic.write(root, 300, "synthetic-300")
    return snapshots.newest(root)


@pytest.mark.parametrize("which", ["demo", "synthetic"])
def test_township_totals_equal_the_direct_questions(which, demo_snapshot, synthetic_snapshot):
    snap = demo_snapshot if which == "demo" else synthetic_snapshot
    towns = list(queries.township_list(snap)["township_code"])
    trend = queries.trend_by_township_year(snap)
    types = queries.schools_by_township_type(snap)
    for year in queries.available_years(snap):
        for chosen in [(), towns[:1], towns[1:4], towns[-1:]]:
            f = Filters(year=year, townships=tuple(chosen))
            pd.testing.assert_frame_equal(queries.summed_over_townships(trend, f.townships, ["year"]),
                                          queries.trend_by_year(snap, f))
            pd.testing.assert_frame_equal(
                queries.summed_over_townships(types, f.townships, ["type_order", "school_type"]).drop(columns="type_order"),
                queries.schools_by_type(snap, f))


def test_staff_totals_from_township_totals(demo_snapshot, synthetic_snapshot):
    from dashboard_core.web import cache  # the function under test chooses between the two questions

    for snap in (demo_snapshot, synthetic_snapshot):
        towns = list(queries.township_list(snap)["township_code"])
        for year in queries.available_years(snap) + [1999]:
            for chosen in [(), towns[:1], towns[1:4]]:
                f = Filters(year=year, townships=tuple(chosen))
                pd.testing.assert_frame_equal(cache.staff_totals(snap, f), queries.staff_totals(snap, f))


def test_large_answers_in_batches_equal_the_plain_answer(synthetic_snapshot, monkeypatch):
    from dashboard_core.store import schema

    monkeypatch.setattr(db, "CHUNK_ROWS", 97)  # several batches, text columns cut between them
    f = Filters(year=max(queries.available_years(synthetic_snapshot)))
    for name in ["school_stage_inputs", "school_list"]:
        extra = {"fold_teaching_points": True, "leave_out_under": 0,
                 "stage_figures": list(schema.table("school_stage_year").figures),
                 "school_figures": list(schema.table("school_year").figures)} if name == "school_stage_inputs" else {}
        typed = queries._whole_counts if name == "school_stage_inputs" else (lambda frame: frame)
        pd.testing.assert_frame_equal(queries._ask_large(synthetic_snapshot, name, f, each=typed, **extra),
                                      typed(queries._ask(synthetic_snapshot, name, f, **extra)))


def test_a_data_root_in_community_clouds_checkout_is_ephemeral(tmp_path):
    from pathlib import Path

    from dashboard_core.store import settings

    assert settings.data_is_ephemeral(Path("/mount/src/dashboard/data"), environ={})
    assert not settings.data_is_ephemeral(tmp_path, environ={})
    assert settings.data_is_ephemeral(tmp_path, environ={"DASHBOARD_DATA_EPHEMERAL": "1"})


def test_a_snapshot_zip_unpacks_into_a_snapshot_that_reads_back(demo_snapshot, tmp_path):
    import io
    import zipfile

    from dashboard_core.files import downloads
    from dashboard_core.store import snapshots

    with zipfile.ZipFile(io.BytesIO(downloads.snapshot_zip(demo_snapshot))) as archive:
        archive.extractall(tmp_path / "snapshots")
    again = snapshots.read_snapshot(tmp_path, demo_snapshot.snapshot_id)
    assert again.tables == demo_snapshot.tables and again.demo
