"""Reading a workbook or a folder of CSV files into rows of raw cell values, bounded and complete.

Bounded: what is read is capped by what is streamed, never by what the file declares. The package is
unpacked once, part by part, with caps on each part and on the whole (a 1.7 MB file can unpack to
gigabytes of rows, shared strings or styles); sheets are then read row by row with caps on rows, columns,
cells and the length of a cell, and a deadline on the whole read.

Complete: a sheet's declared size (`<dimension>`) is never trusted in either direction. Every row the
sheet's XML holds is read, and the rows read are counted against the rows the XML holds (a second,
independent pass over the same XML): a row that holds a value and was not read refuses the file.
"""
from __future__ import annotations

import codecs
import csv
import io
import math
import re
import time
import zipfile
import zlib
from pathlib import Path

from xml.parsers import expat

from ..present.i18n import Verbatim as V
from ..present.i18n import t
from .problems import Report

MAX_BYTES = 5 * 1024 * 1024  # as .streamlit/config.toml's maxUploadSize: a county's workbook is under 1 MB
# A county's workbook has a few thousand rows (every class of three years is about 2,000): a file past
# these caps is refused, never read to the end.
MAX_ROWS = 100_000  # rows holding a value, per sheet
MAX_ROW_INDEX = 1_048_576  # Excel's last row: a row numbered past it is not a sheet Excel wrote
MAX_COLUMNS = 64  # per sheet: the widest template sheet has 11
MAX_CELLS = 2_000_000  # over the whole workbook
MAX_CELL_CHARS = 32_767  # Excel's own limit for one cell
MAX_SHEETS = 40
MAX_PARTS = 500  # files inside the .xlsx package (a filled template has about 40)
MAX_PART_BYTES = 64 * 1024 * 1024  # one sheet unpacked (the demo's largest sheet is 0.4 MB)
MAX_OTHER_PART_BYTES = 8 * 1024 * 1024  # styles, shared strings index, relations… unpacked
MAX_UNPACKED_BYTES = 160 * 1024 * 1024  # the whole package unpacked
MAX_SHARED_STRINGS = MAX_CELLS  # each distinct text is used by a cell at least once
MAX_SECONDS = 40.0  # a read past this is stopped and refused (a real workbook reads in about a second)
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # an encrypted (password-protected) workbook or an old .xls
ZIP_MAGIC = b"PK\x03\x04"
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_SHARED_STRING = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?si[\s>/]")
_SHARED_STRING_TAIL = 32  # bytes kept between chunks so a tag split across two chunks is counted once


class TooLarge(Exception):
    """Past a cap: reading stops there and the file is refused."""


class NotAWorkbook(Exception):
    """Not a zip package at all (a renamed file, a truncated download)."""


class Damaged(Exception):
    """The package or a sheet cannot be read as it is."""


def blank(value) -> bool:
    return value is None or (isinstance(value, str) and value.strip() == "") or (isinstance(value, float) and math.isnan(value))


class _Deadline:
    def __init__(self, seconds: float = MAX_SECONDS):
        self.until = time.monotonic() + seconds

    def check(self) -> None:
        if time.monotonic() > self.until:
            raise TooLarge(t("读取超过 {n:.0f} 秒仍未完成", n=MAX_SECONDS))


def _refuse_too_large(report: Report, exc: TooLarge) -> None:
    report.error("", None, None, str(exc), t("导入模板每张表只需几千行；请删除多余的行、列、工作表和格式后再上传"))


def _refuse_damaged(report: Report, kind: str) -> None:
    report.error("", None, None, t("文件已损坏，无法读取（{kind}）", kind=V(kind)),
                 t("请在 Excel 中打开并另存为新的 .xlsx 文件后再上传"))


# ---- the package ------------------------------------------------------------------------------

