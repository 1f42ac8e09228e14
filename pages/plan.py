import pandas as pd
import streamlit as st

from dashboard_core.files import downloads, plan_file
from dashboard_core.model.filters import Filters
from dashboard_core.model import plan as plan_model
from dashboard_core.present import charts, i18n, tables, words
from dashboard_core.present.format import amount, md_escape, md_value
from dashboard_core.present.i18n import t
from dashboard_core.store import settings
from dashboard_core.web import ui

v = ui.page_header(t("达标规划"), t("最低成本的达标方案：先调班、提升学历、转岗，再调配与新增，改动后立即重算"))
year = v.filters.year
before = ui.card(v.snapshot, Filters(year=year))  # the plan is the whole county's

# 1. Unit costs, editable: the defaults are assumptions the county replaces with its own
cost_doc = plan_model.load_costs()
with ui.page_only():
    with st.expander(t("单位成本（默认值为假设，可按本县实际修改）")):
        st.caption(cost_doc["note_en"] if i18n.english() else cost_doc["note"])
        edited_costs = st.data_editor(tables.costs_frame(cost_doc), hide_index=True, width="stretch", key="plan_costs",
                                      disabled=[t("项目"), t("单位"), t("依据")])
costs = tables.costs_from_frame(edited_costs, cost_doc)

# 2. The current gaps and the cheapest plan
s = before.summary
failing = int((before.results["passes"] == False).sum())  # noqa: E712
with ui.slide():
    st.subheader(t("当前差距（全县 · {year} 年）", year=year))
    cols = st.columns(3)
    cols[0].metric(t("未达标的学校（学段）"), t("{n} 个", n=failing))
    cols[1].metric(t("超限的差异系数"), t("{n} 项", n=len(s.cv_failures)))
    cols[2].metric(t("未达到的县级指标"), t("{n} 项", n=s.county_items_not_met))
    reasons = words.reasons(s, ui.rules())
    if reasons:  # what the gaps are, in words: the plan below closes them
        st.markdown("\n".join(f"- {md_escape(r)}" for r in reasons))

