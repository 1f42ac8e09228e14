"""Answers derived without a query of their own equal the named queries they stand in for."""
import pandas as pd
import pytest

from dashboard_core import db, queries, snapshots, synthetic
from dashboard_core.filters import Filters


@pytest.fixture(scope="module")
def synthetic_snapshot(tmp_path_factory):
    root = tmp_path_factory.mktemp("synthetic")
    synthetic.write(root, 300, "synthetic-300")
    return snapshots.newest(root)


@pytest.mark.parametrize("which", ["demo", "synthetic"])
def test_township_totals_equal_the_direct_questions(which, demo_snapshot, synthetic_snapshot):
    snap = demo_snapshot if which == "demo" else synthetic_snapshot
    towns = list(queries.ask(snap, "township_list")["township_code"])
    trend = queries.ask(snap, "trend_by_township_year")
    types = queries.ask(snap, "schools_by_township_type")
    for year in queries.years(snap):
        for chosen in [(), towns[:1], towns[1:4], towns[-1:]]:
            f = Filters(year=year, townships=tuple(chosen))
            pd.testing.assert_frame_equal(queries.township_totals(trend, f.townships, ["year"]),
                                          queries.ask(snap, "trend_by_year", f))
            pd.testing.assert_frame_equal(
                queries.township_totals(types, f.townships, ["type_order", "school_type"]).drop(columns="type_order"),
                queries.ask(snap, "schools_by_type", f))


def test_staff_totals_from_township_totals(demo_snapshot, synthetic_snapshot):
    from dashboard_core import ui  # the function under test lives with the page helpers

    for snap in (demo_snapshot, synthetic_snapshot):
        towns = list(queries.ask(snap, "township_list")["township_code"])
        for year in queries.years(snap) + [1999]:
            for chosen in [(), towns[:1], towns[1:4]]:
                f = Filters(year=year, townships=tuple(chosen))
                pd.testing.assert_frame_equal(ui.staff_totals(snap, f), queries.ask(snap, "staff_totals", f))


def test_large_answers_in_batches_equal_the_plain_answer(synthetic_snapshot, monkeypatch):
    monkeypatch.setattr(db, "CHUNK_ROWS", 97)  # several batches, text columns cut between them
    f = Filters(year=max(queries.years(synthetic_snapshot)))
    for name in ["school_stage_inputs", "school_list"]:
        pd.testing.assert_frame_equal(queries.ask_large(synthetic_snapshot, name, f), queries.ask(synthetic_snapshot, name, f))
