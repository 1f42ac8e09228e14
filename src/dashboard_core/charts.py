"""Altair chart builders with one theme: a font stack that renders Chinese, one set of status colours.

Every builder takes a DataFrame and returns a configured chart; the frame it plots is the one a
page offers for download, so what is seen and what is downloaded are the same numbers.
"""
from __future__ import annotations

import altair as alt
import pandas as pd

from .standard import BELOW, FLOOR, MET, NO_STUDENTS, STATUS_LABELS

FONT = ("'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', "
        "'WenQuanYi Micro Hei', sans-serif")
STATUS_COLORS = {MET: "#1b7f3b", FLOOR: "#b45309", BELOW: "#b91c1c", NO_STUDENTS: "#6b7280"}
STATUS_MARKS = {MET: "✓", FLOOR: "△", BELOW: "✗", NO_STUDENTS: "—"}
PRIMARY = "#1f4e8c"
ACCENT = "#d97706"
STAGE_COLORS = {"小学": "#1f4e8c", "初中": "#0f766e"}
SETTING_COLORS = {"城区": "#1f4e8c", "镇区": "#0f766e", "乡村": "#a16207"}

_CONFIG = dict(
    font=FONT,
    axis={"labelFontSize": 13, "titleFontSize": 14, "labelFont": FONT, "titleFont": FONT, "labelLimit": 260},
    legend={"labelFontSize": 13, "titleFontSize": 14, "labelFont": FONT, "titleFont": FONT, "orient": "bottom"},
    title={"fontSize": 17, "font": FONT, "anchor": "start", "subtitleFontSize": 13, "subtitleFont": FONT},
    header={"labelFontSize": 14, "titleFontSize": 14, "labelFont": FONT, "titleFont": FONT},
    view={"stroke": None},
)


def themed(chart: alt.TopLevelMixin) -> alt.TopLevelMixin:
    return chart.configure(**_CONFIG)


def status_legend_domain() -> tuple[list[str], list[str]]:
    order = [MET, FLOOR, BELOW, NO_STUDENTS]
    return [STATUS_LABELS[s] for s in order], [STATUS_COLORS[s] for s in order]


def status_grid_frame(values: pd.DataFrame) -> pd.DataFrame:
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
    return frame[["school_id", "学校（学段）", "stage", "指标", "数值", "标准值", "85%底线", "达到标准值的比例",
                  "状态", "标记", "unit"]].rename(columns={"school_id": "学校编号", "stage": "学段", "unit": "单位"})


def status_grid(grid: pd.DataFrame) -> alt.Chart:
    labels, colors = status_legend_domain()
    schools = list(dict.fromkeys(grid["学校（学段）"]))
    indicators = list(dict.fromkeys(grid["指标"]))
    base = alt.Chart(grid).encode(
        x=alt.X("指标:N", sort=indicators, title=None, axis=alt.Axis(orient="top", labelAngle=-30)),
        y=alt.Y("学校（学段）:N", sort=schools, title=None),
    )
    tooltip = ["学校（学段）:N", "指标:N", "数值:Q", "标准值:Q", "85%底线:Q", "达到标准值的比例:Q", "单位:N", "状态:N"]
    cells = base.mark_rect(stroke="white", strokeWidth=1.5).encode(
        color=alt.Color("状态:N", scale=alt.Scale(domain=labels, range=colors), title="状态"),
        tooltip=tooltip,
    )
    marks = base.mark_text(fontSize=15, fontWeight="bold", color="white").encode(text="标记:N", tooltip=tooltip)
    height = max(120, 26 * len(schools))
    return themed((cells + marks).properties(height=height, width="container"))


def cv_frame(cvs: pd.DataFrame) -> pd.DataFrame:
    frame = cvs.copy()
    frame["指标"] = frame["number"].astype(str) + " " + frame["short"]
    frame["差异系数"] = frame["cv"].round(4)
    frame["限值"] = frame["limit"]
    frame["结果"] = frame["passes"].map({True: "达标 ✓", False: "超限 ✗"}).fillna("无法计算")
    frame["参与学校数"] = frame["schools"]
    return frame[["stage", "指标", "差异系数", "限值", "结果", "参与学校数"]].rename(columns={"stage": "学段"})


def cv_chart(frame: pd.DataFrame) -> alt.Chart:
    indicators = list(dict.fromkeys(frame["指标"]))
    bars = alt.Chart(frame).mark_bar().encode(
        y=alt.Y("指标:N", sort=indicators, title=None),
        x=alt.X("差异系数:Q", title="差异系数（学生数加权）", scale=alt.Scale(domain=[0, 0.6])),
        color=alt.Color("结果:N", scale=alt.Scale(domain=["达标 ✓", "超限 ✗", "无法计算"],
                                                 range=[STATUS_COLORS[MET], STATUS_COLORS[BELOW], STATUS_COLORS[NO_STUDENTS]]),
                        title="结果"),
        tooltip=["学段:N", "指标:N", "差异系数:Q", "限值:Q", "结果:N", "参与学校数:Q"],
    )
    labels = alt.Chart(frame).mark_text(align="left", dx=4, fontSize=13).encode(
        y=alt.Y("指标:N", sort=indicators), x="差异系数:Q", text=alt.Text("差异系数:Q", format=".3f"))
    limit = alt.Chart(frame).mark_rule(color="#111827", strokeDash=[6, 4], size=2).encode(
        x="限值:Q", tooltip=["学段:N", "限值:Q"])
    return themed(alt.layer(bars, labels, limit).properties(height=36 * len(indicators) + 20, width="container"))
