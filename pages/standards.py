import sys
from pathlib import Path

# A deep link can reach a cold server before app.py has run (Streamlit then runs this file alone):
# make dashboard_core importable here too; ui.page_header hands the run back to the app frame.
_SRC = str(Path(__file__).resolve().parents[1] / "src")
if _SRC not in sys.path:
    sys.path.insert(0, _SRC)

import streamlit as st

from dashboard_core import charts, standard, ui

v = ui.page_header("达标评估", "对照《县域义务教育优质均衡发展督导评估办法》逐项评估")
card = ui.card(v.snapshot, v.filters)
s = card.summary
rules = ui.rules()

# 1. The verdict, in words a county leader can say aloud
parts = []
for stage, c in s["stages"].items():
    if c["schools_total"]:
        parts.append(f"{stage} {c['schools_total']} 所中 {c['schools_passing']} 所达到学校标准")
sentence = (f"{v.scope_label}{v.filters.year} 年：{s['verdict_text']}。" + "；".join(parts)
            + f"；差异系数 {s['cv_total']} 项中 {s['cv_passing']} 项在限值以内；县级 {s['county_items_total']} 项中"
            f" {s['county_items_met']} 项达到、{s['county_items_not_met']} 项未达到、{s['county_items_no_data']} 项暂无数据。")
box = {"met": st.success, "not_met": st.error, "incomplete": st.warning}[s["verdict"]]
box(sentence, icon={"met": ":material/check_circle:", "not_met": ":material/cancel:", "incomplete": ":material/help:"}[s["verdict"]])
if s["reasons"]:
    st.markdown("**原因：**\n" + "\n".join(f"- {r}" for r in s["reasons"]))
if not v.filters.is_whole_county:
    st.info("当前只看所选范围：学校达标情况和差异系数按范围内的学校重新计算（仅供分析，正式评估以全县为准）；"
            "县级指标始终按全县评估。")

cols = st.columns(4)
for col, (stage, c) in zip(cols, s["stages"].items()):
    col.metric(f"{stage}达标学校", f"{c['schools_passing']} / {c['schools_total']}")
cols[2].metric("差异系数达标", f"{s['cv_passing']} / {s['cv_total']}")
cols[3].metric("县级指标达到", f"{s['county_items_met']} / {s['county_items_total']}",
               help=f"未达到 {s['county_items_not_met']} 项，无数据 {s['county_items_no_data']} 项")

# 2. School × indicator grid
st.subheader("学校 × 指标达标情况")
st.caption("✓ 达到标准值　△ 未达到但不低于标准值的85%　✗ 低于85%　— 无在校生。"
           "学校标准：7 项中至少 6 项达到标准值，其余 1 项不低于标准值的 85%。悬停可看数值与标准值，点击格子打开学校档案。")
if card.matrix.empty:
    st.info("所选范围内没有学校数据。")
else:
    ranked = card.ranked_school_ids()
    on_show = ranked[:ui.CHART_SCHOOLS]
    if len(ranked) > len(on_show):
        st.caption(f"范围内共 {len(ranked):,} 所学校：网格只画未达标和达标项最少的 {len(on_show)} 所，完整数据请下载 CSV。")
    grid_full = charts.status_grid_frame(card.values_for(ranked) if len(ranked) <= 5000 else card.values_for(on_show))
    grid = grid_full[grid_full["学校编号"].isin(on_show)].assign(档案=lambda f: f["学校编号"].map(ui.profile_links(on_show)))
    ui.draw_chart(charts.status_grid(grid))
    ui.source_caption(ui.snapshot_source(v.snapshot, "school_stage_year、school_year") +
                      "；九年一贯制学校的校舍、场馆、设备、多媒体教室按学段加权学生数（初中生 × 1.1）拆分")
    ui.download_csv(grid_full, f"standards_grid_{v.filters.year}.csv")

