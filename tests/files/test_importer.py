"""Importing the bureau's workbook: the template, every malformed case, random damage, a round trip."""
import hashlib
import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, reject, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from openpyxl.utils.exceptions import IllegalCharacterError

from cli_support import run_cli
from tiers import sweep
from dashboard_core.files import importer
from dashboard_core.store import scorecards, snapshots
from dashboard_core.model.filters import Filters

SRC = str(Path(__file__).resolve().parents[2] / "src")


def tree_digest(root: Path) -> dict:
    """Every file under the snapshots folder with its bytes' hash: to prove nothing changed."""
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def demo_tables(demo_snapshot):
    return snapshots.read_tables(demo_snapshot)


@pytest.fixture()
def workbook(tmp_path, core_workbook_bytes) -> Path:
    """The demo's core tables as a filled template (the registers have their own tests)."""
    path = tmp_path / "filled.xlsx"
    path.write_bytes(core_workbook_bytes)
    return path


def edit(path: Path, sheet: str, cell: str, value) -> Path:
    book = load_workbook(path)
    book[sheet][cell] = value
    book.save(path)
    return path


def column_of(path: Path, sheet: str, header_start: str) -> str:
    ws = load_workbook(path, read_only=True)[sheet]
    for cell in next(ws.iter_rows(min_row=1, max_row=1)):
        if str(cell.value).startswith(header_start):
            return cell.column_letter
    raise KeyError(header_start)


def messages(report) -> str:
    return "\n".join(p.text() for p in report.problems)


def test_template_has_every_sheet_and_a_field_sheet(tmp_path):
    out = tmp_path / "t.xlsx"
    done = run_cli("template", out)
    assert done.returncode == 0, done.stderr
    book = load_workbook(out)
    assert book.sheetnames == ["乡镇", "学校", "学校分学段数据", "学校年度数据", "县级年度指标", "班级", "音乐美术教室",
                               "学校经费", "教师台账", "分学科教师", "交流轮岗", "初中巩固率", "残疾儿童少年", "质量监测",
                               "满意度调查", "佐证台账", "整改台账", "字段说明", "指标清单"]
    assert [c.value for c in book["学校分学段数据"][1]][:4] == ["学校编号", "年份（年）", "学段", "在校学生数（人）"]
    fields = [row for row in book["字段说明"].iter_rows(min_row=2, values_only=True) if row and row[1]]
    assert {"students", "equipment_value_yuan", "township_code", "parent_school_id"} <= {r[3] for r in fields}
    assert all(book[name].max_row == 1 for name in book.sheetnames[:-2])  # headers only: examples live in 字段说明
    report = importer.validate(out)
    assert not report.ok and "没有数据行" in " ".join(p.message for p in report.problems)
    data_root = tmp_path / "data"
    _, snap = importer.import_file(out, data_root)
    assert snap is None and not (data_root / "snapshots").exists() or not any((data_root / "snapshots").iterdir())


def test_every_choice_column_has_a_drop_down_and_every_code_column_is_text(demo_workbook_bytes):
    """As the schema has them: each column with choices (and each 是/否 column) offers them in a list that
    refuses anything else; codes and ids are Text (leading zeros kept, never 6.54E+08); 指标 offers the
    known metrics, listed on their own sheet; the field sheet stays frozen under its header."""
    import io

    from dashboard_core.store import schema

    book = load_workbook(io.BytesIO(demo_workbook_bytes))
    for table in schema.TABLES:
        ws = book[table.sheet]
        rules = {str(rng).split(":")[0].rstrip("0123456789"): dv for dv in ws.data_validations.dataValidation
                 for rng in dv.sqref.ranges}
        for i, col in enumerate(table.columns, start=1):
            letter = ws.cell(1, i).column_letter
            choices = ("是", "否") if col.kind == schema.BOOL else col.choices
            if choices:
                rule = rules[letter]
                assert rule.type == "list" and rule.showErrorMessage and rule.errorStyle in (None, "stop"), col.name
                assert rule.formula1.strip('"').split(",") == list(choices), col.name
                assert str(rule.sqref).endswith(str(ws.max_row + 1)) or ws.max_row + 1 <= int(
                    str(rule.sqref).split(":")[1][len(letter):]), col.name  # the filled rows and more
            if col.kind == schema.TEXT and col.name.endswith(("_code", "_id")):
                assert ws.column_dimensions[letter].number_format == "@", col.name
                assert all(ws.cell(r, i).number_format == "@" for r in range(2, min(ws.max_row, 50) + 1)), col.name
    metric = next(dv for dv in book["县级年度指标"].data_validations.dataValidation)
    assert metric.formula1.startswith(f"='{schema.METRIC_SHEET}'!") and metric.errorStyle == "warning"
    listed = [r[0] for r in book[schema.METRIC_SHEET].iter_rows(min_row=2, values_only=True)]
    assert listed == list(schema.KNOWN_METRICS)
    assert book["字段说明"].freeze_panes == "A2"


