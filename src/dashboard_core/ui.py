"""The one module of shared Streamlit widgets: filters bound to the URL, captions, downloads, marks.

Pages import from here and from the pure modules; they never talk to DuckDB themselves.
"""
from __future__ import annotations

from pathlib import Path
from urllib.parse import quote
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from . import queries, scorecard, settings, snapshots, standard
from .filters import Filters
from .snapshots import Snapshot

STAGES = ["小学", "初中"]
DEMO_MARK = "示例数据"
VIEW_KEY = "_dashboard_view"


@dataclass(frozen=True)
class View:
    snapshot: Snapshot
    filters: Filters
    township_names: dict
    school_names: dict
    skipped: tuple = ()

    @property
    def scope_label(self) -> str:
        if self.filters.schools:
            names = [self.school_names.get(s, s) for s in self.filters.schools]
            return "、".join(names[:3]) + (f" 等 {len(names)} 所学校" if len(names) > 3 else "")
        if self.filters.townships:
            return "、".join(self.township_names.get(t, t) for t in self.filters.townships)
        return "全县"


# ---- data access, cached and bounded -------------------------------------------------------

@st.cache_data(ttl=60, max_entries=4, show_spinner=False)
def _scan(root: str) -> tuple[list[Snapshot], list]:
    return snapshots.scan(Path(root))


def available_snapshots() -> tuple[list[Snapshot], list]:
    return _scan(str(settings.data_root()))


def forget_snapshot_list() -> None:
    """After an import: look at the data folder again on the next run."""
    _scan.clear()


@st.cache_data(ttl=3600, max_entries=512, show_spinner=False)
def ask(snapshot: Snapshot, name: str, filters: Filters | None = None, **params) -> pd.DataFrame:
    return queries.ask(snapshot, name, filters, **params)


@st.cache_data(ttl=3600, max_entries=128, show_spinner=False)
def card(snapshot: Snapshot, filters: Filters) -> scorecard.Scorecard:
    return scorecard.compute(snapshot, filters)


def rules() -> dict:
    return standard.load_rules()


# ---- the frame: snapshot, filters, marks ---------------------------------------------------

def _unique_labels(frame: pd.DataFrame, id_col: str, name_col: str) -> dict:
    counts = frame[name_col].value_counts()
    return {r[id_col]: (r[name_col] if counts[r[name_col]] == 1 else f"{r[name_col]}（{r[id_col]}）")
            for _, r in frame.iterrows()}


def sidebar_filters() -> View:
    """Snapshot in view and the sidebar filters, all bound to the URL so a link reproduces the view."""
    good, bad = available_snapshots()
    if not good:
        st.error("没有可用的数据快照。请在项目根目录运行 `python -m dashboard_core build-demo` 生成示例快照，"
                 f"或检查数据目录 {settings.data_root()}。")
        for p in bad:
            st.warning(f"已跳过快照 {p.snapshot_id}：{p.message}")
        st.stop()
    by_id = {s.snapshot_id: s for s in good}
    filter_box = st.sidebar.container()
    with st.sidebar:
        chosen_id = st.selectbox(
            "数据快照", list(by_id), key="snapshot", bind="query-params",
            format_func=lambda i: f"{i}（{by_id[i].created_date}{'，示例' if by_id[i].demo else ''}）",
            help="默认显示最新的完好快照；在“数据”页可比较两个快照")
    snapshot = by_id.get(chosen_id, good[0])

    townships = ask(snapshot, "township_list")
    schools = ask(snapshot, "school_list")
    years = queries.years(snapshot)
    township_label = dict(zip(townships["township_code"], townships["township_name"]))
    school_label = _unique_labels(schools, "school_id", "school_name")

    with filter_box:
        st.markdown("**筛选**")
        year = st.selectbox("年份", years, index=len(years) - 1, key="year", bind="query-params",
                            format_func=str, help="学校统计时点为当年 9 月 1 日")
        chosen_townships = st.multiselect("乡镇", list(townships["township_code"]), key="township",
                                          bind="query-params", format_func=lambda c: township_label.get(c, c),
                                          placeholder="全县（可多选）")
        pool = schools if not chosen_townships else schools[schools["township_code"].isin(chosen_townships)]
        chosen_schools = st.multiselect("学校", list(pool["school_id"]), key="school", bind="query-params",
                                        format_func=lambda s: school_label.get(s, s),
                                        placeholder="全部学校（可多选，可输入搜索）")
        chosen_stages = st.pills("学段", STAGES, selection_mode="multi", key="stage", bind="query-params")
        if chosen_townships or chosen_schools or chosen_stages:
            st.button("清除筛选", on_click=_clear_filters, width="stretch")

    filters = Filters(year=int(year), townships=tuple(chosen_townships),
                      schools=tuple(s for s in chosen_schools if s in set(pool["school_id"])),
                      stages=tuple(s for s in STAGES if s in (chosen_stages or [])))
    view = View(snapshot, filters, township_label, school_label, tuple(bad))
    st.session_state[VIEW_KEY] = view
    return view


