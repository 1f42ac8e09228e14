"""Hostile workbooks, bad data that looks valid, exports that carry formulas, names that carry Markdown,
the admin password, snapshots written at the same moment."""
import io
import os
import shutil
import time
import tracemalloc
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import Workbook, load_workbook

from tiers import sweep
from dashboard_core.files import downloads, importer
from dashboard_core.present.format import md_escape
from dashboard_core.store import snapshots


@pytest.fixture(scope="module")
def tables(demo_snapshot):
    core = set(snapshots.TABLES) - {"report_facts"}
    return {k: v for k, v in snapshots.read_tables(demo_snapshot).items() if k in core}


@pytest.fixture()
def workbook(tmp_path, core_workbook_bytes) -> Path:
    path = tmp_path / "filled.xlsx"
    path.write_bytes(core_workbook_bytes)
    return path


def messages(report) -> str:
    return "\n".join(p.text() for p in report.problems)


def _rewrite(path: Path, member: str, change) -> None:
    """Change one file inside the .xlsx zip (what a hand-made hostile file does)."""
    with zipfile.ZipFile(path) as source:
        items = {name: source.read(name) for name in source.namelist()}
    items[member] = change(items[member])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in items.items():
            target.writestr(name, data)


# ---- resource exhaustion ------------------------------------------------------------------------------

def test_a_declared_huge_dimension_is_not_read(tmp_path):
    path = tmp_path / "bomb.xlsx"
    book = Workbook()
    book.active.title = "乡镇"
    book.active.append(["乡镇代码", "乡镇名称", "乡镇类型"])
    book.save(path)
    _rewrite(path, "xl/worksheets/sheet1.xml",
             lambda xml: xml.replace(b'<dimension ref="A1:C1"/>', b'<dimension ref="A1:XFD1048576"/>'))
    assert b"XFD1048576" in zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml")
    tracemalloc.start()
    started = time.perf_counter()
    report = importer.validate(path)
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert elapsed < 20 and peak < 300 * 1024 * 1024
    assert not report.ok  # the other sheets are missing: refused in Chinese, not crashed


@pytest.mark.slow  # a subprocess or many examples: runs with the browser tests
def test_more_rows_than_the_cap_are_refused_without_reading_on(tmp_path):
    path = tmp_path / "rows.xlsx"
    book = Workbook(write_only=True)
    ws = book.create_sheet("学校分学段数据")
    ws.append(["学校编号", "年份", "学段"])
    for i in range(importer.MAX_ROWS + 5):
        ws.append([f"S{i}", 2024, "小学"])
    book.save(path)
    report = importer.validate(path)
    assert not report.ok and "超过 100,000 行" in messages(report)


def test_problems_are_capped_and_counted(tmp_path):
    folder = tmp_path / "csv"
    folder.mkdir()
    rows = ["乡镇代码,乡镇名称,乡镇类型"] + [f"T{i},乡{i},村" for i in range(importer.MAX_PROBLEMS + 100)]
    (folder / "乡镇.CSV").write_text("\n".join(rows), encoding="utf-8")  # an upper-case suffix is a CSV too
    report = importer.validate(folder)
    assert len(report.problems) == importer.MAX_PROBLEMS and report.unlisted_errors > 0
    assert "只列出前 500 条" in report.summary()


def test_utf16_and_semicolon_csv_are_read(tmp_path, tables):
    folder = tmp_path / "csv"
    folder.mkdir()
    towns = tables["townships"]
    text = "乡镇代码;乡镇名称;乡镇类型\n" + "\n".join(f"{r.township_code};{r.township_name};{r.township_type}"
                                                   for r in towns.itertuples())
    (folder / "乡镇.csv").write_bytes(text.encode("utf-16"))
    report = importer.validate(folder)
    assert "乡镇" not in {p.sheet for p in report.problems}, messages(report)


# ---- files that name the real cause ---------------------------------------------------------------------

def test_a_password_protected_workbook_is_named(tmp_path):
    path = tmp_path / "locked.xlsx"
    path.write_bytes(importer.OLE_MAGIC + b"\x00" * 2000)
    assert "密码" in messages(importer.validate(path))


