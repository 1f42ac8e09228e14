import functools

import streamlit as st

from dashboard_core.web import ui
from dashboard_core.present import charts, tables, words
from dashboard_core.model import standard
from dashboard_core.present import i18n
from dashboard_core.present.i18n import t
from dashboard_core.present.format import md_value
from dashboard_core.store.facts import S_QUA, S_RES, S_TEA

v = ui.page_header(t("师资队伍"), t("编制与结构、交流轮岗、引进与培养、待遇与培训"))
facts = ui.report_facts(v.snapshot, "teachers")
by_id = facts.set_index("fact_id")
card = ui.card(v.snapshot, v.filters)

fact_metric = ui.fact_metric_writer(by_id, v.filters.year)


with ui.slide(chart_height=0.39):
    st.subheader(t("教职工与专任教师（{scope} · {year} 年）", scope=md_value(v.scope_label), year=v.filters.year))
    inputs = card.inputs
    staff = ui.staff_totals(v.snapshot, v.filters)
    students = int(inputs["students"].sum()) if len(inputs) else 0
    teachers = int(inputs["full_time_teachers"].sum()) if len(inputs) else 0
    cols = st.columns(4)
    cols[0].metric(t("教职工"), t("{n} 人", n=ui.fmt(staff["staff"].iloc[0])))
    cols[1].metric(t("专任教师"), t("{n} 人", n=ui.fmt(teachers)))
    cols[2].metric(t("在校学生"), t("{n} 人", n=ui.fmt(students)))
    cols[3].metric(t("生师比"), f"{ui.fmt(students / teachers, 1)} : 1" if teachers else "—")
    if len(inputs):
        ratio = tables.school_ratio_frame(inputs)
        on_show = ratio.head(ui.rows_on_chart())
        on_show = on_show.assign(档案=on_show["学校编号"].map(ui.profile_links(on_show["学校编号"])))
        if len(ratio) > len(on_show):
            ui.partly_drawn(t("共 {n:,} 所学校：图中画生师比最高的 {shown} 所", n=len(ratio), shown=len(on_show)))
        ui.show_chart(charts.ratio_bars(on_show, t("各校生师比（学生数 ÷ 专任教师数；虚线为所选范围合计）"), students / teachers),
                      on_show, ui.snapshot_source(v.snapshot, "school_stage_year、school_year"), f"teachers_ratio_{v.filters.year}.csv",
                      data=functools.partial(tables.school_ratio_frame, card.inputs))

teacher_codes = standard.indicator_codes(ui.rules(), "teachers")
with ui.slide(chart_height=0.42):
    st.subheader(t("逐校对照国家标准：{names}", names=words.indicator_names(ui.rules(), teacher_codes)))
    if card.matrix.empty:
        st.info(t("所选范围没有学校数据。"))
    else:
        ui.indicator_chart(v, card, teacher_codes, "tea_indicator", "（点击条形打开学校档案）",
                           ui.snapshot_source(v.snapshot, "school_stage_year") + t("；教师按任教学段计"), "teachers")

if not card.matrix.empty:
    with ui.slide():
        st.subheader(t("体育艺术教师：逐校缺口"))
        totals = card.group_values()  # the whole scope, by stage
        totals = totals[totals["indicator"] == "pe_art_teachers_per100"]
        table = tables.pe_art_shortage(card)
        overall = t("；").join(t("{stage}每百名学生 {value:.2f} 名（标准 {threshold:g}）", stage=r.stage, value=r.value,
                                 threshold=r.threshold) for r in totals.itertuples())
        if len(table):
            st.warning(t("所选范围合计：{overall}，总量达标；但 {n} 个学校（学段）低于标准，共缺 {missing} 名体育、艺术专任教师。",
                         overall=overall, n=len(table), missing=int(table["缺少（人）"].sum()))
                       + (t("（按示例数据计算，不是本县的实际缺口）") if v.snapshot.demo else ""), icon=":material/warning:")
            shown = table.head(ui.TABLE_ROWS)
            shown = shown.assign(档案=shown["学校编号"].map(ui.profile_links(shown["学校编号"])))
            if len(table) > len(shown):
                st.caption(t("共 {n:,} 个，表中列出前 {shown} 个，完整名单请下载 CSV。", n=len(table), shown=len(shown)))
            ui.table_view(shown, column_config={"每百名学生": st.column_config.NumberColumn(format="%.2f"),
                                                "档案": st.column_config.LinkColumn(display_text=t("打开档案"))})
            ui.source_caption(ui.snapshot_source(v.snapshot, "school_stage_year"))
            ui.download_csv(functools.partial(tables.pe_art_shortage, card), f"teachers_pe_art_short_{v.filters.year}.csv")
        else:
            st.success(t("所选范围合计：{overall}；范围内每个学校（学段）都达到标准。", overall=overall), icon=":material/check_circle:")

