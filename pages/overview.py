import sys
from pathlib import Path

# A deep link can reach a cold server before app.py has run (Streamlit then runs this file alone):
# make dashboard_core importable here too; ui.page_header hands the run back to the app frame.
_SRC = str(Path(__file__).resolve().parents[1] / "src")
if _SRC not in sys.path:
    sys.path.insert(0, _SRC)

import streamlit as st

from dashboard_core import charts, ui

v = ui.page_header("总览", "察布查尔锡伯自治县义务教育概况")
facts = ui.ask(v.snapshot, "report_facts_for_domain", domain="overview")
by_id = facts.set_index("fact_id")

fact_metric = ui.fact_metric_writer(by_id)


# The standards verdict in one line
card = ui.card(v.snapshot, v.filters)
s = card.summary
passing = sum(c["schools_passing"] for c in s["stages"].values())
total = sum(c["schools_total"] for c in s["stages"].values())
line = (f"**达标评估：{s['verdict_text']}** — {v.scope_label}{total} 个学校（学段）中 {passing} 个达到学校标准，"
        f"差异系数 {s['cv_passing']}/{s['cv_total']} 项在限值内，县级指标 {s['county_items_met']} 项达到、"
        f"{s['county_items_no_data']} 项暂无数据。")
with st.container(border=True):
    st.markdown(line)
    st.page_link("pages/standards.py", label="查看逐项评估与学校差距", icon=":material/arrow_forward:")

st.subheader("县情")
cols = st.columns(4)
fact_metric(cols[0], "area_km2")
fact_metric(cols[1], "population")
fact_metric(cols[2], "border_km")
cols[3].metric("行政区划", f"{ui.num(by_id.loc['towns', 'value'])} 镇 {ui.num(by_id.loc['townships', 'value'])} 乡 "
               f"{ui.num(by_id.loc['state_farms', 'value'])} 场",
               help=f"工作汇报原文：“{by_id.loc['towns', 'source_text']}”；"
                    f"另有 {ui.num(by_id.loc['villages', 'value'])} 个村（社区）、{ui.num(by_id.loc['farm_companies', 'value'])} 个连队")
st.caption("来源：工作汇报 一、基本情况。悬停数字可查看原文。")

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
fact_metric(cols[2], "coordination_meetings", "创建协调会、推进会、督导会")
st.caption("来源：工作汇报 一、基本情况；二（一）坚持高位推动。")

st.subheader(f"所选范围 {v.filters.year - 2}—{v.filters.year} 年变化（{v.scope_label}）")
trend = ui.ask(v.snapshot, "trend_by_year", v.filters)
trend = trend[trend["year"] <= v.filters.year]
if trend.empty:
    st.info("所选范围没有学校数据。")
else:
    cols = st.columns(4)
    for col, (key, label) in zip(cols, [("students", "在校学生"), ("full_time_teachers", "专任教师"),
                                       ("staff", "教职工"), ("backbone_teachers", "骨干教师")]):
        series = trend[key].astype(float).tolist()
        delta = series[-1] - series[0] if len(series) > 1 else None
        col.metric(label, f"{ui.fmt(series[-1])} 人", delta=None if delta is None else f"{delta:+,.0f}（较 {int(trend['year'].iloc[0])} 年）",
                   chart_data=series, chart_type="area", border=True)
    shown = trend.rename(columns={"year": "年份", "schools": "学校数", "students": "在校学生", "classes": "班级数",
                                  "full_time_teachers": "专任教师", "backbone_teachers": "骨干教师", "staff": "教职工"})
    ui.source_caption(ui.snapshot_source(v.snapshot, "school_stage_year、school_year")
                      + ("（2024 年全县合计与工作汇报一致；此前年份为示例数据）" if v.snapshot.demo else ""))
    ui.download_csv(shown, f"overview_trend_{v.filters.year}.csv")

st.subheader("乡镇对比：学校、学生与达标情况")
township_frame = charts.township_comparison_frame(card.results, card.inputs)
if township_frame.empty:
    st.info("所选范围没有学校数据。")
else:
    on_show = township_frame
    if len(township_frame) > ui.CHART_SCHOOLS // 2:
        on_show = township_frame.nlargest(ui.CHART_SCHOOLS // 2, "学生数").sort_values("乡镇代码")
        st.caption(f"共 {len(township_frame):,} 个乡镇：图中画学生最多的 {len(on_show)} 个，完整数据请下载 CSV。")
    ui.show_chart(charts.township_comparison(on_show, f"{v.filters.year} 年各乡镇在校学生与达到学校标准的比例"),
                  on_show, ui.snapshot_source(v.snapshot, "schools、school_stage_year、school_year") +
                  "；达标按国家标准逐校（学段）判定", f"overview_townships_{v.filters.year}.csv", data=township_frame)

st.subheader(f"所选范围的学校（{v.scope_label} · {v.filters.year} 年）")
stages = ui.ask(v.snapshot, "enrolment_by_stage", v.filters)
types = ui.ask(v.snapshot, "schools_by_type", v.filters)
left, right = st.columns(2)
with left:
    st.dataframe(types.rename(columns={"school_type": "学校类型", "schools": "学校数"}), hide_index=True, width="stretch")
with right:
    st.dataframe(stages.rename(columns={"stage": "学段", "schools": "学校数", "students": "学生数", "classes": "班级数",
                                        "full_time_teachers": "专任教师"}), hide_index=True, width="stretch")
ui.source_caption(ui.snapshot_source(v.snapshot, "schools、school_stage_year"))

st.subheader("工作汇报中的基本情况")
ui.report_facts_table(facts, "overview")
