"""Reading a workbook completely and within bounds: every row a sheet holds is read whatever its declared
size; a damaged, encrypted or oversized file and a broken CSV folder are refused with a Chinese message
(exit code 1 on the command line, no traceback); a full disk changes nothing and says so."""
import errno
import re
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

from dashboard_core import cli
from dashboard_core.files import importer, reading
from dashboard_core.store import snapshots

REPO = Path(__file__).resolve().parents[2]


def messages(report) -> str:
    return "\n".join(p.text() for p in report.problems)


@pytest.fixture()
def workbook(tmp_path, demo_workbook_bytes) -> Path:
    path = tmp_path / "demo.xlsx"
    path.write_bytes(demo_workbook_bytes)
    return path


def sheet_member(path: Path, title: str) -> str:
    """The zip member of a sheet, found through the workbook's relations (as Excel does)."""
    with zipfile.ZipFile(path) as z:
        book = z.read("xl/workbook.xml").decode()
        rels = z.read("xl/_rels/workbook.xml.rels").decode()
    rid = re.search(rf'<sheet [^>]*name="{title}"[^>]*r:id="(rId\d+)"', book).group(1)
    target = re.search(rf'<Relationship [^>]*Id="{rid}"[^>]*Target="([^"]+)"|<Relationship [^>]*Target="([^"]+)"[^>]*Id="{rid}"',
                       rels)
    target = target.group(1) or target.group(2)
    return target.lstrip("/") if target.startswith("/xl/") else "xl/" + target