with ui.slide(chart_height=0.3):
    st.subheader(t("教师交流轮岗"))
    series = ui.county_series(v.snapshot)
    year_series = series[series["year"] == v.filters.year].set_index("metric")
    if {"rotation_rate", "rotation_backbone_share"} <= set(year_series.index):
        sources = ui.report_facts(v.snapshot).set_index("fact_id")["source_text"]
        source_of = lambda metric: sources.get(year_series.loc[metric, "source"], "示例数据")  # noqa: E731
        target = tables.standard_targets(ui.rules(), [
            ("G11.1", "交流轮岗教师占符合条件教师比例", year_series.loc["rotation_rate", "value"], source_of("rotation_rate")),
            ("G11.2", "骨干教师占交流轮岗教师比例", year_series.loc["rotation_backbone_share", "value"],
             source_of("rotation_backbone_share")),
        ])
        cols = st.columns(3)
        fact_metric(cols[0], "rotation_teachers", "交流轮岗教师")
        fact_metric(cols[1], "rotation_backbone_teachers", "其中骨干教师")
        fact_metric(cols[2], "rotation_schools", "参与学校")
        ui.show_chart(charts.target_bars(target, t("全县交流轮岗比例对照国家标准（黑色刻度为要求）")), target,
                      ui.report_source(S_TEA) + t("；标准：政府保障第 11 项"), f"teachers_rotation_{v.filters.year}.csv")
    else:
        st.info(t("{year} 年没有全县交流轮岗数据（工作汇报给出的是 2024 年）。", year=v.filters.year))

with ui.page_only():
    rotation = ui.rotation_by_school(v.snapshot, v.filters, ui.TABLE_ROWS)
    if len(rotation):
        shown = tables.rotation_table(rotation)
        shown = shown.assign(档案=shown["学校编号"].map(ui.profile_links(shown["学校编号"])))
        total = int(rotation["schools_in_view"].iloc[0])
        heading = (t("各校交流轮岗（{n:,} 所学校，列出前 {shown} 所）", n=total, shown=len(shown)) if total > len(shown)
                   else t("各校交流轮岗（{n:,} 所学校）", n=total))
        with st.expander(heading):
            ui.table_view(shown, column_config={"档案": st.column_config.LinkColumn(display_text=t("打开档案"))})
            ui.source_caption(ui.snapshot_source(v.snapshot, "school_year"))
            # every school only when downloaded: a country has over 150,000 of them
            ui.download_csv(functools.partial(ui.rotation_table_all, v.snapshot, v.filters), f"teachers_rotation_schools_{v.filters.year}.csv")