# 3. What a school lacks
st.subheader("学校差距：还差多少才能达标")
results = card.results
failing = results[results["passes"] == False]  # noqa: E712
choices = card.ranked_school_ids(ui.CHART_SCHOOLS * 5)
failing_ids = set(failing["school_id"])
if choices:
    default = v.filters.schools[0] if len(v.filters.schools) == 1 else choices[0]
    chosen = st.selectbox("选择学校", choices, index=choices.index(default) if default in choices else 0,
                          format_func=lambda sid: v.school_names.get(sid, sid) +
                          ("（未达标）" if sid in failing_ids else ""), key="lack_school")
    chosen_values = card.values_for([chosen])
    for _, r in results[results["school_id"] == chosen].iterrows():
        part = chosen_values[chosen_values["stage"] == r["stage"]]
        label = f"**{r['school_name']} · {r['stage']}**（{int(r['students'])} 名学生）："
        if not r["has_students"]:
            st.markdown(label + "该学段无在校生，不计算指标。")
        elif r["passes"]:
            st.markdown(label + f"达到学校标准（{int(r['met_count'])} 项达到标准值）。")
        else:
            st.markdown(label + f"未达到学校标准（{int(r['met_count'])} 项达到标准值，"
                        f"{int(r['floor_count'])} 项不低于85%，{int(r['below_count'])} 项低于85%）。"
                        + standard.describe_lack(standard.what_it_lacks(part, rules)))
        table = part[["number", "name", "value", "threshold", "floor", "status", "unit"]].copy()
        table["status"] = table["status"].map(lambda x: f"{charts.STATUS_MARKS[x]} {standard.STATUS_LABELS[x]}")
        st.dataframe(table.rename(columns={"number": "序号", "name": "指标", "value": "数值", "threshold": "标准值",
                                           "floor": "85%底线", "status": "状态", "unit": "单位"}),
                     hide_index=True, width="stretch",
                     column_config={"数值": st.column_config.NumberColumn(format="%.2f"),
                                    "85%底线": st.column_config.NumberColumn(format="%.3f")})

# 4. Coefficients of variation
st.subheader("差异系数（校际均衡）")
scope_note = "全县" if v.filters.is_whole_county else f"所选范围（{v.scope_label}）内的学校，重新计算"
st.caption(f"按{scope_note}，学生数加权：CV = S / x̄。小学限值 0.50，初中限值 0.45，7 项逐项判断；教学点不参与计算。")
cv = charts.cv_frame(card.cvs)
cols = st.columns(2)
for col, stage in zip(cols, ["小学", "初中"]):
    part = cv[cv["学段"] == stage]
    with col:
        st.markdown(f"**{stage}**（{int(part['参与学校数'].max()) if len(part) else 0} 所学校参与计算）")
        if part["差异系数"].notna().any():
            ui.draw_chart(charts.cv_chart(part))
        else:
            st.info("范围内没有该学段的学校，无法计算。")
ui.source_caption(ui.snapshot_source(v.snapshot, "school_stage_year、school_year"))
st.dataframe(cv, hide_index=True, width="stretch")
ui.download_csv(cv, f"standards_cv_{v.filters.year}.csv")

# 5. County items
st.subheader("县级指标：政府保障、教育质量、社会认可")
items = card.county_items.copy()
items["状态"] = items["status"].map({"met": "✓ 达到", "not_met": "✗ 未达到", "no_data": "… 无数据"})
items["一票否决"] = items["veto"].map({True: "是", False: ""})
table = items[["part_name", "item", "text", "value_text", "状态", "一票否决", "source"]].rename(columns={
    "part_name": "部分", "item": "编号", "text": "要求", "value_text": "数值", "source": "来源"}).fillna({"数值": "—"})
st.dataframe(table, hide_index=True, width="stretch", column_config={
    "要求": st.column_config.TextColumn(width="large"), "来源": st.column_config.TextColumn(width="large")})
st.caption("县级指标按全县评估。数值来自工作汇报原文或数据快照；报告和快照都没有的项目标为“无数据”，不作推测。")
ui.download_csv(table, f"standards_county_items_{v.filters.year}.csv")