def test_a_damaged_sheet_says_the_file_is_damaged(tmp_path, workbook):
    _rewrite(workbook, "xl/worksheets/sheet1.xml", lambda xml: xml[: len(xml) // 2])
    text = messages(importer.validate(workbook))
    assert "文件已损坏" in text and "/tmp" not in text and "Traceback" not in text


# ---- bad data that looks valid ---------------------------------------------------------------------------

def _edit(path: Path, sheet: str, cell: str, value) -> Path:
    book = load_workbook(path)
    book[sheet][cell] = value
    if isinstance(value, str):
        book[sheet][cell].data_type = "s"  # typed text, as a clerk pastes it (not a formula Excel computes)
    book.save(path)
    return path


CASES = {
    "a repeated header": (lambda p: _edit(p, "学校分学段数据", "K1", "在校学生数（人）"), "出现了 2 次"),
    "万元 where 元 is asked": (lambda p: _edit(p, "学校年度数据", "F1", "教学仪器设备值（万元）"), "表头单位是“万元”"),
    "900,000 students": (lambda p: _edit(p, "学校分学段数据", "D2", 900_000), "超过合理上限"),
    "1e14 ㎡": (lambda p: _edit(p, "学校年度数据", "D2", 1e14), "超过合理上限"),
    "year 2100": (lambda p: _edit(p, "学校年度数据", "B2", 2100), "年份“2100”不合理"),
    "no teachers for 1,700 pupils": (lambda p: _edit(_edit(p, "学校分学段数据", "D2", 1700), "学校分学段数据", "F2", 0),
                                     "却没有专任教师"),
    "a formula for a name": (lambda p: _edit(p, "学校", "B2", "=HYPERLINK(\"http://x\")"), "会被当作公式"),
    "a new line and a heading in a name": (lambda p: _edit(p, "学校", "B2", "县第一小学\n# 全部达标"), "换行或控制字符"),
    "a colour directive in a name": (lambda p: _edit(p, "学校", "B2", "县第一小学:red-background[达标]"), "含有符号"),
    "a code in scientific notation": (lambda p: _edit(p, "学校", "C2", "6.54022E+8"), "科学计数法"),
    # number text that could mean more than one number
    "a decimal comma": (lambda p: _edit(p, "学校分学段数据", "D2", "8737,9"), "逗号位置不对"),
    "an underscore in a number": (lambda p: _edit(p, "学校分学段数据", "D2", "1_703"), "“1_703”不是数字"),
    "Arabic-Indic digits": (lambda p: _edit(p, "学校分学段数据", "D2", "١٧٠٣"), "不是数字"),
    "an exponent": (lambda p: _edit(p, "学校分学段数据", "D2", "1.703e3"), "“1.703e3”不是数字"),
    # values that cannot be
    "a closed school with pupils": (lambda p: _edit(p, "学校", "G2", "是"), "已停办，却有"),
    "a share above 100%": (lambda p: _append(p, "县级年度指标", [2019, "rotation_rate", 120, "%", "x"]), "不在 0 与 100 之间"),
    "negative spending": (lambda p: _append(p, "县级年度指标", [2019, "education_spending", -5, "亿元", "x"]), "不能为负数"),
    "two schools of one name in one township": (lambda p: _same_name(p), "出现了 2 次"),
    "a 5,000-character id": (lambda p: _edit(p, "学校", "A2", "x" * 5000), "超过本列上限 32 个字"),
    "a path as an id": (lambda p: _edit(p, "学校", "A2", "../../etc/passwd"), "编号“../../etc/passwd”含有"),
    "a name made of fillers": (lambda p: _edit(p, "学校", "B2", "\u3164\u3164"), "只有看不见的字符"),
    "a name of tag characters only": (lambda p: _edit(p, "学校", "B2", "\U000e0041\U000e0042"), "只有看不见的字符"),
    "200 stacked marks": (lambda p: _edit(p, "学校", "B2", "县第一小学" + "\u0301" * 200), "附加符号"),
    "a 32,767-character name": (lambda p: _edit(p, "学校", "B2", "长" * 32_767), "超过本列上限 50 个字"),
    "one table in two sheets": (lambda p: _copy_sheet(p, "学校", "schools"), "是同一张表"),
}


def _append(path: Path, sheet: str, row: list) -> Path:
    book = load_workbook(path)
    book[sheet].append(row)
    book.save(path)
    return path


def _same_name(path: Path) -> Path:
    book = load_workbook(path)
    ws = book["学校"]
    first = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 3).value == ws.cell(r + 1, 3).value)
    ws.cell(first + 1, 2).value = ws.cell(first, 2).value
    book.save(path)
    return path


