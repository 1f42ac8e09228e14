import pandas as pd
import streamlit as st

from dashboard_core.web import state, ui
from dashboard_core.present import charts, tables, words
from dashboard_core.model import measures, standard
from dashboard_core.present.format import md_escape, md_value
from dashboard_core.present.i18n import t, tr
from dashboard_core.model.filters import Filters
from dashboard_core.model.vocabulary import TEACHING_POINT

v = ui.page_header(t("学校档案"), t("一校一档：基本情况、达标情况、变化趋势与对比"))
cat = ui.catalog(v.snapshot)
label = ui.school_label(v)
if not cat.school_count:
    st.info(t("快照中没有学校。"))
    st.stop()

# The school in view lives in the URL (?school_id=…), so any table or chart can link here.
from_url = st.query_params.get("school_id")
if from_url is not None and cat.has_school(from_url) and from_url != st.session_state.get("_profile_url"):
    st.session_state["profile_school"] = from_url  # a link or an edited URL chose the school
elif not cat.has_school(st.session_state.get("profile_school")):
    st.session_state["profile_school"] = v.filters.schools[0] if v.filters.schools else cat.first_school()
current = st.session_state["profile_school"]
# the schools of the townships in view (all schools in a small area), never tens of thousands at once
pool = (cat.schools_in(v.filters.townships) if v.filters.townships
        else cat.all_schools() if cat.school_count <= state.SCHOOL_OPTIONS else [])
if len(pool) > state.SCHOOL_OPTIONS or not pool:
    pool = cat.schools_in([ui.school_info(v.snapshot, current)["township_code"].iloc[0]])
ids = list(dict.fromkeys([current] + list(v.filters.schools) + list(pool)))
school_id = st.selectbox(t("学校"), ids, key="profile_school", format_func=label)
st.query_params["school_id"] = school_id
st.session_state["_profile_url"] = school_id
info = ui.school_info(v.snapshot, school_id).iloc[0]

year = v.filters.year
stages = v.filters.stages
mine = ui.card(v.snapshot, Filters(year=year, schools=(school_id,), stages=stages))
st.markdown(f"### {md_escape(tr(info['school_name']))}")
st.caption(t("{township} · {type} · {setting} · 学校编号 {id}", township=md_value(info["township_name"]),
             type=info["school_type"], setting=info["urban_rural"], id=md_value(school_id)) + (t(" · 校名为示例") if bool(info["name_is_example"]) else ""))

if mine.inputs.empty:
    left_out = standard.teaching_points_left_out_under(ui.rules())
    if info["school_type"] == TEACHING_POINT and left_out:
        st.info(t("这是一个不足 {n} 人的教学点：按评估规则（{rule}）不计入学校达标统计和差异系数。", n=left_out,
                  rule=words.teaching_point_rule(ui.rules())), icon=":material/info:")
    else:
        st.info(t("{year} 年没有这所学校的数据。", year=year))
    st.stop()

inputs = mine.inputs
first = inputs.iloc[0]
if first["school_id"] != school_id:  # a teaching point, judged with its central school
    st.info(t("这是一个教学点：按评估规则，它的数据并入所属中心校“{parent}”一起计算（{rule}）。"
              "以下基本情况和指标是中心校含本教学点的合计。", parent=md_value(first["school_name"]),
              rule=words.teaching_point_rule(ui.rules())), icon=":material/info:")
elif int(inputs["teaching_points_folded"].max()) > 0:
    st.caption(t("本校的数字含 {n} 个所属教学点的数据（教学点并入中心校计算）。", n=int(inputs["teaching_points_folded"].max())))

st.subheader(t("基本情况（{year} 年）", year=year))
cols = st.columns(4)
cols[0].metric(t("在校学生"), t("{n} 人", n=ui.fmt(inputs["students"].sum())),
               help=t("；").join(t("{stage} {n} 人", stage=r.stage, n=int(r.students)) for r in inputs.itertuples()))