def _check_package(path: Path, deadline: _Deadline) -> None:
    """Unpack every part once, streamed, with caps: raises TooLarge or Damaged (a flipped byte fails
    the part's checksum or its decompression here, before any parser sees it)."""
    try:
        book = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise NotAWorkbook(type(exc).__name__) from None
    with book:
        infos = book.infolist()
        if len(infos) > MAX_PARTS:
            raise TooLarge(t("文件内部有 {n:,} 个部件（上限 {limit} 个）", n=len(infos), limit=MAX_PARTS))
        if any(info.flag_bits & 0x1 for info in infos):
            raise Damaged("encrypted")
        total = 0
        for info in infos:
            is_sheet = info.filename.startswith("xl/worksheets/")
            limit = MAX_PART_BYTES if is_sheet else MAX_OTHER_PART_BYTES
            shared = info.filename.endswith("sharedStrings.xml")
            size, strings, tail = 0, 0, b""
            with book.open(info) as part:
                while chunk := part.read(1 << 20):
                    deadline.check()
                    size += len(chunk)
                    total += len(chunk)
                    if size > limit:
                        raise TooLarge(t("文件中的“{part}”解压后超过 {mb} MB", part=V(info.filename), mb=limit >> 20))
                    if total > MAX_UNPACKED_BYTES:
                        raise TooLarge(t("文件解压后超过 {mb} MB", mb=MAX_UNPACKED_BYTES >> 20))
                    if shared:
                        buffer = tail + chunk
                        last_end = 0
                        for match in _SHARED_STRING.finditer(buffer):
                            strings += 1
                            last_end = match.end()
                        tail = buffer[max(last_end, len(buffer) - _SHARED_STRING_TAIL):]
                        if strings > MAX_SHARED_STRINGS:
                            raise TooLarge(t("文件中的不同文字超过 {limit:,} 个", limit=MAX_SHARED_STRINGS))


class _ForbiddenMarkup(ValueError):
    """A DTD or an entity declaration in a sheet: Excel never writes one; it is how XML bombs are built."""


def _forbid(*_args) -> None:
    raise _ForbiddenMarkup("DTD or entity in a worksheet")


class _SheetCounter:
    """One streaming pass of expat over a sheet's XML, no element tree built (ElementTree's iterparse,
    the reader before, took twice as long as openpyxl's own read of the same sheet)."""

    def __init__(self, sheet: str, report: Report, deadline: _Deadline):
        self.sheet, self.report, self.deadline = sheet, report, deadline
        self.rows: set[int] = set()
        self.formulas, self.merged, self.row_number, self.seen = 0, [], 0, 0
        self.cell_ref = ""
        self.in_value = False
        self.value_text: list[str] | None = None  # None: the cell has no <v>
        self.inline = self.formula = False

    def start(self, name: str, attrs: dict) -> None:
        if name == "row":  # a row without its number follows the one before, as in Excel
            number = attrs.get("r")
            self.row_number = int(number) if number and number.isdigit() else self.row_number + 1
            if self.row_number > MAX_ROW_INDEX:
                raise TooLarge(t("工作表“{sheet}”的行号超过 Excel 的上限 {limit:,}", sheet=V(self.sheet),
                                 limit=MAX_ROW_INDEX))
            self.seen += 1
            if self.seen % 4096 == 0:
                self.deadline.check()
        elif name == "c":
            self.cell_ref, self.value_text, self.inline, self.formula = attrs.get("r", ""), None, False, False
        elif name == "v":
            self.in_value = True
            if self.value_text is None:
                self.value_text = []
        elif name == "is":
            self.inline = True
        elif name == "f":
            self.formula = True
        elif name == "mergeCell":
            self.merged.append(attrs.get("ref", ""))

    def text(self, data: str) -> None:
        if self.in_value:
            self.value_text.append(data)

    def end(self, name: str) -> None:
        if name == "v":
            self.in_value = False
        elif name == "c":
            value = "".join(self.value_text) if self.value_text is not None else None
            # as openpyxl reads them: a value with text, or any inline string (an empty one reads as "")
            if value or self.inline:
                self.rows.add(self.row_number)
                if len(self.rows) > MAX_ROWS:
                    raise TooLarge(t("工作表“{sheet}”超过 {limit:,} 行", sheet=V(self.sheet), limit=MAX_ROWS))
            if self.formula and not (value or "").strip():
                self.formulas += 1
                if self.formulas <= 3:
                    ref = self.cell_ref
                    match = re.match(r"([A-Z]+)(\d+)", ref)
                    self.report.error(self.sheet, int(match.group(2)) if match else None, ref,
                                      t("单元格 {ref} 是公式，但文件里没有计算结果", ref=V(ref)),
                                      t("请在 Excel 中打开、按 F9 重新计算并保存，或把公式改成数值（复制 → 选择性粘贴 → 数值）"))


