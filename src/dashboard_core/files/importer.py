"""Import a bureau's statistics: the Excel template, validation with every problem in Chinese, import.

Validation reads the whole workbook and reports all problems at once, each with its sheet, row and
column and how to fix it. Errors stop the import; warnings are shown and do not. An import writes a
new snapshot atomically (see `snapshots`) and never touches an existing one.
"""
from __future__ import annotations

import csv
import io
import math
import re
import zipfile
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd

from ..model.vocabulary import JUNIOR, JUNIOR_SCHOOL, NINE_YEAR_SCHOOL, PRIMARY, PRIMARY_SCHOOL, TEACHING_POINT
from ..present.i18n import Verbatim as V
from ..present.i18n import t
from ..store import facts, snapshots
from ..store.schema import (BOOL, FIELD_SHEET, FLOAT, INT, KNOWN_METRICS, PLAUSIBLE_MAX, STUDENTS_PER_TEACHER_WARN,
                            TABLES, TEXT, TOTALS_TOLERANCE, TYPE_LABELS, Column, Table)
from . import downloads, registers

MAX_BYTES = 5 * 1024 * 1024  # as .streamlit/config.toml's maxUploadSize: a county's workbook is under 1 MB
# Hard caps on what is read, whatever size a sheet declares: a county's workbook has a few thousand rows
# (every class of three years is about 2,000); a file over them is refused, never read to the end.
MAX_ROWS = 100_000  # per sheet
MAX_COLUMNS = 64  # per sheet: the widest template sheet has 11
MAX_CELLS = 2_000_000  # over the whole workbook
MAX_SHEETS = 40
MAX_PROBLEMS = 500  # problems listed; the rest are counted
ERROR, WARNING = "error", "warning"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # an encrypted (password-protected) workbook or an old .xls


LATEST_YEAR = datetime.now(timezone.utc).year + 1  # a year after next cannot have been counted yet


class TooLarge(Exception):
    """A sheet past the caps: reading stops there."""


@dataclass
class Problem:
    level: str
    sheet: str
    row: int | None
    column: str | None
    message: str
    fix: str

    def text(self) -> str:
        where = t("工作表“{sheet}”", sheet=V(self.sheet)) if self.sheet else t("文件")
        if self.row:
            where += t("第 {row} 行", row=self.row)
        if self.column:
            where += t("“{column}”列", column=V(self.column))
        tag = t("错误") if self.level == ERROR else t("提醒")
        return t("【{tag}】{where}：{message}。{fix}", tag=V(tag), where=V(where), message=V(self.message), fix=V(self.fix))

    def as_dict(self) -> dict:
        # sheet and column keep the workbook's own names: they are what the user looks for in the file
        return {"级别": "错误" if self.level == ERROR else "提醒", "工作表": self.sheet, "行": self.row,
                "列": self.column, "问题": self.message, "修改方法": self.fix}


@dataclass
class Report:
    source_name: str
    problems: list[Problem] = field(default_factory=list)
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    unlisted_errors: int = 0  # found past MAX_PROBLEMS: counted, not listed
    unlisted_warnings: int = 0

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.level == ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.level == WARNING]

    @property
    def ok(self) -> bool:
        return not self.errors and not self.unlisted_errors

    def error(self, sheet, row, column, message, fix) -> None:
        if len(self.problems) >= MAX_PROBLEMS:
            self.unlisted_errors += 1
        else:
            self.problems.append(Problem(ERROR, sheet, row, column, message, fix))

    def warn(self, sheet, row, column, message, fix) -> None:
        if len(self.problems) >= MAX_PROBLEMS:
            self.unlisted_warnings += 1
        else:
            self.problems.append(Problem(WARNING, sheet, row, column, message, fix))

    def frame(self) -> pd.DataFrame:
        return pd.DataFrame([p.as_dict() for p in self.problems],
                            columns=["级别", "工作表", "行", "列", "问题", "修改方法"])

    def summary(self) -> str:
        if self.ok:
            if self.warnings:
                return t("{file}：校验通过，有 {n} 条提醒。", file=V(self.source_name), n=len(self.warnings))
            return t("{file}：校验通过。", file=V(self.source_name))
        text = t("{file}：发现 {errors} 个错误、{warnings} 条提醒，未导入。请按提示修改后重新上传。", file=V(self.source_name),
                 errors=len(self.errors) + self.unlisted_errors, warnings=len(self.warnings) + self.unlisted_warnings)
        if self.unlisted_errors or self.unlisted_warnings:
            text += t("只列出前 {n} 条，其余 {rest} 条改正前面的问题后会再显示。", n=MAX_PROBLEMS,
                      rest=self.unlisted_errors + self.unlisted_warnings)
        return text


# ---- reading --------------------------------------------------------------------------------

_UNIT_SUFFIX = re.compile(r"[（(][^）)]*[）)]$")


def _normalise(header) -> str:
    text = "" if header is None else str(header)
    text = re.sub(r"\s+", "", text)
    return _UNIT_SUFFIX.sub("", text).lower()


def _sheet_for(table: Table, names: list[str]) -> str | None:
    wanted = {_normalise(table.sheet), _normalise(table.name)}
    return next((n for n in names if _normalise(n) in wanted), None)


