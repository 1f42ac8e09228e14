"""What a download button hands over: a table as CSV or Excel, a chart as PNG or SVG, in the language
of the run (a deferred download takes the language along explicitly)."""
from __future__ import annotations

import io

import pandas as pd

from ..present import i18n
from ..present.i18n import t, tr

VERBATIM_COLUMNS = ("报告原文", "source_text")


FORMULA_START = ("=", "+", "-", "@")  # what a spreadsheet may run as a formula (OWASP)
# what a spreadsheet skips before it looks for a formula sign: whitespace and control characters
_SKIPPED_BEFORE_FORMULA = "".join(map(chr, range(0x21))) + "\x7f\u00a0\u3000\ufeff"


def looks_like_formula(text: str) -> bool:
    """Text a spreadsheet may run as a formula: a formula sign after any leading whitespace or control
    characters (LibreOffice runs "\\r=1+1" as "=1+1")."""
    return text.lstrip(_SKIPPED_BEFORE_FORMULA).startswith(FORMULA_START)


def _defused(value):
    """A CSV cell that cannot be run as a formula: text that looks like one loses what precedes its
    sign and gets a leading apostrophe, so the apostrophe is the cell's first character."""
    if isinstance(value, str) and looks_like_formula(value):
        return "'" + value.lstrip(_SKIPPED_BEFORE_FORMULA)
    return value


def csv_bytes(frame) -> bytes:
    """A table (or a function that builds it) as CSV that Excel opens with its Chinese intact, and no
    cell of it runs as a formula."""
    frame = frame() if callable(frame) else frame
    shown = i18n.tr_frame(frame, VERBATIM_COLUMNS)
    text = [c for c in shown.columns if shown[c].dtype == object or pd.api.types.is_string_dtype(shown[c].dtype)]
    if text:
        shown = shown.copy()
        for c in text:
            shown[c] = shown[c].map(_defused)
    return shown.to_csv(index=False).encode("utf-8-sig")


def write_rows(ws, rows) -> None:
    """Rows into an openpyxl sheet with every text cell stored as text: a name starting with "=" stays a
    name, never a live formula."""
    from openpyxl.cell.cell import Cell

    for row in rows:
        # cells made here, not looked up after `append`: `ws[ws.max_row]` scans every cell of the sheet
        # (5 of the demo workbook's 5.3 s of writing)
        cells = [Cell(ws, value=None if v is None or (isinstance(v, float) and pd.isna(v)) else v) for v in row]
        for cell in cells:
            if isinstance(cell.value, str):
                cell.data_type = "s"
        ws.append(cells)


def excel_bytes(frame, source: str = "") -> bytes:
    """A table (or a function that builds it) as an Excel workbook, with its source on a second sheet."""
    from openpyxl import Workbook

    frame = frame() if callable(frame) else frame
    shown = i18n.tr_frame(frame, VERBATIM_COLUMNS)
    book = Workbook()
    ws = book.active
    ws.title = t("数据")
    write_rows(ws, [list(shown.columns)] + [[v.item() if hasattr(v, "item") else v for v in row]
                                            for row in shown.itertuples(index=False)])
    write_rows(book.create_sheet(t("来源")), [[t("说明")], [tr(source)], [t("由察布查尔县义务教育优质均衡发展监测看板导出")]])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def in_language(lang: str, build, *args):
    """Run `build(*args)` in a language: for downloads built after the run that asked for them."""
    with i18n.using(lang):
        return build(*args)


def chart_png(chart, scale: float = 2.0) -> bytes:
    import vl_convert as vlc

    spec = i18n.tr_spec(chart.to_dict())
    spec["autosize"] = {"type": "pad", "contains": "padding"}
    _fix_width(spec)
    return vlc.vegalite_to_png(spec, scale=scale)


def chart_svg(chart) -> str:
    import vl_convert as vlc

    spec = i18n.tr_spec(chart.to_dict())
    spec["autosize"] = {"type": "pad", "contains": "padding"}
    _fix_width(spec)
    return vlc.vegalite_to_svg(spec)


def _fix_width(spec: dict, width: int = 760) -> None:
    # "container" width means nothing off the page: give charts a fixed width for files
    if spec.get("width") == "container":
        spec["width"] = width
    for key in ("layer", "hconcat", "vconcat", "concat"):
        for child in spec.get(key, []):
            if child.get("width") == "container":
                child["width"] = width if key != "hconcat" else width // 2
    inner = spec.get("spec")
    if isinstance(inner, dict):
        _fix_width(inner, width // 2)




def snapshot_zip(snapshot) -> bytes:
    """A snapshot's folder as a zip (its Parquet files and manifest), to unpack under data/snapshots/ and
    commit: how a snapshot imported where files do not last is kept."""
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(snapshot.path.iterdir()):
            if path.is_file() and not path.name.startswith("."):
                archive.write(path, f"{snapshot.snapshot_id}/{path.name}")
    return buffer.getvalue()
