import streamlit as st

from dashboard_core.web import ui
from dashboard_core.model.vocabulary import JUNIOR_SCHOOL, NINE_YEAR_SCHOOL, PRIMARY_SCHOOL, TEACHING_POINT
from dashboard_core.present import charts, i18n, tables, words
from dashboard_core.present.i18n import t
from dashboard_core.present.format import md_escape, md_value
from dashboard_core.model.filters import Filters
from dashboard_core.store.facts import REPORT_YEAR

v = ui.page_header(t("总览"), t("察布查尔锡伯自治县义务教育概况"))
facts = ui.report_facts(v.snapshot, "overview")
by_id = facts.set_index("fact_id")

fact_metric = ui.fact_metric_writer(by_id, v.filters.year)


# The standards verdict in one line
with ui.slide():
    card = ui.card(v.snapshot, v.filters)
    s = card.summary
    if ui.presenting():  # on the wall: the verdict as a headline a room reads at once, its grounds as figures
        st.markdown("## " + md_escape(words.verdict_headline(s, v.scope_label, v.filters.year)))
        ui.verdict_metrics(s)
    else:
        line = t("**达标评估** — {sentence}",
                 sentence=i18n.Verbatim(md_escape(words.summary_sentence(s, v.scope_label, v.filters.year))))
        with st.container(border=True):
            st.markdown(line)
            st.page_link("pages/standards.py", label=t("查看逐项评估与学校差距"), icon=":material/arrow_forward:")

    st.subheader(t("县情") if v.filters.is_whole_county else t("县情（全县，工作汇报口径）"))
    cols = st.columns(4)
    fact_metric(cols[0], "area_km2")
    fact_metric(cols[1], "population")
    fact_metric(cols[2], "border_km")
    cols[3].metric(t("行政区划"), t("{towns} 镇 {townships} 乡 {farms} 场", towns=ui.num(by_id.loc["towns", "value"]),
                                    townships=ui.num(by_id.loc["townships", "value"]),
                                    farms=ui.num(by_id.loc["state_farms", "value"])),
                   help=t("工作汇报原文：“{excerpt}”；另有 {villages} 个村（社区）、{companies} 个连队",
                          excerpt=i18n.Verbatim(by_id.loc["towns", "source_text"]),
                          villages=ui.num(by_id.loc["villages", "value"]),
                          companies=ui.num(by_id.loc["farm_companies", "value"])))
    st.caption(t("来源：工作汇报 一、基本情况。悬停数字可查看原文。"))

with ui.slide():
    st.subheader(t("义务教育规模（工作汇报所述现状）") if v.filters.is_whole_county
                 else t("义务教育规模（全县，工作汇报口径；所选范围的数字见下方）"))
    if v.filters.year != REPORT_YEAR:
        st.caption(t("以下是工作汇报所述的现状（{report} 年），不是所选 {year} 年的数据；所选年份的数字见下方“所选范围”各节。",
                     report=REPORT_YEAR, year=v.filters.year))
    cols = st.columns(4)
    fact_metric(cols[0], "schools_total")
    fact_metric(cols[1], "students_total")
    fact_metric(cols[2], "staff_total")
    fact_metric(cols[3], "teachers_total")
    cols = st.columns(4)
    fact_metric(cols[0], "schools_primary", PRIMARY_SCHOOL)
    fact_metric(cols[1], "schools_nine_year", NINE_YEAR_SCHOOL)
    fact_metric(cols[2], "schools_junior", JUNIOR_SCHOOL)
    fact_metric(cols[3], "teaching_points", TEACHING_POINT)
    cols = st.columns(4)
    fact_metric(cols[0], "students_primary", "小学生")
    fact_metric(cols[1], "students_junior", "初中生")
    fact_metric(cols[2], "coordination_meetings", "创建协调会、推进会、督导会")
    st.caption(t("来源：工作汇报 一、基本情况；二（一）坚持高位推动。"))

