import streamlit as st

from dashboard_core.web import ui
from dashboard_core.present import charts, tables, words
from dashboard_core.model import standard
from dashboard_core.present.i18n import t
from dashboard_core.store.facts import S_RES

v = ui.page_header(t("办学条件"), t("资源配置：投入、布局、校舍、场地与装备"))
facts = ui.report_facts(v.snapshot, "resources")
by_id = facts.set_index("fact_id")

fact_metric = ui.fact_metric_writer(by_id, v.filters.year)


with ui.slide():
    st.subheader(t("2022 年以来的投入与建设"))
    cols = st.columns(4)
    fact_metric(cols[0], "investment_since_2022", "教育项目投入")
    fact_metric(cols[1], "projects_since_2022", "统筹实施教育项目")
    fact_metric(cols[2], "new_floor_area", "新建校舍")
    fact_metric(cols[3], "new_sports_grounds", "新建运动场")
    cols = st.columns(4)
    fact_metric(cols[0], "new_places", "新增学位")
    fact_metric(cols[1], "village_schools_optimised", "优化村级小学")
    fact_metric(cols[2], "new_nine_year_schools", "县城新建九年一贯制学校")
    fact_metric(cols[3], "new_junior_schools", "县城新建初级中学")
    st.caption(t("来源：工作汇报 {section}。布局调整目标：“乡镇办小学，县城办中学”。", section=S_RES))

with ui.slide(chart_height=0.4):
    st.subheader(t("教育经费：总支出与生均支出"))
    series = ui.county_series(v.snapshot)
    cols = st.columns(3)
    fact_metric(cols[0], "education_spending_growth", "教育总支出增长（2022—2024）")
    fact_metric(cols[1], "per_student_primary_growth", "小学生均支出增长")
    fact_metric(cols[2], "per_student_junior_growth", "初中生均支出增长")
    left, right = st.columns(2)
    with left:
        spend = tables.series_frame(series, {"education_spending": "一般公共预算内教育总支出"})
        ui.show_chart(charts.trend_chart(spend, t("一般公共预算内教育总支出（亿元）"), t("亿元")), spend,
                      ui.report_source(S_RES) + words.demo_points_note(spend), "resources_spending.csv")
    with right:
        per = tables.series_frame(series, {"per_student_spending_primary": "小学", "per_student_spending_junior": "初中"})
        ui.show_chart(charts.trend_chart(per, t("生均教育支出（元）"), t("元")), per,
                      ui.report_source(S_RES) + words.demo_points_note(per), "resources_per_student.csv")

card = ui.card(v.snapshot, v.filters)
with ui.slide(chart_height=0.42):
    resource_codes = standard.indicator_codes(ui.rules(), "facilities")
    st.subheader(t("逐校对照国家标准：{names}", names=words.indicator_names(ui.rules(), resource_codes)))
    if card.matrix.empty:
        st.info(t("所选范围没有学校数据。"))
    else:
        ui.indicator_chart(v, card, resource_codes, "res_indicator", "（按达到标准值的比例排序，点击条形打开学校档案）",
                           ui.snapshot_source(v.snapshot, "school_year、school_stage_year") +
                           t("；九年一贯制学校按学段加权学生数拆分"), "resources")

if not card.matrix.empty:
    with ui.slide(chart_height=0.56):
        st.subheader(t("按乡镇汇总"))
        grouped = card.group_values(("township_code", "township_name"))
        grouped = grouped[grouped["indicator"].isin(resource_codes)]
        frame = tables.group_indicator_frame(grouped, "township_name", "乡镇")
        frame_full = frame
        if frame["乡镇"].nunique() > ui.CHART_SCHOOLS // 2:
            frame = tables.lowest_rows(frame, ["乡镇"], ui.CHART_SCHOOLS // 2)
            ui.partly_drawn(t("乡镇较多：图中只画最低的 {n} 个乡镇", n=ui.CHART_SCHOOLS // 2))
        fit = ui.rows_on_chart(row_px=22, frame_px=200)  # on a slide: the rows it can show legibly
        if len(frame.groupby(["乡镇", "学段"])) > fit:
            frame = tables.lowest_rows(frame, ["乡镇", "学段"], fit)
            ui.partly_drawn(t("图中只画最低的 {n} 个乡镇（学段）", n=fit))
        ui.show_chart(charts.group_grid(frame, "乡镇", t("各乡镇生均资源达到标准值的比例（乡镇合计 ÷ 乡镇学生数）")), frame,
                      ui.snapshot_source(v.snapshot, "school_year、school_stage_year"), f"resources_townships_{v.filters.year}.csv",
                      data=frame_full)

with ui.page_only():
    st.subheader(t("工作汇报中的办学条件数字"))
    ui.report_facts_table(facts, "resources")