def _read_excel(path: Path, report: Report) -> dict[str, list[list]] | None:
    """The sheets as rows of values, streamed and capped: a sheet's declared size is never trusted
    (a 24 KB file may declare a million rows by 16,384 columns)."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, SyntaxError) as exc:
        report.error("", None, None, t("无法作为 Excel 工作簿打开（{kind}）", kind=type(exc).__name__),
                     t("请上传用模板填写的 .xlsx 文件；如是 .xls 或 WPS 格式，请另存为“Excel 工作簿（*.xlsx）”后再上传"))
        return None
    sheets, cells = {}, 0
    try:
        if len(book.worksheets) > MAX_SHEETS:
            raise TooLarge(t("工作表多达 {n} 张（上限 {limit} 张）", n=len(book.worksheets), limit=MAX_SHEETS))
        for ws in book.worksheets:
            rows = []
            for row in ws.iter_rows(max_col=MAX_COLUMNS + 1, values_only=True):
                if len(rows) >= MAX_ROWS + 1:
                    raise TooLarge(t("工作表“{sheet}”超过 {limit:,} 行", sheet=V(ws.title), limit=MAX_ROWS))
                values = list(row)
                if len(values) > MAX_COLUMNS and any(not _blank(v) for v in values[MAX_COLUMNS:]):
                    raise TooLarge(t("工作表“{sheet}”超过 {limit} 列", sheet=V(ws.title), limit=MAX_COLUMNS))
                values = values[:MAX_COLUMNS]
                while values and _blank(values[-1]):
                    values.pop()
                cells += len(values)
                if cells > MAX_CELLS:
                    raise TooLarge(t("工作簿的单元格超过 {limit:,} 个", limit=MAX_CELLS))
                rows.append(values)
            while rows and not rows[-1]:
                rows.pop()
            sheets[ws.title] = rows
            _formulas_and_merges(path, getattr(ws, "_worksheet_path", None), ws.title, report)
    except TooLarge as exc:
        report.error("", None, None, str(exc), t("导入模板每张表只需几千行；请删除多余的行、列和工作表后再上传"))
        return None
    except Exception as exc:  # a damaged sheet (e.g. broken XML): never a traceback with server paths
        report.error("", None, None, t("文件已损坏，无法读取（{kind}）", kind=type(exc).__name__),
                     t("请在 Excel 中打开并另存为新的 .xlsx 文件后再上传"))
        return None
    finally:
        book.close()
    return sheets


_CELL_REF = re.compile(r"([A-Z]+)(\d+)")


def _formulas_and_merges(path: Path, member: str | None, sheet: str, report: Report) -> None:
    """What the values alone hide: a formula Excel never calculated (its value reads as empty) and
    merged cells (only the first cell of a merge holds the value). Streamed over the sheet's XML,
    so it costs what the read did, and only looks for these two things."""
    from xml.etree.ElementTree import iterparse

    if not member:
        return
    namespace = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    try:
        with zipfile.ZipFile(path) as book, book.open(member) as handle:
            formulas, merged = 0, []
            for _, element in iterparse(handle):
                tag = element.tag
                if tag == namespace + "c":
                    value = element.find(namespace + "v")
                    if element.find(namespace + "f") is not None and (value is None or not (value.text or "").strip()):
                        formulas += 1
                        if formulas <= 3:
                            ref = element.get("r", "")
                            match = _CELL_REF.match(ref)
                            report.error(sheet, int(match.group(2)) if match else None, ref,
                                         t("单元格 {ref} 是公式，但文件里没有计算结果", ref=V(ref)),
                                         t("请在 Excel 中打开、按 F9 重新计算并保存，或把公式改成数值（复制 → 选择性粘贴 → 数值）"))
                    element.clear()
                elif tag == namespace + "mergeCell":
                    merged.append(element.get("ref", ""))
            if formulas > 3:
                report.error(sheet, None, None, t("另有 {n} 个公式单元格没有计算结果", n=formulas - 3),
                             t("请在 Excel 中重新计算并保存，或把公式改成数值"))
            if merged:
                report.error(sheet, None, None, t("有合并单元格：{ranges}", ranges=V("、".join(merged[:5]))),
                             t("合并后只有第一个格子有值，其余读作空：请取消合并（开始 → 合并后居中 → 取消合并）并把值填到每一行"))
    except (KeyError, zipfile.BadZipFile, SyntaxError):
        return  # a damaged member is reported by the read itself


def _read_csv_folder(path: Path, report: Report) -> dict[str, list[list]]:
    sheets = {}
    for file in sorted(p for p in path.iterdir() if p.suffix.lower() == ".csv"):
        if file.stat().st_size > MAX_BYTES:
            report.error(file.name, None, None, t("文件过大（{size:.1f} MB，上限 {limit} MB）", size=file.stat().st_size / 1024 / 1024,
                                                  limit=MAX_BYTES // 1024 // 1024), t("请删除无关的行后再导入"))
            continue
        raw = file.read_bytes()
        encodings = ("utf-16",) if raw[:2] in (b"\xff\xfe", b"\xfe\xff") else ("utf-8-sig", "gb18030")
        for encoding in encodings:
            try:
                text = raw.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        else:
            report.error(file.name, None, None, t("文件编码无法识别"), t("请用 Excel“另存为 CSV UTF-8”后再导入"))
            continue
        delimiter = ";" if text.split("\n", 1)[0].count(";") > text.split("\n", 1)[0].count(",") else ","
        rows = []
        for row in csv.reader(io.StringIO(text), delimiter=delimiter):
            if len(rows) > MAX_ROWS or len(row) > MAX_COLUMNS:
                report.error(file.name, None, None, t("文件超过 {rows:,} 行或 {cols} 列", rows=MAX_ROWS, cols=MAX_COLUMNS),
                             t("导入模板每张表只需几千行；请删除多余的行和列"))
                rows = None
                break
            rows.append([c if c != "" else None for c in row])
        if rows is not None:
            sheets[file.stem] = rows
    return sheets


def read_source(path: Path, report: Report) -> dict[str, list[list]] | None:
    """The sheets of a workbook or a folder of CSV files, as rows of raw cell values."""
    path = Path(path)
    if path.is_dir():
        sheets = _read_csv_folder(path, report)
        if not sheets:
            report.error("", None, None, t("文件夹中没有 CSV 文件"), t("每张表一个 CSV 文件，文件名用表名，如 学校.csv 或 schools.csv"))
            return None
        return sheets
    if not path.is_file():
        report.error("", None, None, t("找不到文件 {path}", path=V(str(path))), t("请检查文件路径"))
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
    if magic == OLE_MAGIC:
        report.error("", None, None, t("文件设有打开密码，或是旧版 .xls 格式"),
                     t("请在 Excel 中取消密码（文件 → 信息 → 保护工作簿），并另存为“Excel 工作簿（*.xlsx）”后再上传"))
        return None
    if magic != b"PK\x03\x04":
        report.error("", None, None, t("不是 Excel（.xlsx）文件"), t("请上传用模板填写的 .xlsx 文件，或另存为“Excel 工作簿（*.xlsx）”"))
        return None
    return _read_excel(path, report)


# ---- cell parsing ---------------------------------------------------------------------------

def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and value.strip() == "") or (isinstance(value, float) and math.isnan(value))


def _fill_in(col: Column) -> str:
    return t("请填写{kind}，例如 {example}", kind=TYPE_LABELS[col.kind], example=V(str(col.example)))


_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
_CONTROL = re.compile("[\x00-\x1f\x7f]")
FORMULA_START = ("=", "+", "-", "@")  # a cell Excel (or a CSV reader) would run as a formula
_MARKUP = re.compile(r"[\[\]#*`|$<>{}\\~]")  # never in a school or township name; would be read as formatting


def _visible(text: str) -> tuple[str, bool]:
    cleaned = _INVISIBLE.sub("", text)
    return cleaned, cleaned != text


def _parse(value, col: Column):
    """(parsed value, problem message or None, fix)."""
    if col.kind == TEXT:
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        text = str(value).strip()
        if _CONTROL.search(text):
            return None, t("含有换行或控制字符"), t("请把内容写在一行里，删除换行")
        if text.startswith(FORMULA_START):
            return None, t("以“{first}”开头，下载成 Excel 时会被当作公式", first=V(text[0])), \
                t("请删除开头的“{first}”", first=V(text[0]))
        if col.name.endswith("_name") and _MARKUP.search(text):
            return None, t("含有符号“{char}”", char=V(_MARKUP.search(text).group(0))), \
                t("名称中不能有 [ ] # * ` | $ < > {{ }} \\ ~ 这些符号，请删除")
        if col.name.endswith("code") and re.fullmatch(r"\d+(\.\d+)?[eE][+]?\d+", text):
            return None, t("“{value}”是科学计数法，代码已丢失位数", value=V(text)), \
                t("请把这一列设为“文本”格式后重新输入完整代码，例如 654022100")
        return text, None, ""
    if col.kind == BOOL:
        text = str(value).strip().lower()
        if text in ("是", "true", "1", "y", "yes", "停办"):
            return True, None, ""
        if text in ("否", "false", "0", "n", "no"):
            return False, None, ""
        return None, t("“{value}”不是“是”或“否”", value=V(str(value))), t("请填写“是”或“否”，或留空表示否")
    if isinstance(value, bool):
        return None, t("“{value}”不是数字", value=V(str(value))), _fill_in(col)
    if isinstance(value, (int, float)):
        number = float(value)
    else:
        text = str(value).strip().replace(",", "").replace("，", "")
        try:
            number = float(text)
        except ValueError:
            fix = (t("请只填写数字，单位为{unit}，例如 {example}；不要带单位或文字", unit=col.unit, example=V(str(col.example)))
                   if col.unit else t("请只填写数字，例如 {example}；不要带单位或文字", example=V(str(col.example))))
            return None, t("“{value}”不是数字", value=V(str(value))), fix
    if math.isnan(number) or math.isinf(number):
        return None, t("“{value}”不是有效数字", value=V(str(value))), _fill_in(col)
    if abs(number) >= 1e15:
        return None, t("数值过大（{value}）", value=V(str(value))), t("请检查是否多填了位数或粘贴了其他内容")
    if col.name == "year" and not 1990 <= number <= LATEST_YEAR:
        return None, t("年份“{value}”不合理", value=V(str(value))), t("请填写四位数的统计年度，例如 2025")
    if number < 0 and not col.signed:
        return None, t("不能为负数（{value}）", value=V(str(value))), t("请检查是否录入错误，人数、面积、金额都应为 0 或正数")
    if col.kind == INT:
        if not float(number).is_integer():
            return None, t("须为整数（{value}）", value=V(str(value))), t("“{header}”是计数，请填写整数，例如 {example}",
                                                                      header=V(col.header), example=V(str(col.example)))
        return int(number), None, ""
    return number, None, ""


def _parse_sheet(table: Table, rows: list[list], sheet: str, report: Report) -> pd.DataFrame | None:
    """The sheet's rows typed by the table's columns; every problem found goes into the report. A
    register (an optional table) may be left empty: the items it judges then show as no data."""
    if not rows or all(_blank(c) for c in rows[0]):
        report.error(sheet, 1, None, t("第一行没有表头"), t("请从模板复制“{sheet}”表的表头行", sheet=V(table.sheet)))
        return None
    known = {_normalise(c.header) for c in table.columns} | {_normalise(c.name) for c in table.columns}
    if (len(rows) > 1 and not any(_normalise(h) in known for h in rows[0])
            and sum(_normalise(h) in known for h in rows[1]) >= 2):
        report.error(sheet, 1, None, t("第一行不是表头（像是标题行），表头在第二行"),
                     t("请删除表头上方的标题行，让第一行就是表头"))
        return None
    headers = [_normalise(h) for h in rows[0]]
    positions = {}
    for col in table.columns:
        names = {_normalise(col.header), _normalise(col.name)}
        found = [i for i, h in enumerate(headers) if h in names]
        if len(found) > 1:
            report.error(sheet, 1, col.header, t("表头“{header}”出现了 {n} 次", header=V(col.header), n=len(found)),
                         t("每一列只能出现一次：请删除重复的列（保留正确的一列）"))
        if found:
            positions[col.name] = found[0]
            unit = _UNIT_SUFFIX.search(re.sub(r"\s+", "", str(rows[0][found[0]])))
            written = unit.group(0)[1:-1] if unit else ""
            if written and col.unit and written != col.unit:
                report.error(sheet, 1, col.header, t("表头单位是“{written}”，模板要求“{unit}”", written=V(written),
                                                     unit=col.unit),
                             t("请把这一列换算成{unit}后填写，并把表头改回“{header}”", unit=col.unit,
                               header=V(col.template_header)))
        elif col.required:
            report.error(sheet, 1, col.header, t("缺少“{header}”列（英文名 {name}）", header=V(col.template_header),
                                                 name=col.name),
                         t("请在表头行加上“{header}”列；表头可用中文或英文，见“{fields}”表", header=V(col.header),
                           fields=V(FIELD_SHEET)))
    for i, h in enumerate(rows[0]):
        if not _blank(h) and _normalise(h) not in known:
            report.warn(sheet, 1, str(h), t("这一列不是模板中的列，导入时将忽略"),
                        t("如是拼写错误，请改成“{fields}”表中的列名", fields=V(FIELD_SHEET)))
    if any(len([i for i, h in enumerate(headers) if h in {_normalise(c.header), _normalise(c.name)}]) > 1
           for c in table.columns):
        return None
    if any(c.required and c.name not in positions for c in table.columns):
        return None
    records = []
    for number, row in enumerate(rows[1:], start=2):
        if all(_blank(c) for c in row):
            continue
        record = {"_row": number}
        for col in table.columns:
            if col.name not in positions:
                record[col.name] = None
                continue
            i = positions[col.name]
            value = row[i] if i < len(row) else None
            if _blank(value):
                if col.required:
                    report.error(sheet, number, col.header, t("不能为空"), _fill_in(col))
                record[col.name] = None
                continue
            if col.kind == TEXT and isinstance(value, str):
                value, hidden = _visible(value)
                if hidden:
                    report.warn(sheet, number, col.header, t("含有看不见的字符（零宽或左右方向控制符），已去除"),
                                t("这类字符会让两个看似相同的值不相等或让文字倒序显示；请核对此格"))
            parsed, message, fix = _parse(value, col)
            if message:
                report.error(sheet, number, col.header, message, fix)
            elif col.choices and parsed not in col.choices:
                report.error(sheet, number, col.header, t("“{value}”不在可选值中", value=V(str(parsed))),
                             t("只能填写：{choices}", choices=V("、".join(f"“{c}”" for c in col.choices))))
                parsed = None
            record[col.name] = parsed
        records.append(record)
    frame = pd.DataFrame(records, columns=["_row"] + [c.name for c in table.columns])
    if frame.empty and not table.optional:
        report.error(sheet, 2, None, t("这张表没有数据行"), t("请在表头下方填写数据（见“{fields}”表中的示例）", fields=V(FIELD_SHEET)))
    return frame


# ---- checks across rows and tables ----------------------------------------------------------

def _check_unique(table: Table, frame: pd.DataFrame, report: Report) -> None:
    keyed = frame.dropna(subset=list(table.key))
    dup = keyed[keyed.duplicated(list(table.key), keep=False)]
    for _, group in dup.groupby(list(table.key), sort=False):
        rows = group["_row"].tolist()
        key = "、".join(str(group.iloc[0][k]) for k in table.key)
        headers = "+".join(table.column(k).header for k in table.key)
        report.error(table.sheet, rows[1], headers, t("“{key}”重复出现（第 {rows} 行）", key=V(key),
                                                      rows=t("、").join(map(str, rows))),
                     t("每个编号（或编号与年份、学段的组合）只能出现一次，请删除或合并重复的行"))


def _check_references(frames: dict, report: Report) -> None:
    towns, schools = frames.get("townships"), frames.get("schools")
    if towns is not None and schools is not None:
        known = set(towns["township_code"].dropna())
        for _, r in schools[schools["township_code"].notna() & ~schools["township_code"].isin(known)].iterrows():
            report.error("学校", r["_row"], "乡镇代码", t("乡镇代码“{code}”不在“乡镇”表中", code=V(str(r["township_code"]))),
                         t("请改成“乡镇”表中已有的代码，或先在“乡镇”表中补上这个乡镇"))
    if schools is None:
        return
    ids = set(schools["school_id"].dropna())
    _check_parents(schools, report)
    for table in TABLES:
        frame = frames.get(table.name)
        if frame is None or table.name == "schools":
            continue
        for column in (c for c in table.columns if c.name.endswith("school_id")):
            for _, r in frame[frame[column.name].notna() & ~frame[column.name].isin(ids)].iterrows():
                report.error(table.sheet, r["_row"], column.header,
                             t("学校编号“{id}”不在“学校”表中", id=V(str(r[column.name]))),
                             t("请核对编号，或先在“学校”表中补上这所学校"))


def _check_parents(schools: pd.DataFrame, report: Report) -> None:
    """A teaching point names the central school that runs it (its figures are counted with it)."""
    kinds = schools.dropna(subset=["school_id"]).drop_duplicates("school_id").set_index("school_id")["school_type"]
    for _, r in schools.iterrows():
        parent = r.get("parent_school_id")
        parent = None if parent is None or pd.isna(parent) or str(parent).strip() == "" else str(parent).strip()
        if r["school_type"] == TEACHING_POINT:
            if parent is None:
                report.error("学校", r["_row"], "所属中心校编号", t("教学点“{name}”没有填写所属中心校编号", name=V(str(r["school_name"]))),
                             t("请填写管理这个教学点的中心校（小学或九年一贯制学校）的学校编号"))
            elif parent not in kinds.index:
                report.error("学校", r["_row"], "所属中心校编号", t("所属中心校编号“{id}”不在“学校”表中", id=V(parent)),
                             t("请核对编号，或先在“学校”表中补上这所中心校"))
            elif kinds[parent] not in (PRIMARY_SCHOOL, NINE_YEAR_SCHOOL):
                report.error("学校", r["_row"], "所属中心校编号",
                             t("所属中心校“{id}”是{kind}，不能管理教学点", id=V(parent), kind=str(kinds[parent])),
                             t("请填写一所小学或九年一贯制学校的编号"))
        elif parent is not None:
            report.warn("学校", r["_row"], "所属中心校编号", t("只有教学点需要填写所属中心校，这一行的编号将被忽略"),
                        t("如这所学校确是教学点，请把学校类型改为“教学点”；否则请清空此格"))


def _check_limits(frames: dict, report: Report) -> None:
    """Values past what any real school has (schema.PLAUSIBLE_MAX), students without teachers, and
    a school's rows present in one yearly table and missing from the other."""
    for (table_name, column), (most, what) in PLAUSIBLE_MAX.items():
        frame = frames.get(table_name)
        if frame is None:
            continue
        table = next(tb for tb in TABLES if tb.name == table_name)
        header = table.column(column).header
        for _, r in frame[frame[column].notna() & (frame[column] > most)].iterrows():
            report.error(table.sheet, r["_row"], header, t("{n:,.0f} 超过合理上限（{what}）", n=r[column], what=what),
                         t("请核对是否多填了位数、把万当作个，或粘贴到了错误的列"))
    stage = frames.get("school_stage_year")
    if stage is not None:
        for _, r in stage.iterrows():
            if pd.isna(r["students"]) or pd.isna(r["full_time_teachers"]) or not r["students"]:
                continue
            if r["full_time_teachers"] == 0:
                report.error("学校分学段数据", r["_row"], "专任教师数", t("有 {n:,} 名学生却没有专任教师", n=int(r["students"])),
                             t("请填写该学段的专任教师数"))
            elif r["students"] / r["full_time_teachers"] > STUDENTS_PER_TEACHER_WARN:
                report.warn("学校分学段数据", r["_row"], "专任教师数",
                            t("每名专任教师 {n:.0f} 名学生，明显偏多", n=r["students"] / r["full_time_teachers"]),
                            t("请核对学生数和专任教师数"))
    school_year = frames.get("school_year")
    if stage is not None and school_year is not None:
        parts = set(zip(stage["school_id"], stage["year"]))
        yearly = set(zip(school_year["school_id"], school_year["year"]))
        for school, year in sorted(parts - yearly, key=str)[:50]:
            report.error("学校年度数据", None, "学校编号", t("学校“{id}”{year} 年有分学段数据，但没有年度数据",
                                                           id=V(str(school)), year=year),
                         t("请在“学校年度数据”表补上这所学校这一年的一行（校舍、场馆、设备等）"))
        for school, year in sorted(yearly - parts, key=str)[:50]:
            report.error("学校分学段数据", None, "学校编号", t("学校“{id}”{year} 年有年度数据，但没有分学段数据",
                                                             id=V(str(school)), year=year),
                         t("请在“学校分学段数据”表补上这所学校这一年各学段的行（学生、教师等）"))
    county = frames.get("county_year")
    if county is not None:
        for _, r in county.iterrows():
            if isinstance(r["metric"], str) and r["metric"] not in KNOWN_METRICS:
                report.warn("县级年度指标", r["_row"], "指标", t("指标名“{metric}”看板不认识，不会用到", metric=V(r["metric"])),
                            t("请核对拼写；可用的指标名见“字段说明”表和数据说明（如 rotation_rate、students_total）"))
        if stage is not None:
            sums = stage.groupby("year")["students"].sum()
            totals = county[county["metric"] == "students_total"]
            for _, r in totals.iterrows():
                counted = sums.get(r["year"])
                if counted and r["value"] and abs(counted - r["value"]) > TOTALS_TOLERANCE * r["value"]:
                    report.warn("县级年度指标", r["_row"], "数值",
                                t("{year} 年全县在校生 {total:,.0f} 人，各校合计 {counted:,.0f} 人，相差超过 1%",
                                  year=int(r["year"]), total=r["value"], counted=counted),
                                t("请核对是否漏填了学校，或县级合计是否有误"))


