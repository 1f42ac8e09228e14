"""Cells typed by the schema: each value parsed for its column, each problem named with how to fix it."""
from __future__ import annotations

import math
import re
from datetime import date, datetime, timezone

import pandas as pd

from ..present.i18n import Verbatim as V
from ..present.i18n import t
from ..store.schema import BOOL, FIELD_SHEET, INT, TEXT, TYPE_LABELS, Column, Table
from . import downloads
from .problems import Report
from .reading import blank as _blank

LATEST_YEAR = datetime.now(timezone.utc).year + 1  # a year after next cannot have been counted yet

_UNIT_SUFFIX = re.compile(r"[（(][^）)]*[）)]$")


def normalise(header) -> str:
    text = "" if header is None else str(header)
    text = re.sub(r"\s+", "", text)
    return _UNIT_SUFFIX.sub("", text).lower()


def sheet_for(table: Table, names: list[str]) -> str | None:
    wanted = {normalise(table.sheet), normalise(table.name)}
    return next((n for n in names if normalise(n) in wanted), None)


def _fill_in(col: Column) -> str:
    return t("请填写{kind}，例如 {example}", kind=TYPE_LABELS[col.kind], example=V(str(col.example)))


# Characters that show nothing and change how text compares or runs: zero-width characters, direction
# marks, embeddings, overrides and isolates (U+2066–U+2069), the Arabic letter mark, the Mongolian vowel
# separator, the byte-order mark and the tag characters (U+E0000–U+E007F)
_INVISIBLE = re.compile("[\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\U000e0000-\U000e007f]")
# Characters that take room but draw nothing: a name made only of them (and spaces) reads as blank
_BLANK_LOOKING = re.compile("[\\s\u115f\u1160\u2800\u3164\uffa0]*")
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
_MARKUP = re.compile(r"[\[\]#*`|$<>{}\\~]")  # never in a school or township name; would be read as formatting
_IDENTIFIER = re.compile(r"[0-9A-Za-z][0-9A-Za-z_.-]*")  # ids go into addresses and file names
MAX_COMBINING_RUN = 3  # stacked accents past this are drawn on top of each other, widening a line
_COMBINING = re.compile("[\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u0610-\u061a\u064b-\u065f\u0670"
                        "\u06d6-\u06ed\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]"
                        "{%d,}" % (MAX_COMBINING_RUN + 1))
# A number written as text: plain digits, or thousands grouped by commas in threes ("8,737"). "8737,9",
# "1_703", "1.703e3" and digits of other scripts are refused: each could mean more than one number.
_PLAIN_NUMBER = re.compile(r"[+-]?(\d+|\d{1,3}(,\d{3})+)(\.\d+)?", re.ASCII)  # \d: 0-9 only
_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９．，－＋", "0123456789.,-+")


def _visible(text: str) -> tuple[str, bool]:
    cleaned = _INVISIBLE.sub("", text)
    return cleaned, cleaned != text


def _text_problem(text: str, col: Column):
    """What makes a text cell unusable for its column: (message, fix) or None."""
    if _COMBINING.search(text):
        return (t("含有叠加在一起的 {n} 个以上附加符号", n=MAX_COMBINING_RUN),
                t("请删除多余的附加符号（通常是复制时带入的），重新输入这一格"))
    if len(text) > col.max_chars:
        return (t("长度 {n:,} 个字，超过本列上限 {limit} 个字", n=len(text), limit=col.max_chars),
                t("请只填写{header}本身，不要粘贴说明或整段文字", header=V(col.header)))
    if col.identifier and (not _IDENTIFIER.fullmatch(text) or ".." in text):
        return (t("编号“{value}”含有字母、数字、点、下划线和连字符以外的字符", value=V(text[:40])),
                t("编号只能用字母、数字、点（.）、下划线（_）和连字符（-），如 2165012345 或 DEMO-01"))
    if _BLANK_LOOKING.fullmatch(text):
        return t("只有看不见的字符，显示为空白"), t("请填写可见的文字")
    return None


def _parse(value, col: Column):
    """(parsed value, problem message or None, fix)."""
    if col.kind == TEXT:
        if isinstance(value, datetime):  # a date typed as a date in Excel: the day as written, YYYY-MM-DD
            value = value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat(sep=" ")
        elif isinstance(value, date):
            value = value.isoformat()
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        text = str(value).strip()
        if _CONTROL.search(text):
            return None, t("含有换行或控制字符"), t("请把内容写在一行里，删除换行")
        if col.name.endswith("code") and re.fullmatch(r"\d+(\.\d+)?[eE][+]?\d+", text):
            return None, t("“{value}”是科学计数法，代码已丢失位数", value=V(text)), \
                t("请把这一列设为“文本”格式后重新输入完整代码，例如 654022100")
        problem = _text_problem(text, col)
        if problem:
            return None, *problem
        if downloads.looks_like_formula(text):
            return None, t("以“{first}”开头，下载成 Excel 时会被当作公式", first=V(text[0])), \
                t("请删除开头的“{first}”", first=V(text[0]))
        if col.name.endswith("_name") and _MARKUP.search(text):
            return None, t("含有符号“{char}”", char=V(_MARKUP.search(text).group(0))), \
                t("名称中不能有 [ ] # * ` | $ < > { } \\ ~ 这些符号，请删除")
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
        text = str(value).strip().translate(_FULL_WIDTH_DIGITS)
        if not _PLAIN_NUMBER.fullmatch(text):
            fix = (t("请只填写数字，单位为{unit}，例如 {example}；不要带单位或文字", unit=col.unit, example=V(str(col.example)))
                   if col.unit else t("请只填写数字，例如 {example}；不要带单位或文字", example=V(str(col.example))))
            if re.fullmatch(r"[+-]?[\d,]+(\.\d+)?", text, re.ASCII):  # commas, but not in groups of three
                return None, t("“{value}”的逗号位置不对，读不出确定的数", value=V(str(value)[:40])), \
                    t("千位分隔符只能每三位一个（如 8,737）；小数点请用“.”（如 8737.9）")
            return None, t("“{value}”不是数字", value=V(str(value)[:40])), fix
        number = float(text.replace(",", ""))
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


def parse_sheet(table: Table, rows: list[list], sheet: str, report: Report) -> pd.DataFrame | None:
    """The sheet's rows typed by the table's columns; every problem found goes into the report. A
    register (an optional table) may be left empty: the items it judges then show as no data."""
    if not rows or all(_blank(c) for c in rows[0]):
        report.error(sheet, 1, None, t("第一行没有表头"), t("请从模板复制“{sheet}”表的表头行", sheet=V(table.sheet)))
        return None
    known = {normalise(c.header) for c in table.columns} | {normalise(c.name) for c in table.columns}
    if (len(rows) > 1 and not any(normalise(h) in known for h in rows[0])
            and sum(normalise(h) in known for h in rows[1]) >= 2):
        report.error(sheet, 1, None, t("第一行不是表头（像是标题行），表头在第二行"),
                     t("请删除表头上方的标题行，让第一行就是表头"))
        return None
    headers = [normalise(h) for h in rows[0]]
    positions = {}
    for col in table.columns:
        names = {normalise(col.header), normalise(col.name)}
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
    for h in rows[0]:
        if not _blank(h) and normalise(h) not in known:
            report.warn(sheet, 1, str(h), t("这一列不是模板中的列，导入时将忽略"),
                        t("如是拼写错误，请改成“{fields}”表中的列名", fields=V(FIELD_SHEET)))
    if any(len([i for i, h in enumerate(headers) if h in {normalise(c.header), normalise(c.name)}]) > 1
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