def test_demo_workbook_validates(workbook):
    report = importer.validate(workbook)
    assert report.ok, messages(report)


CASES = {
    "missing sheet": (lambda p: _drop_sheet(p, "学校"), "缺少工作表“学校”"),
    "wrong header": (lambda p: edit(p, "学校分学段数据", "D1", "学生"), "缺少“在校学生数（人）”列"),
    "text in a number": (lambda p: edit(p, "学校年度数据", "D3", "约六千"), "“约六千”不是数字"),
    "negative count": (lambda p: edit(p, "学校分学段数据", "D2", -5), "不能为负数"),
    "fraction in a count": (lambda p: edit(p, "学校分学段数据", "F2", 12.5), "须为整数"),
    "huge number": (lambda p: edit(p, "学校分学段数据", "B2", 1.8446744073709556e19), "数值过大"),
    "implausible year": (lambda p: edit(p, "学校年度数据", "B2", 1066), "年份“1066”不合理"),
    "duplicate id": (lambda p: edit(p, "学校", "A3", "DEMO-01"), "“DEMO-01”重复出现"),
    "unknown township": (lambda p: edit(p, "学校", "C2", "654022999"), "乡镇代码“654022999”不在“乡镇”表中"),
    "unknown school": (lambda p: edit(p, "学校年度数据", "A2", "NOPE-1"), "学校编号“NOPE-1”不在“学校”表中"),
    "bad choice": (lambda p: edit(p, "学校", "D2", "高中"), "“高中”不在可选值中"),
    "teachers above staff": (lambda p: edit(p, "学校年度数据", "C2", 3), "多于教职工数"),
    "teaching point without parent": (lambda p: edit(p, "学校", "F30", None), "没有填写所属中心校编号"),
    "teaching point under a junior school": (lambda p: edit(p, "学校", "F30", "DEMO-04"), "是初级中学，不能管理教学点"),
    "unknown central school": (lambda p: edit(p, "学校", "F30", "NOPE-9"), "所属中心校编号“NOPE-9”不在“学校”表中"),
    "over 100 a class": (lambda p: edit(p, "学校分学段数据", "E2", 2), "超过 100 人"),
}


def _drop_sheet(path: Path, name: str) -> Path:
    book = load_workbook(path)
    del book[name]
    book.save(path)
    return path


@pytest.mark.parametrize("case", sweep(list(CASES), quick={"missing sheet", "text in a number", "fraction in a count",
                                                         "duplicate id", "unknown school", "teachers above staff"}))
def test_malformed_workbooks_are_rejected_and_nothing_changes(case, workbook, data_copy):
    damage, expected = CASES[case]
    damage(workbook)
    before = tree_digest(data_copy)
    report, snap = importer.import_file(workbook, data_copy)
    assert snap is None and not report.ok
    assert expected in messages(report), messages(report)
    for problem in report.errors:
        assert problem.sheet is not None and problem.fix
    assert tree_digest(data_copy) == before


def test_teaching_point_with_junior_students(workbook, data_copy):
    # DEMO-29 is a teaching point: add a junior row for it
    book = load_workbook(workbook)
    ws = book["学校分学段数据"]
    ws.append(["DEMO-29", 2024, "初中", 12, 1, 2, 2, 1, 1])
    book.save(workbook)
    before = tree_digest(data_copy)
    report, snap = importer.import_file(workbook, data_copy)
    assert snap is None
    assert "是教学点，不应有初中学生" in messages(report)
    assert tree_digest(data_copy) == before


def test_all_problems_are_reported_at_once(workbook):
    edit(workbook, "学校分学段数据", "D2", "abc")
    edit(workbook, "学校", "C2", "000")
    edit(workbook, "学校年度数据", "D3", -1)
    report = importer.validate(workbook)
    assert len(report.errors) >= 3
    sheets = {p.sheet for p in report.errors}
    assert {"学校分学段数据", "学校", "学校年度数据"} <= sheets


