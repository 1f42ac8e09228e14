"""Chart specs with one theme: a font stack that renders Chinese, one set of status colours, and a
bounded cache of built specs (a chart's build costs 15–100 ms; a cached spec is copied in under 1 ms).

Every builder takes a DataFrame and returns a configured chart; the frame it plots is the one a
page offers for download, so what is seen and what is downloaded are the same numbers.
"""
from __future__ import annotations

import copy
import functools
import hashlib
import json
import os
import re
import threading
from collections import OrderedDict

import altair as alt
import numpy as np
import pandas as pd

from ..model.vocabulary import (BELOW, CV_CODES, FLOOR, ITEM_MET, ITEM_NO_DATA, ITEM_NOT_APPLICABLE, ITEM_NOT_MET,
                                ITEM_PARTIAL, MET, NO_STUDENTS, RURAL, TOWN, URBAN)
from . import numbers
from .words import CV_LABELS, CV_SCOPE_LABEL, ITEM_LABELS, STATUS_LABELS

FONT = ("'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', "
        "'WenQuanYi Micro Hei', sans-serif")
STATUS_COLORS = {MET: "#1b7f3b", FLOOR: "#b45309", BELOW: "#b91c1c", NO_STUDENTS: "#6b7280"}
STATUS_MARKS = {MET: "✓", FLOOR: "△", BELOW: "✗", NO_STUDENTS: "—"}
PRIMARY = "#1f4e8c"
# series told apart by colour alone (lines of a trend, schools of a comparison): no status colour among them
CATEGORY_COLORS = ("#1f4e8c", "#0e7490", "#7c3aed", "#0369a1", "#a21caf", "#4338ca")
# categories never take a status colour (green, orange, red, grey): 乡村 was amber, beside 未达标但不低于 85%
SETTING_COLORS = {URBAN: "#1f4e8c", TOWN: "#0e7490", RURAL: "#7c3aed"}
# red and orange mean "below / not met" in every chart: "this school" takes purple, never a warning colour
LEVEL_COLORS = {"本校": "#6d28d9", "本乡镇": "#0e7490", "全县": "#1f4e8c"}

