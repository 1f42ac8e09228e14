"""The demonstration snapshot: calibrated to the report, deterministic, labelled as demo."""
import json
import pandas as pd
import pyarrow.parquet as pq
import pytest

from dashboard_core import cli
from dashboard_core.store import county, snapshots


@pytest.fixture(scope="module")
def tables(demo_snapshot):
    return {t: pq.read_table(demo_snapshot.table_path(t)).to_pandas() for t in snapshots.TABLES}


def test_manifest_is_demo_and_hashes_match(demo_snapshot):
    manifest = json.loads((demo_snapshot.path / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["demo"] is True
    for entry in manifest["tables"].values():
        path = demo_snapshot.path / entry["file"]
        assert snapshots.file_sha256(path) == entry["sha256"]
        assert pq.ParquetFile(path).metadata.num_rows == entry["rows"]


def test_school_counts_by_type(tables):
    counts = tables["schools"]["school_type"].value_counts().to_dict()
    assert counts == {"小学": 20, "九年一贯制学校": 6, "初级中学": 2, "教学点": 2}
    assert tables["schools"]["township_code"].isin(tables["townships"]["township_code"]).all()
    assert tables["townships"]["township_code"].nunique() == 14 == len(county.TOWNSHIPS)


def test_2024_totals_equal_the_report(tables):
    st = tables["school_stage_year"].query("year == 2024")
    sy = tables["school_year"].query("year == 2024")
    assert st["students"].sum() == 20486
    assert st.loc[st["stage"] == "小学", "students"].sum() == 12976
    assert st.loc[st["stage"] == "初中", "students"].sum() == 7510
    assert sy["staff"].sum() == 2176
    assert st["full_time_teachers"].sum() == 1544
    assert st["backbone_teachers"].sum() == 334
    assert sy["exchange_teachers"].sum() == 117
    assert sy["exchange_backbone_teachers"].sum() == 37
    assert round(117 / sy["exchange_eligible_teachers"].sum() * 100, 1) == 16.0
    assert round(37 / 117 * 100, 1) == 31.6


def test_every_school_has_one_backbone_teacher_per_100_students(tables):
    st = tables["school_stage_year"].query("year == 2024")
    assert (st["backbone_teachers"] * 100 >= st["students"]).all()


REPORT_NAMES = {"县第一小学", "县初级中学", "盐城实验学校", "米粮泉回族乡中心校", "扎库齐牛录乡中心校", "种羊场中心校"}


def test_every_demo_school_name_says_example(tables):
    schools = tables["schools"]
    assert schools["school_name"].str.endswith("（示例）").all()
    for row in schools.itertuples():
        assert row.name_is_example == (row.school_name.removesuffix("（示例）") not in REPORT_NAMES)


def test_no_failure_is_designed_onto_a_real_school(demo_snapshot):
    from dashboard_core.model.filters import Filters
    from dashboard_core.store import scorecards

    card = scorecards.compute(demo_snapshot, Filters(year=2024))
    real = card.results[card.results["school_name"].str.removesuffix("（示例）").isin(REPORT_NAMES)]
    assert len(real) == 8 and real["passes"].all()  # two of them are nine-year schools: a part in each stage
    assert not card.results["passes"].all()  # the invented ones carry the shortfalls to show


def test_teaching_points_name_their_central_school(tables):
    schools = tables["schools"].set_index("school_id")
    points = schools[schools["school_type"] == "教学点"]
    assert len(points) == 2
    for parent in points["parent_school_id"]:
        assert schools.loc[parent, "school_type"] in ("小学", "九年一贯制学校")


def test_plausible_values(tables):
    st = tables["school_stage_year"]
    sy = tables["school_year"]
    assert (st["students"] / st["classes"] <= 50).all()
    assert (st["teachers_above_degree"] <= st["full_time_teachers"]).all()
    assert (st["pe_art_teachers"] <= st["full_time_teachers"]).all()
    teachers = st.groupby(["school_id", "year"])["full_time_teachers"].sum().rename("teachers").reset_index()
    joined = sy.merge(teachers, on=["school_id", "year"], validate="one_to_one")
    assert len(joined) == len(sy) and (joined["staff"] >= joined["teachers"]).all()
    assert set(st["year"]) == {2022, 2023, 2024}


def test_county_series_cite_facts_or_say_demo(tables):
    cy = tables["county_year"]
    facts = set(tables["report_facts"]["fact_id"])
    assert cy["source"].map(lambda s: s == "demo" or s in facts).all()
    spend = cy.query("metric == 'education_spending'").set_index("year")["value"]
    assert spend[2022] == 6.39 and spend[2024] == 6.58
    # the report gives no 2023 figure: none is invented on the report's own series
    for metric in ("education_spending", "per_student_spending_primary", "per_student_spending_junior"):
        assert 2023 not in set(cy.query("metric == @metric")["year"]), metric


def test_build_demo_is_byte_identical(tmp_path):
    for name in ("a", "b"):
        assert cli.main(["build-demo", "--data-dir", str(tmp_path / name)]) == 0
    for table in snapshots.TABLES:
        first = (tmp_path / "a" / "snapshots" / "demo-2024" / f"{table}.parquet").read_bytes()
        second = (tmp_path / "b" / "snapshots" / "demo-2024" / f"{table}.parquet").read_bytes()
        assert first == second, table


def test_bundled_snapshot_matches_the_generator(tmp_path, demo_snapshot):
    assert cli.main(["build-demo", "--data-dir", str(tmp_path)]) == 0
    for table in snapshots.TABLES:
        fresh = (tmp_path / "snapshots" / "demo-2024" / f"{table}.parquet").read_bytes()
        assert fresh == demo_snapshot.table_path(table).read_bytes(), f"bundled {table} is stale: rebuild it"


def test_build_demo_leaves_an_existing_snapshot_alone(data_copy):
    before = {p.name: p.read_bytes() for p in (data_copy / "snapshots" / "demo-2024").iterdir()}
    assert cli.main(["build-demo", "--data-dir", str(data_copy)]) == 0
    after = {p.name: p.read_bytes() for p in (data_copy / "snapshots" / "demo-2024").iterdir()}
    assert before == after


def test_damaged_snapshot_is_skipped_with_a_reason(data_copy):
    good = snapshots.read_snapshot(data_copy, "demo-2024")
    tables = {t: pd.read_parquet(good.table_path(t)) for t in snapshots.TABLES}
    snapshots.write_snapshot(data_copy, "newer", tables, source="test", demo=True, created_at="2099-01-01T00:00:00+00:00")
    assert snapshots.newest(data_copy).snapshot_id == "newer"
    with open(data_copy / "snapshots" / "newer" / "schools.parquet", "r+b") as handle:
        handle.seek(20)
        handle.write(b"\x00\x01\x02")
    intact, problems = snapshots.scan(data_copy)
    assert [s.snapshot_id for s in intact] == ["demo-2024"]
    assert problems[0].snapshot_id == "newer" and problems[0].code == "checksum"
    assert snapshots.newest(data_copy).snapshot_id == "demo-2024"


@pytest.mark.parametrize("bad_id", ["../outside", "a/b", "..", ".hidden", "", "x" * 80, "快照"])
def test_snapshot_id_cannot_leave_the_data_root(data_copy, bad_id):
    with pytest.raises(snapshots.SnapshotError):
        snapshots.check_snapshot_id(data_copy, bad_id)


def test_write_refuses_an_existing_id_and_leaves_no_temp(data_copy):
    good = snapshots.read_snapshot(data_copy, "demo-2024")
    tables = {t: pd.read_parquet(good.table_path(t)) for t in snapshots.TABLES}
    with pytest.raises(snapshots.SnapshotError):
        snapshots.write_snapshot(data_copy, "demo-2024", tables, source="x", demo=True)
    assert not [p for p in (data_copy / "snapshots").iterdir() if p.name.startswith(".tmp")]


def test_data_root_setting_order(tmp_path):
    from dashboard_core.store import settings

    assert settings.data_root(["--data-dir", str(tmp_path)], {}) == tmp_path.resolve()
    assert settings.data_root([], {"DASHBOARD_DATA_DIR": str(tmp_path)}) == tmp_path.resolve()
    assert settings.data_root([], {}) == settings.DEFAULT_DATA_ROOT
