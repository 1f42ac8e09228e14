import streamlit as st

from dashboard_core.web import ui
from dashboard_core.present import charts, tables
from dashboard_core.present.i18n import t
from dashboard_core.store.facts import S_LEAD, S_SER

v = ui.page_header(t("惠民服务"), t("教育公平、营养改善、校园安全、思政育人"))
if not v.filters.is_whole_county:
    st.info(t("本页的数字都是全县口径（工作汇报与县级台账），不随所选乡镇或学校变化。"), icon=":material/info:")
facts = ui.report_facts(v.snapshot, "services")
by_id = facts.set_index("fact_id")

fact_metric = ui.fact_metric_writer(by_id, v.filters.year)


with ui.slide(chart_height=0.25):
    st.subheader(t("教育公平"))
    equity = tables.standard_targets(ui.rules(), [
        ("G15.2", "随迁子女在公办学校就读比例", by_id.loc["migrant_enrolment_rate", "value"], by_id.loc["migrant_enrolment_rate", "source_text"]),
        ("Q02.1", "适龄残疾儿童少年入学率", by_id.loc["disabled_enrolment_rate", "value"], by_id.loc["disabled_enrolment_rate", "source_text"]),
    ])
    ui.show_chart(charts.target_bars(equity, t("对照国家标准（黑色刻度为各项要求）")), equity,
                  ui.report_source(S_SER) + t("；标准：政府保障第 15 项、教育质量第 2 项"), "services_equity.csv")
    fact_metric(st, "left_behind_children", "联合团委、卫健等部门护航留守儿童")
    registers = ui.registers(v.snapshot, v.filters.year)
    cols = st.columns(2)
    if registers.disabled is not None and len(registers.disabled):
        d = registers.disabled.iloc[0]
        enrolled = int(d["in_regular_schools"] + d["in_special_schools"] + d["home_tutored"])
        cols[0].metric(t("适龄残疾儿童少年入学率（{year} 年）", year=v.filters.year), ui.percent(enrolled / d["eligible"] * 100),
                       help=t("入学 {n} 人 ÷ 适龄 {eligible} 人：随班就读 {regular}、特殊教育学校 {special}、送教上门 {home}",
                              n=enrolled, eligible=int(d["eligible"]), regular=int(d["in_regular_schools"]),
                              special=int(d["in_special_schools"]), home=int(d["home_tutored"])))
    if registers.consolidation is not None and len(registers.consolidation):
        c = registers.consolidation.iloc[0]
        base = int(c["entered"] + c["transferred_in"] - c["transferred_out"] - c["deceased"])
        cols[1].metric(t("初中三年巩固率（{year} 年毕业届）", year=v.filters.year), ui.percent(c["completed"] / base * 100),
                       help=t("初三在校 {completed} 人 ÷（三年前初一入学 {entered} + 转入 {moved_in} − 转出 {moved_out} − 死亡 {deceased}）",
                              completed=int(c["completed"]), entered=int(c["entered"]), moved_in=int(c["transferred_in"]),
                              moved_out=int(c["transferred_out"]), deceased=int(c["deceased"])))
    if registers.disabled is not None or registers.consolidation is not None:
        st.caption(ui.snapshot_source(v.snapshot, "disabled_children、consolidation"))

with ui.slide():
    st.subheader(t("营养改善计划（2024 年）"))
    standard = ui.rules()["services"]["nutrition_standard"]
    spend = by_id.loc["nutrition_spend", "value"] * 10_000
    pupils = by_id.loc["nutrition_students", "value"]
    cols = st.columns(3)
    fact_metric(cols[0], "nutrition_spend", "投入")
    fact_metric(cols[1], "nutrition_students", "惠及学生")
    cols[2].metric(t("每生每年"), ui.amount(round(spend / pupils), "元"),
                   help=t("{spend} 万元 ÷ {pupils} 人（由报告两个数字计算）", spend=ui.num(by_id.loc["nutrition_spend", "value"]),
                          pupils=ui.num(pupils)))


    @ui.fragment
    def per_school_day() -> None:
        """Changing the assumed school days recomputes this card alone."""
        left, right = st.columns(2)
        days = standard["school_days"]  # on a slide the standard's days; the page lets the reader set the county's
        with left, ui.page_only():
            days = st.number_input(t("全年在校天数（假设）"), min_value=150, max_value=260, value=standard["school_days"],
                                   step=5, help=t("报告未给出在校天数；国家基础标准按全年在校约 {days} 天测算，可按本县实际修改",
                                                  days=standard["school_days"]))
        per_day = spend / pupils / days
        right.metric(t("每生每个在校日（按 {days} 天计）", days=days), t("{n} 元", n=ui.fmt(per_day, 2)),
                     delta=t("{diff:+.2f} 元（对照国家基础标准 {base} 元/天）", diff=per_day - standard["yuan_per_pupil_day"],
                             base=standard["yuan_per_pupil_day"]),
                     delta_color="normal")


    per_school_day()
    st.caption(ui.report_source(S_SER) + t("。每生每日金额为计算值：投入 ÷ 学生数 ÷ 在校天数，在校天数为假设。")
               + t("国家基础标准：{text}（{source}）。", text=standard["text"], source=standard["source"]))

with ui.slide():
    st.subheader(t("校园安全"))
    # counts in different units (次, 场次, 个) side by side as numbers, not bars on one axis
    cols = st.columns(5)
    fact_metric(cols[0], "safety_inspections", "安全隐患排查")
    fact_metric(cols[1], "risk_meetings", "安全风险研判会")
    fact_metric(cols[2], "disputes_resolved", "化解涉校矛盾纠纷")
    fact_metric(cols[3], "safety_drills", "应急演练")
    fact_metric(cols[4], "safety_campaigns", "安全宣传活动")
    st.caption(ui.report_source(S_SER) + t("；常态化落实“4个100%”安全措施，教育系统未发生安全责任事故"))

with ui.slide(chart_height=0.36):
    st.subheader(t("思政育人"))
    cols = st.columns(4)
    fact_metric(cols[0], "ideology_teachers_trained", "培养思政教师")
    fact_metric(cols[1], "ideology_lectures", "县级领导进校园讲思政课（2024）")
    fact_metric(cols[2], "ideology_audience", "覆盖师生")
    fact_metric(cols[3], "study_trips_xinjiang", "疆内研学（2024）")
    trips = tables.facts_frame(facts, ["study_trips_outside_people", "study_trips_xinjiang_people"],
                               {"study_trips_outside_people": "赴北京、江苏等省市研学（3 场）",
                                "study_trips_xinjiang_people": "疆内研学（65 场）"})
    ui.show_chart(charts.category_bars(trips, t("2024 年研学参与人次"), t("人次"), charts.CATEGORY_COLORS[1]), trips, ui.report_source(S_LEAD),
                  "services_study_trips.csv")
    st.caption(t("以盐城实验学校为中心建立中小学思政一体化结对共建联盟。"))

with ui.page_only():
    st.subheader(t("工作汇报中的惠民服务数字"))
    ui.report_facts_table(facts, "services")
