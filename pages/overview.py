import sys
from pathlib import Path

# A deep link can reach a cold server before app.py has run (Streamlit then runs this file alone):
# make dashboard_core importable here too; ui.page_header hands the run back to the app frame.
_SRC = str(Path(__file__).resolve().parents[1] / "src")
if _SRC not in sys.path:
    sys.path.insert(0, _SRC)

import streamlit as st

from dashboard_core import ui

v = ui.page_header("总览", "察布查尔锡伯自治县义务教育概况")
facts = ui.ask(v.snapshot, "report_facts_for_domain", domain="overview").set_index("fact_id")


def fact_metric(column, fact_id: str, label: str | None = None) -> None:
    row = facts.loc[fact_id]
    column.metric(label or row["metric"], f"{ui._num(row['value'])} {row['unit']}",
                  help=f"工作汇报原文：“{row['source_text']}”")


st.subheader("县情")
cols = st.columns(4)
fact_metric(cols[0], "area_km2")
fact_metric(cols[1], "population")
fact_metric(cols[2], "border_km")
with cols[3]:
    st.metric("行政区划", f"{ui._num(facts.loc['towns','value'])} 镇 {ui._num(facts.loc['townships','value'])} 乡 "
              f"{ui._num(facts.loc['state_farms','value'])} 场",
              help=f"工作汇报原文：“{facts.loc['towns','source_text']}”")
st.caption("来源：工作汇报 一、基本情况")

st.subheader("义务教育规模（工作汇报）")
cols = st.columns(4)
fact_metric(cols[0], "schools_total")
fact_metric(cols[1], "students_total")
fact_metric(cols[2], "staff_total")
fact_metric(cols[3], "teachers_total")
cols = st.columns(4)
fact_metric(cols[0], "schools_primary", "小学")
fact_metric(cols[1], "schools_nine_year", "九年一贯制学校")
fact_metric(cols[2], "schools_junior", "初级中学")
fact_metric(cols[3], "teaching_points", "教学点")
cols = st.columns(4)
fact_metric(cols[0], "students_primary", "小学生")
fact_metric(cols[1], "students_junior", "初中生")
st.caption("来源：工作汇报 一、基本情况。悬停数字可查看原文。")

st.subheader(f"所选范围的学校数据（{v.scope_label} · {v.filters.year} 年）")
stages = ui.ask(v.snapshot, "enrolment_by_stage", v.filters)
types = ui.ask(v.snapshot, "schools_by_type", v.filters)
staff = ui.ask(v.snapshot, "staff_totals", v.filters)
cols = st.columns(4)
cols[0].metric("学校与教学点", f"{int(types['schools'].sum())} 所")
cols[1].metric("在校学生", f"{ui.fmt(stages['students'].sum())} 人")
cols[2].metric("教职工", f"{ui.fmt(staff['staff'].iloc[0])} 人")
cols[3].metric("专任教师", f"{ui.fmt(stages['full_time_teachers'].sum())} 人")
left, right = st.columns(2)
with left:
    st.dataframe(types.rename(columns={"school_type": "学校类型", "schools": "学校数"}), hide_index=True, width="stretch")
with right:
    st.dataframe(stages.rename(columns={"stage": "学段", "schools": "学校数", "students": "学生数", "classes": "班级数",
                                        "full_time_teachers": "专任教师"}), hide_index=True, width="stretch")
ui.source_caption(ui.snapshot_source(v.snapshot, "schools、school_stage_year、school_year"))

st.subheader("工作汇报中的基本情况")
ui.report_facts_table(ui.ask(v.snapshot, "report_facts_for_domain", domain="overview"), "overview")
