import datetime as dt
import functools

import streamlit as st

from dashboard_core.web import ui
from dashboard_core.present import charts, i18n, tables, words
from dashboard_core.present.format import beside_threshold, md_escape, md_value
from dashboard_core.model import standard
from dashboard_core.model.vocabulary import JUNIOR, PRIMARY, STAGES
from dashboard_core.present.i18n import t, tr

v = ui.page_header(t("达标评估"), t("对照《县域义务教育优质均衡发展督导评估办法》逐项评估"))
card = ui.card(v.snapshot, v.filters)
s = card.summary
rules = ui.rules()
citations = ui.report_citations(v.snapshot)
GRID_CSV_SCHOOLS = 5_000  # the grid's CSV lists at most this many schools, those most in need first

with ui.slide():
    # 1. The verdict, in words a county leader can say aloud
    sentence = words.summary_sentence(s, v.scope_label, v.filters.year)
    box = {"met": st.success, "not_met": st.error, "incomplete": st.warning, "no_schools": st.info,
           "not_applicable": st.info}[s.verdict]
    box(md_escape(sentence), icon={"met": ":material/check_circle:", "not_met": ":material/cancel:", "incomplete": ":material/help:",
                        "no_schools": ":material/info:", "not_applicable": ":material/info:"}[s.verdict])
    reasons = words.reasons(s, rules)
    if reasons:
        st.markdown(t("**原因：**") + "\n" + "\n".join(f"- {md_escape(r)}" for r in reasons))
    if not v.filters.is_whole_county:
        st.info(t("当前只看所选范围：学校达标情况和差异系数按范围内的学校重新计算（仅供分析，正式评估以全县为准）；"
                  "县级指标始终按全县评估。"))

    ui.verdict_metrics(s)
    with st.expander(t("各状态的含义")):
        st.markdown("\n".join(f"- **{words.ITEM_MARKS[code]} {t(label)}**：{t(words.ITEM_EXPLAINED[code])}"
                               for code, label in words.ITEM_LABELS.items()))
        st.markdown(t("依据：**数据核算**——由台账或统计数据逐行算出；**{declared}**——只有县里自己的文件、报告或承诺，"
                      "自评达到，待督导核查；**由督导评估认定**——不予认定情形和官方满意度调查，县里只能准备材料、说明自查结果。",
                      declared=words.DECLARED_MET))
        st.markdown(t("学校指标：✓ 达到标准值　△ 未达到但不低于标准值的 85%　✗ 低于 85%。达标判断用未经四舍五入的数值；"
                      "数值紧挨标准值时多显示小数位，不会四舍五入到标准值上。"))
        if s.demo:
            st.markdown(t("当前快照是**示例数据**：凡由示例数据得出的结论都标有“示例数据”，不能作为本县的评估结果。"))

