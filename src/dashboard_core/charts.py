"""Altair chart builders with one theme: a font stack that renders Chinese, one set of status colours.

Every builder takes a DataFrame and returns a configured chart; the frame it plots is the one a
page offers for download, so what is seen and what is downloaded are the same numbers.
"""
from __future__ import annotations

import copy
import functools
import hashlib
import json
import math
import os
import threading
from collections import OrderedDict

import altair as alt
import numpy as np
import pandas as pd

from . import i18n
from .standard import BELOW, FLOOR, ITEM_LABELS, MET, NO_STUDENTS, STATUS_LABELS

FONT = ("'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', "
        "'WenQuanYi Micro Hei', sans-serif")
STATUS_COLORS = {MET: "#1b7f3b", FLOOR: "#b45309", BELOW: "#b91c1c", NO_STUDENTS: "#6b7280"}
STATUS_MARKS = {MET: "✓", FLOOR: "△", BELOW: "✗", NO_STUDENTS: "—"}
PRIMARY = "#1f4e8c"
ACCENT = "#d97706"
STAGE_COLORS = {"小学": "#1f4e8c", "初中": "#0f766e"}
SETTING_COLORS = {"城区": "#1f4e8c", "镇区": "#0f766e", "乡村": "#a16207"}
LEVEL_COLORS = {"本校": "#d97706", "本乡镇": "#0f766e", "全县": "#1f4e8c"}

_CONFIG = dict(
    font=FONT,
    axis={"labelFontSize": 13, "titleFontSize": 14, "labelFont": FONT, "titleFont": FONT, "labelLimit": 260},
    legend={"labelFontSize": 13, "titleFontSize": 14, "labelFont": FONT, "titleFont": FONT, "orient": "bottom"},
    title={"fontSize": 17, "font": FONT, "anchor": "start", "subtitleFontSize": 13, "subtitleFont": FONT},
    header={"labelFontSize": 14, "titleFontSize": 14, "labelFont": FONT, "titleFont": FONT},
    view={"stroke": None},
)


class Spec:
    """A built chart as its Vega-Lite spec: what the page renders and the briefing converts."""

    def __init__(self, spec: dict):
        self._spec = spec

    def to_dict(self, **_ignored) -> dict:
        return copy.deepcopy(self._spec)


_SPECS: OrderedDict = OrderedDict()
_SPECS_LOCK = threading.Lock()
SPEC_CACHE_SIZE = 256
# Schema validation of a spec costs more than building it; the tests switch it on (see tests/conftest.py).
VALIDATE = os.environ.get("DASHBOARD_VALIDATE_CHARTS") == "1"


def _fingerprint(value) -> object:
    if isinstance(value, pd.DataFrame):
        try:
            digest = int(pd.util.hash_pandas_object(value, index=False).sum())
        except TypeError:  # unhashable cells: fall back to the text of the frame
            digest = hash(value.to_csv(index=False))
        return ("df", tuple(map(str, value.columns)), value.shape, digest)
    if isinstance(value, dict):
        return ("dict", tuple(sorted((k, _fingerprint(v)) for k, v in value.items())))
    if isinstance(value, (list, tuple)):
        return ("seq", tuple(_fingerprint(v) for v in value))
    return value


_PENDING = threading.local()


def data(frame: pd.DataFrame):
    """A chart's data by name; the rows go into the spec's datasets once, in `cached`. Altair would
    otherwise clean and copy the same frame again for every layer of a chart."""
    pending = getattr(_PENDING, "datasets", None)
    if pending is None:  # a builder called on its own (not through `cached`): Altair takes the frame
        return frame
    text = frame.to_json(orient="records", force_ascii=False)
    name = "data-" + hashlib.sha1(text.encode()).hexdigest()[:16]
    if name not in pending:  # the same object each time: layers of one frame share it, as facets need
        pending[name] = (json.loads(text), alt.NamedData(name=name))
    return pending[name][1]


def _build(builder, args, kwargs) -> dict:
    outer = getattr(_PENDING, "datasets", None)  # a builder may call another cached builder
    _PENDING.datasets = {}
    try:
        spec = builder(*args, **kwargs).to_dict(validate=VALIDATE)
        spec.setdefault("datasets", {}).update({k: rows for k, (rows, _) in _PENDING.datasets.items()})
    finally:
        _PENDING.datasets = outer
    return spec


def cached(builder):
    """Build each distinct chart once: building and validating an Altair chart costs ~0.1 s, which
    every rerun of a page with several charts would otherwise pay again. Bounded LRU, thread-safe."""
    @functools.wraps(builder)
    def wrapper(*args, **kwargs):
        key = (builder.__name__, _fingerprint(args), _fingerprint(kwargs))
        with _SPECS_LOCK:
            spec = _SPECS.get(key)
            if spec is not None:
                _SPECS.move_to_end(key)
                return Spec(spec)
        spec = finish(_build(builder, args, kwargs))
        with _SPECS_LOCK:
            _SPECS[key] = spec
            while len(_SPECS) > SPEC_CACHE_SIZE:
                _SPECS.popitem(last=False)
        return Spec(spec)
    return wrapper


