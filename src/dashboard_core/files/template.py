"""The import template: one sheet per table with Chinese headers and a sheet describing every field;
filled with a snapshot's rows, it is that snapshot exported for editing."""
from __future__ import annotations

import io
import math

import pandas as pd

from ..store import schema
from ..store.schema import (BOOL, DEMO_SHEET, DEMO_SHEET_TEXT, FIELD_SHEET, KNOWN_METRICS, METRIC_SHEET, TEXT,
                            TYPE_LABELS, Column)
from . import downloads


def write_workbook(path_or_buffer, tables: dict[str, pd.DataFrame] | None = None, demo: bool = False) -> None:
    """The import template: one sheet per table with Chinese headers, plus a sheet describing every
    field. With `tables`, the sheets are filled with those rows (a snapshot exported for editing);
    without, the sheets hold headers only: examples live in the field sheet, so a blank template
    never imports as a one-school snapshot. A workbook of demo data carries a hidden sheet that says so,
    which its import reads: demo data stays demo data through Excel and back."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    book = Workbook()
    book.remove(book.active)
    head_font = Font(bold=True, color="FFFFFF")
    head_fill = PatternFill("solid", fgColor="1F4E8C")
    for table in schema.TABLES:
        ws = book.create_sheet(table.sheet)
        ws.append([c.template_header for c in table.columns])
        for cell in ws[1]:
            cell.font, cell.fill = head_font, head_fill
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        if tables is not None and table.name in tables:
            frame = tables[table.name]
            downloads.write_rows(ws, ([_excel_value(getattr(row, c.name, None), c) for c in table.columns]
                                      for row in frame.itertuples(index=False)))
        rows = len(tables[table.name]) if tables is not None and table.name in tables else 0
        for i, col in enumerate(table.columns, start=1):
            letter = ws.cell(1, i).column_letter
            ws.column_dimensions[letter].width = max(12, len(col.template_header) * 2 + 2)
            _guard_column(ws, letter, col, rows + EMPTY_ROWS)
        ws.freeze_panes = "A2"
    ws = book.create_sheet(FIELD_SHEET)
    ws.append(["工作表", "表名（英文）", "列名（中文）", "列名（英文）", "类型", "单位", "必填", "可选值", "说明", "示例"])
    for cell in ws[1]:
        cell.font, cell.fill = head_font, head_fill
    for table in schema.TABLES:
        for col in table.columns:
            ws.append([table.sheet, table.name, col.header, col.name, TYPE_LABELS[col.kind], col.unit or "—",
                       "是" if col.required else "否", "、".join(col.choices), col.description,
                       _excel_value(col.example, col)])
    ws.append([])
    ws.append(["说明：表头可以用中文或英文列名；单位写在表头括号里的可保留。每张表的第一行是表头，从第二行起填数据。"
               "学校统计时点为当年 9 月 1 日。“示例”一列只是填写示范，数据表中不要照抄。导入不会修改已有数据，而是生成一个新的数据快照。"])
    for letter, width in zip("ABCDEFGHIJ", (16, 18, 20, 26, 8, 8, 6, 40, 44, 16)):
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = "A2"
    _metric_sheet(book, head_font, head_fill)
    if demo:
        marker = book.create_sheet(DEMO_SHEET)
        marker.append([DEMO_SHEET_TEXT])
        marker.sheet_state = "hidden"
        book.properties.keywords = DEMO_SHEET
    book.properties.title = "察布查尔县义务教育优质均衡发展监测 导入模板" + ("（示例数据）" if demo else "")
    book.properties.creator = "察布查尔县义务教育优质均衡发展监测看板"
    book.save(path_or_buffer)


EMPTY_ROWS = 2000  # rows below the data that still get the drop-downs and the text format
LIST_FORMULA_LIMIT = 255  # Excel's limit on a list written inside the validation itself


def _is_code(col: Column) -> bool:
    """A code or an id: typed as text, so Excel keeps its leading zeros and never turns it into 6.54E+08."""
    return col.kind == TEXT and (col.name.endswith(("_code", "_id")) or col.name == "metric")


def _guard_column(ws, letter: str, col: Column, last_row: int) -> None:
    """A drop-down of the column's choices (是/否 for a yes-no column, the known metrics for 指标), refusing
    anything else where the importer would, and the Text format on a code column."""
    from openpyxl.worksheet.datavalidation import DataValidation

    cells = f"{letter}2:{letter}{last_row + 1}"
    if _is_code(col):
        ws.column_dimensions[letter].number_format = "@"
        for (cell,) in ws.iter_rows(min_row=2, max_row=ws.max_row, min_col=col_index(letter), max_col=col_index(letter)):
            cell.number_format = "@"
    choices = ("是", "否") if col.kind == BOOL else col.choices
    if col.name == "metric":
        rule = DataValidation(type="list", formula1=f"='{METRIC_SHEET}'!$A$2:$A${len(KNOWN_METRICS) + 1}",
                              allow_blank=True, errorStyle="warning", showErrorMessage=True,
                              errorTitle="不是看板读取的指标",
                              error=f"看板只读取“{METRIC_SHEET}”表中的指标；其他指标会保存，但不显示。",
                              promptTitle=col.header, prompt=f"从下拉列表选择，或见“{METRIC_SHEET}”表", showInputMessage=True)
    elif choices:
        listed = ",".join(choices)
        if len(listed) + 2 > LIST_FORMULA_LIMIT:  # no choice list of the schema is this long; say so if one becomes
            raise ValueError(f"{col.name}: the choices are too long for an in-cell list")
        rule = DataValidation(type="list", formula1=f'"{listed}"', allow_blank=True, showErrorMessage=True,
                              errorTitle="不在可选值中", error="只能填写：" + "、".join(choices),
                              promptTitle=col.header, prompt="从下拉列表选择", showInputMessage=True)
    else:
        return
    ws.add_data_validation(rule)
    rule.add(cells)


def col_index(letter: str) -> int:
    from openpyxl.utils import column_index_from_string

    return column_index_from_string(letter)


def _metric_sheet(book, head_font, head_fill) -> None:
    """The county figures the dashboard reads, for the 县级年度指标 sheet's 指标 column."""
    ws = book.create_sheet(METRIC_SHEET)
    ws.append(["指标（英文名，填入“县级年度指标”表）", "含义", "常用单位"])
    for cell in ws[1]:
        cell.font, cell.fill = head_font, head_fill
    for metric, (meaning, unit) in KNOWN_METRICS.items():
        ws.append([metric, meaning, unit])
    for letter, width in zip("ABC", (40, 44, 10)):
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = "A2"


def _excel_value(value, col: Column):
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if col.kind == BOOL:
        return "是" if value in (True, "是") else "否"
    if hasattr(value, "item"):
        value = value.item()
    return value


def template_bytes(tables: dict[str, pd.DataFrame] | None = None, demo: bool = False) -> bytes:
    buffer = io.BytesIO()
    write_workbook(buffer, tables, demo)
    return buffer.getvalue()