_CONFIG = dict(
    font=FONT,
    axis={"labelFontSize": 13, "titleFontSize": 14, "labelFont": FONT, "titleFont": FONT, "labelLimit": 360,
          "labelSeparation": 6},  # neighbouring tick labels never touch ("170180")
    legend={"labelFontSize": 13, "titleFontSize": 14, "labelFont": FONT, "titleFont": FONT, "orient": "bottom",
            "labelLimit": 320},
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


def value_labels(d, mark: dict, transform: list | None = None, **encoding) -> list[alt.Chart]:
    """Value labels over a white halo, to be layered after a chart's reference line: a value just short
    of the line (a bar ending at 98%, a ratio of 9.8 beside 10.0) is read, not crossed out by it."""
    halo = {**mark, "stroke": "white", "strokeWidth": 4, "strokeJoin": "round", "fill": "white"}
    return [part(d, halo, transform, **encoding), part(d, mark, transform, **encoding)]


def calculate(expression: str, name: str) -> alt.CalculateTransform:
    return alt.CalculateTransform(calculate=expression, **{"as": name})


def tips(*fields) -> list:
    # Channel objects, not strings: Altair converts each string through a slow schema lookup.
    return [f if isinstance(f, alt.Tooltip) else alt.Tooltip(f) for f in fields]


def finish(spec: dict) -> dict:
    """The one theme, added to a built spec as plain data: Altair's .configure() costs ~0.1 s a chart.
    "fit-x": the width follows the page, the height set on a chart is the plot's own height
    (Streamlit's default "fit" squeezes title, axes and legend into it and flattens short charts)."""
    composed = any(k in spec for k in ("facet", "hconcat", "vconcat", "concat"))
    spec["config"] = {**copy.deepcopy(_CONFIG), **spec.get("config", {})}
    spec["autosize"] = {"type": "pad" if composed else "fit-x", "contains": "padding"}
    # drawn as SVG: sharp on a projector, and sizes a test can measure
    spec["usermeta"] = {"embedOptions": {"renderer": "svg"}}
    # Vega's own ARIA labels are English sentences, one per mark ("Y-axis for a discrete scale with 34
    # values…"): off; the chart is described by its title, in the language of the page
    spec["config"]["aria"] = False
    title = spec.get("title")
    text = title.get("text") if isinstance(title, dict) else title
    if isinstance(text, str) and text:
        spec.setdefault("description", text)
    if not composed:  # room on the right for the value written past the longest bar
        spec["padding"] = {"left": 5, "top": 5, "bottom": 5, "right": 34}
    return spec


# A long school label loses its middle, not its end: "(example) (Junior secondary)" tells two rows of one
# school apart, and the demo mark must stay (the full name is in the tooltip)
ELIDE_MIDDLE = ("length(datum.label) > 54 ? slice(datum.label, 0, 23) + '…' + slice(datum.label, -30)"
                " : datum.label")
SCHOOL_AXIS = alt.Axis(labelExpr=ELIDE_MIDDLE)


def status_legend_domain() -> tuple[list[str], list[str]]:
    order = [MET, FLOOR, BELOW, NO_STUDENTS]
    return [STATUS_LABELS[s] for s in order], [STATUS_COLORS[s] for s in order]


def _status_grid_height(rows: pd.DataFrame) -> int:
    return max(120, 26 * rows["学校（学段）"].nunique())


@cached_layout(_status_grid_height, rows=lambda grid: ordered(grid))
def status_grid(grid: pd.DataFrame) -> alt.Chart:
    labels, colors = status_legend_domain()
    d = data(ordered(grid))
    x = alt.X("指标:N", sort=in_order(), title=None, axis=alt.Axis(orient="top", labelAngle=-30))
    y = alt.Y("学校（学段）:N", sort=in_order(), title=None, axis=SCHOOL_AXIS)
    tooltip = tips("学校（学段）:N", "指标:N", "数值:Q", "标准值:Q", "85%底线:Q", "达到标准值的比例:Q", "单位:N", "状态:N")
    extra = {"href": alt.Href("档案:N")} if "档案" in grid.columns else {}
    cells = part(d, {"type": "rect", "stroke": "white", "strokeWidth": 1.5}, x=x, y=y,
                 color=alt.Color("状态:N", scale=alt.Scale(domain=labels, range=colors), title="状态"),
                 tooltip=tooltip, **extra)
    # the glyph links too: a click on the ✓ itself opens the profile, not only a click beside it
    marks = part(d, {"type": "text", "fontSize": 15, "fontWeight": "bold", "color": "white"}, x=x, y=y,
                 text=alt.Text("标记:N"), tooltip=tooltip, **extra)
    return (alt.LayerChart(layer=[cells, marks], height=_status_grid_height(grid), width="container"))


ITEM_COLORS = {ITEM_MET: "#1b7f3b", ITEM_NOT_MET: "#b91c1c", ITEM_PARTIAL: "#b45309", ITEM_NO_DATA: "#6b7280",
               ITEM_NOT_APPLICABLE: "#9ca3af"}


@cached
def county_item_tiles(frame: pd.DataFrame, title: str) -> alt.Chart:
    """Every county item as a tile in its part's row, coloured by status, its code and mark on it."""
    d = data(ordered(frame))
    domain = [ITEM_LABELS[code] for code in ITEM_COLORS]
    x = alt.X("位置:O", title=None, axis=None)
    y = alt.Y("部分:N", sort=in_order(), title=None, axis=alt.Axis(labelFontSize=14, labelLimit=200))
    tooltip = tips("编号:N", "要求:N", "数值:N", "状态:N")
    tiles = part(d, {"type": "rect", "stroke": "white", "strokeWidth": 3, "cornerRadius": 3}, x=x, y=y,
                 color=alt.Color("类别:N", scale=alt.Scale(domain=domain, range=list(ITEM_COLORS.values())), title="状态"),
                 tooltip=tooltip)
    codes = part(d, {"type": "text", "fontSize": 14, "fontWeight": "bold", "color": "white"}, x=x, y=y,
                 text=alt.Text("label:N"), tooltip=tooltip,
                 transform=[calculate("datum['编号'] + ' ' + datum['标记']", "label")])
    return alt.LayerChart(layer=[tiles, codes], title=title, height=150, width="container")


def _cv_chart_height(rows: pd.DataFrame) -> int:
    return 36 * rows["指标"].nunique() + 20


@cached_layout(_cv_chart_height, rows=lambda frame: ordered(frame))
def cv_chart(frame: pd.DataFrame) -> alt.Chart:
    d = data(ordered(frame))
    bars = part(d, {"type": "bar"},
                y=alt.Y("指标:N", sort=in_order(), title=None),
                x=alt.X("差异系数:Q", title="差异系数（学生数加权）", scale=alt.Scale(domain=[0, 0.6])),
                color=alt.Color("结果:N", scale=alt.Scale(domain=[CV_LABELS[c] for c in CV_CODES] + [CV_SCOPE_LABEL],
                                                         range=[STATUS_COLORS[MET], STATUS_COLORS[BELOW], STATUS_COLORS[NO_STUDENTS],
                                                                STATUS_COLORS[NO_STUDENTS]]),
                                # under the plot, two entries a line and none cut: two charts share a row, the
                                # plot keeps its width, and "不适用（不足 2 所）" says why in full
                                title="结果", legend=alt.Legend(orient="bottom", direction="horizontal", columns=2,
                                                                labelLimit=0)),
                tooltip=tips("学段:N", "指标:N", "差异系数:Q", "限值:Q", "结果:N", "参与学校数:Q"))
    labels = value_labels(d, {"type": "text", "align": "left", "dx": 4, "fontSize": 13},
                          y=alt.Y("指标:N", sort=in_order()), x=alt.X("差异系数:Q"), text=alt.Text("差异系数:Q", format=".3f"))
    limit = part(d, {"type": "rule", "color": "#111827", "strokeDash": [6, 4], "size": 2},
                 x=alt.X("限值:Q"), tooltip=tips("学段:N", "限值:Q"))
    return (alt.LayerChart(layer=[bars, limit, *labels], height=_cv_chart_height(frame), width="container"))


# ---- frames and charts shared by the domain pages ------------------------------------------

MEDAL_COLORS = {"金牌": "#c9a227", "银牌": "#8a939b", "铜牌": "#a0612b"}


def _bars_height(rows: pd.DataFrame) -> int:
    return max(140, 24 * len(rows))


@cached_layout(_bars_height, rows=lambda frame, *_: ordered(frame))
def indicator_bars(frame: pd.DataFrame, title: str) -> alt.Chart:
    """Each school part's value as a share of its threshold; rules at 100% and at the 85% floor."""
    labels, colors = status_legend_domain()
    d = data(ordered(frame))
    linked = "档案" in frame.columns
    enc = dict(
        y=alt.Y("学校（学段）:N", sort=in_order(), title=None, axis=SCHOOL_AXIS),
        x=alt.X("达到标准值的比例:Q", title="达到标准值的比例（%）", scale=alt.Scale(domainMin=0)),
        tooltip=tips("学校（学段）:N", "数值:Q", "标准值:Q", "单位:N", "达到标准值的比例:Q", "状态:N"),
    )
    if linked:
        enc["href"] = alt.Href("档案:N")
    bars = part(d, {"type": "bar", "cursor": "pointer" if linked else "default"},
                color=alt.Color("状态:N", scale=alt.Scale(domain=labels, range=colors), title="状态"), **enc)
    text = value_labels(d, {"type": "text", "align": "left", "dx": 4, "fontSize": 12},
                        [calculate("format(datum['数值'], ',.2f') + ' ' + datum['单位']", "label")],
                        y=alt.Y("学校（学段）:N", sort=in_order()), x=alt.X("达到标准值的比例:Q"), text=alt.Text("label:N"))
    rules = part(data(pd.DataFrame({"x": [100, 85], "线": ["标准值", "85%底线"]})), {"type": "rule", "strokeDash": [6, 4], "size": 2},
                 x=alt.X("x:Q"), color=alt.value("#111827"), tooltip=tips("线:N", "x:Q"))
    return (alt.LayerChart(layer=[bars, rules, *text], title=title, height=_bars_height(frame), width="container"))


def _group_grid_rows(frame: pd.DataFrame, group_label: str, *_) -> pd.DataFrame:
    return ordered(frame.assign(行=frame[group_label] + "（" + frame["学段"] + "）",
                                文本=[numbers.percent(p, 0) for p in frame["达到标准值的比例"]]))


def _group_grid_height(rows: pd.DataFrame) -> int:
    return max(100, 28 * rows["行"].nunique())


@cached_layout(_group_grid_height, rows=_group_grid_rows)
def group_grid(frame: pd.DataFrame, group_label: str, title: str) -> alt.Chart:
    """Groups (e.g. townships) × indicators, coloured by where the group's value stands against the threshold."""
    labels, colors = status_legend_domain()
    frame = _group_grid_rows(frame, group_label)
    d = data(frame)
    # slanted like the school grid's: level English names of four columns run into each other
    x = alt.X("指标:N", sort=in_order(), title=None, axis=alt.Axis(orient="top", labelAngle=-30))
    y = alt.Y("行:N", sort=in_order(), title=None)
    tooltip = tips(f"{group_label}:N", "学段:N", "指标:N", "数值:Q", "标准值:Q", "单位:N", "达到标准值的比例:Q", "学校数:Q", "学生数:Q")
    cells = part(d, {"type": "rect", "stroke": "white", "strokeWidth": 1.5}, x=x, y=y,
                 color=alt.Color("状态:N", scale=alt.Scale(domain=labels, range=colors), title="状态"), tooltip=tooltip)
    text = part(d, {"type": "text", "fontSize": 13, "color": "white", "fontWeight": "bold"}, x=x, y=y,
                text=alt.Text("文本:N"), tooltip=tooltip)
    return (alt.LayerChart(layer=[cells, text], title=title, height=_group_grid_height(frame), width="container"))


GROUP_ORDER = "组序"  # a group's place in the palette, as a field (see ORDER)


def _grouped_rows(frame: pd.DataFrame, group_label: str, title: str, palette: dict) -> pd.DataFrame:
    places = {g: i for i, g in enumerate(palette)}
    return ordered(frame).assign(**{GROUP_ORDER: frame[group_label].map(places).fillna(len(places)).astype("int64")})


def _grouped_height(rows: pd.DataFrame) -> int:
    return max(150, 16 * rows[GROUP_ORDER].nunique() * rows["指标"].nunique() + 40)


@cached_layout(_grouped_height, rows=_grouped_rows)
def grouped_bars(frame: pd.DataFrame, group_label: str, title: str, palette: dict) -> alt.Chart:
    """Groups side by side for each indicator (城区/镇区/乡村, or a school against its township and the
    county), as a share of the threshold, with the threshold drawn at 100%. The indicators are rows,
    so their names are read whole in either language."""
    rows = _grouped_rows(frame, group_label, title, palette)
    d = data(rows)
    enc_y = alt.Y("指标:N", sort=in_order(), title=None)
    in_palette_order = alt.EncodingSortField(field=GROUP_ORDER, op="min")
    offset = alt.YOffset(f"{group_label}:N", sort=in_palette_order)
    bars = part(d, {"type": "bar"},
                y=enc_y, yOffset=offset, x=alt.X("达到标准值的比例:Q", title="达到标准值的比例（%）"),
                color=alt.Color(f"{group_label}:N", sort=in_palette_order, title=group_label,
                                scale=alt.Scale(domain=list(palette), range=list(palette.values()))),
                tooltip=tips(f"{group_label}:N", "学段:N", "指标:N", "数值:Q", "标准值:Q", "单位:N", "达到标准值的比例:Q"))
    text = value_labels(d, {"type": "text", "align": "left", "dx": 3, "fontSize": 11},
                        y=enc_y, yOffset=offset, x=alt.X("达到标准值的比例:Q"), text=alt.Text("达到标准值的比例:Q", format=".0f"))
    rule = part(d, {"type": "rule", "strokeDash": [6, 4], "color": "#111827", "size": 2}, x=alt.datum(100))
    return (alt.LayerChart(layer=[bars, rule, *text], title=title, height=_grouped_height(rows), width="container"))


def setting_bars(frame: pd.DataFrame, title: str):
    """城区 / 镇区 / 乡村 side by side for each indicator."""
    return grouped_bars(frame, "城乡", title, SETTING_COLORS)


@cached
def trend_chart(frame: pd.DataFrame, title: str, y_title: str) -> alt.Chart:
    """Lines by year; filled points are the report's figures, hollow points are demo values."""
    series = sorted(set(frame["指标"]))
    palette = alt.Scale(domain=series, range=list(CATEGORY_COLORS[:max(len(series), 1)]))
    base = alt.Chart(data(frame)).encode(
        x=alt.X("年份:O", title=None, axis=alt.Axis(labelAngle=0)),
        y=alt.Y("数值:Q", title=y_title, scale=alt.Scale(zero=True)),  # a change is drawn to its true size
        color=alt.Color("指标:N", title=None, scale=palette, legend=alt.Legend(orient="top")),
    )
    line = base.mark_line(strokeWidth=3)
    sources = [x for x in ("工作汇报", "示例数据") if x in set(frame["来源"])]  # the legend names what is drawn
    shapes = {"工作汇报": "circle", "示例数据": "diamond"}
    points = base.mark_point(size=120, strokeWidth=3, opacity=1).encode(
        # Vega draws this legend without its symbols: the caption says what a hollow diamond is instead
        shape=alt.Shape("来源:N", title="来源", scale=alt.Scale(domain=sources, range=[shapes[x] for x in sources]),
                        legend=None),
        # the same colours as the lines (a fill scale of its own would paint 小学's points orange)
        fill=alt.condition(alt.datum["来源"] == "工作汇报", alt.Fill("指标:N", legend=None, scale=palette),
                           alt.value("white")),
        tooltip=tips("年份:O", "指标:N", "数值:Q", "单位:N", "来源:N"))
    labels = base.mark_text(dy=-14, fontSize=13).encode(text=alt.Text("数值:Q", format=",.2~f"))
    layers = [line, points, labels]
    if len(series) > 1:  # each line named at its last point: told apart without the legend, from the back of a room
        last = frame.sort_values("年份").groupby("指标", as_index=False).tail(1)
        layers.append(alt.Chart(data(last)).mark_text(align="left", dx=12, fontSize=13, fontWeight="bold").encode(
            x=alt.X("年份:O"), y=alt.Y("数值:Q"), text=alt.Text("指标:N"),
            color=alt.Color("指标:N", scale=palette, legend=None)))
    return (alt.layer(*layers).properties(title=title, height=280, width="container"))


@cached
def category_bars(frame: pd.DataFrame, title: str, x_title: str, color: str = PRIMARY) -> alt.Chart:
    order = list(frame["项目"])
    whole = bool(len(frame)) and bool((frame["数值"] % 1 == 0).all())  # counts: whole-number ticks only
    bars = alt.Chart(data(frame)).mark_bar(color=color).encode(
        y=alt.Y("项目:N", sort=order, title=None),
        x=alt.X("数值:Q", title=x_title, axis=alt.Axis(tickMinStep=1, format="d") if whole else alt.Axis()),
        tooltip=tips("项目:N", "数值:Q", "单位:N", "报告原文:N"))
    text = bars.mark_text(align="left", dx=4, fontSize=13, color="#111827").encode(text=alt.Text("数值:Q", format=",.2~f"))
    return (alt.layer(bars, text).properties(title=title, height=max(120, 34 * len(order)), width="container"))


@cached
def medal_chart(frame: pd.DataFrame, title: str) -> alt.Chart:
    """Medal tables: one row per competition, gold / silver / bronze stacked in their colours."""
    events = list(dict.fromkeys(frame["类别"]))
    bars = alt.Chart(data(frame)).mark_bar().encode(
        # the competitions' names whole: "(3 entries)" or "(hosted by the county)" is part of the figure
        y=alt.Y("类别:N", sort=events, title=None, axis=alt.Axis(labelLimit=480)),
        x=alt.X("数值:Q", title="奖牌数（枚）", stack="zero"),
        color=alt.Color("项目:N", title=None, sort=list(MEDAL_COLORS),
                        scale=alt.Scale(domain=list(MEDAL_COLORS), range=list(MEDAL_COLORS.values()))),
        order=alt.Order("medal_order:Q"),
        tooltip=tips("类别:N", "项目:N", "数值:Q", "报告原文:N"),
    ).transform_calculate(medal_order="indexof(['金牌','银牌','铜牌'], datum['项目'])")
    return (bars.properties(title=title, height=max(120, 44 * len(events)), width="container"))


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
    return (alt.layer(bars, ticks, text).properties(title=title, height=70 * len(order), width="container"))


def ratio_bars(frame: pd.DataFrame, title: str, county_value: float):
    """Students per full-time teacher, school by school, with the selected area's ratio as a rule."""
    return _ratio_bars(frame.assign(所选范围合计=county_value), title)


@cached_layout(_bars_height, rows=lambda frame, *_: ordered(frame))
def _ratio_bars(frame: pd.DataFrame, title: str) -> alt.Chart:
    # the area's ratio travels in the rows (one value in every row), so one layout serves every area
    d = data(ordered(frame))
    enc = dict(y=alt.Y("学校:N", sort=in_order(), title=None, axis=SCHOOL_AXIS), x=alt.X("生师比:Q", title="学生数 ÷ 专任教师数"),
               color=alt.Color("城乡:N", title="城乡", scale=alt.Scale(domain=list(SETTING_COLORS), range=list(SETTING_COLORS.values()))),
               tooltip=tips("学校:N", "类型:N", "学生数:Q", "专任教师:Q", "教职工:Q", "生师比:Q"))
    if "档案" in frame.columns:
        enc["href"] = alt.Href("档案:N")
    bars = part(d, {"type": "bar"}, **enc)
    text = value_labels(d, {"type": "text", "align": "left", "dx": 4, "fontSize": 12},
                        y=alt.Y("学校:N", sort=in_order()), x=alt.X("生师比:Q"), text=alt.Text("生师比:Q", format=".1f"))
    rule = part(d, {"type": "rule", "strokeDash": [6, 4], "size": 2, "color": "#111827"},
                x=alt.X("max(所选范围合计):Q"),
                tooltip=[alt.Tooltip("max(所选范围合计):Q", title="所选范围合计", format=".1f")])
    return (alt.LayerChart(layer=[bars, rule, *text], title=title, height=_bars_height(frame), width="container"))


def _township_height(rows: pd.DataFrame) -> int:
    return max(120, 26 * len(rows))


@cached_layout(_township_height)
def township_comparison(frame: pd.DataFrame, title: str) -> alt.Chart:
    """Students and the share of school parts meeting the standard, township by township (in the
    order of their codes, taken from the data). With a `所选` column, the townships chosen stand out
    and the others stay in view, paler. Both panels share the rows, so only the left one names them."""
    d = data(frame)
    y = alt.Y("乡镇:N", sort=alt.EncodingSortField(field="乡镇代码", op="min"), title=None)
    y_unnamed = alt.Y("乡镇:N", sort=alt.EncodingSortField(field="乡镇代码", op="min"), title=None,
                      axis=alt.Axis(labels=False, ticks=False, domain=False))
    chosen = "所选" in frame.columns and bool(frame["所选"].any())
    opacity = (alt.condition("datum['所选']", alt.value(1.0), alt.value(0.35)) if chosen else alt.value(1.0))
    students = part(d, {"type": "bar", "color": PRIMARY}, y=y, x=alt.X("学生数:Q", title="在校学生（人）"),
                    opacity=opacity, tooltip=tips("乡镇:N", "学校数:Q", "学生数:Q"))
    students_text = part(d, {"type": "text", "align": "left", "dx": 4, "fontSize": 12},
                         y=y, x=alt.X("学生数:Q"), text=alt.Text("学生数:Q", format=","))
    share = part(d, {"type": "bar"}, [calculate("datum['达标比例'] >= 100 ? '全部达标' : '部分未达标'", "状态")],
                 y=y_unnamed, x=alt.X("达标比例:Q", title="达到学校标准的学校（学段）比例（%）", scale=alt.Scale(domain=[0, 100]),
                                      axis=alt.Axis(values=[0, 25, 50, 75, 100])),  # no "90100" crowding
                 color=alt.Color("状态:N", title=None, scale=alt.Scale(domain=["全部达标", "部分未达标"],
                                                                     range=[STATUS_COLORS[MET], STATUS_COLORS[BELOW]])),  # some parts not met: red, as everywhere
                 opacity=opacity, tooltip=tips("乡镇:N", "学校学段数:Q", "达标学校学段数:Q", "达标比例:Q"))
    share_text = part(d, {"type": "text", "align": "left", "dx": 4, "fontSize": 12},
                      [calculate("datum['达标学校学段数'] + ' / ' + datum['学校学段数']", "label")],
                      y=y_unnamed, x=alt.X("达标比例:Q"), text=alt.Text("label:N"))
    height = _township_height(frame)
    # fixed widths (side-by-side views cannot follow the page) that fit a 820 px column with English names
    left = alt.LayerChart(layer=[students, students_text], height=height, width=235)
    right = alt.LayerChart(layer=[share, share_text], height=height, width=235)
    return (alt.HConcatChart(hconcat=[left, right], title=title, spacing=24,
                                   resolve=alt.Resolve(scale=alt.ScaleResolveMap(color="independent"))))


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
    # up to four indicators a row, each panel wide enough for its year labels, and the whole as wide as
    # an 820 px column whatever the number of indicators (seven: 4 + 3; eight: 4 + 4)
    columns = min(len(indicators), 4) or 1
    spacing = 12
    width = int((PROFILE_TREND_WIDTH - spacing * (columns - 1)) / columns)
    layer = alt.layer(line, points, rule).properties(width=width, height=150)
    return (layer.facet(facet=alt.Facet("指标:N", sort=indicators, title=None,
                                        header=alt.Header(labelLimit=width + 10, labelFontSize=11)),
                        columns=columns, spacing=spacing).properties(title=title))


PROFILE_TREND_WIDTH = 560  # the panels' total width: with the axis title and the legend (about 230 px) it fits 820 px


@cached
def comparison_chart(frame: pd.DataFrame, title: str) -> alt.Chart:
    schools = list(dict.fromkeys(frame["学校（学段）"]))
    indicators = list(dict.fromkeys(frame["指标"]))
    labels, colors = status_legend_domain()
    bars = alt.Chart(data(frame)).mark_bar().encode(
        x=alt.X("学校（学段）:N", sort=schools, title=None, axis=alt.Axis(labels=False, ticks=False)),
        y=alt.Y("达到标准值的比例:Q", title="达到标准值的比例（%）"),
        color=alt.Color("学校（学段）:N", sort=schools, title="学校（学段）",
                        scale=alt.Scale(range=list(CATEGORY_COLORS))),
        stroke=alt.Stroke("状态:N", scale=alt.Scale(domain=labels, range=colors), legend=None),
        tooltip=tips("学校（学段）:N", "指标:N", "数值:Q", "标准值:Q", "单位:N", "达到标准值的比例:Q", "状态:N"))
    rule = alt.Chart(data(frame)).mark_rule(strokeDash=[6, 4], color="#111827").encode(y=alt.datum(100))
    layer = alt.layer(bars, rule).properties(width=100, height=180)
    return (layer.facet(facet=alt.Facet("指标:N", sort=indicators, title=None), columns=4).properties(title=title))


_TITLE_TAIL = re.compile(r"^(.{8,}?)\s*([（(].+[）)])$")


def title_with_subtitle(spec: dict, longer_than: int = 36) -> dict:
    """A long title whose explanation is in brackets keeps its name as the title and the explanation
    as a smaller subtitle beneath, instead of running past the chart's width and being cut."""
    title = spec.get("title")
    match = _TITLE_TAIL.match(title) if isinstance(title, str) and len(title) > longer_than else None
    if match:
        spec = {**spec, "title": {"text": match.group(1), "subtitle": match.group(2)}}
    return spec


# Text on a projected chart is read from the back of a room: at least 2.25% of the screen height for
# labels (24 px at 1080 p, 16 px at 720 p), 2.8% for titles. The page sizes are the floor. Vega works the
# size out from the window (`windowSize()`), so one spec serves every projector.
SLIDE_TEXT_SHARE, SLIDE_TITLE_SHARE = 0.0225, 0.028
_TITLE_KEYS = {("title", "fontSize"), ("header", "titleFontSize")}


SLIDE_BASE_HEIGHT = 720  # the smallest 16:9 screen a slide is laid out for
_COMPOSED_FRAME = 90  # title and axes around the plots of a side-by-side chart, in pixels


def for_slide(spec: dict, share: float) -> dict:
    """A spec drawn on a presentation slide whose charts take `share` of the screen height: a single
    view takes the height of the box the slide gives it (axes and title included, so nothing spills
    below); side-by-side views, which cannot follow a box, are sized for the smallest screen;
    every text a quarter larger."""
    spec = copy.deepcopy(spec)
    composed = any(k in spec for k in ("facet", "hconcat", "vconcat", "concat"))
    if not composed:
        spec["height"] = "container"
        spec["autosize"] = {"type": "fit", "contains": "padding"}
    else:
        for view in spec.get("hconcat", []):
            if isinstance(view.get("height"), (int, float)):
                view["height"] = max(120, int(share * SLIDE_BASE_HEIGHT) - _COMPOSED_FRAME)
    config = spec.setdefault("config", {})
    if not composed:
        config.setdefault("legend", {})["orient"] = "right"  # a slide is wide and short: the legend goes beside
        # ... far enough from the plot for the value label at the end of its longest bar (~3 figures' width)
        config["legend"]["offset"] = {"expr": f"max(18, round(windowSize()[1] * {SLIDE_TEXT_SHARE} * 3))"}
    # a slide is wide: whole school names (the stage is at their end) and whole legend entries
    config.setdefault("axis", {})["labelLimit"] = 540
    config.setdefault("legend", {})["labelLimit"] = 320
    for part in ("axis", "legend", "title", "header"):
        for key, value in list(config.get(part, {}).items()):
            if key.endswith("FontSize") or key == "fontSize":
                config[part][key] = on_the_wall(value, SLIDE_TITLE_SHARE if (part, key) in _TITLE_KEYS
                                                else SLIDE_TEXT_SHARE)
    _marks_on_the_wall(spec)
    return spec


def on_the_wall(size: float, share: float) -> dict:
    """A font size that grows with the screen: `share` of the window's height, never under `size`."""
    return {"expr": f"max({size}, round(windowSize()[1] * {share}))"}


def _marks_on_the_wall(node) -> None:
    """Every size set inside the spec (a text mark's value labels, an axis or header of one view) made
    a share of the screen too."""
    if isinstance(node, dict):
        mark = node.get("mark")
        if isinstance(mark, dict) and mark.get("type") == "text" and isinstance(mark.get("fontSize"), (int, float)):
            mark["fontSize"] = on_the_wall(mark["fontSize"], SLIDE_TEXT_SHARE)
        for part in ("axis", "legend", "header"):
            inner = node.get(part)
            if isinstance(inner, dict):
                for key, value in list(inner.items()):
                    if key.endswith("FontSize") and isinstance(value, (int, float)):
                        inner[key] = on_the_wall(value, SLIDE_TEXT_SHARE)
        for key, value in node.items():
            if key not in ("datasets", "data", "config"):
                _marks_on_the_wall(value)
    elif isinstance(node, list):
        for value in node:
            _marks_on_the_wall(value)


def fills_box(spec: dict) -> bool:
    return spec.get("height") == "container"
