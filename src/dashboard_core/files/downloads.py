"""What a download button hands over: a table as CSV or Excel, a chart as PNG or SVG, in the language
of the run (a deferred download takes the language along explicitly)."""
from __future__ import annotations

import io

import pandas as pd

from ..present import i18n
from ..present.i18n import t, tr

VERBATIM_COLUMNS = ("报告原文", "source_text")


def csv_bytes(frame) -> bytes:
    """A table (or a function that builds it) as CSV that Excel opens with its Chinese intact."""
    frame = frame() if callable(frame) else frame
    return i18n.tr_frame(frame, VERBATIM_COLUMNS).to_csv(index=False).encode("utf-8-sig")


def excel_bytes(frame, source: str = "") -> bytes:
    """A table (or a function that builds it) as an Excel workbook, with its source on a second sheet."""
    frame = frame() if callable(frame) else frame
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        i18n.tr_frame(frame, VERBATIM_COLUMNS).to_excel(writer, index=False, sheet_name=t("数据"))
        pd.DataFrame({t("说明"): [tr(source), t("由察布查尔县义务教育优质均衡发展监测看板导出")]}).to_excel(
            writer, index=False, sheet_name=t("来源"))
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