with ui.page_only():
    # 3. Enrolment ahead: who crosses a threshold as pupils change, and the year the plan aims at
    st.subheader(t("今后三年在校生预测"))
    projected, trend_rate, crossing = ui.enrolment_ahead(v.snapshot, year, 3, None)
    if projected.empty:
        st.info(t("快照没有 {year} 年的逐班数据（“班级”表），无法按年级推算；规划按 {year} 年的在校生计算。", year=year))
        target, rate = year, None
    else:
        left, right = st.columns(2)
        rate = left.number_input(t("一年级招生每年变化（%）"), value=round(trend_rate * 100, 1), step=0.5, format="%.1f",
                                 help=t("默认值按“班级”表中历年一年级人数的趋势计算；可按本县户籍与出生人口预测修改")) / 100
        target = right.selectbox(t("规划目标年份"), [year + k for k in range(4)], key="plan_target",
                                 format_func=i18n.fixed(lambda y: t("{year} 年（当前数据）", year=y) if y == year
                                                        else t("{year} 年（预测）", year=y)))
        if abs(rate - trend_rate) > 1e-9:
            projected, _, crossing = ui.enrolment_ahead(v.snapshot, year, 3, rate)
        totals = projected.groupby("year")["students"].sum()
        st.caption(t("按“班级”表历年的升级率推算（某校某年级次年升入上一年级的人数之比，含转入转出；初一按各初中占全县"
                     "上一年小学毕业生的比例），一年级按每年 {rate:+.1f}% 变化。预测全县在校生：{years}。", rate=rate * 100,
                     years=t("；").join(t("{year} 年 {n} 人", year=int(y), n=ui.fmt(n)) for y, n in totals.items())))
        tested = ui.enrolment_backtest(v.snapshot, year)
        if tested is not None:
            errors = tested["stages"].set_index("stage")
            method = (t("{start} 年只有一年台账，用当年各年级之比作升级率", start=tested["from_year"])
                      if tested["method"] == "cross_section" else t("用 {start} 年及以前的历年升级率", start=tested["from_year"]))
            st.caption(t("回测（{method}）：只用 {start} 年及以前的台账推算 {year} 年，{parts}。", method=i18n.Verbatim(method),
                         start=tested["from_year"], year=year,
                         parts=t("；").join(t("{stage}推算 {projected} 人、台账 {actual} 人（误差 {error}）",
                                              stage=stage, projected=ui.fmt(r.projected), actual=ui.fmt(r.actual),
                                              error=i18n.Verbatim(("+" if r.error >= 0 else "") + ui.percent(r.error * 100)))
                                            for stage, r in errors.iterrows())))
        if len(crossing):
            ui.table_view(tables.crossings_frame(crossing))
        else:
            st.success(t("今后三年没有学校因学生变化而跌破标准或超过规模上限。"))

    result = ui.plan(v.snapshot, year, tuple(sorted(costs.items())), target if target != year else None, rate)
    st.subheader(t("最低成本方案（{year} 年数据）", year=year) if target == year
                 else t("最低成本方案（{target} 年预测在校生，{year} 年资源）", target=target, year=year))
    st.caption(t("混合整数规划（HiGHS）：在每个未达标学校（学段）{n} 项中至少 {least} 项达到、其余不低于 {floor}% 的约束下，"
                 "求达标的最低成本。先用不花钱或少花钱的办法：年级内调整分班、在职教师提升学历、富余学科教师转岗为体育艺术教师，"
                 "再考虑调配、新聘教师、培养骨干、新建用房与场地、购置设备和建设多媒体教室。"
                 "新聘教师只用现有空编；调配只动用派出学校超出其标准的教师，派出学校仍然达标。"
                 "成本 = 一次性投入 + 每年经常性支出 × {years} 年。"
                 "差异系数不是线性的：先求解，再检查差异系数，超限时要求最低的学校提高到使差异系数回到限值以内的共同水平，再求解。",
                 years=result.horizon, **words.school_rule(ui.rules())))
    st.caption(t("调配方向：") + words.transfer_rule(ui.rules()))
    if result.status == "needs_posts":
        st.warning(t("现有空编 {vacant} 个，方案需要新聘 {hires} 人：须新增编制 {posts} 个，否则方案不能实施。",
                     vacant=max(0, int(result.vacant_posts or 0)), hires=int(plan_model.hires(result.actions, ui.rules())),
                     posts=result.posts_needed), icon=":material/warning:")
    elif result.status != "optimal":
        st.info(t(words.PLAN_STATUS[result.status]))
    if result.vacant_posts is not None and result.vacant_posts < 0:
        st.caption(t("全县教职工比核定编制多 {n} 人（整体超编），方案不新聘教师，教师缺口用调整、提升学历、转岗和调配补齐。",
                     n=int(-result.vacant_posts)))

    root = settings.data_root()
    saved = plan_file.list_scenarios(root)
    OPTIMAL = t("（最低成本方案）")
    opened = st.selectbox(t("在下表中编辑"), [OPTIMAL] + saved, key="plan_opened",
                          help=t("可打开已存档的方案继续修改；存档在数据目录的 scenarios 文件夹，数据快照不变"))
    base = result.actions
    if opened != OPTIMAL:
        try:
            base = plan_file.load_scenario(root, opened)["actions_frame"]
        except plan_file.PlanFileError as exc:
            st.error(t("方案“{name}”无法打开：{problem}", name=md_value(opened), problem=i18n.Verbatim(md_escape(str(exc)))))
    editable = tables.plan_frame(base)
    edited = st.data_editor(editable, num_rows="dynamic", hide_index=True, width="stretch", key=f"plan_editor_{opened}",
                            # narrow where the values are short, so quantity and cost stay in view at 1280 px
                            column_config={
                                t("类型"): st.column_config.SelectboxColumn(options=tables.plan_kind_options(), required=True,
                                                                          width="small"),
                                t("学校"): st.column_config.TextColumn(width="medium"),
                                t("学段"): st.column_config.TextColumn(width="small"),
                                t("年级"): st.column_config.TextColumn(width="small"),
                                t("资源"): st.column_config.SelectboxColumn(options=tables.plan_resource_options(), required=True,
                                                                          width="medium"),
                                t("数量"): st.column_config.NumberColumn(min_value=0.0, format="localized", width="small"),
                                t("单位"): st.column_config.TextColumn(width="small"),
                                t("单位成本（元）"): st.column_config.NumberColumn(format="localized", width="small"),
                                t("支出"): st.column_config.TextColumn(width="small"),
                                t("年数"): st.column_config.NumberColumn(min_value=1, width="small"),
                                t("费用（元）"): st.column_config.NumberColumn(format="localized", disabled=True, width="small")})
    try:
        actions = plan_file.actions_frame(tables.actions_from_plan_frame(edited))
        problem = None
    except plan_file.PlanFileError as exc:
        actions, problem = base, str(exc)
    if problem:
        st.error(t("改动有误，仍按原方案计算：{problem}", problem=i18n.Verbatim(md_escape(problem))), icon=":material/error:")