cols[1].metric(t("班级"), t("{n} 个", n=int(inputs["classes"].sum())))
cols[2].metric(t("专任教师"), t("{n} 人", n=int(inputs["full_time_teachers"].sum())))
cols[3].metric(t("教职工"), t("{n} 人", n=int(first["staff"])))
cols = st.columns(4)
cols[0].metric(t("教学及辅助用房"), ui.amount(first["teaching_area_m2"], "㎡"))
cols[1].metric(t("体育运动场馆"), ui.amount(first["sports_area_m2"], "㎡"))
cols[2].metric(t("教学仪器设备值"), ui.yuan(first["equipment_value_yuan"]))
cols[3].metric(t("网络多媒体教室"), t("{n} 间", n=int(first["multimedia_rooms"])))
ui.source_caption(ui.snapshot_source(v.snapshot, "school_stage_year、school_year")
                  + t("（学校编号 {id}，{year} 年）", id=school_id, year=year))

st.subheader(t("国家标准 {n} 项指标", n=len(ui.rules()["resource"]["indicators"])))
rules = ui.rules()
for _, r in mine.results.iterrows():
    part = mine.values[mine.values["stage"] == r["stage"]]
    head = t("**{stage}**（{n} 名学生）：", stage=r["stage"], n=int(r["students"]))
    if not r["has_students"]:
        st.markdown(head + t("无在校生。"))
        continue
    if r["passes"]:
        st.success(head + t("达到学校标准（{n} 项达到标准值）。", n=int(r["met_count"])), icon=":material/check_circle:")
    else:
        st.error(head + t("未达到学校标准。") + words.describe_lack(standard.what_it_lacks(part, rules)),
                 icon=":material/cancel:")
grid = tables.status_grid_frame(mine.values)
ui.table_view(grid.drop(columns=["学校编号"]))
ui.download_csv(grid, f"school_{school_id}_{year}_indicators.csv")

st.subheader(t("与本乡镇、全县对比"))
township = ui.card(v.snapshot, Filters(year=year, townships=(info["township_code"],), stages=stages))
county = ui.card(v.snapshot, Filters(year=year, stages=stages))
grouped = measures.levels_compared([("本校", mine.matrix), ("本乡镇", township.matrix), ("全县", county.matrix)],
                                   mine.matrix["stage"].unique(), rules)
compare_levels = tables.group_indicator_frame(grouped, "level", "范围")
for stage in mine.values["stage"].unique():
    part = compare_levels[compare_levels["学段"] == stage]
    ui.show_chart(charts.grouped_bars(part, "范围", t("{stage}：本校、{township}与全县（合计 ÷ 学生数，占标准值的比例）",
                                                     stage=stage, township=info["township_name"]),
                                      charts.LEVEL_COLORS), part,
                  ui.snapshot_source(v.snapshot, "school_stage_year、school_year"), f"school_{school_id}_{stage}_compare_{year}.csv")

st.subheader(t("变化趋势"))
trend = []
for y in cat.years:
    card = ui.card(v.snapshot, Filters(year=y, schools=(school_id,), stages=stages))
    trend.append(card.values.assign(year=y))
trend_frame = tables.profile_trend_frame(pd.concat(trend, ignore_index=True))
for stage in trend_frame["学段"].unique():
    part = trend_frame[trend_frame["学段"] == stage]
    ui.show_chart(charts.profile_trend(part, t("{stage}：各项指标达到标准值的比例，逐年", stage=stage)), part,
                  ui.snapshot_source(v.snapshot, "school_stage_year、school_year"), f"school_{school_id}_{stage}_trend.csv")

st.subheader(t("多校对比（最多 5 所）"))
picked = st.multiselect(t("选择要对比的学校"), list(dict.fromkeys(ids + [s for s in st.session_state.get("compare", [])])),
                        key="compare", bind="query-params", max_selections=5,
                        format_func=label, placeholder=t("选择 2 至 5 所学校"), select_all=False)
chosen = list(dict.fromkeys([school_id] + [p for p in picked if p != school_id]))[:5]
if len(chosen) < 2:
    st.caption(t("选择至少一所其他学校，与本校并排比较。"))
else:
    others = ui.card(v.snapshot, Filters(year=year, schools=tuple(chosen), stages=stages))
    frame = tables.comparison_frame(others.values)
    ui.show_chart(charts.comparison_chart(frame, t("各校指标达到标准值的比例")), frame,
                  ui.snapshot_source(v.snapshot, "school_stage_year、school_year"), f"schools_compare_{year}.csv")
    wide = frame.pivot_table(index="指标", columns="学校（学段）", values="数值", sort=False).reset_index()
    ui.table_view(wide)