def _copy_sheet(path: Path, title: str, new_title: str) -> Path:
    book = load_workbook(path)
    book.copy_worksheet(book[title]).title = new_title
    book.save(path)
    return path


def test_direction_isolates_are_stripped_and_named(workbook, tmp_path):
    book = load_workbook(workbook)
    name = book["学校"]["B2"].value
    book["学校"]["B2"] = "\u2067" + name + "\u2069"
    book.save(workbook)
    report = importer.validate(workbook)
    assert report.ok and "看不见的字符" in messages(report)
    assert name in set(report.tables["schools"]["school_name"])


def test_full_width_digits_are_read_as_the_number(workbook):
    _edit(workbook, "学校分学段数据", "D2", "１，２３４")
    report = importer.validate(workbook)
    assert "D2" not in messages(report) and 1234 in set(report.tables["school_stage_year"]["students"])


def test_a_class_register_that_disagrees_with_the_school_rows_is_named(tmp_path, demo_workbook_bytes):
    path = tmp_path / "demo.xlsx"
    path.write_bytes(demo_workbook_bytes)
    book = load_workbook(path)
    book["班级"]["F2"] = book["班级"]["F2"].value + 300
    book.save(path)
    report = importer.validate(path)
    assert "各班合计" in messages(report) and "“学校分学段数据”为" in messages(report)


def test_csv_exports_defuse_formulas_behind_whitespace_and_control_characters():
    import csv

    hostile = ["\r=1+1", " =cmd|' /C calc'!A0", "\t@SUM(1)", "\x00+1", "\u3000=HYPERLINK(\"http://x\")", "县第一小学"]
    text = downloads.csv_bytes(pd.DataFrame({"列": hostile})).decode("utf-8-sig")
    cells = [row[0] for row in csv.reader(io.StringIO(text, newline=""))][1:]
    assert cells[-1] == "县第一小学"
    for cell in cells[:-1]:
        assert cell.startswith("'") and cell[1] in "=+-@", repr(cell)  # the apostrophe comes first, then the sign


@pytest.mark.parametrize("case", sweep(sorted(CASES), quick={
    "1e14 ㎡", "a decimal comma", "a formula for a name", "a new line and a heading in a name", "a repeated header",
    "a share above 100%", "one table in two sheets", "万元 where 元 is asked"}))
def test_bad_data_is_refused_with_its_cause(case, workbook, tmp_path):
    change, expected = CASES[case]
    report, snap = importer.import_file(change(workbook), tmp_path / "data")
    assert snap is None and expected in messages(report), messages(report)


def test_a_title_row_above_the_header_is_named(workbook):
    book = load_workbook(workbook)
    book["乡镇"].insert_rows(1)
    book["乡镇"]["A1"] = "察布查尔县乡镇一览表"
    book.save(workbook)
    assert "标题行" in messages(importer.validate(workbook))


def test_a_school_without_its_yearly_row_is_named(workbook):
    book = load_workbook(workbook)
    ws = book["学校年度数据"]
    row = next(r[0].row for r in ws.iter_rows(min_row=2) if r[0].value == "DEMO-03" and r[1].value == 2024)
    ws.delete_rows(row)
    book.save(workbook)
    assert "学校“DEMO-03”2024 年有分学段数据，但没有年度数据" in messages(importer.validate(workbook))


def test_invisible_characters_are_stripped_and_an_unknown_figure_is_named(workbook, tmp_path):
    _edit(workbook, "学校", "B3", "县第二小学\u200b（示例）")
    book = load_workbook(workbook)
    ws = book["县级年度指标"]
    ws.append([2024, "rotaton_rate", 12.0, "%", "typo"])
    book.save(workbook)
    report, snap = importer.import_file(workbook, tmp_path / "data")
    text = messages(report)
    assert snap is not None and "看不见的字符" in text and "“rotaton_rate”看板不认识" in text
    names = snapshots.read_tables(snap)["schools"]["school_name"]
    assert "县第二小学（示例）" in set(names)


# ---- what comes back out -----------------------------------------------------------------------------------

