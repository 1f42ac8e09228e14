"""The import template: one sheet per table with Chinese headers and a sheet describing every field;
filled with a snapshot's rows, it is that snapshot exported for editing."""
from __future__ import annotations

import io
import math

import pandas as pd

from ..store import schema
from ..store.schema import BOOL, DEMO_SHEET, DEMO_SHEET_TEXT, FIELD_SHEET, TYPE_LABELS, Column
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
        for i, col in enumerate(table.columns, start=1):
            ws.column_dimensions[ws.cell(1, i).column_letter].width = max(12, len(col.template_header) * 2 + 2)
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
    for letter, width in zip("ABCDEFGHIJ", (16, 18, 20, 26, 8, 8, 6, 26, 44, 16)):
        ws.column_dimensions[letter].width = width
    if demo:
        marker = book.create_sheet(DEMO_SHEET)
        marker.append([DEMO_SHEET_TEXT])
        marker.sheet_state = "hidden"
        book.properties.keywords = DEMO_SHEET
    book.properties.title = "察布查尔县义务教育优质均衡发展监测 导入模板" + ("（示例数据）" if demo else "")
    book.properties.creator = "察布查尔县义务教育优质均衡发展监测看板"
    book.save(path_or_buffer)


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