def _local(name: str) -> str:
    """The element's name in the spreadsheet namespace; any other namespace's element is not ours."""
    namespace, _, local = name.rpartition("}")
    return local if namespace == _MAIN[1:-1] else ""


def _rows_holding_values(book: zipfile.ZipFile, member: str, sheet: str, report: Report,
                         deadline: _Deadline) -> set[int]:
    """The numbers of the rows whose XML holds a value, counted independently of the reader, plus what
    values alone hide: a formula Excel never calculated (its value reads as empty) and merged cells
    (only the first cell of a merge holds the value)."""
    counter = _SheetCounter(sheet, report, deadline)
    parser = expat.ParserCreate(namespace_separator="}")
    parser.buffer_text = True
    parser.StartElementHandler = lambda name, attrs: counter.start(_local(name), attrs)
    parser.EndElementHandler = lambda name: counter.end(_local(name))
    parser.CharacterDataHandler = counter.text
    # as defusedxml forbids them: no DTD, no entity declarations, no external entities
    parser.StartDoctypeDeclHandler = _forbid
    parser.EntityDeclHandler = _forbid
    parser.UnparsedEntityDeclHandler = _forbid
    parser.ExternalEntityRefHandler = _forbid
    with book.open(member) as handle:
        while chunk := handle.read(1 << 20):
            deadline.check()
            parser.Parse(chunk, False)
        parser.Parse(b"", True)
    if counter.formulas > 3:
        report.error(sheet, None, None, t("另有 {n} 个公式单元格没有计算结果", n=counter.formulas - 3),
                     t("请在 Excel 中重新计算并保存，或把公式改成数值"))
    if counter.merged:
        report.error(sheet, None, None, t("有合并单元格：{ranges}", ranges=V("、".join(counter.merged[:5]))),
                     t("合并后只有第一个格子有值，其余读作空：请取消合并（开始 → 合并后居中 → 取消合并）并把值填到每一行"))
    return counter.rows


def _read_excel(path: Path, report: Report, deadline: _Deadline) -> dict[str, list[list]] | None:
    """The sheets as rows of values: the package checked part by part, then every row each sheet holds
    (its declared dimension ignored), counted against the rows its XML holds."""
    from openpyxl import load_workbook

    try:
        _check_package(path, deadline)
    except TooLarge as exc:
        _refuse_too_large(report, exc)
        return None
    except NotAWorkbook as exc:
        report.error("", None, None, t("无法作为 Excel 工作簿打开（{kind}）", kind=V(str(exc))),
                     t("请上传用模板填写的 .xlsx 文件；如是 .xls 或 WPS 格式，请另存为“Excel 工作簿（*.xlsx）”后再上传"))
        return None
    except Damaged:
        report.error("", None, None, t("文件设有打开密码（已加密）"),
                     t("请在 Excel 中取消密码（文件 → 信息 → 保护工作簿），另存为“Excel 工作簿（*.xlsx）”后再上传"))
        return None
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, ValueError, OSError) as exc:
        _refuse_damaged(report, type(exc).__name__)
        return None
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 — any failure of the parser is a damaged file, told in Chinese
        report.error("", None, None, t("无法作为 Excel 工作簿打开（{kind}）", kind=V(type(exc).__name__)),
                     t("请上传用模板填写的 .xlsx 文件；如是 .xls 或 WPS 格式，请另存为“Excel 工作簿（*.xlsx）”后再上传"))
        return None
    sheets, cells = {}, 0
    try:
        if len(book.worksheets) > MAX_SHEETS:
            raise TooLarge(t("工作表多达 {n} 张（上限 {limit} 张）", n=len(book.worksheets), limit=MAX_SHEETS))
        with zipfile.ZipFile(path) as package:
            for ws in book.worksheets:
                rows, cells = _read_sheet(ws, cells, deadline)
                member = getattr(ws, "_worksheet_path", None)
                if member:
                    held = _rows_holding_values(package, member, ws.title, report, deadline)
                    read = {number for number, row in enumerate(rows, start=1) if any(v is not None for v in row)}
                    _count_rows(ws.title, read, held, report)
                sheets[ws.title] = rows
    except TooLarge as exc:
        _refuse_too_large(report, exc)
        return None
    except Exception as exc:  # noqa: BLE001 — a damaged sheet (broken XML…): never a traceback with server paths
        _refuse_damaged(report, type(exc).__name__)
        return None
    finally:
        book.close()
    return sheets