def test_exports_never_carry_a_live_formula():
    frame = pd.DataFrame({"学校": ["=HYPERLINK(\"http://x\",\"点我\")", "+1+2", "县第一小学"], "学生数": [-3, 2, 1]})
    text = downloads.csv_bytes(frame).decode("utf-8-sig")
    assert "'=HYPERLINK" in text and "'+1+2" in text and ",-3" in text  # numbers stay numbers
    book = load_workbook(io.BytesIO(downloads.excel_bytes(frame)))
    cell = book.active["A2"]
    assert cell.data_type == "s" and cell.value.startswith("=HYPERLINK")


def test_the_apps_own_export_imports_again(demo_snapshot, tmp_path):
    from dashboard_core.web import cache

    path = tmp_path / "again.xlsx"
    path.write_bytes(cache.snapshot_workbook.__wrapped__(demo_snapshot))
    report, snap = importer.import_file(path, tmp_path / "data")
    assert report.ok and snap is not None, messages(report)


def test_markdown_in_data_is_shown_as_text():
    import html
    import re

    hostile = ("县第一小学\n# 全部达标 :red-background[达标] ![x](http://evil.example/t.png) **全部达标** $x^2$ "
               ":material/check: www.evil.example a@evil.example <img src=x> &lt;b&gt;")
    escaped = md_escape(hostile)
    assert "\n" not in escaped
    # nothing Markdown, a directive, an autolink or math could start from is left as a raw character …
    assert not re.search(r"[\\`*_{}\[\]()#+!|:$~<>@=^\"']", re.sub(r"&#\d+;", "", escaped))
    assert "www." not in escaped and "http:" not in escaped and ":material/" not in escaped
    # … and a reader sees the text itself: each reference stands for the character it replaced (and an
    # invisible word joiner keeps "http:", "www." and "@" from being made links)
    assert html.unescape(escaped).replace("\u2060", "") == " ".join(hostile.split())
    assert md_escape("0.45") == "0.45" and md_escape("DEMO-01") == "DEMO-01"  # nothing starts there: left as written
    assert md_escape("- 1. x") == "&#45; 1&#46; x"  # a list marker does


# ---- snapshots written at the same moment, left-overs of killed writes ----------------------------------------

def test_two_imports_at_once_get_two_snapshots(workbook, tmp_path):
    report = importer.validate(workbook)
    first = importer.write_report(report, tmp_path / "data")
    second = importer.write_report(report, tmp_path / "data")
    assert first.snapshot_id != second.snapshot_id


def test_left_over_temporary_folders_are_cleared(tmp_path, data_copy):
    stale = snapshots.snapshots_dir(data_copy) / ".tmp-killed-import"
    stale.mkdir()
    (stale / "schools.parquet").write_bytes(b"half")
    old = time.time() - 2 * snapshots.STALE_TEMP_S
    os.utime(stale, (old, old))
    fresh = snapshots.snapshots_dir(data_copy) / ".tmp-running-import"
    fresh.mkdir()
    snapshots.scan(data_copy)
    assert not stale.exists() and fresh.exists()  # a write under way is left alone
    shutil.rmtree(fresh)


def test_a_formula_without_its_value_and_merged_cells_are_named(workbook):
    book = load_workbook(workbook)
    book["学校分学段数据"]["D2"] = "=5*300"  # saved by openpyxl: a formula with no calculated value
    book["学校"].merge_cells("E2:E3")
    book.save(workbook)
    text = messages(importer.validate(workbook))
    assert "单元格 D2 是公式，但文件里没有计算结果" in text
    assert "有合并单元格：E2:E3" in text


def test_a_killed_writes_folder_is_cleared_at_once_and_a_running_one_is_not(tmp_path, data_copy):
    import fcntl

    base = snapshots.snapshots_dir(data_copy)
    killed = base / ".tmp-killed-just-now"
    killed.mkdir()
    (killed / snapshots.WRITER_LOCK).write_bytes(b"")  # its writer died: nobody holds the lock
    running = base / ".tmp-still-writing"
    running.mkdir()
    holder = open(running / snapshots.WRITER_LOCK, "a+b")
    fcntl.flock(holder.fileno(), fcntl.LOCK_EX)
    try:
        snapshots.scan(data_copy)
        assert not killed.exists() and running.exists()
    finally:
        holder.close()
    snapshots.scan(data_copy)
    assert not running.exists()  # let go of: cleared on the next look