# 3. Totals and the verdict with the plan carried out
total = float(actions["cost"].sum()) if len(actions) else 0.0
edited_plan = plan_model.Plan(actions, total, "edited", horizon=result.horizon)
budget = plan_model.budget_by_year(edited_plan, year)
after = ui.card_with_plan(v.snapshot, year, actions, target if target != year else None, rate)
with ui.slide():
    st.subheader(t("按方案实施后"))
    cols = st.columns(4)
    cols[0].metric(t("方案总成本（{years} 年）", years=result.horizon), amount(total / 10_000, "万元"))
    cols[1].metric(t("一次性投入"), amount(sum(b["capital"] for b in budget) / 10_000, "万元"))
    cols[2].metric(t("每年经常性支出"), amount((budget[0]["recurrent"] if budget else 0.0) / 10_000, "万元"))
    cols[3].metric(t("实施后达标学校（学段）"), f"{after.summary.schools_passing} / {after.summary.schools_total}")
    box = {"met": st.success, "not_met": st.error, "incomplete": st.warning, "no_schools": st.info,
           "not_applicable": st.info}[after.summary.verdict]
    box(t("按方案实施后：") + words.summary_sentence(after.summary, t("全县"), target))

with ui.page_only():
    st.markdown(t("**分年度预算**（一次性投入列在第一年）"))
    ui.table_view(tables.budget_frame(budget))
    if result.cv_gap is not None and result.cv_rounds:
        st.caption(t("差异系数经 {rounds} 轮迭代达到限值；不考虑差异系数时的最低成本为 {bound}，本方案最多比真正的最优方案贵 {gap}。",
                     rounds=result.cv_rounds, bound=i18n.Verbatim(amount(result.cv_bound / 10_000, "万元")),
                     gap=i18n.Verbatim(ui.percent(result.cv_gap * 100))))
    elif result.cv_gap == 0:
        st.caption(t("差异系数不需要额外措施：本方案是经证明的最低成本方案。"))

with ui.slide(chart_height=0.5):
    by = t("按类别")  # on a slide the totals by kind of measure; the page lets the reader choose
    with ui.page_only():
        by = st.radio(t("费用合计"), [t("按学校"), t("按乡镇"), t("按类别")], horizontal=True, key="plan_totals")
    totals = tables.plan_totals(actions, {t("按学校"): "school", t("按乡镇"): "township", t("按类别"): "kind"}[by],
                                before.matrix)
    if len(totals):
        bars = totals.rename(columns={totals.columns[0]: "项目", "费用（万元）": "数值"}).assign(单位="万元", 报告原文="")
        ui.show_chart(charts.category_bars(bars, t("方案费用（万元）"), t("万元"), "#1d4ed8"), totals,
                      ui.snapshot_source(v.snapshot, "school_stage_year、school_year") + t("；单位成本见上方“单位成本”"),
                      f"plan_totals_{year}.csv")

