import pandas as pd
import streamlit as st

from dashboard_core.web import ui
from dashboard_core.present import charts, i18n, tables
from dashboard_core.present.i18n import t
from dashboard_core.store.facts import S_QUA

v = ui.page_header(t("教育质量"), t("教研与竞赛、体育特色、课后服务、校园文化、城乡差距"))
facts = ui.report_facts(v.snapshot, "quality")
by_id = facts.set_index("fact_id")
card = ui.card(v.snapshot, v.filters)
SOURCE = ui.report_source(S_QUA)

fact_metric = ui.fact_metric_writer(by_id, v.filters.year)


with ui.slide(chart_height=0.36):
    st.subheader(t("教研成果与教学竞赛"))
    cols = st.columns(4)
    fact_metric(cols[0], "curriculum_trainings", "“新课标 新教材”培训")
    fact_metric(cols[1], "selection_events", "选拔、遴选活动")
    fact_metric(cols[2], "regional_projects_completed", "自治区级课题结题（2024）")
    fact_metric(cols[3], "prefecture_projects_completed", "州级课题结题（2025）")
    left, right = st.columns(2)
    with left:
        prizes = tables.facts_frame(facts, ["suyi_first_prizes", "suyi_second_prizes", "suyi_third_prizes"],
                                    {"suyi_first_prizes": "一等奖", "suyi_second_prizes": "二等奖", "suyi_third_prizes": "三等奖"})
        ui.show_chart(charts.category_bars(prizes, t("伊犁州第十届苏伊杯比赛获奖"), t("个数"), "#7c3aed"), prizes, SOURCE, "quality_suyi.csv")
    with right:
        projects = tables.facts_frame(facts, ["regional_projects_completed", "prefecture_projects_completed"],
                                      {"regional_projects_completed": "自治区级（2024）", "prefecture_projects_completed": "州级（2025）"})
        ui.show_chart(charts.category_bars(projects, t("课题结题"), t("项数"), charts.CATEGORY_COLORS[1]), projects, SOURCE, "quality_projects.csv")

with ui.slide(chart_height=0.36):
    st.subheader(t("传统体育项目：摔跤、射箭、足球"))
    medals = tables.medal_frame(facts)
    ui.show_chart(charts.medal_chart(medals, t("奖牌榜")), medals, SOURCE, "quality_medals.csv")
    cols = st.columns(4)
    fact_metric(cols[0], "football_schools", "全国足球特色学校")
    fact_metric(cols[1], "football_talents", "10 年来输送优秀足球人才")
    fact_metric(cols[2], "football_talents_cfl", "其中参加中冠联赛")
    fact_metric(cols[3], "wrestling_regional_entries", "参加自治区摔跤比赛")
    st.caption(SOURCE + t("。足球代表队 2023 年获自治区青少年足球活动小学男子甲组冠军，2024 年获第三届中国青少年足球联赛亚军。"))

with ui.slide():
    st.subheader(t("“双减”与课后服务"))
    cols = st.columns(4)
    fact_metric(cols[0], "clubs", "特色社团")
    fact_metric(cols[1], "club_schools", "开设社团的中小学")
    fact_metric(cols[2], "calligraphy_winners", "县第一小学书法比赛获奖师生")
    fact_metric(cols[3], "coding_students", "种羊场中心校编程大赛获奖学生")
    st.caption(SOURCE + t("。社团包括书法、射箭、戏曲、科技创新等；编程大赛获二等奖 1 个、三等奖 2 个。"))

with ui.slide():
    st.subheader(t("名师送教与校园文化"))
    cols = st.columns(3)
    fact_metric(cols[0], "outreach_trips", "名师送教下乡（2024）")
    fact_metric(cols[1], "outreach_lessons", "公开课、示范课")
    fact_metric(cols[2], "outreach_lectures", "讲座")
    brands = pd.DataFrame([
        {"学校": "县初级中学", "校园文化品牌": "“树”文化"},
        {"学校": "米粮泉回族乡中心校", "校园文化品牌": "“三香”文化"},
        {"学校": "扎库齐牛录乡中心校", "校园文化品牌": "“小白杨”文化"},
    ])
    st.markdown(t("**“一校一品”校园文化品牌**（工作汇报列举）"))
    ui.wrapped_table(brands)
    st.caption(t("{source}：“{excerpt}”", source=SOURCE, excerpt=i18n.Verbatim(
        "形成县初级中学“树”文化、米粮泉回族乡中心校“三香”文化、扎库齐牛录乡中心校“小白杨”文化等校园文化品牌")))

with ui.slide(chart_height=0.2):
    st.subheader(t("国家标准：教育质量 9 项"))
    quality_items = card.county_items[card.county_items["part"] == "quality"]
    table = tables.county_items_frame(quality_items, ui.report_citations(v.snapshot), with_part=False)
    if ui.presenting():  # on a slide: the nine at a glance, in words those not yet met
        ui.county_items_at_a_glance(quality_items)
    with ui.page_only():
        ui.wrapped_table(table, keep=("数值", "状态", "来源"))
    st.caption(t("县级指标按全县评估；报告和数据快照都没有的项目标为“无数据”。"))
    ui.download_csv(table, "quality_items.csv")

with ui.page_only():
    registers = ui.registers(v.snapshot, v.filters.year)
    if registers.monitoring is not None and len(registers.monitoring):
        st.subheader(t("国家义务教育质量监测（{year} 年）", year=v.filters.year))
        ui.table_view(tables.monitoring_frame(registers.monitoring))
        ui.source_caption(ui.snapshot_source(v.snapshot, "quality_monitoring")
                          + t("；标准：各科达到Ⅲ级以上，校际差异率低于 0.15（教育质量第 9 项）"))

heading = (t("城乡差距：城区、镇区、乡村学校的资源配置（示例数据示意）") if v.snapshot.demo
           else t("城乡差距：城区、镇区、乡村学校的资源配置"))
note = t("工作汇报指出：“义务教育段学校城乡、校际间教育教学质量仍有一定差距”。"
         "学业质量数据暂缺，下面用 {n} 项资源配置指标比较三类学校（各类合计 ÷ 学生数，占标准值的比例）。",
         n=len(ui.rules()["resource"]["indicators"]))
if card.matrix.empty:
    with ui.slide():
        st.subheader(heading)
        st.caption(note)
        st.info(t("所选范围没有学校数据。"))
else:
    frame = tables.group_indicator_frame(card.group_values(("urban_rural",)), "urban_rural", "城乡")
    for number, stage in enumerate(s for s in ["小学", "初中"] if (frame["学段"] == s).any()):
        with ui.slide(chart_height=0.46):  # one stage a slide: seven indicators side by side need the width
            if number == 0 or ui.presenting():
                st.subheader(heading)
                st.caption(note)
            part = frame[frame["学段"] == stage]
            ui.show_chart(charts.setting_bars(part, t("{stage}：城区 / 镇区 / 乡村", stage=stage)), part,
                          ui.snapshot_source(v.snapshot, "schools、school_stage_year、school_year"),
                          f"quality_urban_rural_{stage}_{v.filters.year}.csv")

with ui.page_only():
    st.subheader(t("工作汇报中的教育质量数字"))
    ui.report_facts_table(facts, "quality")