def _check_plausibility(frames: dict, report: Report) -> None:
    schools, stage, year = frames.get("schools"), frames.get("school_stage_year"), frames.get("school_year")
    if schools is None or stage is None:
        return
    info = schools.dropna(subset=["school_id"]).drop_duplicates("school_id").set_index("school_id")
    sheet = "学校分学段数据"
    for _, r in stage.iterrows():
        if r["school_id"] not in info.index or pd.isna(r["stage"]):
            continue
        kind = info.loc[r["school_id"], "school_type"]
        closed = bool(info.loc[r["school_id"], "closed"]) if pd.notna(info.loc[r["school_id"], "closed"]) else False
        name = info.loc[r["school_id"], "school_name"]
        students = r["students"]
        if kind in (PRIMARY_SCHOOL, TEACHING_POINT) and r["stage"] == JUNIOR and pd.notna(students) and students > 0:
            report.error(sheet, r["_row"], "学段", t("“{name}”是{kind}，不应有初中学生", name=V(str(name)), kind=kind),
                         t("请把学段改为“小学”，或在“学校”表中把学校类型改为九年一贯制学校"))
        if kind == JUNIOR_SCHOOL and r["stage"] == PRIMARY and pd.notna(students) and students > 0:
            report.error(sheet, r["_row"], "学段", t("“{name}”是初级中学，不应有小学学生", name=V(str(name))),
                         t("请把学段改为“初中”，或在“学校”表中修改学校类型"))
        if pd.notna(students) and students == 0 and not closed:
            report.error(sheet, r["_row"], "在校学生数", t("“{name}”在校学生数为 0", name=V(str(name))),
                         t("如学校已停办，请在“学校”表“是否停办”填“是”；否则请填写实际学生数"))
        if pd.notna(students) and pd.notna(r["classes"]):
            if students > 0 and r["classes"] == 0:
                report.error(sheet, r["_row"], "班级数", t("有学生但班级数为 0"), t("请填写实际班级数"))
            elif r["classes"] > 0 and students / r["classes"] > 100:
                report.error(sheet, r["_row"], "班级数", t("平均每班 {n:.0f} 人，超过 100 人", n=students / r["classes"]),
                             t("请核对学生数和班级数是否填反或多填了一位"))
        for col in ("teachers_above_degree", "backbone_teachers", "pe_art_teachers"):
            if pd.notna(r[col]) and pd.notna(r["full_time_teachers"]) and r[col] > r["full_time_teachers"]:
                header = next(c.header for c in TABLES[2].columns if c.name == col)
                report.error(sheet, r["_row"], header, t("“{header}”（{n}）多于专任教师数（{teachers}）", header=V(header),
                                                         n=r[col], teachers=r["full_time_teachers"]),
                             t("这些教师都包含在专任教师中，请核对"))
    if year is None:
        return
    teachers = stage.groupby(["school_id", "year"])["full_time_teachers"].sum()
    students = stage.groupby(["school_id", "year"])["students"].sum()
    sheet = "学校年度数据"
    for _, r in year.iterrows():
        key = (r["school_id"], r["year"])
        if key in teachers.index and pd.notna(r["staff"]) and teachers[key] > r["staff"]:
            report.error(sheet, r["_row"], "教职工数", t("专任教师合计 {teachers} 人，多于教职工数 {staff} 人",
                                                         teachers=int(teachers[key]), staff=int(r["staff"])),
                         t("教职工数应包含专任教师，请核对"))
        if pd.notna(r["exchange_teachers"]) and pd.notna(r["exchange_eligible_teachers"]) and r["exchange_teachers"] > r["exchange_eligible_teachers"]:
            report.error(sheet, r["_row"], "交流轮岗教师数", t("交流轮岗教师多于符合交流条件的教师"), t("请核对这两列"))
        if pd.notna(r["exchange_backbone_teachers"]) and pd.notna(r["exchange_teachers"]) and r["exchange_backbone_teachers"] > r["exchange_teachers"]:
            report.error(sheet, r["_row"], "交流轮岗骨干教师数", t("交流轮岗骨干教师多于交流轮岗教师"),
                         t("骨干教师包含在交流轮岗教师中，请核对"))
        n = students.get(key)
        if n and n > 0:
            per_equipment = r["equipment_value_yuan"] / n if pd.notna(r["equipment_value_yuan"]) else None
            if per_equipment is not None and per_equipment < 50:
                report.warn(sheet, r["_row"], "教学仪器设备值", t("生均仅 {n:.2f} 元，像是按“万元”填写的", n=per_equipment),
                            t("本列单位是“元”；如填的是万元，请乘以 10000"))
            per_area = r["teaching_area_m2"] / n if pd.notna(r["teaching_area_m2"]) else None
            if per_area is not None and per_area > 100:
                report.warn(sheet, r["_row"], "教学及辅助用房面积", t("生均 {n:.0f} ㎡，明显偏大", n=per_area),
                            t("本列单位是“㎡”；请核对是否多填了位数"))
            if per_area is not None and 0 < per_area < 0.1:
                report.warn(sheet, r["_row"], "教学及辅助用房面积", t("生均仅 {n:.3f} ㎡，像是按“万㎡”填写的", n=per_area),
                            t("本列单位是“㎡”；如填的是万㎡，请乘以 10000"))
    county = frames.get("county_year")
    if county is not None:
        for _, r in county.iterrows():
            if r["unit"] == "元" and pd.notna(r["value"]) and str(r["metric"]).startswith("per_student") and r["value"] < 100:
                report.warn("县级年度指标", r["_row"], "数值", t("生均支出只有 {n} 元，像是按“万元”填写的", n=r["value"]),
                            t("“单位”为元时请填写元；或把单位改为万元"))
            if r["unit"] == "亿元" and pd.notna(r["value"]) and r["value"] > 1000:
                report.warn("县级年度指标", r["_row"], "数值", t("{n} 亿元明显偏大，像是按“万元”填写的", n=r["value"]),
                            t("请核对单位列与数值是否一致"))


