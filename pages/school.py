import sys
from pathlib import Path

# A deep link can reach a cold server before app.py has run (Streamlit then runs this file alone):
# make dashboard_core importable here too; ui.page_header hands the run back to the app frame.
_SRC = str(Path(__file__).resolve().parents[1] / "src")
if _SRC not in sys.path:
    sys.path.insert(0, _SRC)

import pandas as pd
import streamlit as st

from dashboard_core import charts, queries, standard, ui
from dashboard_core.filters import Filters

v = ui.page_header("学校档案", "一校一档：基本情况、达标情况、变化趋势与对比")
cat = ui.catalog(v.snapshot)
known = set(cat.school_ids)
label = ui.school_label(v)
if not known:
    st.info("快照中没有学校。")
    st.stop()

# The school in view lives in the URL (?school_id=…), so any table or chart can link here.
from_url = st.query_params.get("school_id")
if from_url in known and from_url != st.session_state.get("_profile_url"):
    st.session_state["profile_school"] = from_url  # a link or an edited URL chose the school
elif st.session_state.get("profile_school") not in known:
    st.session_state["profile_school"] = v.filters.schools[0] if v.filters.schools else cat.school_ids[0]
current = st.session_state["profile_school"]
# the schools of the townships in view (all schools in a small area), never tens of thousands at once
pool = ([sid for code in v.filters.townships for sid in cat.school_ids_by_township.get(code, [])]
        if v.filters.townships else cat.school_ids)
if len(pool) > ui.SCHOOL_OPTIONS:
    pool = cat.school_ids_by_township.get(ui.ask(v.snapshot, "school_info", school_id=current)["township_code"].iloc[0], [])
ids = list(dict.fromkeys([current] + list(v.filters.schools) + list(pool)))
school_id = st.selectbox("学校", ids, key="profile_school", format_func=label)
st.query_params["school_id"] = school_id
st.session_state["_profile_url"] = school_id
info = ui.ask(v.snapshot, "school_info", school_id=school_id).iloc[0]

year = v.filters.year
stages = v.filters.stages
mine = ui.card(v.snapshot, Filters(year=year, schools=(school_id,), stages=stages))
st.markdown(f"### {info['school_name']}")
st.caption(f"{info['township_name']} · {info['school_type']} · {info['urban_rural']} · 学校编号 {school_id}"
           + (" · 校名为示例" if bool(info["name_is_example"]) else ""))

if mine.inputs.empty:
    st.info(f"{year} 年没有这所学校的数据。")
    st.stop()

st.subheader(f"基本情况（{year} 年）")
inputs = mine.inputs
first = inputs.iloc[0]
cols = st.columns(4)
cols[0].metric("在校学生", f"{int(inputs['students'].sum()):,} 人",
               help="；".join(f"{r.stage} {int(r.students)} 人" for r in inputs.itertuples()))
cols[1].metric("班级", f"{int(inputs['classes'].sum())} 个")
cols[2].metric("专任教师", f"{int(inputs['full_time_teachers'].sum())} 人")
cols[3].metric("教职工", f"{int(first['staff'])} 人")
cols = st.columns(4)
cols[0].metric("教学及辅助用房", f"{first['teaching_area_m2']:,.0f} ㎡")
cols[1].metric("体育运动场馆", f"{first['sports_area_m2']:,.0f} ㎡")
cols[2].metric("教学仪器设备值", f"{first['equipment_value_yuan'] / 10_000:,.1f} 万元")
cols[3].metric("网络多媒体教室", f"{int(first['multimedia_rooms'])} 间")
ui.source_caption(ui.snapshot_source(v.snapshot, "school_stage_year、school_year") + f"（学校编号 {school_id}，{year} 年）")

st.subheader("国家标准 7 项指标")
rules = ui.rules()
for _, r in mine.results.iterrows():
    part = mine.values[mine.values["stage"] == r["stage"]]
    head = f"**{r['stage']}**（{int(r['students'])} 名学生）："
    if not r["has_students"]:
        st.markdown(head + "无在校生。")
        continue
    if r["passes"]:
        st.success(head + f"达到学校标准（{int(r['met_count'])} 项达到标准值）。", icon=":material/check_circle:")
    else:
        st.error(head + "未达到学校标准。" + standard.describe_lack(standard.what_it_lacks(part, rules)), icon=":material/cancel:")
grid = charts.status_grid_frame(mine.values)
st.dataframe(grid.drop(columns=["学校编号"]), hide_index=True, width="stretch")
ui.download_csv(grid, f"school_{school_id}_{year}_indicators.csv")

st.subheader("与本乡镇、全县对比")
township = ui.card(v.snapshot, Filters(year=year, townships=(info["township_code"],), stages=stages))
county = ui.card(v.snapshot, Filters(year=year, stages=stages))
levels = []
for name, matrix in [("本校", mine.matrix), ("本乡镇", township.matrix), ("全县", county.matrix)]:
    part = matrix[matrix["stage"].isin(mine.matrix["stage"].unique())].assign(level=name)
    grouped = standard.group_values(part, ["level"], rules)
    levels.append(charts.group_indicator_frame(grouped, "level", "范围"))
compare_levels = pd.concat(levels, ignore_index=True)
for stage in mine.values["stage"].unique():
    part = compare_levels[compare_levels["学段"] == stage]
    ui.show_chart(charts.grouped_bars(part, "范围", f"{stage}：本校、{info['township_name']}与全县（合计 ÷ 学生数，占标准值的比例）",
                                      charts.LEVEL_COLORS), part,
                  ui.snapshot_source(v.snapshot, "school_stage_year、school_year"), f"school_{school_id}_{stage}_compare_{year}.csv")

st.subheader("变化趋势")
trend = []
for y in queries.years(v.snapshot):
    card = ui.card(v.snapshot, Filters(year=y, schools=(school_id,), stages=stages))
    trend.append(card.values.assign(year=y))
trend_frame = charts.profile_trend_frame(pd.concat(trend, ignore_index=True))
for stage in trend_frame["学段"].unique():
    part = trend_frame[trend_frame["学段"] == stage]
    ui.show_chart(charts.profile_trend(part, f"{stage}：各项指标达到标准值的比例，逐年"), part,
                  ui.snapshot_source(v.snapshot, "school_stage_year、school_year"), f"school_{school_id}_{stage}_trend.csv")

st.subheader("多校对比（最多 5 所）")
picked = st.multiselect("选择要对比的学校", list(dict.fromkeys(ids + [s for s in st.session_state.get("compare", [])])),
                        key="compare", bind="query-params", max_selections=5,
                        format_func=label, placeholder="选择 2 至 5 所学校")
chosen = list(dict.fromkeys([school_id] + [p for p in picked if p != school_id]))[:5]
if len(chosen) < 2:
    st.caption("选择至少一所其他学校，与本校并排比较。")
else:
    others = ui.card(v.snapshot, Filters(year=year, schools=tuple(chosen), stages=stages))
    frame = charts.comparison_frame(others.values)
    ui.show_chart(charts.comparison_chart(frame, "各校指标达到标准值的比例"), frame,
                  ui.snapshot_source(v.snapshot, "school_stage_year、school_year"), f"schools_compare_{year}.csv")
    wide = frame.pivot_table(index="指标", columns="学校（学段）", values="数值", sort=False)
    st.dataframe(wide, width="stretch")