registers = ui.registers(v.snapshot, v.filters.year)
gaps = ui.subject_gaps(v.snapshot, v.filters)
has_rotation = registers.rotation is not None and len(registers.rotation)
with ui.slide(chart_height=0.45) if has_rotation or len(gaps) else ui.page_only():
    left, right = st.columns(2) if has_rotation and len(gaps) else (st.container(), st.container())
    if has_rotation:
        with left:
            directions = tables.rotation_direction_frame(registers.rotation)
            to_rural = int(directions.loc[directions["接收学校"] == "乡村", "交流人次"].sum())
            st.subheader(t("交流方向（{year} 年，全县）", year=v.filters.year))
            st.markdown(t("逐人次登记：{n} 人次中 {rural} 人次到乡村学校。", n=int(directions["交流人次"].sum()), rural=to_rural))
            bars = tables.rotation_direction_bars(registers.rotation)
            ui.show_chart(charts.category_bars(bars, t("各方向交流人次"), t("人次")), directions,
                          ui.snapshot_source(v.snapshot, "rotation、schools"), f"teachers_rotation_direction_{v.filters.year}.csv")
            with ui.page_only():
                ui.table_view(directions)
    if len(gaps):
        with right:
            st.subheader(t("分学科教师缺口（{scope}）", scope=md_value(v.scope_label)))
            gap_table = tables.subject_gap_frame(gaps)
            short = gap_table[gap_table["缺口（人）"] > 0]
            if len(short):
                st.markdown(t("缺口最大的学科：{subjects}。", subjects=t("、").join(
                    t("{subject} 缺 {n} 人（{schools} 所学校）", subject=md_value(r["学科"]), n=int(r["缺口（人）"]),
                      schools=int(r["缺教师的学校数"])) for _, r in short.head(3).iterrows())))
                ui.show_chart(charts.category_bars(tables.subject_gap_bars(gaps), t("各学科缺少的教师（按课时应配减实有）"),
                                                   t("人数")), gap_table,
                              ui.snapshot_source(v.snapshot, "teacher_subjects") + t("；应配数按国家课程方案课时测算"),
                              f"teachers_subject_gaps_{v.filters.year}.csv")
            else:
                st.markdown(t("各学科实有教师都不少于按课时应配的人数。"))
            with ui.page_only():
                ui.table_view(gap_table)

with ui.slide(chart_height=0.5):
    st.subheader(t("2024 年教师补充与调配"))
    left, right = st.columns([2, 1])
    with left:
        channels = tables.facts_frame(facts, ["new_teachers_recruited", "sanqu_teachers", "silver_age_teachers", "aid_principals", "aid_teachers"],
                                      {"new_teachers_recruited": "招聘新教师", "sanqu_teachers": "三区人才支持计划教师",
                                       "silver_age_teachers": "银龄教师", "aid_principals": "援疆校长", "aid_teachers": "援疆教师"})
        ui.show_chart(charts.category_bars(channels, t("2024 年教师补充渠道"), t("人数")), channels, ui.report_source(S_TEA),
                      "teachers_recruitment_2024.csv")
    with right:
        fact_metric(st, "teachers_reallocated", "统筹调配教师")
        st.caption(t("打破编制和岗位设置的校际壁垒，在全县统筹调配。"))

with ui.slide(chart_height=0.5):
    st.subheader(t("名师引领：工作室与骨干教师"))
    left, right = st.columns([2, 1])
    with left:
        studios = tables.facts_frame(facts, ["principal_studios", "aid_teacher_studios", "county_teacher_studios", "prefecture_teacher_studios"])
        ui.show_chart(charts.category_bars(studios, t("名书记（校长）、名师、教学能手工作室"), t("个数"), charts.CATEGORY_COLORS[1]), studios,
                      ui.report_source(S_QUA), "teachers_studios.csv")
    with right:
        fact_metric(st, "backbone_teachers", "学科带头人、教学能手、骨干教师")
        st.caption(t("工作汇报：实现校校达标（每校每百名学生至少 1 名骨干教师）。"))

with ui.slide():
    st.subheader(t("待遇与培训（2024 年）"))
    cols = st.columns(3)
    fact_metric(cols[0], "teacher_pay_above_civil_servants", "教师年均工资高于公务员")
    fact_metric(cols[1], "teacher_training_spend", "教师培训支出")
    training = by_id.loc["teacher_training_share_floor"]
    cols[2].metric(t("培训支出占学校年度公用经费预算"), t("超过 {value}%（报告表述）", value=ui.num(training["value"])),
                   help=t("工作汇报原文：“{excerpt}”。这是全县合计的表述；标准要求每所学校都不低于 5%，需逐校数据才能判定。",
                          excerpt=i18n.Verbatim(training["source_text"])))
    st.caption(t("来源：工作汇报 {section}。国家标准：教师平均工资不低于当地公务员；每所学校的培训经费不低于其年度公用经费预算的 5%。",
                 section=S_RES))

with ui.page_only():
    st.subheader(t("工作汇报中的师资队伍数字"))
    ui.report_facts_table(facts, "teachers")