if len(actions):
    with ui.slide(chart_height=0.6):
        # the measures themselves: where, what, how much and what it costs, the dearest first
        st.subheader(t("整改措施（{n} 项）", n=len(actions)))
        shown = ui.rows_that_fit(row_px=34)  # None on the page: every measure
        measures = tables.plan_measure_bars(actions, shown)
        if shown is not None and len(actions) > shown:
            ui.partly_drawn(t("共 {n:,} 项措施：图中画费用最高的 {shown} 项，完整清单见规划页或下载方案。", n=len(actions), shown=shown))
        ui.show_chart(charts.category_bars(measures, t("各项措施的费用（万元）"), t("万元"), "#1d4ed8"), tables.plan_frame(actions),
                      ui.snapshot_source(v.snapshot, "school_stage_year、school_year") + t("；单位成本见上方“单位成本”"),
                      f"plan_measures_{year}.csv")

with ui.page_only():
    st.download_button(t("下载方案（Excel）"), data=lambda: downloads.excel_bytes(edited, t("达标规划") + t("；") + ui.snapshot_source(
                           v.snapshot, "school_stage_year、school_year")), on_click="ignore",
                       file_name=f"plan_{v.snapshot.snapshot_id}_{year}.xlsx", icon=":material/table:",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")

    # 4. Scenarios: saved beside the snapshots, compared side by side
    st.subheader(t("方案存档与比较"))
    left, right = st.columns([2, 1])
    name = left.text_input(t("方案名称"), key="scenario_name", placeholder=t("如 2025年预算方案"))
    admin_ok = bool(st.session_state.get("_admin_ok"))  # the password given on the data page, this session
    overwrite = left.checkbox(t("覆盖同名方案"), key="scenario_overwrite") if name in saved else False
    if not admin_ok:
        right.caption(t("保存方案需要先在“数据”页输入管理员密码。"))
    if right.button(t("保存当前方案"), icon=":material/save:", disabled=not name or not admin_ok):
        try:
            plan_file.save_scenario(root, name, plan_file.to_json(edited_plan, v.snapshot.snapshot_id, year, costs,
                                                                  after.summary, target), overwrite=overwrite)
            st.toast(t("已保存方案“{name}”（数据快照不变）。", name=md_value(name)), icon=":material/save:")
            st.rerun()  # the new scenario joins the lists above at once
        except (plan_file.PlanFileError, OSError) as exc:
            st.error(t("未能保存：{problem}", problem=i18n.Verbatim(md_escape(str(exc)))))
    chosen = st.multiselect(t("选择要比较的方案"), saved, key="scenarios_compared", select_all=False)
    if chosen:
        cost_names = {i["key"]: i["name_en"] if i18n.english() else i["name"] for i in cost_doc["items"]}
        rows = []
        for scenario in chosen:
            doc = plan_file.load_scenario(root, scenario)
            scenario_card = ui.card_with_plan(v.snapshot, year, doc["actions_frame"])
            changed = {k: v for k, v in (doc.get("costs") or {}).items() if costs.get(k) != v}
            rows.append({"方案": scenario, "快照": doc.get("snapshot_id"), t("目标年份"): doc.get("target_year", doc.get("year")),
                         "措施数": len(doc["actions_frame"]),
                         "总成本（万元）": round(float(doc["actions_frame"]["cost"].sum()) / 10_000, 1),
                         t("与当前不同的单价（元）"): t("；").join(f"{cost_names.get(k, k)} {ui.fmt(v)}"
                                                               for k, v in changed.items()) or "—",
                         "实施后结论": words.verdict_text(scenario_card.summary),
                         "达标学校（学段）": f"{scenario_card.summary.schools_passing} / {scenario_card.summary.schools_total}"})
        ui.table_view(pd.DataFrame(rows))