# ---- typed tables for the snapshot ----------------------------------------------------------

def _typed(table: Table, frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.drop(columns="_row").copy()
    for col in table.columns:
        if col.kind == INT:
            out[col.name] = out[col.name].fillna(0).astype("int64")
        elif col.kind == FLOAT:
            out[col.name] = out[col.name].astype("float64")
        elif col.kind == BOOL:
            out[col.name] = out[col.name].fillna(False).astype(bool)
        else:
            out[col.name] = out[col.name].astype("string").fillna("").astype(object)
    if table.name == "schools":
        out["name_is_example"] = False
        out["parent_school_id"] = [p if kind == TEACHING_POINT and p else None
                                   for p, kind in zip(out["parent_school_id"], out["school_type"])]
        out = out[["school_id", "school_name", "township_code", "school_type", "urban_rural", "parent_school_id",
                   "name_is_example", "closed"]]
    if table.name == "county_year":
        out["source"] = [s if s else "导入" for s in out["source"]]
    return out.reset_index(drop=True)


def validate(path: Path, source_name: str | None = None) -> Report:
    """Read and check a workbook or CSV folder; the report holds every problem found."""
    report = Report(source_name or Path(path).name)
    sheets = read_source(Path(path), report)
    if sheets is None:
        return report
    frames = {}
    for table in TABLES:
        sheet = _sheet_for(table, list(sheets))
        if sheet is None:
            if not table.optional:
                report.error(table.sheet, None, None, t("缺少工作表“{sheet}”（英文名 {name}）", sheet=V(table.sheet),
                                                       name=table.name),
                             t("请使用导入模板，不要删除或改名其中的工作表"))
            continue
        frame = _parse_sheet(table, sheets[sheet], table.sheet, report)
        if frame is not None:
            _check_unique(table, frame, report)
            frames[table.name] = frame
    _check_references(frames, report)
    _check_plausibility(frames, report)
    _check_limits(frames, report)
    registers.check(frames, report)
    if report.ok:
        report.tables = {table.name: _typed(table, frames[table.name]) for table in TABLES
                         if not table.optional or (table.name in frames and len(frames[table.name]))}
    return report


def import_file(path: Path, data_root: Path, snapshot_id: str | None = None,
                source_name: str | None = None) -> tuple[Report, snapshots.Snapshot | None]:
    """Validate, then write a new snapshot; on any error nothing is written."""
    report = validate(path, source_name)
    return report, write_report(report, data_root, snapshot_id)


def write_report(report: Report, data_root: Path, snapshot_id: str | None = None) -> snapshots.Snapshot | None:
    """A validated workbook written as a new snapshot (the page validates once and imports what it
    validated). None when the report has errors; a free id is found when two imports meet."""
    if not report.ok or not report.tables:
        return None
    tables = dict(report.tables)
    tables["report_facts"] = facts.report_facts_frame()
    for attempt in range(20):
        stamp = datetime.now(timezone.utc)
        chosen = snapshot_id or _free_id(data_root, "import-" + stamp.strftime("%Y%m%d-%H%M%S"))
        try:
            return snapshots.write_snapshot(data_root, chosen, tables, source=f"导入：{report.source_name}", demo=False,
                                            created_at=stamp.replace(microsecond=0).isoformat())
        except snapshots.SnapshotError as exc:
            if exc.code != "exists" or snapshot_id is not None:
                raise
    raise snapshots.SnapshotError("exists", snapshot_id=snapshot_id or "import")


def _free_id(data_root: Path, base: str) -> str:
    snapshot_id, n = base, 1
    while (snapshots.snapshots_dir(data_root) / snapshot_id).exists():
        n += 1
        snapshot_id = f"{base}-{n}"
    return snapshot_id


def replace_table(snapshot: snapshots.Snapshot, data_root: Path, table_name: str, frame: pd.DataFrame,
                  snapshot_id: str | None = None) -> tuple[Report, snapshots.Snapshot | None]:
    """A new snapshot that is `snapshot` with one table replaced (an evidence register edited on the
    data page), through the same checks as an import; the snapshot edited is never changed."""
    table = next(t for t in TABLES if t.name == table_name)
    report = Report(table.sheet)
    rows = [[c.header for c in table.columns]]
    rows += [[None if pd.isna(v) or v == "" else v for v in (r.get(c.name) for c in table.columns)]
             for r in frame.to_dict("records")]
    parsed = _parse_sheet(table, rows, table.sheet, report)
    if parsed is None:
        return report, None
    _check_unique(table, parsed, report)
    current = snapshots.read_tables(snapshot)
    frames = {name: value.assign(_row=range(2, len(value) + 2)) for name, value in current.items() if name != table_name}
    frames[table_name] = parsed
    _check_references(frames, report)
    registers.check({table_name: parsed, "school_stage_year": frames.get("school_stage_year")}, report)
    if not report.ok:
        return report, None
    tables = dict(current)
    tables[table_name] = _typed(table, parsed)
    stamp = datetime.now(timezone.utc)
    if snapshot_id is None:
        base = f"{table_name}-" + stamp.strftime("%Y%m%d-%H%M%S")
        snapshot_id, n = base, 1
        while (snapshots.snapshots_dir(data_root) / snapshot_id).exists():
            n += 1
            snapshot_id = f"{base}-{n}"
    snap = snapshots.write_snapshot(data_root, snapshot_id, tables,
                                    source=f"{snapshot.source}；{table.sheet}修改（基于 {snapshot.snapshot_id}）",
                                    demo=snapshot.demo, created_at=stamp.replace(microsecond=0).isoformat())
    report.tables = {table_name: tables[table_name]}
    return report, snap


# ---- the template ----------------------------------------------------------------------------

def write_workbook(path_or_buffer, tables: dict[str, pd.DataFrame] | None = None) -> None:
    """The import template: one sheet per table with Chinese headers, plus a sheet describing every
    field. With `tables`, the sheets are filled with those rows (a snapshot exported for editing);
    without, the sheets hold headers only: examples live in the field sheet, so a blank template
    never imports as a one-school snapshot."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    book = Workbook()
    book.remove(book.active)
    head_font = Font(bold=True, color="FFFFFF")
    head_fill = PatternFill("solid", fgColor="1F4E8C")
    for table in TABLES:
        ws = book.create_sheet(table.sheet)
        ws.append([c.template_header for c in table.columns])
        for cell in ws[1]:
            cell.font, cell.fill = head_font, head_fill
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        if tables is not None and table.name in tables:
            frame = tables[table.name]
            downloads.write_rows(ws, ([_excel_value(getattr(row, c.name, None), c) for c in table.columns]
                                      for row in frame.itertuples(index=False)))
        for i, col in enumerate(table.columns, start=1):
            ws.column_dimensions[ws.cell(1, i).column_letter].width = max(12, len(col.template_header) * 2 + 2)
        ws.freeze_panes = "A2"
    ws = book.create_sheet(FIELD_SHEET)
    ws.append(["工作表", "表名（英文）", "列名（中文）", "列名（英文）", "类型", "单位", "必填", "可选值", "说明", "示例"])
    for cell in ws[1]:
        cell.font, cell.fill = head_font, head_fill
    for table in TABLES:
        for col in table.columns:
            ws.append([table.sheet, table.name, col.header, col.name, TYPE_LABELS[col.kind], col.unit or "—",
                       "是" if col.required else "否", "、".join(col.choices), col.description,
                       _excel_value(col.example, col)])
    ws.append([])
    ws.append(["说明：表头可以用中文或英文列名；单位写在表头括号里的可保留。每张表的第一行是表头，从第二行起填数据。"
               "学校统计时点为当年 9 月 1 日。“示例”一列只是填写示范，数据表中不要照抄。导入不会修改已有数据，而是生成一个新的数据快照。"])
    for letter, width in zip("ABCDEFGHIJ", (16, 18, 20, 26, 8, 8, 6, 26, 44, 16)):
        ws.column_dimensions[letter].width = width
    book.save(path_or_buffer)


def _excel_value(value, col: Column):
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if col.kind == BOOL:
        return "是" if value in (True, "是") else "否"
    if hasattr(value, "item"):
        value = value.item()
    return value


def template_bytes(tables: dict[str, pd.DataFrame] | None = None) -> bytes:
    buffer = io.BytesIO()
    write_workbook(buffer, tables)
    return buffer.getvalue()