def rewrite(path: Path, member: str, change) -> None:
    with zipfile.ZipFile(path) as source:
        items = [(info, source.read(info.filename)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in items:
            target.writestr(info.filename, change(data) if info.filename == member else data)


def set_dimension(path: Path, title: str, ref: str) -> None:
    rewrite(path, sheet_member(path, title),
            lambda xml: re.sub(rb'<dimension ref="[^"]*"/>', f'<dimension ref="{ref}"/>'.encode(), xml, count=1))


# ---- every row read -----------------------------------------------------------------------------------

def test_rows_past_an_understated_dimension_are_read(workbook, demo_snapshot):
    classes = len(snapshots.read_tables(demo_snapshot)["classes"])
    set_dimension(workbook, "班级", "A1:F800")
    report = importer.validate(workbook)
    assert report.ok, messages(report)
    assert len(report.tables["classes"]) == classes == 1596


def test_registers_declared_as_one_cell_are_read_whole(workbook, demo_snapshot):
    tables = snapshots.read_tables(demo_snapshot)
    for title in ("教师台账", "佐证台账", "满意度调查", "音乐美术教室", "学校经费"):
        set_dimension(workbook, title, "A1")
    report = importer.validate(workbook)
    assert report.ok, messages(report)
    for name in ("teacher_register", "evidence", "survey", "special_rooms", "school_finance"):
        assert len(report.tables[name]) == len(tables[name]) > 0, name


def test_a_row_past_the_dimension_is_validated_like_any_other(workbook):
    book = load_workbook(workbook)
    ws = book["学校"]
    declared = ws.max_row
    ws.append(["X-99", "<script>alert(1)</script>", "999999999", "小学", "乡村", None, "否"])
    book.save(workbook)
    set_dimension(workbook, "学校", f"A1:G{declared}")
    text = messages(importer.validate(workbook))
    assert f"第 {declared + 1} 行" in text and "乡镇代码“999999999”不在“乡镇”表中" in text
    assert "含有符号“<”" in text


def test_a_reader_that_stopped_at_the_dimension_would_be_caught(workbook, monkeypatch):
    """The count of rows the XML holds is independent of the reader: were the reader to trust the
    dimension again (openpyxl's read-only default), the file is refused, naming the rows left out."""
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

    monkeypatch.setattr(ReadOnlyWorksheet, "reset_dimensions", lambda self: None)
    set_dimension(workbook, "班级", "A1:F800")
    report = importer.validate(workbook)
    assert not report.ok
    assert "工作表有 1,596 行数据，只读出 799 行（未读出的行：801、802、803、804、805 等）" in messages(report)


# ---- broken files: a message, never a traceback ----------------------------------------------------------

def run_cli(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "dashboard_core", *map(str, args)], capture_output=True, text=True,
                          cwd=REPO, timeout=120, env={"PYTHONPATH": str(REPO / "src"), "PATH": "/usr/bin:/bin"})


def flip_a_compressed_byte(path: Path) -> None:
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as z:
        info = z.getinfo(sheet_member(path, "班级"))
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data[start + info.compress_size // 2] ^= 0xFF
    path.write_bytes(bytes(data))


def set_encryption_flag(path: Path) -> None:
    data = bytearray(path.read_bytes())
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        for match in re.finditer(re.escape(signature), bytes(data)):
            data[match.start() + offset] |= 0x01
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("damage,expected", [(flip_a_compressed_byte, "文件已损坏，无法读取"),
                                             (set_encryption_flag, "文件设有打开密码（已加密）")])
def test_a_damaged_or_encrypted_package_is_refused_in_chinese(workbook, damage, expected, data_copy):
    damage(workbook)
    report = importer.validate(workbook)
    assert not report.ok and expected in messages(report)
    assert str(workbook.parent) not in messages(report)


@pytest.mark.slow  # a subprocess or many examples: runs with the browser tests
def test_the_command_line_refuses_a_damaged_package_with_exit_code_1(workbook, data_copy):
    flip_a_compressed_byte(workbook)
    done = run_cli("import", workbook, "--data-dir", data_copy)
    assert done.returncode == 1 and "Traceback" not in done.stderr + done.stdout
    assert "文件已损坏" in done.stdout and "未导入" in done.stdout


def csv_folder(tmp_path, demo_snapshot) -> Path:
    folder = tmp_path / "csv"
    folder.mkdir()
    core = set(snapshots.TABLES) - {"report_facts"}
    for name, frame in snapshots.read_tables(demo_snapshot).items():
        if name in core:
            frame.to_csv(folder / f"{name}.csv", index=False)
    return folder


def test_csv_files_that_break_the_csv_reader_get_a_message(tmp_path, demo_snapshot):
    folder = csv_folder(tmp_path, demo_snapshot)
    (folder / "townships.csv").write_text("township_code,township_name,township_type\n654022100,\"" + "长" * 200_000
                                          + "\",镇\n", encoding="utf-8")
    (folder / "x.csv").mkdir()
    report = importer.validate(folder)
    text = messages(report)
    assert not report.ok and "“x.csv”是文件夹，不是 CSV 文件" in text
    assert "townships.csv" in text and ("单元格超过 32,767 个字符" in text or "引号" in text)


def test_cr_only_and_utf16_tab_separated_csv_are_read(tmp_path, demo_snapshot):
    folder = csv_folder(tmp_path, demo_snapshot)
    schools = folder / "schools.csv"
    schools.write_bytes(schools.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r"))  # old Mac line ends
    towns = folder / "townships.csv"
    frame = pd.read_csv(towns, dtype=str)
    towns.write_bytes(frame.to_csv(index=False, sep="\t").encode("utf-16"))  # Excel's "Unicode 文本"
    report = importer.validate(folder)
    assert report.ok, messages(report)
    assert len(report.tables["schools"]) == len(snapshots.read_tables(demo_snapshot)["schools"])
    assert len(report.tables["townships"]) == len(frame)


def test_a_full_disk_changes_nothing_and_says_so(workbook, data_copy, monkeypatch, capsys):
    before = sorted(p.relative_to(data_copy) for p in data_copy.rglob("*"))

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(snapshots.pq, "write_table", full)
    code = cli.main(["import", str(workbook), "--data-dir", str(data_copy)])
    out = capsys.readouterr()
    assert code == 1 and "磁盘已满" in out.err and "已有快照没有任何改动" in out.err and "Traceback" not in out.err
    assert sorted(p.relative_to(data_copy) for p in data_copy.rglob("*")) == before


# ---- bombs: refused within a minute under a 2 GB address space -------------------------------------------

def _zip(path: Path, members: dict) -> None:
    """A package whose members are written from generators, so a bomb is built without holding it."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for name, chunks in members.items():
            with z.open(name, "w", force_zip64=True) as handle:
                for chunk in chunks():
                    handle.write(chunk)


_CONTENT_TYPES = (b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                  b'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
                  b'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/'
                  b'workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                  b'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
                  b'officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType='
                  b'"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName='
                  b'"/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
                  b'</Types>')
_ROOT_RELS = (b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
              b'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
              b'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
_BOOK = (b'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
         b' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="\xe7\x8f\xad'
         b'\xe7\xba\xa7" sheetId="1" r:id="rId1"/></sheets></workbook>')
_BOOK_RELS = (b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
              b'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
              b'relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.'
              b'openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
              b'<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"'
              b' Target="styles.xml"/></Relationships>')
_MAIN = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def _package(path: Path, sheet, strings=None, styles=None) -> None:
    _zip(path, {"[Content_Types].xml": lambda: [_CONTENT_TYPES], "_rels/.rels": lambda: [_ROOT_RELS],
                "xl/workbook.xml": lambda: [_BOOK], "xl/_rels/workbook.xml.rels": lambda: [_BOOK_RELS],
                "xl/worksheets/sheet1.xml": sheet,
                "xl/sharedStrings.xml": strings or (lambda: [b'<sst ' + _MAIN + b' count="0" uniqueCount="0"/>']),
                "xl/styles.xml": styles or (lambda: [b'<styleSheet ' + _MAIN + b'/>'])})


def _rows_without_dimension(n):
    def chunks():
        yield b'<worksheet ' + _MAIN + b'><sheetData>'
        block = b"<row/>" * 100_000  # rows without numbers follow each other, as Excel reads them
        for _ in range(n // 100_000):
            yield block
        yield b'</sheetData></worksheet>'
    return chunks


def _one_cell_sheet():
    return [b'<worksheet ' + _MAIN + b'><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>']


def _many_strings(n):
    def chunks():
        yield b'<sst ' + _MAIN + b'>'
        block = b"<si><t>a</t></si>" * 100_000
        for _ in range(n // 100_000):
            yield block
        yield b'</sst>'
    return chunks


def _styles_bomb():
    yield b'<styleSheet ' + _MAIN + b'><cellXfs count="9999999">'
    block = b'<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' * 50_000
    for _ in range(200):
        yield block
    yield b'</cellXfs></styleSheet>'


def _big_cell():
    yield b'<worksheet ' + _MAIN + b'><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>'
    block = b"x" * (1 << 22)
    for _ in range(150):  # 600 MB of one cell
        yield block
    yield b'</t></is></c></row></sheetData></worksheet>'


BOMBS = {
    "25 M rows and no dimension": lambda p: _package(p, _rows_without_dimension(25_000_000)),
    "40 M unused shared strings": lambda p: _package(p, _one_cell_sheet, strings=_many_strings(40_000_000)),
    "a styles bomb": lambda p: _package(p, _one_cell_sheet, styles=_styles_bomb),
    "a 600 MB cell": lambda p: _package(p, _big_cell),
}


@pytest.mark.slow  # a subprocess or many examples: runs with the browser tests
@pytest.mark.parametrize("bomb", sorted(BOMBS))
def test_bombs_are_refused_within_a_minute_under_2_gb(bomb, tmp_path):
    path = tmp_path / "bomb.xlsx"
    BOMBS[bomb](path)
    assert path.stat().st_size < reading.MAX_BYTES  # small enough to be uploaded
    limit = 2 * 1024 ** 3
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", "import resource, sys; resource.setrlimit(resource.RLIMIT_AS, (%d, %d)); "
         "from dashboard_core import cli; sys.exit(cli.main(['validate', sys.argv[1]]))" % (limit, limit), str(path)],
        capture_output=True, text=True, timeout=120, cwd=REPO, env={"PYTHONPATH": str(REPO / "src"), "PATH": "/usr/bin:/bin"})
    elapsed = time.perf_counter() - started
    assert done.returncode == 1, done.stderr[-2000:]
    assert "Traceback" not in done.stderr and "MemoryError" not in done.stderr
    assert "未导入" in done.stdout and elapsed < 60


def test_csv_files_saved_by_libreoffice_with_the_workbook_name_are_read(tmp_path, demo_snapshot):
    folder = csv_folder(tmp_path, demo_snapshot)
    for file in list(folder.glob("*.csv")):
        file.rename(folder / f"demo-{file.name}")  # LibreOffice: "<workbook>-<sheet>.csv"
    report = importer.validate(folder)
    assert report.ok, messages(report)
    assert set(report.tables) >= {"schools", "townships", "school_stage_year", "school_year", "county_year"}


def test_an_empty_inline_string_is_neither_lost_nor_extra(workbook):
    """Cells other programs write (an empty inline string, a value-less cell) count the same in both passes."""
    member = sheet_member(workbook, "学校")

    def add_row(xml: bytes) -> bytes:
        rows = [int(n) for n in re.findall(rb'<row r="(\d+)"', xml)]
        extra = (f'<row r="{max(rows) + 1}"><c r="A{max(rows) + 1}" t="inlineStr"><is><t></t></is></c>'
                 f'<c r="B{max(rows) + 1}"><v></v></c></row>').encode()
        return xml.replace(b"</sheetData>", extra + b"</sheetData>")

    rewrite(workbook, member, add_row)
    report = importer.validate(workbook)
    assert report.ok, messages(report)