def test_units_warning_does_not_block(workbook, data_copy):
    # equipment given in 万元 instead of 元: a warning, the import still goes through
    col = column_of(workbook, "学校年度数据", "教学仪器设备值")
    edit(workbook, "学校年度数据", f"{col}2", 398.0)
    report, snap = importer.import_file(workbook, data_copy, "with-warning")
    assert report.ok and snap is not None
    assert any("万元" in p.message for p in report.warnings)


@pytest.mark.parametrize("content,expected", [
    (b"", "文件是空的"),
    (b"this is not a spreadsheet", "不是 Excel"),
    (b"PK\x03\x04broken zip", "无法作为 Excel 工作簿打开"),
])
def test_files_that_are_not_workbooks(tmp_path, data_copy, content, expected):
    path = tmp_path / "upload.xlsx"
    path.write_bytes(content)
    before = tree_digest(data_copy)
    report, snap = importer.import_file(path, data_copy)
    assert snap is None and expected in messages(report)
    assert tree_digest(data_copy) == before


def test_oversized_file(tmp_path, data_copy):
    path = tmp_path / "big.xlsx"
    with open(path, "wb") as handle:
        handle.write(b"PK\x03\x04")
        handle.truncate(importer.MAX_BYTES + 1)
    before = tree_digest(data_copy)
    report, snap = importer.import_file(path, data_copy)
    assert snap is None and "文件过大" in messages(report)
    assert tree_digest(data_copy) == before


def test_validate_and_import_commands_exit_codes(workbook, tmp_path, data_copy):
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"nope")
    run = run_cli
    assert run("validate", str(workbook)).returncode == 0
    done = run("validate", str(bad))
    assert done.returncode == 1 and "不是 Excel" in done.stdout
    done = run("import", str(bad), "--data-dir", str(data_copy))
    assert done.returncode == 1 and "未导入" in done.stdout


def test_csv_folder_is_accepted(tmp_path, demo_tables):
    from dashboard_core.store.schema import TABLES

    folder = tmp_path / "csv"
    folder.mkdir()
    for table in (t for t in TABLES if t.name in demo_tables):  # the demo keeps no rectification register
        frame = demo_tables[table.name][[c.name for c in table.columns if c.name in demo_tables[table.name].columns]]
        frame.to_csv(folder / f"{table.sheet}.csv", index=False, encoding="utf-8-sig")
    report = importer.validate(folder)
    assert report.ok, messages(report)