def _read_sheet(ws, cells: int, deadline: _Deadline) -> tuple[list[list], int]:
    """Every row of a read-only sheet, trailing blanks trimmed. The declared dimension is dropped first:
    openpyxl would otherwise stop at it and silently leave out the rows past it."""
    ws.reset_dimensions()
    rows: list[list] = []
    pending_empty = 0  # empty rows are added only when a row with values follows them
    filled = 0
    for index, row in enumerate(ws.iter_rows(max_col=MAX_COLUMNS + 1, values_only=True), start=1):
        if index % 4096 == 0:
            deadline.check()
        if index > MAX_ROW_INDEX:
            raise TooLarge(t("工作表“{sheet}”的行号超过 Excel 的上限 {limit:,}", sheet=V(ws.title), limit=MAX_ROW_INDEX))
        values = list(row)
        if len(values) > MAX_COLUMNS and any(not blank(v) for v in values[MAX_COLUMNS:]):
            raise TooLarge(t("工作表“{sheet}”超过 {limit} 列", sheet=V(ws.title), limit=MAX_COLUMNS))
        values = values[:MAX_COLUMNS]
        while values and values[-1] is None:
            values.pop()
        if not values:
            pending_empty += 1
            continue
        for value in values:
            if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
                raise TooLarge(t("工作表“{sheet}”第 {row} 行有一个单元格超过 {limit:,} 个字符", sheet=V(ws.title),
                                 row=index, limit=MAX_CELL_CHARS))
        filled += 1
        if filled > MAX_ROWS:
            raise TooLarge(t("工作表“{sheet}”超过 {limit:,} 行", sheet=V(ws.title), limit=MAX_ROWS))
        cells += len(values)
        if cells > MAX_CELLS:
            raise TooLarge(t("工作簿的单元格超过 {limit:,} 个", limit=MAX_CELLS))
        rows.extend([] for _ in range(pending_empty))
        pending_empty = 0
        rows.append(values)
    return rows, cells


def _count_rows(sheet: str, read: set[int], held: set[int], report: Report) -> None:
    """Every row the sheet holds was read, and nothing else: a difference refuses the file, naming rows
    (counted without the header row)."""
    missing, extra = sorted(held - read), sorted(read - held)
    if missing:
        shown = t("、").join(map(str, missing[:5])) + (t(" 等") if len(missing) > 5 else "")
        report.error(sheet, missing[0], None,
                     t("工作表有 {held:,} 行数据，只读出 {read:,} 行（未读出的行：{rows}）", held=len(held - {1}),
                       read=len((held & read) - {1}), rows=V(shown)),
                     t("请在 Excel 中打开、另存为新的 .xlsx 文件后再上传；如仍出现，请把这几行复制到模板中"))
    elif extra:
        report.error(sheet, extra[0], None, t("读出的行与工作表中的行对不上（多出 {n} 行）", n=len(extra)),
                     t("请在 Excel 中打开、另存为新的 .xlsx 文件后再上传"))


# ---- CSV ----------------------------------------------------------------------------------------

_DELIMITERS = ("\t", ";", ",")  # Excel's "Unicode 文本" is tab-separated UTF-16; some locales use ";"


