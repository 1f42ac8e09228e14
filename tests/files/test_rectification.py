"""The rectification register (整改台账): created from a plan, in the template, edited and saved as a new
snapshot; marking a measure done changes the "with completed measures" state; bad rows are refused."""
import datetime as dt

import pytest
from openpyxl import load_workbook
from streamlit.testing.v1 import AppTest

from dashboard_core.files import importer
from dashboard_core.model import plan
from dashboard_core.model.vocabulary import COMPLETED
from dashboard_core.store import scorecards, snapshots

YEAR = 2024


@pytest.fixture(scope="module")
def with_register(tmp_path_factory, demo_snapshot):
    """The demo snapshot with the register of its own least-cost plan, nothing started, due 2025-08-31."""
    root = tmp_path_factory.mktemp("rectification")
    actions = scorecards.plan(demo_snapshot, YEAR).actions
    register = plan.register_rows(actions, "县教育局计划财务股", "2025-08-31", 2025)
    report, snap = importer.replace_table(demo_snapshot, root, "rectification", register)
    assert report.ok and snap is not None, [p.text() for p in report.problems]
    return root, snap, register


def test_the_register_is_a_template_sheet_with_its_drop_downs(demo_workbook_bytes):
    import io

    book = load_workbook(io.BytesIO(demo_workbook_bytes))
    ws = book["整改台账"]
    headers = [c.value for c in ws[1]]
    assert headers[:2] == ["序号", "学校编号"] and "完成时限" in headers and "完成佐证" in headers
    lists = {dv.formula1 for dv in ws.data_validations.dataValidation}
    assert '"未开始,进行中,已完成"' in lists and '"新增,调配,提升学历,转岗,调整分班"' in lists


def test_marking_a_measure_done_changes_only_the_completed_state(with_register, tmp_path):
    root, snap, register = with_register
    states = scorecards.rectification(snap, YEAR, today=dt.date(2025, 1, 1))
    now, done, every = (s.summary for s in (states.now, states.completed, states.planned))
    assert (done.schools_passing, done.county_items_met) == (now.schools_passing, now.county_items_met)
    assert every.schools_passing == every.schools_total and every.schools_passing > now.schools_passing
    assert not states.register["overdue"].any()  # before the deadline
    # the art room built and accepted: G03 (music and art rooms) is met with the completed measures
    edited = register.copy()
    room = edited["resource"] == "art_rooms"
    assert room.any()
    edited.loc[room, "status"] = COMPLETED
    edited.loc[room, "evidence"] = "竣工验收单 2025-07"
    report, later = importer.replace_table(snap, tmp_path, "rectification", edited)
    assert report.ok and later is not None
    states = scorecards.rectification(later, YEAR, today=dt.date(2025, 9, 1))
    now2, done2 = states.now.summary, states.completed.summary
    assert now2.county_items_met == now.county_items_met and done2.county_items_met == now.county_items_met + 1
    items = states.completed.county_items.set_index("item")
    assert items.loc["G03", "status"] == "met" and states.now.county_items.set_index("item").loc["G03", "status"] != "met"
    # after the deadline every measure not completed is overdue, the completed one is not
    overdue = states.register.set_index("resource")["overdue"]
    assert not overdue["art_rooms"] and overdue.drop("art_rooms").all()


@pytest.mark.parametrize("column,value,message", [
    ("resource", "swimming_pools", "没有名为“swimming_pools”的资源"),
    ("quantity", 0, "数量须大于 0"),
    ("deadline", "明年暑假", "不是日期"),
    ("status", "差不多", "不在可选值中"),
    ("school_id", "DEMO-99", "不在“学校”表中"),
])
def test_bad_register_rows_are_refused_and_nothing_is_written(with_register, tmp_path, column, value, message):
    _, snap, register = with_register
    bad = register.copy()
    bad[column] = bad[column].astype(object)
    bad.loc[0, column] = value
    report, written = importer.replace_table(snap, tmp_path, "rectification", bad)
    assert written is None and any(message in p.text() for p in report.problems), [p.text() for p in report.problems]
    assert not (tmp_path / "snapshots").exists() or not any((tmp_path / "snapshots").iterdir())


def test_a_completed_measure_without_evidence_is_flagged(with_register, tmp_path):
    _, snap, register = with_register
    edited = register.assign(status=COMPLETED)
    report, written = importer.replace_table(snap, tmp_path, "rectification", edited)
    assert written is not None and any("没有填写完成佐证" in p.text() for p in report.problems)


def test_the_standards_page_shows_the_three_states(with_register, monkeypatch):
    from test_app import APP

    root, snap, _ = with_register
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(root))
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["snapshot"] = snap.snapshot_id
    at.run()
    at.switch_page("pages/standards.py").run()
    assert not at.exception, [e.value for e in at.exception]
    states = next(df.value for df in at.dataframe if "状态" in df.value.columns and "县级指标达到" in df.value.columns)
    assert list(states["状态"]) == ["现状", "已完成的措施落实后", "全部措施落实后"]
    # the deadline (2025-08-31) has passed and nothing is done: every measure is flagged
    n = len(with_register[2])
    assert any(f"{n} 项措施已过完成时限仍未完成" in w.value for w in at.warning), [w.value for w in at.warning]
    assert snapshots.newest(root).snapshot_id == snap.snapshot_id


def test_the_report_shows_the_three_states(with_register):
    from dashboard_core.files import report

    _, snap, register = with_register
    built = report.build(snap, YEAR)
    heading = next(i for i, b in enumerate(built.blocks) if b.kind == "heading" and "整改落实情况" in b.text)
    said = built.blocks[heading + 1].text
    assert f"整改台账共 {len(register)} 项措施，已完成 0 项" in said and "由督导核查" in said
    table = built.blocks[heading + 2]
    assert [row[0] for row in table.rows] == ["现状", "已完成的措施落实后", "全部措施落实后"]


def test_the_three_states_in_english_leave_no_chinese(with_register, monkeypatch):
    from test_app import APP
    from test_i18n import chinese_left, screen_strings

    root, snap, _ = with_register
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(root))
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["snapshot"] = snap.snapshot_id
    at.query_params["lang"] = "en"
    at.run()
    at.switch_page("pages/standards.py").run()
    assert not at.exception, [e.value for e in at.exception]
    # the responsible unit is the county's own text, shown as typed in either language
    shown = [s.replace("县教育局计划财务股", "") for s in screen_strings(at)]
    left = chinese_left(shown)
    assert not left, left
    assert any("With every measure carried out" in s for s in shown)