def _clear_filters() -> None:
    for key in ("township", "school", "stage"):
        st.session_state[key] = []


def school_label(v: "View"):
    """format_func for school pickers: the school's name, unique within the snapshot."""
    return lambda school_id: v.school_names.get(school_id, school_id)


def view() -> View:
    """The view set by the entry file for this run."""
    from streamlit.runtime.pages_manager import PagesManager

    # With a pages/ folder beside app.py, Streamlit runs a page on its own (the legacy multipage mode)
    # until app.py has called st.navigation once in the process: a deep link to a cold server does
    # this, and so does every AppTest run. The filters would then be missing or stale. Switch the
    # legacy mode off and rerun: app.py then frames the same page (same URL path, same page hash).
    if PagesManager.uses_pages_directory or VIEW_KEY not in st.session_state:
        PagesManager.uses_pages_directory = False
        st.rerun()
    return st.session_state[VIEW_KEY]


def demo_mark(snapshot: Snapshot) -> None:
    if snapshot.demo:
        st.warning(f"**{DEMO_MARK}** · 学校层面数据为按工作汇报县级总数校准的演示数据，并非真实统计；"
                   "县级数字引自工作汇报（见每项来源）。", icon=":material/science:")


def page_header(title: str, subtitle: str | None = None) -> View:
    v = view()
    st.title(title)
    scope = f"范围：{v.scope_label} · {v.filters.year} 年"
    if v.filters.stages:
        scope += " · " + "、".join(v.filters.stages)
    st.caption((subtitle + " · " if subtitle else "") + scope + f" · 数据快照 {v.snapshot.snapshot_id}"
               f"（{v.snapshot.created_date}）")
    demo_mark(v.snapshot)
    return v


def snapshot_source(snapshot: Snapshot, tables: str) -> str:
    kind = "示例数据" if snapshot.demo else "统计数据"
    return f"来源：数据快照 {snapshot.snapshot_id}（{snapshot.created_date}，{kind}）表 {tables}"


def source_caption(text: str) -> None:
    st.caption(text)


def show_chart(chart, frame: pd.DataFrame, source: str, filename: str) -> None:
    """A chart, the source under it, and the exact table behind it as CSV."""
    st.altair_chart(chart, width="stretch", theme=None)
    st.caption(source)
    download_csv(frame, filename)


def profile_links(school_ids) -> dict:
    """Links to each school's profile page, keeping the year in view."""
    year = view().filters.year
    return {sid: f"./school?school_id={quote(str(sid))}&year={year}" for sid in school_ids}


def report_source(section: str) -> str:
    return f"来源：工作汇报 {section}（原文见下载数据或悬停提示）"


def csv_bytes(frame: pd.DataFrame) -> bytes:
    return frame.to_csv(index=False).encode("utf-8-sig")


def download_csv(frame: pd.DataFrame, filename: str, label: str = "下载数据（CSV）") -> None:
    st.download_button(label, data=csv_bytes(frame), file_name=filename, mime="text/csv",
                       on_click="ignore", key=f"dl-{filename}", icon=":material/download:")


def report_facts_table(facts: pd.DataFrame, key: str) -> None:
    """The report's statements as a readable table: metric, value with unit, year and the excerpt."""
    if facts.empty:
        st.info("工作汇报中没有这一部分的数字。")
        return
    shown = pd.DataFrame({
        "事项": facts["metric"],
        "数值": [f"{num(v)} {u}" for v, u in zip(facts["value"], facts["unit"])],
        "年份": facts["year"].astype("Int64").astype("string").fillna("—"),
        "报告原文": facts["source_text"],
        "章节": facts["section"],
    })
    st.dataframe(shown, hide_index=True, width="stretch", height=min(35 * (len(shown) + 1) + 3, 900),
                 column_config={"报告原文": st.column_config.TextColumn(width="large")})
    st.caption("来源：察布查尔县推进义务教育优质均衡发展工作汇报（原文摘录，逐字引用）")
    download_csv(facts, f"report_facts_{key}.csv", "下载报告数字（CSV）")


def num(value: float) -> str:
    value = float(value)
    return f"{value:,.0f}" if value.is_integer() else f"{value:,.2f}".rstrip("0").rstrip(".")


def fmt(value: float, digits: int = 0) -> str:
    if value is None or pd.isna(value):
        return "—"
    return f"{value:,.{digits}f}"