def _decode(raw: bytes) -> str | None:
    if raw[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        encodings = ("utf-16",)
    else:
        encodings = ("utf-8-sig", "gb18030")
    for encoding in encodings:
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def _delimiter(text: str) -> str:
    """The separator of the header line: the one it holds most of (a comma when it holds none)."""
    header = re.split(r"\r\n|\r|\n", text, maxsplit=1)[0]
    counts = {d: header.count(d) for d in _DELIMITERS}
    best = max(_DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def _read_csv_file(file: Path, report: Report, deadline: _Deadline) -> list[list] | None:
    size = file.stat().st_size
    if size > MAX_BYTES:
        report.error(file.name, None, None, t("文件过大（{size:.1f} MB，上限 {limit} MB）", size=size / 1024 / 1024,
                                              limit=MAX_BYTES // 1024 // 1024), t("请删除无关的行后再导入"))
        return None
    text = _decode(file.read_bytes())
    if text is None:
        report.error(file.name, None, None, t("文件编码无法识别"), t("请用 Excel“另存为 CSV UTF-8”后再导入"))
        return None
    rows: list[list] = []
    # newline="": a line may end in CR LF, LF or a lone CR (old Mac files), and a quoted cell may hold a line break
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    try:
        for row in reader:
            if reader.line_num % 4096 == 0:
                deadline.check()
            if len(rows) >= MAX_ROWS + 1 or len(row) > MAX_COLUMNS:
                report.error(file.name, None, None, t("文件超过 {rows:,} 行或 {cols} 列", rows=MAX_ROWS, cols=MAX_COLUMNS),
                             t("导入模板每张表只需几千行；请删除多余的行和列"))
                return None
            if any(len(cell) > MAX_CELL_CHARS for cell in row):
                report.error(file.name, reader.line_num, None, t("有一个单元格超过 {limit:,} 个字符", limit=MAX_CELL_CHARS),
                             t("请检查这一行是否缺了一个引号（引号不成对时后面的内容会连成一格）"))
                return None
            rows.append([c if c != "" else None for c in row])
    except csv.Error:
        report.error(file.name, reader.line_num or None, None,
                     t("这一行的格式无法读取（单元格过长或引号不成对）"),
                     t("请检查这一行的引号是否成对；或在 Excel 中打开后“另存为 CSV UTF-8”再导入"))
        return None
    return rows


def _sheet_name(stem: str) -> str:
    """The table a CSV file holds: its name, or the part after the last "-" (LibreOffice saves a workbook's
    sheets as "<workbook>-<sheet>.csv")."""
    from ..store.schema import TABLES

    known = {name for table in TABLES for name in (table.sheet, table.name)}
    suffix = stem.rsplit("-", 1)[-1].strip()
    return suffix if stem not in known and suffix in known else stem


def _read_csv_folder(path: Path, report: Report, deadline: _Deadline) -> dict[str, list[list]]:
    sheets = {}
    for entry in sorted(p for p in path.iterdir() if p.suffix.lower() == ".csv"):
        if not entry.is_file():
            report.error(entry.name, None, None, t("“{name}”是文件夹，不是 CSV 文件", name=V(entry.name)),
                         t("请把它改名或移出这个文件夹；每张表应是一个 CSV 文件"))
            continue
        rows = _read_csv_file(entry, report, deadline)
        if rows is not None:
            sheets[_sheet_name(entry.stem)] = rows
    return sheets


def read_source(path: Path, report: Report) -> dict[str, list[list]] | None:
    """The sheets of a workbook or a folder of CSV files, as rows of raw cell values (None, with the
    reason in the report, when the file is refused)."""
    path = Path(path)
    deadline = _Deadline()
    try:
        if path.is_dir():
            sheets = _read_csv_folder(path, report, deadline)
            if not sheets:
                if report.ok:
                    report.error("", None, None, t("文件夹中没有 CSV 文件"),
                                 t("每张表一个 CSV 文件，文件名用表名，如 学校.csv 或 schools.csv"))
                return None
            return sheets
        if not path.is_file():
            report.error("", None, None, t("找不到文件 {path}", path=V(path.name)), t("请检查文件路径"))
            return None
        size = path.stat().st_size
        if size == 0:
            report.error("", None, None, t("文件是空的（0 字节）"), t("请上传填写好的模板文件"))
            return None
        if size > MAX_BYTES:
            report.error("", None, None, t("文件过大（{size:.1f} MB，上限 {limit} MB）", size=size / 1024 / 1024,
                                            limit=MAX_BYTES // 1024 // 1024),
                         t("请删除无关的工作表、图片和格式后再上传"))
            return None
        with open(path, "rb") as handle:
            magic = handle.read(4)
    except TooLarge as exc:
        _refuse_too_large(report, exc)
        return None
    except OSError as exc:
        report.error("", None, None, t("无法读取文件（{kind}）", kind=V(type(exc).__name__)),
                     t("请检查文件是否存在、是否有读取权限，然后重试"))
        return None
    if magic == OLE_MAGIC:
        report.error("", None, None, t("文件设有打开密码，或是旧版 .xls 格式"),
                     t("请在 Excel 中取消密码（文件 → 信息 → 保护工作簿），并另存为“Excel 工作簿（*.xlsx）”后再上传"))
        return None
    if magic != ZIP_MAGIC:
        report.error("", None, None, t("不是 Excel（.xlsx）文件"), t("请上传用模板填写的 .xlsx 文件，或另存为“Excel 工作簿（*.xlsx）”"))
        return None
    return _read_excel(path, report, deadline)