# The self-evaluation report of the view, built when clicked (in Chinese: the document goes to the inspection)
with ui.page_only():
    row = st.container(horizontal=True, gap="small")
    row.markdown(t("**自评报告**（中文，按当前年份与乡镇）"))
    for kind, mime in (("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
                       ("pdf", "application/pdf")):
        row.download_button(kind.upper(), data=functools.partial(ui.self_evaluation_report, v.snapshot, v.filters, kind),
                            file_name=f"自评报告_{v.snapshot.snapshot_id}_{v.filters.year}.{kind}", mime=mime,
                            on_click="ignore", icon=":material/description:", key=f"report-{kind}")

with ui.slide(chart_height=0.42):
    # 2. School × indicator grid
    st.subheader(t("学校 × 指标达标情况"))
    st.caption(t("✓ 达到标准值　△ 未达到但不低于标准值的 {floor}%　✗ 低于 {floor}%　— 无在校生。"
                 "学校标准：{n} 项中至少 {least} 项达到标准值，其余 {miss} 项不低于标准值的 {floor}%。悬停可看数值与标准值，"
                 "点击格子打开学校档案。", **words.school_rule(rules)))
    if card.matrix.empty:
        st.info(t("所选范围内没有学校数据。"))
    else:
        on_show = card.ranked_school_ids(ui.rows_on_chart(row_px=26, frame_px=150))
        if card.school_count > len(on_show):
            ui.partly_drawn(t("范围内共 {n:,} 所学校：网格只画未达标和达标项最少的 {shown} 所", n=card.school_count,
                              shown=len(on_show)))
        grid = tables.status_grid_frame(card.values_for(on_show), ui.profile_links(on_show))
        ui.draw_chart(charts.status_grid(grid))
        ui.source_caption(ui.snapshot_source(v.snapshot, "school_stage_year、school_year") +
                          t("；九年一贯制学校的校舍、场馆、设备、多媒体教室按学段加权学生数（初中生 × 1.1）拆分"))
        ui.download_csv(functools.partial(tables.status_grid_table, card, GRID_CSV_SCHOOLS), f"standards_grid_{v.filters.year}.csv")

# 3. What a school lacks
results = card.results
failing = results[results["passes"] == False]  # noqa: E712
choices = card.ranked_school_ids(ui.CHART_SCHOOLS * 5)
failing_ids = set(failing["school_id"]).intersection(choices)  # only those offered: a country fails 100,000
del failing  # the fragments below keep this page's names alive between runs: no large copy among them


@ui.fragment
def what_a_school_lacks() -> None:
    """Choosing another school redraws only this part of the page."""
    default = v.filters.schools[0] if len(v.filters.schools) == 1 else choices[0]
    chosen = default if default in choices else choices[0]  # on a slide the first school; the page lets one choose
    with ui.page_only():
        chosen = st.selectbox(t("选择学校"), choices, index=choices.index(chosen),
                              format_func=i18n.fixed(lambda sid: tr(v.school_names.get(sid, sid)) +
                                                     (t("（未达标）") if sid in failing_ids else "")), key="lack_school")
    chosen_values = card.values_for([chosen])
    for _, r in results[results["school_id"] == chosen].iterrows():
        part = chosen_values[chosen_values["stage"] == r["stage"]]
        label = t("**{school} · {stage}**（{n} 名学生）：", school=i18n.Verbatim(md_escape(tr(r["school_name"]))),
                  stage=r["stage"], n=int(r["students"]))
        if not r["has_students"]:
            st.markdown(label + t("该学段无在校生，不计算指标。"))
        elif r["passes"]:
            st.markdown(label + t("达到学校标准（{n} 项达到标准值）。", n=int(r["met_count"])))
        else:
            st.markdown(label + t("未达到学校标准（{met} 项达到标准值，{floor} 项不低于 85%，{below} 项低于 85%）。",
                                  met=int(r["met_count"]), floor=int(r["floor_count"]), below=int(r["below_count"]))
                        + words.describe_lack(standard.what_it_lacks(part, rules)))
        table = part[["number", "name", "value", "threshold", "floor", "status", "unit"]].copy()
        table["value"] = beside_threshold(table["value"], table["threshold"])
        table["status"] = table["status"].map(lambda x: f"{charts.STATUS_MARKS[x]} {words.STATUS_LABELS[x]}")
        ui.table_view(table.rename(columns={"number": "序号", "name": "指标", "value": "数值", "threshold": "标准值",
                                            "floor": "85%底线", "status": "状态", "unit": "单位"}),
                      column_config={"85%底线": st.column_config.NumberColumn(format="localized"),
                                     "状态": st.column_config.TextColumn(width="medium")})  # the whole status word


with ui.slide():
    st.subheader(t("学校差距：还差多少才能达标"))
    if choices:
        what_a_school_lacks()
    else:
        st.info(t("所选范围内没有学校数据。"))

with ui.slide(chart_height=0.42):
    # 4. Coefficients of variation
    st.subheader(t("差异系数（校际均衡）"))
    scope_note = t("全县") if v.filters.is_whole_county else t("所选范围（{scope}）内的学校，重新计算", scope=md_value(v.scope_label))
    limits = rules["resource"]["cv_limits"]
    st.caption(t("按{scope}，学生数加权：CV = S / x̄。小学限值 {primary:.2f}，初中限值 {junior:.2f}，{n} 项逐项判断；{points}", n=len(rules["resource"]["indicators"]),
                 scope=scope_note, primary=limits[PRIMARY], junior=limits[JUNIOR],
                 points=words.teaching_point_rule(rules)))
    with ui.page_only(), st.expander(t("一贯制学校的分摊与教学点的计法（依据）")):
        st.markdown(md_value(rules["resource"]["split_source"]))
        st.markdown(md_value(rules["resource"]["teaching_points"]["source"]))
    cv = tables.cv_frame(card.cvs)
    cols = st.columns(2)
    for col, stage in zip(cols, STAGES):
        part = cv[cv["学段"] == stage]
        with col:
            n = int(part["参与学校数"].max()) if len(part) else 0
            st.markdown(t("**{stage}**（{n} 个学校（学段）参与计算）", stage=stage, n=n))
            if part["差异系数"].notna().any():
                ui.draw_chart(charts.cv_chart(part))
            elif n == 0:
                st.info(t("范围内没有该学段的学校：差异系数不适用。"))
            else:
                st.info(t("范围内该学段只有 1 个学校（学段）：谈不上校际差异，差异系数不适用。"))
    ui.source_caption(ui.snapshot_source(v.snapshot, "school_stage_year、school_year"))
    ui.table_view(cv)
    ui.download_csv(cv, f"standards_cv_{v.filters.year}.csv")

with ui.slide(chart_height=0.3):
    # 5. County items
    st.subheader(t("县级指标：政府保障程度 15 项、教育质量 9 项、社会认可度 1 项"))
    if ui.presenting():  # on a slide: every item at a glance, and in words those that keep the verdict back
        ui.county_items_at_a_glance(card.county_items)
    table = tables.county_items_frame(card.county_items, citations)
    with ui.page_only():
        for part, rows in table.groupby("部分", sort=False):
            st.markdown(t("**{part}**（{n} 项）", part=part, n=len(rows)))
            ui.wrapped_table(rows.drop(columns="部分"), keep=("数值", "状态", "来源"))
    st.caption(t("县级指标按全县评估。数值来自工作汇报原文或数据快照；报告和快照都没有的项目标为“无数据”，不作推测；"
                 "只有一部分要求有佐证的标为“部分有佐证”。"))
    ui.download_csv(table, f"standards_county_items_{v.filters.year}.csv")

@ui.fragment
def item_detail() -> None:
    """One item opened: each requirement with its evidence, what is missing to judge or to meet it,
    and the rows behind it. Choosing another item redraws only this part."""
    items = card.county_items.set_index("item")
    chosen = st.selectbox(t("查看一项的明细"), list(items.index), key="item_detail",
                          format_func=i18n.fixed(lambda code: f"{code} {tr(items.loc[code, 'text'])}"))
    row = items.loc[chosen]
    # every part below may quote the county's own text (document names, issuers): shown inert, never as Markdown
    st.markdown(f"**{md_escape(chosen)}** {md_value(row['text'])} — {md_escape(words.item_status(row.to_dict()))}")
    for req in row["requirements"]:
        rule = standard.requirement(rules, req["id"])
        lines = [t("**{id}** {text}：{status}", id=md_value(req["id"]), text=md_value(rule["text"]),
                   status=i18n.Verbatim(md_escape(words.item_status(req)))),
                 t("证据：{value}", value=i18n.Verbatim(md_escape(words.requirement_value(req)))),
                 t("来源：{source}", source=i18n.Verbatim(md_escape(words.requirement_source(req, citations))))]
        needs = words.what_it_needs(req, rule)
        if needs:
            lines.append(md_escape(needs))
        st.markdown("\n".join(f"- {line}" for line in lines))
        frame = tables.requirement_detail_frame(req)
        if frame is not None:
            ui.table_view(frame)



with ui.page_only():
    item_detail()

with ui.slide():
    # 6. Conditions under which a county is not recognised
    st.subheader(t("不予认定的情形"))
    st.caption(t("{note}（与上面 25 项并列，任何一项存在即不予认定）。是否存在由督导评估认定：县里的自查报告和承诺只能说明“自查未发现”。",
                 note=rules["non_recognition"]["note"]) + t("依据：{source}。", source=rules["non_recognition"]["items"][0]["source"]))
    vetoes = tables.vetoes_frame(card.vetoes, citations)
    # on a slide the status is the message; the evidence column stays on the page
    ui.wrapped_table(vetoes.drop(columns="佐证") if ui.presenting() else vetoes, keep=("状态", "佐证"))
    ui.download_csv(vetoes, f"standards_non_recognition_{v.filters.year}.csv")

if card.preconditions is not None and len(card.preconditions):
    with ui.page_only():
        # 7. The conditions for applying: apart from the verdict, judged like items
        conditions = rules["preconditions"]
        st.subheader(t("申报条件"))
        st.caption(t("{note}。依据：{source}。", note=conditions["note"], source=conditions["source"]))
        ui.wrapped_table(tables.preconditions_frame(card.preconditions, citations, rules), keep=("状态", "依据"))

if v.filters.is_whole_county:
    states = ui.rectification(v.snapshot, v.filters.year, dt.date.today())
    with ui.page_only():
        # 8. The rectification register: now, with the completed measures, with every measure
        st.subheader(t("整改台账：三种状态"))
        if states is None:
            st.caption(t("本快照还没有整改台账：在“数据管理”页由整改方案生成，填写责任单位、完成时限和进度后，这里显示落实进度。"))
        else:
            ui.table_view(tables.rectification_states_table(states))
            names = dict(zip(card.matrix["school_id"], card.matrix["school_name"], strict=False))
            register = tables.rectification_table(states.register, names)
            late = int(states.register["overdue"].sum())
            if late:
                st.warning(t("{n} 项措施已过完成时限仍未完成。", n=late), icon=":material/schedule:")
            ui.wrapped_table(register, keep=("责任单位", "完成佐证"))  # the county's own words, as typed
            st.caption(t("三种状态用同一套评估：已完成的措施按台账的数量计入学校数据后重新评估；“全部措施”含未开始和进行中的。"
                         "措施是否真正完成以完成佐证为准，由督导核查。"))
            ui.source_caption(ui.snapshot_source(v.snapshot, "整改台账"))
