"""Charts for an editable slide deck: the numbers, series and colours of each briefing chart, from the same
display frames the pages chart, in a form PowerPoint and WPS draw natively (files/briefing.py writes them
as chart objects the bureau edits: numbers in the chart's own sheet, colours by clicking).

A chart coloured by status has one series per status (each category filled in its own series only, the
bars overlapping), so the legend names every colour it uses."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..model.vocabulary import BELOW, MET, NO_STUDENTS
from .charts import CATEGORY_COLORS, MEDAL_COLORS, PRIMARY, STATUS_COLORS, status_legend_domain
from .format import fmt
from .i18n import t, tr
from .words import CV_LABELS, CV_SCOPE_LABEL, TARGET_LABELS

BAR = "bar"  # horizontal bars, the first category on top
STACKED = "stacked"  # horizontal bars, the series stacked
LINE = "line"  # lines over the categories (years), with markers


@dataclass
class SlideChart:
    kind: str
    title: str
    categories: list[str]
    series: list[tuple[str, list[float | None]]]
    colors: list[str]  # one per series, "#rrggbb"
    number_format: str = "#,##0"  # of the value labels
    axis_format: str = "#,##0"  # of the value axis
    axis_title: str = ""
    axis_max: float | None = None
    description: str = ""  # alt text: what the chart shows, for a reader who cannot see it
    overlap: bool = False  # the series are parts of one bar each (status series), not bars side by side
    labels: bool = True  # each bar or point carries its value

    @property
    def legend(self) -> bool:
        return len(self.series) > 1


def _by_status(frame: pd.DataFrame, value: str, status: str, order: list[str], colors: list[str]):
    """One series per status that occurs, in the order given; each category's value in its own status."""
    series, used = [], []
    for label, color in zip(order, colors, strict=True):
        mask = frame[status] == label
        if mask.any():
            series.append((tr(label), [float(v) if m else None for v, m in zip(frame[value], mask, strict=True)]))
            used.append(color)
    return series, used


def _describe(title: str, categories: list[str], values: list, unit: str) -> str:
    shown = t("、").join(f"{c} {v:,.4g}{unit}" for c, v in zip(categories[:6], values[:6], strict=False) if v is not None)
    more = t(" 等") if len(categories) > 6 else ""
    return t("图表：{title}。{values}{more}", title=title, values=shown, more=more)


def township_pass_shares(towns: pd.DataFrame, title: str) -> SlideChart:
    """Each township's share of school parts meeting the school standard, its pupils in the label."""
    categories = [t("{township}（{n} 人）", township=tr(name), n=fmt(n))
                  for name, n in zip(towns["乡镇"], towns["学生数"], strict=True)]
    values = [float(v) for v in towns["达标比例"]]
    return SlideChart(BAR, title, categories, [(t("达标比例（%）"), values)], [PRIMARY], number_format="0.0",
                      axis_title=t("达到学校标准的学校学段比例（%）"), axis_max=100,
                      description=_describe(title, categories, values, "%"))


def trend(frame: pd.DataFrame, title: str, unit: str) -> SlideChart:
    """A line per series over the years."""
    years = sorted(set(frame["年份"]))
    names = list(dict.fromkeys(frame["指标"]))
    series = []
    for name in names:
        part = frame[frame["指标"] == name].set_index("年份")["数值"]
        series.append((tr(name), [float(part[y]) if y in part.index else None for y in years]))
    colors = list(CATEGORY_COLORS[:len(series)])
    return SlideChart(LINE, title, [str(y) for y in years], series, colors, number_format="#,##0.00",
                      axis_format="#,##0.0#", axis_title=tr(unit), description=_describe(title, [str(y) for y in years], series[0][1] if series else [], tr(unit)))


def indicator_shares(frame: pd.DataFrame, title: str) -> SlideChart:
    """School parts' values as a share of the standard, coloured by their status."""
    labels, colors = status_legend_domain()
    categories = [tr(c) for c in frame["学校（学段）"]]
    series, used = _by_status(frame, "达到标准值的比例", "状态", labels, colors)
    top = max(100.0, float(frame["达到标准值的比例"].max() if len(frame) else 100))
    return SlideChart(BAR, title, categories, series, used, number_format="0", overlap=True,
                      axis_title=t("达到标准值的比例（%）"), axis_max=top,
                      description=_describe(title, categories, list(frame["达到标准值的比例"]), "%"))


def category_bars(frame: pd.DataFrame, title: str, unit: str) -> SlideChart:
    categories = [tr(c) for c in frame["项目"]]
    values = [float(v) for v in frame["数值"]]
    whole = all(float(v).is_integer() for v in values)
    return SlideChart(BAR, title, categories, [(tr(unit), values)], [PRIMARY],
                      number_format="#,##0" if whole else "#,##0.0", axis_title=tr(unit),
                      description=_describe(title, categories, values, tr(unit)))


def medals(frame: pd.DataFrame, title: str) -> SlideChart:
    """Gold, silver and bronze stacked, competition by competition."""
    events = list(dict.fromkeys(frame["类别"]))
    series = []
    for medal in MEDAL_COLORS:
        part = frame[frame["项目"].isin({medal, t(medal)})].set_index("类别")["数值"]  # the frame names them in the run's language
        series.append((tr(medal), [float(part[e]) if e in part.index else None for e in events]))
    totals = [sum(v or 0 for v in values) for values in zip(*(s[1] for s in series), strict=True)]
    return SlideChart(STACKED, title, [tr(e) for e in events], series, list(MEDAL_COLORS.values()),
                      axis_title=t("奖牌数（枚）"), description=_describe(title, [tr(e) for e in events], totals, ""))


def targets(frame: pd.DataFrame, title: str) -> SlideChart:
    """Rates against the standard's minimum: the minimum in the label, the bar coloured by the result."""
    categories = [t("{item}（要求 ≥ {minimum}%）", item=tr(item), minimum=f"{req:g}")
                  for item, req in zip(frame["项目"], frame["要求"], strict=True)]
    order = [TARGET_LABELS[True], TARGET_LABELS[False]]
    series, used = _by_status(frame, "数值", "结果", order, [STATUS_COLORS[MET], STATUS_COLORS[BELOW]])
    return SlideChart(BAR, title, categories, series, used, number_format="0.0", overlap=True, axis_max=100,
                      axis_title="%", description=_describe(title, categories, list(frame["数值"]), "%"))


def cvs(frame: pd.DataFrame, title: str) -> SlideChart:
    """Each indicator's student-weighted CV, coloured by the result, the limit in the axis title."""
    order = [CV_LABELS[c] for c in CV_LABELS] + [CV_SCOPE_LABEL]
    colors = [STATUS_COLORS[MET], STATUS_COLORS[BELOW], STATUS_COLORS[NO_STUDENTS], STATUS_COLORS[NO_STUDENTS]]
    shown = frame[frame["差异系数"].notna()]
    limit = float(shown["限值"].max()) if len(shown) else float("nan")
    categories = [tr(c) for c in shown["指标"]]
    series, used = _by_status(shown, "差异系数", "结果", order, colors)
    return SlideChart(BAR, title, categories, series, used, number_format="0.000", axis_format="0.0#", overlap=True,
                      axis_title=t("差异系数（学生数加权，限值 {limit}）", limit=f"{limit:g}"),
                      axis_max=max(0.6, float(shown["差异系数"].max()) if len(shown) else 0.6),
                      description=_describe(title, categories, list(shown["差异系数"]), ""))