def cached_layout(height, rows=None):
    """Like `cached`, for charts whose spec depends on their frame only through its rows (put in the
    first dataset the builder names, as `rows(frame, *args)` gives them) and its height (`height(rows)`,
    which the builder uses too): each layout is built once, and a new frame's rows and height are put
    into a copy of it. Orders come from the data (an order field), not from lists in the spec. On the
    filter path this replaces a build of 15–40 ms with a copy of well under 1 ms."""
    def decorate(builder):
        @functools.wraps(builder)
        def wrapper(frame: pd.DataFrame, *args):
            prepared = rows(frame, *args) if rows else frame
            key = ("layout", builder.__name__, tuple(map(str, prepared.columns)), _fingerprint(args))
            with _SPECS_LOCK:
                layout = _SPECS.get(key)
                if layout is not None:
                    _SPECS.move_to_end(key)
            if layout is None:
                layout = (finish(_build(builder, (frame,) + args, {})), height(prepared))
                with _SPECS_LOCK:
                    _SPECS[key] = layout
                    while len(_SPECS) > SPEC_CACHE_SIZE:
                        _SPECS.popitem(last=False)
            template, built_height = layout
            return Spec(with_rows(template, prepared, (built_height, height(prepared))))
        return wrapper
    return decorate


ORDER = "序"  # the rows' order, as a field: a layout holds no list of the values on show