def test_round_trip_template_to_scorecard_and_pages(workbook, data_copy):
    """Fill the template with changed figures, import, and see them in the scorecard and on a page."""
    col = column_of(workbook, "学校年度数据", "体育运动场馆面积")
    # DEMO-01 (县第一小学) 2024 is the row for school DEMO-01, year 2024: find it
    ws = load_workbook(workbook)["学校年度数据"]
    row = next(r[0].row for r in ws.iter_rows(min_row=2) if r[0].value == "DEMO-01" and r[1].value == 2024)
    edit(workbook, "学校年度数据", f"{col}{row}", 20000.0)
    book = load_workbook(workbook)  # the bureau's own schools: names without the demo's “（示例）”
    for cell in book["学校"]["B"][1:]:
        cell.value = str(cell.value).replace("（示例）", "")
    book.save(workbook)
    report, snap = importer.import_file(workbook, data_copy, "bureau-2024")
    assert report.ok and snap is not None and not snap.demo
    manifest = json.loads((snap.path / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["demo"] is False
    card = scorecards.compute(snap, Filters(year=2024, schools=("DEMO-01",)))
    sports = card.values.set_index("indicator").loc["sports_area_per_student"]
    assert sports["value"] == pytest.approx(20000.0 / sports["students"])
    assert sports["status"] == "met"

    done = run_cli("scorecard", "--json", "--data-dir", data_copy, "--school", "DEMO-01")
    doc = json.loads(done.stdout)
    assert doc["snapshot"]["snapshot_id"] == "bureau-2024"  # the newest intact snapshot is shown by default
    assert doc["schools"][0]["indicators"]["sports_area_per_student"]["status"] == "met"

    from streamlit.testing.v1 import AppTest
    from test_app import APP

    os.environ["DASHBOARD_DATA_DIR"] = str(data_copy)
    try:
        at = AppTest.from_file(APP, default_timeout=60)
        at.query_params["school"] = "县第一小学"
        at.run()
        at.switch_page("pages/standards.py").run()
        assert not at.exception
        assert not any("示例数据" in w.value for w in at.warning)
        assert "bureau-2024" in at.caption[0].value
    finally:
        del os.environ["DASHBOARD_DATA_DIR"]


SHEETS = ["乡镇", "学校", "学校分学段数据", "学校年度数据", "县级年度指标", "班级", "学校经费", "交流轮岗", "佐证台账"]


@pytest.fixture()
def small_workbook(tmp_path, demo_tables) -> Path:
    """The demo workbook with each register cut to its first 40 rows: every sheet is fuzzed, each
    example reads in a fraction of the time."""
    from dashboard_core.store.schema import REGISTER_NAMES

    path = tmp_path / "small.xlsx"
    importer.write_workbook(path, {k: (v.head(40) if k in REGISTER_NAMES else v) for k, v in demo_tables.items()})
    return path
junk = st.one_of(st.none(), st.text(max_size=12), st.integers(-10**9, 10**9),
                 st.floats(allow_nan=True, allow_infinity=True), st.booleans())


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(damage=st.lists(st.tuples(st.sampled_from(SHEETS), st.integers(1, 40), st.integers(1, 11), junk),
                       min_size=1, max_size=6))


@pytest.mark.slow  # a subprocess or many examples: runs with the browser tests
def test_random_damage_never_crashes_or_touches_snapshots(damage, small_workbook, data_copy, tmp_path_factory):
    path = tmp_path_factory.mktemp("fuzz") / "damaged.xlsx"
    book = load_workbook(small_workbook)
    for sheet, row, col, value in damage:
        try:
            book[sheet].cell(row=row, column=col).value = value
        except (ValueError, TypeError, IllegalCharacterError):  # openpyxl refuses some values, as Excel would
            continue
    try:
        book.save(path)
    except (AttributeError, ValueError, TypeError, IllegalCharacterError):
        reject()  # a value openpyxl itself cannot write (e.g. a control character): not a workbook Excel makes
    before = tree_digest(data_copy)
    report, snap = importer.import_file(path, data_copy)
    for problem in report.problems:
        assert problem.text()
    after = tree_digest(data_copy)
    if snap is None:
        assert after == before
    else:
        assert {k: v for k, v in after.items() if not k.startswith(f"snapshots/{snap.snapshot_id}/")} == before


@pytest.mark.parametrize("case", sweep(list(CASES), quick={"wrong header", "bad choice", "over 100 a class"}))
def test_problems_are_told_in_english_in_the_english_view(case, workbook):
    from dashboard_core.present import i18n
    from test_i18n import chinese_left

    CASES[case][0](workbook)
    with i18n.using("en"):
        report = importer.validate(workbook)
        texts = [report.summary()] + [p.text() for p in report.problems]
    assert not report.ok
    # the workbook's own sheet and column names stay as written, in quotes
    assert not chinese_left(texts), chinese_left(texts)


def test_demo_data_stays_demo_through_excel_and_back(demo_snapshot, tmp_path, data_copy):
    """The demo snapshot downloaded as Excel (the data page, or template --from-snapshot) and imported
    unchanged is a demo snapshot again: every mark of demo data stays."""
    from dashboard_core.web import cache

    exported = tmp_path / "exported.xlsx"
    exported.write_bytes(cache.snapshot_workbook.__wrapped__(demo_snapshot))
    from_cli = tmp_path / "from_cli.xlsx"
    done = run_cli("template", from_cli, "--from-snapshot", demo_snapshot.snapshot_id)
    assert done.returncode == 0, done.stderr
    for path in (exported, from_cli):
        book = load_workbook(path)
        book["学校"]["B2"] = "改过名字的学校"  # even with a name no longer marked （示例）: the hidden sheet says it
        book.save(path)
        report, snap = importer.import_file(path, data_copy)
        assert report.ok and snap is not None and snap.demo, messages(report)
        assert json.loads((snap.path / "manifest.json").read_text(encoding="utf-8"))["demo"] is True
        assert "示例数据" in snap.source and "这是示例数据" in messages(report)