with ui.slide(chart_height=0.3):
    trend = ui.trend(v.snapshot, v.filters)
    trend = trend[trend["year"] <= v.filters.year]
    first = int(trend["year"].min()) if len(trend) else v.filters.year
    st.subheader(t("所选范围 {first}—{year} 年变化（{scope}）", first=first, year=v.filters.year, scope=md_value(v.scope_label))
                 if first < v.filters.year else t("所选范围 {year} 年（{scope}）", year=v.filters.year, scope=md_value(v.scope_label)))
    if trend.empty:
        st.info(t("所选范围没有学校数据。"))
    else:
        cols = st.columns(4)
        for col, (key, label) in zip(cols, [("students", "在校学生"), ("full_time_teachers", "专任教师"),
                                           ("staff", "教职工"), ("backbone_teachers", "骨干教师")]):
            series = trend[key].astype(float).tolist()
            delta = series[-1] - series[0] if len(series) > 1 else None
            col.metric(t(label), t("{n} 人", n=ui.fmt(series[-1])),
                       delta=None if delta is None else t("{delta:+,.0f}（较 {year} 年）", delta=delta, year=int(trend["year"].iloc[0])),
                       chart_data=series, chart_type="area", border=True)
        shown = trend.rename(columns={"year": "年份", "schools": "学校数", "students": "在校学生", "classes": "班级数",
                                      "full_time_teachers": "专任教师", "backbone_teachers": "骨干教师", "staff": "教职工"})
        ui.source_caption(ui.snapshot_source(v.snapshot, "school_stage_year、school_year")
                          + (t("（{year} 年全县合计与工作汇报一致；此前年份为示例数据）", year=REPORT_YEAR) if v.snapshot.demo else ""))
        ui.download_csv(shown, f"overview_trend_{v.filters.year}.csv")

with ui.slide(chart_height=0.52):
    st.subheader(t("乡镇对比：学校、学生与达标情况"))
    # every township stays in view; the ones chosen stand out
    county_card = ui.card(v.snapshot, Filters(year=v.filters.year, stages=v.filters.stages))
    township_frame = tables.township_comparison_frame(county_card.results, county_card.inputs)
    township_frame["所选"] = township_frame["乡镇代码"].isin(list(v.filters.townships))
    if township_frame.empty:
        st.info(t("所选范围没有学校数据。"))
    else:
        on_show = township_frame
        if len(township_frame) > ui.CHART_SCHOOLS // 2:
            on_show = township_frame.nlargest(ui.CHART_SCHOOLS // 2, "学生数").sort_values("乡镇代码")
            ui.partly_drawn(t("共 {n:,} 个乡镇：图中画学生最多的 {shown} 个", n=len(township_frame), shown=len(on_show)))
        ui.show_chart(charts.township_comparison(on_show, t("{year} 年各乡镇在校学生与达到学校标准的比例", year=v.filters.year)),
                      on_show, ui.snapshot_source(v.snapshot, "schools、school_stage_year、school_year") +
                      t("；达标按国家标准逐校（学段）判定"), f"overview_townships_{v.filters.year}.csv", data=township_frame)

with ui.page_only():
    st.subheader(t("所选范围的学校（{scope} · {year} 年）", scope=md_value(v.scope_label), year=v.filters.year))
    stages = card.enrolment_by_stage()  # from the scorecard in hand: no query
    types = ui.schools_by_type(v.snapshot, v.filters)
    left, right = st.columns(2)
    with left:
        ui.table_view(types.rename(columns={"school_type": "学校类型", "schools": "学校数"}))
    with right:
        ui.table_view(stages.rename(columns={"stage": "学段", "schools": "学校数", "students": "学生数", "classes": "班级数",
                                             "full_time_teachers": "专任教师"}))
    ui.source_caption(ui.snapshot_source(v.snapshot, "schools、school_stage_year"))

    st.subheader(t("工作汇报中的基本情况"))
    ui.report_facts_table(facts, "overview")