def ordered(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.assign(**{ORDER: np.arange(len(frame))})


def in_order() -> alt.EncodingSortField:
    """Sort a nominal channel by the rows' order (each value where it first appears)."""
    return alt.EncodingSortField(field=ORDER, op="min")


def with_rows(template: dict, frame: pd.DataFrame, heights: tuple = (None, None)) -> dict:
    """A copy of a built spec with the frame's rows as its first dataset (named by their content) and,
    given (built, wanted) heights, the wanted height wherever the built one was set; any other datasets
    (fixed rules, legends) stay as they are."""
    old = next(iter(template["datasets"]))
    text = frame.to_json(orient="records", force_ascii=False)
    new = "data-" + hashlib.sha1(text.encode()).hexdigest()[:16]
    built_height, wanted_height = heights

    def value(key, v):
        if key == "name" and v == old:
            return new
        if key == "height" and built_height is not None and v == built_height:
            return wanted_height
        return renamed(v)

    def renamed(node):
        if isinstance(node, dict):
            return {k: value(k, v) for k, v in node.items() if k != "datasets"}
        if isinstance(node, list):
            return [renamed(v) for v in node]
        return node

    spec = renamed(template)
    spec["datasets"] = {new: json.loads(text), **{k: v for k, v in template["datasets"].items() if k != old}}
    return spec


def part(d, mark: dict, transform: list | None = None, **encoding) -> alt.Chart:
    """One layer built in a single step. Chained `.mark_*().encode()` calls deep-copy the chart at every
    step, which made up most of a chart's build time; the spec is the same."""
    return alt.Chart(d, mark=alt.MarkDef(**mark), encoding=alt.FacetedEncoding(**encoding),
                     **({"transform": transform} if transform else {}))


def calculate(expression: str, name: str) -> alt.CalculateTransform:
    return alt.CalculateTransform(calculate=expression, **{"as": name})


def tips(*fields) -> list:
    # Channel objects, not strings: Altair converts each string through a slow schema lookup.
    return [f if isinstance(f, alt.Tooltip) else alt.Tooltip(f) for f in fields]


def themed(chart: alt.TopLevelMixin) -> alt.TopLevelMixin:
    """Marks a chart as finished; the theme itself is added to its spec by `finish` (see `cached`)."""
    return chart


def finish(spec: dict) -> dict:
    """The one theme, added to a built spec as plain data: Altair's .configure() costs ~0.1 s a chart.
    "fit-x": the width follows the page, the height set on a chart is the plot's own height
    (Streamlit's default "fit" squeezes title, axes and legend into it and flattens short charts)."""
    composed = any(k in spec for k in ("facet", "hconcat", "vconcat", "concat"))
    spec["config"] = {**copy.deepcopy(_CONFIG), **spec.get("config", {})}
    spec["autosize"] = {"type": "pad" if composed else "fit-x", "contains": "padding"}
    return spec


def status_legend_domain() -> tuple[list[str], list[str]]:
    order = [MET, FLOOR, BELOW, NO_STUDENTS]
    return [STATUS_LABELS[s] for s in order], [STATUS_COLORS[s] for s in order]


def status_grid_frame(values: pd.DataFrame, links: dict | None = None) -> pd.DataFrame:
    """The table behind the school × indicator grid."""
    frame = values.copy()
    frame["学校（学段）"] = frame["school_name"] + "（" + frame["stage"] + "）"
    frame["指标"] = frame["number"].astype(str) + " " + frame["short"]
    frame["状态"] = frame["status"].map(STATUS_LABELS)
    frame["标记"] = frame["status"].map(STATUS_MARKS)
    frame["数值"] = frame["value"].round(2)
    frame["标准值"] = frame["threshold"]
    frame["85%底线"] = frame["floor"].round(3)
    frame["达到标准值的比例"] = (frame["share_of_threshold"] * 100).round(1)
    out = frame[["school_id", "学校（学段）", "stage", "指标", "数值", "标准值", "85%底线", "达到标准值的比例",
                 "状态", "标记", "unit"]].rename(columns={"school_id": "学校编号", "stage": "学段", "unit": "单位"})
    if links is not None:
        out["档案"] = out["学校编号"].map(links)
    return out


def status_grid_table(card, limit: int) -> pd.DataFrame:
    """The grid's table for the `limit` schools most in need (what its CSV holds)."""
    return status_grid_frame(card.values_for(card.ranked_school_ids(limit)))


def _status_grid_height(rows: pd.DataFrame) -> int:
    return max(120, 26 * rows["学校（学段）"].nunique())


@cached_layout(_status_grid_height, rows=lambda grid: ordered(grid))
def status_grid(grid: pd.DataFrame) -> alt.Chart:
    labels, colors = status_legend_domain()
    d = data(ordered(grid))
    x = alt.X("指标:N", sort=in_order(), title=None, axis=alt.Axis(orient="top", labelAngle=-30))
    y = alt.Y("学校（学段）:N", sort=in_order(), title=None)
    tooltip = tips("学校（学段）:N", "指标:N", "数值:Q", "标准值:Q", "85%底线:Q", "达到标准值的比例:Q", "单位:N", "状态:N")
    extra = {"href": alt.Href("档案:N")} if "档案" in grid.columns else {}
    cells = part(d, {"type": "rect", "stroke": "white", "strokeWidth": 1.5}, x=x, y=y,
                 color=alt.Color("状态:N", scale=alt.Scale(domain=labels, range=colors), title="状态"),
                 tooltip=tooltip, **extra)
    marks = part(d, {"type": "text", "fontSize": 15, "fontWeight": "bold", "color": "white"}, x=x, y=y,
                 text=alt.Text("标记:N"), tooltip=tooltip)
    return themed(alt.LayerChart(layer=[cells, marks], height=_status_grid_height(grid), width="container"))


def cv_frame(cvs: pd.DataFrame) -> pd.DataFrame:
    frame = cvs.copy()
    frame["指标"] = frame["number"].astype(str) + " " + frame["short"]
    frame["差异系数"] = frame["cv"].round(4)
    frame["限值"] = frame["limit"]
    frame["结果"] = frame["passes"].map({True: "达标 ✓", False: "超限 ✗"}).fillna("无法计算")
    frame["参与学校数"] = frame["schools"]
    return frame[["stage", "指标", "差异系数", "限值", "结果", "参与学校数"]].rename(columns={"stage": "学段"})


def _cv_chart_height(rows: pd.DataFrame) -> int:
    return 36 * rows["指标"].nunique() + 20


@cached_layout(_cv_chart_height, rows=lambda frame: ordered(frame))
def cv_chart(frame: pd.DataFrame) -> alt.Chart:
    d = data(ordered(frame))
    bars = part(d, {"type": "bar"},
                y=alt.Y("指标:N", sort=in_order(), title=None),
                x=alt.X("差异系数:Q", title="差异系数（学生数加权）", scale=alt.Scale(domain=[0, 0.6])),
                color=alt.Color("结果:N", scale=alt.Scale(domain=["达标 ✓", "超限 ✗", "无法计算"],
                                                         range=[STATUS_COLORS[MET], STATUS_COLORS[BELOW], STATUS_COLORS[NO_STUDENTS]]),
                                title="结果"),
                tooltip=tips("学段:N", "指标:N", "差异系数:Q", "限值:Q", "结果:N", "参与学校数:Q"))
    labels = part(d, {"type": "text", "align": "left", "dx": 4, "fontSize": 13},
                  y=alt.Y("指标:N", sort=in_order()), x=alt.X("差异系数:Q"), text=alt.Text("差异系数:Q", format=".3f"))
    limit = part(d, {"type": "rule", "color": "#111827", "strokeDash": [6, 4], "size": 2},
                 x=alt.X("限值:Q"), tooltip=tips("学段:N", "限值:Q"))
    return themed(alt.LayerChart(layer=[bars, labels, limit], height=_cv_chart_height(frame), width="container"))


# ---- frames and charts shared by the domain pages ------------------------------------------

SOURCE_LABELS = {"report": "工作汇报", "demo": "示例数据"}
MEDAL_COLORS = {"金牌": "#c9a227", "银牌": "#8a939b", "铜牌": "#a0612b"}


def _school_label(frame: pd.DataFrame) -> pd.Series:
    return frame["school_name"] + "（" + frame["stage"] + "）"


def indicator_frame(part: pd.DataFrame, links: dict | None = None, limit: int | None = None) -> pd.DataFrame:
    """One indicator for the school parts in view (from Scorecard.indicator): value, threshold, share
    of it, status; lowest share first, at most `limit` rows."""
    out = pd.DataFrame({
        "学校编号": part["school_id"], "学校（学段）": _school_label(part), "学段": part["stage"],
        "乡镇": part.get("township_name"), "城乡": part.get("urban_rural"),
        "学生数": part["students"], "数值": part["value"].round(2), "标准值": part["threshold"],
        "85%底线": part["floor"].round(3), "达到标准值的比例": (part["share_of_threshold"] * 100).round(1),
        "单位": part["unit"], "状态": part["status"].map(STATUS_LABELS),
    })
    out = out[out["学生数"] > 0].sort_values(["达到标准值的比例", "学段"], kind="stable")
    if limit is not None:
        out = out.head(limit)
    if links is not None:
        out["档案"] = out["学校编号"].map(links)
    return out.reset_index(drop=True)


def indicator_table(card, code: str) -> pd.DataFrame:
    """Every school part of a scorecard for one indicator, as indicator_frame shapes it."""
    return indicator_frame(card.indicator(code))


ITEM_MARKS = {"met": "✓", "not_met": "✗", "no_data": "…"}


def county_items_frame(items: pd.DataFrame, with_part: bool = True) -> pd.DataFrame:
    """The county items as a table: requirement, value, status (mark and word), veto, source."""
    out = items.assign(状态=[f"{ITEM_MARKS[s]} {ITEM_LABELS[s]}" for s in items["status"]],
                       一票否决=items["veto"].map({True: "是", False: ""}))
    columns = (["part_name"] if with_part else []) + ["item", "text", "value_text", "状态"] + (
        ["一票否决"] if with_part else []) + ["source"]
    return out[columns].rename(columns={"part_name": "部分", "item": "编号", "text": "要求", "value_text": "数值",
                                        "source": "来源"}).fillna({"数值": "—"}).reset_index(drop=True)


def _bars_height(rows: pd.DataFrame) -> int:
    return max(140, 24 * len(rows))


@cached_layout(_bars_height, rows=lambda frame, *_: ordered(frame))
def indicator_bars(frame: pd.DataFrame, title: str) -> alt.Chart:
    """Each school part's value as a share of its threshold; rules at 100% and at the 85% floor."""
    labels, colors = status_legend_domain()
    d = data(ordered(frame))
    linked = "档案" in frame.columns
    enc = dict(
        y=alt.Y("学校（学段）:N", sort=in_order(), title=None),
        x=alt.X("达到标准值的比例:Q", title="达到标准值的比例（%）", scale=alt.Scale(domainMin=0)),
        tooltip=tips("学校（学段）:N", "数值:Q", "标准值:Q", "单位:N", "达到标准值的比例:Q", "状态:N"),
    )
    if linked:
        enc["href"] = alt.Href("档案:N")
    bars = part(d, {"type": "bar", "cursor": "pointer" if linked else "default"},
                color=alt.Color("状态:N", scale=alt.Scale(domain=labels, range=colors), title="状态"), **enc)
    text = part(d, {"type": "text", "align": "left", "dx": 4, "fontSize": 12},
                [calculate("format(datum['数值'], ',.2f') + ' ' + datum['单位']", "label")],
                y=alt.Y("学校（学段）:N", sort=in_order()), x=alt.X("达到标准值的比例:Q"), text=alt.Text("label:N"))
    rules = part(data(pd.DataFrame({"x": [100, 85], "线": ["标准值", "85%底线"]})), {"type": "rule", "strokeDash": [6, 4], "size": 2},
                 x=alt.X("x:Q"), color=alt.value("#111827"), tooltip=tips("线:N", "x:Q"))
    return themed(alt.LayerChart(layer=[bars, text, rules], title=title, height=_bars_height(frame), width="container"))


def group_indicator_frame(grouped: pd.DataFrame, group_col: str, group_label: str) -> pd.DataFrame:
    """Aggregated indicator values (from standard.group_values) shaped for charts and download."""
    out = pd.DataFrame({
        group_label: grouped[group_col], "学段": grouped["stage"], "指标": grouped["number"].astype(str) + " " + grouped["short"],
        "数值": grouped["value"].round(2), "标准值": grouped["threshold"], "单位": grouped["unit"],
        "达到标准值的比例": (grouped["value"] / grouped["threshold"] * 100).round(1),
        "学校数": grouped["schools"], "学生数": grouped["students"],
    })
    out["状态"] = [STATUS_LABELS[classify_share(s)] for s in out["达到标准值的比例"]]
    return out


def classify_share(percent: float) -> str:
    if pd.isna(percent):
        return NO_STUDENTS
    return MET if percent >= 100 - 1e-9 else FLOOR if percent >= 85 - 1e-9 else BELOW


def _group_grid_rows(frame: pd.DataFrame, group_label: str, *_) -> pd.DataFrame:
    return ordered(frame.assign(行=frame[group_label] + "（" + frame["学段"] + "）",
                                文本=[f"{p:.0f}%" for p in frame["达到标准值的比例"]]))


def _group_grid_height(rows: pd.DataFrame) -> int:
    return max(100, 28 * rows["行"].nunique())


@cached_layout(_group_grid_height, rows=_group_grid_rows)
def group_grid(frame: pd.DataFrame, group_label: str, title: str) -> alt.Chart:
    """Groups (e.g. townships) × indicators, coloured by where the group's value stands against the threshold."""
    labels, colors = status_legend_domain()
    frame = _group_grid_rows(frame, group_label)
    d = data(frame)
    x = alt.X("指标:N", sort=in_order(), title=None, axis=alt.Axis(orient="top", labelAngle=0))
    y = alt.Y("行:N", sort=in_order(), title=None)
    tooltip = tips(f"{group_label}:N", "学段:N", "指标:N", "数值:Q", "标准值:Q", "单位:N", "达到标准值的比例:Q", "学校数:Q", "学生数:Q")
    cells = part(d, {"type": "rect", "stroke": "white", "strokeWidth": 1.5}, x=x, y=y,
                 color=alt.Color("状态:N", scale=alt.Scale(domain=labels, range=colors), title="状态"), tooltip=tooltip)
    text = part(d, {"type": "text", "fontSize": 13, "color": "white", "fontWeight": "bold"}, x=x, y=y,
                text=alt.Text("文本:N"), tooltip=tooltip)
    return themed(alt.LayerChart(layer=[cells, text], title=title, height=_group_grid_height(frame), width="container"))


GROUP_ORDER = "组序"  # a group's place in the palette, as a field (see ORDER)


def _grouped_rows(frame: pd.DataFrame, group_label: str, title: str, palette: dict) -> pd.DataFrame:
    places = {g: i for i, g in enumerate(palette)}
    return ordered(frame).assign(**{GROUP_ORDER: frame[group_label].map(places).fillna(len(places)).astype("int64")})


@cached_layout(lambda rows: 300, rows=_grouped_rows)
def grouped_bars(frame: pd.DataFrame, group_label: str, title: str, palette: dict) -> alt.Chart:
    """Groups side by side for each indicator (城区/镇区/乡村, or a school against its township and the
    county), as a share of the threshold, with the threshold drawn at 100%."""
    d = data(_grouped_rows(frame, group_label, title, palette))
    enc_x = alt.X("指标:N", sort=in_order(), title=None, axis=alt.Axis(labelAngle=0, labelLimit=90))
    in_palette_order = alt.EncodingSortField(field=GROUP_ORDER, op="min")
    offset = alt.XOffset(f"{group_label}:N", sort=in_palette_order)
    bars = part(d, {"type": "bar"},
                x=enc_x, xOffset=offset, y=alt.Y("达到标准值的比例:Q", title="达到标准值的比例（%）"),
                color=alt.Color(f"{group_label}:N", sort=in_palette_order, title=group_label,
                                scale=alt.Scale(domain=list(palette), range=list(palette.values()))),
                tooltip=tips(f"{group_label}:N", "学段:N", "指标:N", "数值:Q", "标准值:Q", "单位:N", "达到标准值的比例:Q"))
    text = part(d, {"type": "text", "dy": -8, "fontSize": 11},
                x=enc_x, xOffset=offset, y=alt.Y("达到标准值的比例:Q"), text=alt.Text("达到标准值的比例:Q", format=".0f"))
    rule = part(d, {"type": "rule", "strokeDash": [6, 4], "color": "#111827", "size": 2}, y=alt.datum(100))
    return themed(alt.LayerChart(layer=[bars, text, rule], title=title, height=300, width="container"))


def setting_bars(frame: pd.DataFrame, title: str):
    """城区 / 镇区 / 乡村 side by side for each indicator."""
    return grouped_bars(frame, "城乡", title, SETTING_COLORS)


def series_frame(series: pd.DataFrame, metrics: dict[str, str]) -> pd.DataFrame:
    """County series for the chosen metrics, labelled in Chinese and by source (report or demo)."""
    part = series[series["metric"].isin(metrics)].copy()
    return pd.DataFrame({
        "年份": part["year"].astype(int), "指标": part["metric"].map(metrics), "数值": part["value"],
        "单位": part["unit"], "来源": part["source"].map(lambda s: SOURCE_LABELS["demo"] if s == "demo" else SOURCE_LABELS["report"]),
        "来源编号": part["source"],
    }).reset_index(drop=True)


@cached
def trend_chart(frame: pd.DataFrame, title: str, y_title: str) -> alt.Chart:
    """Lines by year; filled points are the report's figures, hollow points are demo values."""
    base = alt.Chart(data(frame)).encode(
        x=alt.X("年份:O", title=None, axis=alt.Axis(labelAngle=0)),
        y=alt.Y("数值:Q", title=y_title, scale=alt.Scale(zero=False)),
        color=alt.Color("指标:N", title=None, scale=alt.Scale(range=[PRIMARY, "#0f766e", ACCENT])),
    )
    line = base.mark_line(strokeWidth=3)
    points = base.mark_point(size=120, strokeWidth=3).encode(
        shape=alt.Shape("来源:N", title="来源", scale=alt.Scale(domain=["工作汇报", "示例数据"], range=["circle", "diamond"])),
        fill=alt.condition(alt.datum["来源"] == "工作汇报", alt.Color("指标:N"), alt.value("white")),
        tooltip=tips("年份:O", "指标:N", "数值:Q", "单位:N", "来源:N"))
    labels = base.mark_text(dy=-14, fontSize=13).encode(text=alt.Text("数值:Q", format=",.2~f"))
    return themed(alt.layer(line, points, labels).properties(title=title, height=280, width="container"))


def facts_frame(facts: pd.DataFrame, fact_ids: list[str], labels: dict[str, str] | None = None,
                group: dict[str, str] | None = None) -> pd.DataFrame:
    """Chosen report facts in the given order, with the category label and the verbatim source."""
    rows = facts.set_index("fact_id").loc[fact_ids].reset_index()
    labels = labels or {}
    if i18n.english():  # a page's short label when it has an English word, else the fact's English name
        names = [i18n.tr(labels[f]) if f in labels and not i18n.has_cjk(i18n.tr(labels[f])) else e
                 for f, e in zip(rows["fact_id"], rows["metric_en"])]
    else:
        names = [labels.get(f, m) for f, m in zip(rows["fact_id"], rows["metric"])]
    out = pd.DataFrame({
        "项目": names,
        "数值": rows["value"], "单位": rows["unit"], "报告原文": rows["source_text"], "fact_id": rows["fact_id"],
    })
    if group:
        out.insert(0, "类别", [group[f] for f in rows["fact_id"]])
    return out


@cached
def category_bars(frame: pd.DataFrame, title: str, x_title: str, color: str = PRIMARY) -> alt.Chart:
    order = list(frame["项目"])
    bars = alt.Chart(data(frame)).mark_bar(color=color).encode(
        y=alt.Y("项目:N", sort=order, title=None), x=alt.X("数值:Q", title=x_title),
        tooltip=tips("项目:N", "数值:Q", "单位:N", "报告原文:N"))
    text = bars.mark_text(align="left", dx=4, fontSize=13, color="#111827").encode(text=alt.Text("数值:Q", format=",.2~f"))
    return themed(alt.layer(bars, text).properties(title=title, height=max(120, 34 * len(order)), width="container"))


@cached
def medal_chart(frame: pd.DataFrame, title: str) -> alt.Chart:
    """Medal tables: one row per competition, gold / silver / bronze stacked in their colours."""
    events = list(dict.fromkeys(frame["类别"]))
    bars = alt.Chart(data(frame)).mark_bar().encode(
        y=alt.Y("类别:N", sort=events, title=None), x=alt.X("数值:Q", title="奖牌数（枚）", stack="zero"),
        color=alt.Color("项目:N", title=None, sort=list(MEDAL_COLORS),
                        scale=alt.Scale(domain=list(MEDAL_COLORS), range=list(MEDAL_COLORS.values()))),
        order=alt.Order("medal_order:Q"),
        tooltip=tips("类别:N", "项目:N", "数值:Q", "报告原文:N"),
    ).transform_calculate(medal_order="indexof(['金牌','银牌','铜牌'], datum['项目'])")
    return themed(bars.properties(title=title, height=max(120, 44 * len(events)), width="container"))


MEDAL_EVENTS = {
    "wrestling_national": "全国中小学国际式摔跤比赛（2025 年 1 月）",
    "wrestling_regional": "自治区摔跤比赛（先后 3 次参赛）",
    "archery": "全国射箭 U18 锦标赛（2024 年，本县承办）",
}


def medal_frame(facts: pd.DataFrame) -> pd.DataFrame:
    """The report's medal tables: one row per competition and medal."""
    ids, group, labels = [], {}, {}
    for prefix, event in MEDAL_EVENTS.items():
        for medal, name in (("gold", "金牌"), ("silver", "银牌"), ("bronze", "铜牌")):
            fid = f"{prefix}_{medal}"
            ids.append(fid)
            group[fid], labels[fid] = event, name
    return facts_frame(facts, ids, labels, group)


def standard_targets(rules: dict, rows: list[tuple]) -> pd.DataFrame:
    """Rates against the standard's county items: rows of (item code, label, value, source); the
    required minimum comes from the rules, never from the page."""
    from .standard import item_threshold

    return target_frame([{"项目": label, "数值": float(value), "要求": item_threshold(rules, item), "单位": "%",
                          "报告原文": source} for item, label, value, source in rows])


def target_frame(rows: list[dict]) -> pd.DataFrame:
    """Rates against the standard's minimum: [{项目, 数值, 要求, 单位, 报告原文}]."""
    frame = pd.DataFrame(rows)
    frame["结果"] = ["达到 ✓" if v >= t else "未达到 ✗" for v, t in zip(frame["数值"], frame["要求"])]
    return frame


@cached
def target_bars(frame: pd.DataFrame, title: str) -> alt.Chart:
    """Rates as bars on a 0–100% scale, each with its required minimum as a black tick."""
    order = list(frame["项目"])
    enc_y = alt.Y("项目:N", sort=order, title=None, axis=alt.Axis(labelLimit=320))
    bars = alt.Chart(data(frame)).mark_bar(size=30).encode(
        y=enc_y, x=alt.X("数值:Q", title="%", scale=alt.Scale(domain=[0, 100])),
        color=alt.Color("结果:N", title=None, scale=alt.Scale(domain=["达到 ✓", "未达到 ✗"],
                                                                range=[STATUS_COLORS[MET], STATUS_COLORS[BELOW]])),
        tooltip=tips("项目:N", "数值:Q", "要求:Q", "结果:N", "报告原文:N"))
    ticks = alt.Chart(data(frame)).mark_tick(color="#111827", thickness=4, size=44).encode(
        y=enc_y, x="要求:Q", tooltip=tips("项目:N", "要求:Q"))
    text = alt.Chart(data(frame)).mark_text(align="left", dx=6, fontSize=14, fontWeight="bold", color="#111827").encode(
        y=enc_y, x="数值:Q", text=alt.Text("label:N")).transform_calculate(
        label="format(datum['数值'], '.1f') + '%（要求 ≥ ' + format(datum['要求'], '.0f') + '%）'")
    return themed(alt.layer(bars, ticks, text).properties(title=title, height=70 * len(order), width="container"))


def pe_art_shortage(card) -> pd.DataFrame:
    """School parts with students below the PE and art teacher standard, and how many teachers each lacks."""
    pe = card.indicator("pe_art_teachers_per100")
    short = pe[(pe["status"] != MET) & (pe["students"] > 0)].copy()
    short["缺少（人）"] = [math.ceil(th * n / 100 - x - 1e-9) for th, n, x in
                        zip(short["threshold"], short["students"], short["numerator_value"])]
    return short[["school_id", "school_name", "stage", "students", "numerator_value", "value", "threshold", "缺少（人）"]].rename(
        columns={"school_id": "学校编号", "school_name": "学校", "stage": "学段", "students": "学生数",
                 "numerator_value": "体育艺术教师", "value": "每百名学生", "threshold": "标准值"})


def rotation_table(rotation: pd.DataFrame) -> pd.DataFrame:
    """Each school's rotation figures (the rotation_by_school query) as a table with its rate."""
    table = rotation.drop(columns="schools_in_view").rename(columns={
        "school_id": "学校编号", "school_name": "学校", "school_type": "类型", "urban_rural": "城乡",
        "township_name": "乡镇", "exchange_eligible_teachers": "符合条件教师", "exchange_teachers": "交流轮岗教师",
        "exchange_backbone_teachers": "其中骨干教师"})
    table["交流率（%）"] = (table["交流轮岗教师"] / table["符合条件教师"] * 100).round(1)
    return table


def school_ratio_frame(inputs: pd.DataFrame, links: dict | None = None) -> pd.DataFrame:
    """Students per full-time teacher, per school (stages together)."""
    by_school = inputs.groupby(["school_id", "school_name", "school_type", "urban_rural"], sort=False)
    per = by_school[["students", "full_time_teachers"]].sum()  # column by column: named aggregation costs 3×
    per = per.rename(columns={"full_time_teachers": "teachers"}).assign(staff=by_school["staff"].first()).reset_index()
    per = per[per["teachers"] > 0]
    out = pd.DataFrame({"学校编号": per["school_id"], "学校": per["school_name"], "类型": per["school_type"],
                        "城乡": per["urban_rural"], "学生数": per["students"], "专任教师": per["teachers"],
                        "教职工": per["staff"], "生师比": (per["students"] / per["teachers"]).round(1)})
    if links is not None:
        out["档案"] = out["学校编号"].map(links)
    return out.sort_values("生师比", ascending=False, kind="stable").reset_index(drop=True)


def ratio_bars(frame: pd.DataFrame, title: str, county_value: float):
    """Students per full-time teacher, school by school, with the selected area's ratio as a rule."""
    return _ratio_bars(frame.assign(所选范围合计=county_value), title)


@cached_layout(_bars_height, rows=lambda frame, *_: ordered(frame))
def _ratio_bars(frame: pd.DataFrame, title: str) -> alt.Chart:
    # the area's ratio travels in the rows (one value in every row), so one layout serves every area
    d = data(ordered(frame))
    enc = dict(y=alt.Y("学校:N", sort=in_order(), title=None), x=alt.X("生师比:Q", title="学生数 ÷ 专任教师数"),
               color=alt.Color("城乡:N", title="城乡", scale=alt.Scale(domain=list(SETTING_COLORS), range=list(SETTING_COLORS.values()))),
               tooltip=tips("学校:N", "类型:N", "学生数:Q", "专任教师:Q", "教职工:Q", "生师比:Q"))
    if "档案" in frame.columns:
        enc["href"] = alt.Href("档案:N")
    bars = part(d, {"type": "bar"}, **enc)
    text = part(d, {"type": "text", "align": "left", "dx": 4, "fontSize": 12},
                y=alt.Y("学校:N", sort=in_order()), x=alt.X("生师比:Q"), text=alt.Text("生师比:Q", format=".1f"))
    rule = part(d, {"type": "rule", "strokeDash": [6, 4], "size": 2, "color": "#111827"},
                x=alt.X("max(所选范围合计):Q"),
                tooltip=[alt.Tooltip("max(所选范围合计):Q", title="所选范围合计", format=".1f")])
    return themed(alt.LayerChart(layer=[bars, text, rule], title=title, height=_bars_height(frame), width="container"))


def township_comparison_frame(results: pd.DataFrame, inputs: pd.DataFrame) -> pd.DataFrame:
    """Schools, students and school parts meeting the standard, per township. `results` is row by row
    with `inputs`, as a scorecard's are: one grouping does it all (it is on the filter path)."""
    has = results["has_students"].to_numpy(dtype=bool)
    passing = (results["passes"] == True).to_numpy(dtype=bool) & has  # noqa: E712
    rows = pd.DataFrame({"乡镇代码": inputs["township_code"].array, "乡镇": inputs["township_name"].array,
                         "school_id": inputs["school_id"].array, "学生数": inputs["students"].array,
                         "学校学段数": has.astype("int64"), "达标学校学段数": passing.astype("int64")})
    by_township = rows.groupby(["乡镇代码", "乡镇"])  # column by column: named aggregation costs 3×
    sums = by_township[["学生数", "学校学段数", "达标学校学段数"]].sum()
    sums.insert(0, "学校数", by_township["school_id"].nunique())
    out = sums.reset_index()
    none = out["学校学段数"] == 0
    if none.any():  # a township whose schools have no students: nothing to count, not 0 of 0
        out = out.astype({"学校学段数": "float64", "达标学校学段数": "float64"})
        out.loc[none, ["学校学段数", "达标学校学段数"]] = np.nan
    out["达标比例"] = (out["达标学校学段数"] / out["学校学段数"] * 100).round(1)
    return out.sort_values("乡镇代码").reset_index(drop=True)


def _township_height(rows: pd.DataFrame) -> int:
    return max(120, 26 * len(rows))


@cached_layout(_township_height)
def township_comparison(frame: pd.DataFrame, title: str) -> alt.Chart:
    """Students and the share of school parts meeting the standard, township by township (in the
    order of their codes, taken from the data)."""
    d = data(frame)
    y = alt.Y("乡镇:N", sort=alt.EncodingSortField(field="乡镇代码", op="min"), title=None)
    students = part(d, {"type": "bar", "color": PRIMARY}, y=y, x=alt.X("学生数:Q", title="在校学生（人）"),
                    tooltip=tips("乡镇:N", "学校数:Q", "学生数:Q"))
    students_text = part(d, {"type": "text", "align": "left", "dx": 4, "fontSize": 12},
                         y=y, x=alt.X("学生数:Q"), text=alt.Text("学生数:Q", format=","))
    share = part(d, {"type": "bar"}, [calculate("datum['达标比例'] >= 100 ? '全部达标' : '部分未达标'", "状态")],
                 y=y, x=alt.X("达标比例:Q", title="达到学校标准的学校（学段）比例（%）", scale=alt.Scale(domain=[0, 100])),
                 color=alt.Color("状态:N", title=None, scale=alt.Scale(domain=["全部达标", "部分未达标"],
                                                                     range=[STATUS_COLORS[MET], STATUS_COLORS[FLOOR]])),
                 tooltip=tips("乡镇:N", "学校学段数:Q", "达标学校学段数:Q", "达标比例:Q"))
    share_text = part(d, {"type": "text", "align": "left", "dx": 4, "fontSize": 12},
                      [calculate("datum['达标学校学段数'] + ' / ' + datum['学校学段数']", "label")],
                      y=y, x=alt.X("达标比例:Q"), text=alt.Text("label:N"))
    height = _township_height(frame)
    left = alt.LayerChart(layer=[students, students_text], height=height, width=360)
    right = alt.LayerChart(layer=[share, share_text], height=height, width=360)
    return themed(alt.HConcatChart(hconcat=[left, right], title=title,
                                   resolve=alt.Resolve(scale=alt.ScaleResolveMap(color="independent"))))


def profile_trend_frame(values_by_year: pd.DataFrame) -> pd.DataFrame:
    frame = values_by_year.copy()
    return pd.DataFrame({"年份": frame["year"].astype(int), "学段": frame["stage"],
                         "指标": frame["number"].astype(str) + " " + frame["short"],
                         "数值": frame["value"].round(2), "标准值": frame["threshold"], "单位": frame["unit"],
                         "达到标准值的比例": (frame["share_of_threshold"] * 100).round(1),
                         "状态": frame["status"].map(STATUS_LABELS)})


@cached
def profile_trend(frame: pd.DataFrame, title: str) -> alt.Chart:
    labels, colors = status_legend_domain()
    indicators = list(dict.fromkeys(frame["指标"]))
    base = alt.Chart(data(frame)).encode(
        x=alt.X("年份:O", title=None, axis=alt.Axis(labelAngle=0)),
        y=alt.Y("达到标准值的比例:Q", title="达到标准值的比例（%）", scale=alt.Scale(zero=False)),
        detail="指标:N")
    line = base.mark_line(color="#94a3b8", strokeWidth=2)
    points = base.mark_point(size=90, filled=True).encode(
        color=alt.Color("状态:N", scale=alt.Scale(domain=labels, range=colors), title="状态"),
        tooltip=tips("年份:O", "学段:N", "指标:N", "数值:Q", "标准值:Q", "单位:N", "达到标准值的比例:Q", "状态:N"))
    rule = alt.Chart(data(frame)).mark_rule(strokeDash=[6, 4], color="#111827").encode(y=alt.datum(100))
    layer = alt.layer(line, points, rule).properties(width=150, height=150)
    return themed(layer.facet(facet=alt.Facet("指标:N", sort=indicators, title=None), columns=4).properties(title=title))


def comparison_frame(values: pd.DataFrame) -> pd.DataFrame:
    frame = values.copy()
    return pd.DataFrame({"学校（学段）": _school_label(frame), "学校编号": frame["school_id"],
                         "指标": frame["number"].astype(str) + " " + frame["short"], "数值": frame["value"].round(2),
                         "标准值": frame["threshold"], "单位": frame["unit"],
                         "达到标准值的比例": (frame["share_of_threshold"] * 100).round(1),
                         "状态": frame["status"].map(STATUS_LABELS)})


@cached
def comparison_chart(frame: pd.DataFrame, title: str) -> alt.Chart:
    schools = list(dict.fromkeys(frame["学校（学段）"]))
    indicators = list(dict.fromkeys(frame["指标"]))
    labels, colors = status_legend_domain()
    bars = alt.Chart(data(frame)).mark_bar().encode(
        x=alt.X("学校（学段）:N", sort=schools, title=None, axis=alt.Axis(labels=False, ticks=False)),
        y=alt.Y("达到标准值的比例:Q", title="达到标准值的比例（%）"),
        color=alt.Color("学校（学段）:N", sort=schools, title="学校（学段）",
                        scale=alt.Scale(range=["#1f4e8c", "#0f766e", "#d97706", "#7c3aed", "#be123c", "#475569"])),
        stroke=alt.Stroke("状态:N", scale=alt.Scale(domain=labels, range=colors), legend=None),
        tooltip=tips("学校（学段）:N", "指标:N", "数值:Q", "标准值:Q", "单位:N", "达到标准值的比例:Q", "状态:N"))
    rule = alt.Chart(data(frame)).mark_rule(strokeDash=[6, 4], color="#111827").encode(y=alt.datum(100))
    layer = alt.layer(bars, rule).properties(width=110, height=180)
    return themed(layer.facet(facet=alt.Facet("指标:N", sort=indicators, title=None), columns=4).properties(title=title))
