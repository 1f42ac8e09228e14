"""The one module of shared Streamlit widgets: filters bound to the URL, captions, downloads, marks.

Pages import from here and from the pure modules; they never talk to DuckDB themselves.
"""
from __future__ import annotations

import functools
import io
import threading
from collections import OrderedDict
from pathlib import Path
from urllib.parse import quote
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import streamlit as st

from . import charts, i18n, queries, scorecard, settings, snapshots, standard
from .i18n import t, tr
from .filters import Filters
from .snapshots import Snapshot

STAGES = ["小学", "初中"]
CHART_SCHOOLS = 60  # more bars or grid rows than this cannot be read on a projector
SCHOOL_OPTIONS = 10_000  # the school filter lists at most this many schools at once
TABLE_ROWS = 300  # rows sent to the browser in a table; the CSV download has them all
DEMO_MARK = "示例数据"
VIEW_KEY = "_dashboard_view"
LANGUAGE_KEY = "_language"


@dataclass(frozen=True)
class View:
    snapshot: Snapshot
    filters: Filters
    township_names: dict
    school_names: "pd.Series | dict"  # label by school id; .get(id, default)
    skipped: tuple = ()

    @property
    def scope_label(self) -> str:
        if self.filters.schools:
            names = [tr(self.school_names.get(s, s)) for s in self.filters.schools]
            shown = t("、").join(names[:3])
            return t("{names} 等 {n} 所学校", names=shown, n=len(names)) if len(names) > 3 else shown
        if self.filters.townships:
            return t("、").join(tr(self.township_names.get(c, c)) for c in self.filters.townships)
        return t("全县")


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


@st.cache_resource(ttl=3600, max_entries=4, show_spinner=False)
def _per_township(snapshot: Snapshot, name: str) -> pd.DataFrame:
    return queries.ask(snapshot, name)  # shared read-only: a country's table is not copied per rerun


def trend(snapshot: Snapshot, filters: Filters) -> pd.DataFrame:
    """The trend_by_year question. For townships alone (the usual choice) it is summed from one
    per-township table, so a township not chosen before needs no query."""
    if filters.schools or filters.stages:
        return ask(snapshot, "trend_by_year", filters)
    return queries.township_totals(_per_township(snapshot, "trend_by_township_year"), filters.townships, ["year"])


def staff_totals(snapshot: Snapshot, filters: Filters) -> pd.DataFrame:
    """The staff_totals question, the same way (one row; zeros where there is nothing to add up)."""
    if filters.schools:
        return ask(snapshot, "staff_totals", filters)
    table = _per_township(snapshot, "staff_by_township_year")
    totals = queries.township_totals(table[table["year"] == filters.year], filters.townships, ["year"])
    columns = [c for c in table.columns if c not in ("township_code", "year")]
    if totals.empty:
        return pd.DataFrame({c: [0] for c in columns})
    return totals[columns].fillna(0).astype("int64")


def schools_by_type(snapshot: Snapshot, filters: Filters) -> pd.DataFrame:
    """The schools_by_type question, the same way (school types do not depend on year or stage)."""
    if filters.schools:
        return ask(snapshot, "schools_by_type", filters)
    table = _per_township(snapshot, "schools_by_township_type")
    return queries.township_totals(table, filters.townships, ["type_order", "school_type"]).drop(columns="type_order")


def asked(shape, snapshot: Snapshot, name: str, filters: Filters | None = None, **params) -> pd.DataFrame:
    """A named query's answer shaped for a download, uncached: for tables too large to keep."""
    return shape(queries.ask(snapshot, name, filters, **params))


@st.cache_data(ttl=3600, max_entries=16, show_spinner=False)
def county_items(snapshot: Snapshot, year: int) -> pd.DataFrame:
    return scorecard.county_items(snapshot, year, rules())


@st.cache_resource(ttl=3600, max_entries=32, show_spinner=False)
def card(snapshot: Snapshot, filters: Filters) -> scorecard.Scorecard:
    # Shared, not copied: pages only read a scorecard (a country's would be costly to copy per rerun).
    # A part of an area already evaluated (a township after the whole county) is cut from it.
    whole = _whole_areas.get((snapshot, filters.year))
    if whole is not None and filters != whole.filters:
        return whole.narrow(filters)
    result = scorecard.compute(snapshot, filters, rules(), items=county_items(snapshot, filters.year))
    if filters.is_whole_county and not filters.stages:
        with _whole_areas_lock:
            _whole_areas[(snapshot, filters.year)] = result
            while len(_whole_areas) > 2:
                _whole_areas.popitem(last=False)
    return result


# The whole-area scorecards computed so far (bounded): the parents that narrower views are cut from
_whole_areas: "OrderedDict[tuple, scorecard.Scorecard]" = OrderedDict()
_whole_areas_lock = threading.Lock()


@dataclass(frozen=True)
class Catalog:
    """What the sidebar needs of a snapshot, built once and shared read-only by all sessions.

    Schools are kept as one compact Series (label by school id) with positions per township, not as
    Python dicts and lists: a country's 200,000 schools would otherwise take hundreds of MB."""
    years: list
    township_codes: list
    township_label: dict
    school_label: pd.Series  # label by school id, unique within the snapshot; .get(id, default) as a dict
    rows_by_township: dict  # township code → positions in school_label
    township_by_name: dict  # code or Chinese name → code (as links may carry them)
    _english_names: dict = field(default_factory=dict, compare=False, repr=False)  # filled when first needed

    @property
    def school_count(self) -> int:
        return len(self.school_label)

    def has_school(self, school_id) -> bool:
        return school_id in self.school_label.index

    def schools_in(self, townships) -> list:
        rows = [self.rows_by_township[c] for c in townships if c in self.rows_by_township]
        return list(self.school_label.index[np.concatenate(rows)]) if rows else []

    def all_schools(self) -> list:
        return list(self.school_label.index)

    def first_school(self):
        return self.school_label.index[0]

    def townships_named(self, labels) -> list:
        """Township codes for names as a link may carry them: codes, Chinese names or English names."""
        found = [self.township_by_name.get(w) for w in labels]
        if None in found:  # English names: translated once, only when a link carries them
            if not self._english_names:
                with i18n.using("en"):
                    self._english_names.update({tr(name): code for code, name in self.township_label.items()})
            found = [f or self._english_names.get(w) for f, w in zip(found, labels)]
        return list(dict.fromkeys(c for c in found if c is not None))

    def schools_named(self, labels) -> list:
        """School ids whose label is one of `labels` (as a link writes them), or which are ids themselves."""
        found = list(self.school_label.index[self.school_label.isin(list(labels))])
        return found + [w for w in labels if w not in found and self.has_school(w)]


@st.cache_resource(max_entries=4, ttl=3600, show_spinner=False)
def catalog(snapshot: Snapshot) -> Catalog:
    townships = queries.ask(snapshot, "township_list")
    # in Arrow batches: a country's 200,000 names never become Python objects
    schools = queries.ask_large(snapshot, "school_list")[["school_id", "school_name", "township_code"]]
    dup = schools["school_name"].duplicated(keep=False)
    labels = schools["school_name"].where(~dup, schools["school_name"] + "（" + schools["school_id"] + "）")
    township_label = dict(zip(townships["township_code"], townships["township_name"]))
    by_name = {**{name: code for code, name in township_label.items()}, **{c: c for c in township_label}}
    return Catalog(years=queries.years(snapshot), township_codes=list(townships["township_code"]),
                   township_label=township_label, township_by_name=by_name,
                   school_label=pd.Series(labels.array, index=pd.Index(schools["school_id"]), name="label"),
                   rows_by_township=schools.groupby("township_code", sort=False).indices)


def rules() -> dict:
    return standard.load_rules()


# ---- the frame: language, snapshot, filters, marks -----------------------------------------

def language_switch() -> str:
    """中文 / English: a switch kept in the URL as `lang=en`; sets the language of this run."""
    # The choice lives outside the widget (a page run without the frame drops widget state): taken
    # from the URL when the session starts, changed only by the switch, written back to the URL.
    if LANGUAGE_KEY not in st.session_state:
        wanted = st.query_params.get("lang")
        st.session_state[LANGUAGE_KEY] = "en" if wanted in ("en", "English") else i18n.DEFAULT
    st.session_state["lang_en"] = st.session_state[LANGUAGE_KEY] == "en"
    i18n.set_language(st.session_state[LANGUAGE_KEY])
    with st.sidebar:
        st.toggle("English", key="lang_en", on_change=_remember_language,
                  help=t("切换为英文界面；地址中带 lang=en 即打开英文界面"))
    chosen = st.session_state[LANGUAGE_KEY]
    if chosen == i18n.DEFAULT:
        st.query_params.pop("lang", None)
    else:
        st.query_params["lang"] = chosen
    return i18n.set_language(chosen)


def _remember_language() -> None:
    st.session_state[LANGUAGE_KEY] = "en" if st.session_state["lang_en"] else i18n.DEFAULT


def sidebar_filters() -> View:
    """Snapshot in view and the sidebar filters, all bound to the URL so a link reproduces the view."""
    good, bad = available_snapshots()
    if not good:
        st.error(t("没有可用的数据快照。请在项目根目录运行 `python -m dashboard_core build-demo` 生成示例快照，"
                   "或检查数据目录 {root}。", root=str(settings.data_root())))
        for p in bad:
            st.warning(t("已跳过快照 {snapshot}：{message}", snapshot=p.snapshot_id, message=p.message))
        st.stop()
    by_id = {s.snapshot_id: s for s in good}
    filter_box = st.sidebar.container()
    with st.sidebar:
        chosen_id = st.selectbox(
            t("数据快照"), list(by_id), key="snapshot", bind="query-params",
            format_func=i18n.fixed(lambda i: t("{id}（{date}，示例）" if by_id[i].demo else "{id}（{date}）",
                                               id=i, date=by_id[i].created_date)),
            help=t("默认显示最新的完好快照；在“数据”页可比较两个快照"))
    snapshot = by_id.get(chosen_id, good[0])

    cat = catalog(snapshot)
    township_label, school_label = cat.township_label, cat.school_label

    _filter_from_link("township", cat.townships_named, lambda c: tr(township_label.get(c, c)))
    _filter_from_link("stage", _stages_named, tr)
    with filter_box:
        st.markdown(t("**筛选**"))
        year = st.selectbox(t("年份"), cat.years, index=len(cat.years) - 1, key="year", bind="query-params",
                            format_func=str, help=t("学校统计时点为当年 9 月 1 日"))
        chosen_townships = st.multiselect(t("乡镇"), cat.township_codes, key="township",
                                          bind="query-params", format_func=i18n.fixed(lambda c: tr(township_label.get(c, c))),
                                          placeholder=t("全县（可多选）"))
        if chosen_townships:
            pool = cat.schools_in(chosen_townships)
        elif cat.school_count <= SCHOOL_OPTIONS:
            pool = cat.all_schools()
        else:
            pool = None
        if pool is None or len(pool) > SCHOOL_OPTIONS:
            # Tens of thousands of options would freeze the browser: ask for a township first, but keep
            # the schools already chosen (or named in the URL) so that a link still reproduces the view.
            keep = [s for s in st.session_state.get("school", []) if cat.has_school(s)]
            wanted = st.query_params.get_all("school")
            keep += [s for s in (cat.schools_named(wanted) if wanted else []) if s not in keep]
            pool = keep
            st.caption(t("共 {n:,} 所学校：请先选择乡镇，再在学校列表中输入校名搜索。", n=cat.school_count))
        chosen_schools = st.multiselect(t("学校"), pool, key="school", bind="query-params",
                                        format_func=i18n.fixed(lambda s: tr(school_label.get(s, s))),
                                        placeholder=t("全部学校（可多选，可输入搜索）"))
        chosen_stages = st.pills(t("学段"), STAGES, selection_mode="multi", key="stage", bind="query-params",
                                 format_func=i18n.fixed(tr))
        if chosen_townships or chosen_schools or chosen_stages:
            st.button(t("清除筛选"), on_click=_clear_filters, width="stretch")

    in_pool = set(pool)
    filters = Filters(year=int(year), townships=tuple(chosen_townships),
                      schools=tuple(s for s in chosen_schools if s in in_pool),
                      stages=tuple(s for s in STAGES if s in (chosen_stages or [])))
    view = View(snapshot, filters, township_label, school_label, tuple(bad))
    st.session_state[VIEW_KEY] = view
    return view


def _filter_from_link(key: str, named, label) -> None:
    """A filter bound to the URL is written there by its labels in the language of the moment (a link
    copied before switching to English keeps the Chinese names, and so does the address bar right after
    the switch). Streamlit drops labels that are not those of the current language, and with them the
    filter, so such a link's values (`named` turns labels of either language into values) become the
    widget's value here first. Set even when unchanged: a value set by code is written back to the URL
    in this run's language, so the link is consistent again before the next page change."""
    wanted = st.query_params.get_all(key)
    if not wanted:
        return
    values = named(wanted)
    if values and [label(v) for v in values] != wanted:
        st.session_state[key] = values


def _stages_named(labels) -> list:
    if all(w in STAGES for w in labels):
        return [s for s in STAGES if s in labels]
    with i18n.using("en"):
        english = {tr(s): s for s in STAGES}
    return [s for s in STAGES if s in labels or any(english.get(w) == s for w in labels)]


def _clear_filters() -> None:
    for key in ("township", "school", "stage"):
        st.session_state[key] = []


def fragment(function):
    """A part of a page that reruns alone when its own widgets change (st.fragment), in the
    language of the session (a fragment's rerun does not pass through app.py)."""
    @st.fragment
    @functools.wraps(function)
    def run(*args, **kwargs):
        i18n.set_language(st.session_state.get(LANGUAGE_KEY))
        return function(*args, **kwargs)
    return run


def school_label(v: "View"):
    """format_func for school pickers: the school's name, unique within the snapshot."""
    return i18n.fixed(lambda school_id: tr(v.school_names.get(school_id, school_id)))


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
    i18n.set_language(st.session_state.get(LANGUAGE_KEY))  # a page run without the frame keeps the language
    return st.session_state[VIEW_KEY]


def demo_mark(snapshot: Snapshot) -> None:
    if snapshot.demo:
        st.warning(t("**{mark}** · 学校层面数据为按工作汇报县级总数校准的演示数据，并非真实统计；"
                     "县级数字引自工作汇报（见每项来源）。", mark=DEMO_MARK), icon=":material/science:")


def page_header(title: str, subtitle: str | None = None) -> View:
    v = view()
    st.title(t(title))
    scope = t("范围：{scope} · {year} 年", scope=v.scope_label, year=v.filters.year)
    if v.filters.stages:
        scope += " · " + t("、").join(tr(s) for s in v.filters.stages)
    st.caption((t(subtitle) + " · " if subtitle else "") + scope
               + t(" · 数据快照 {id}（{date}）", id=v.snapshot.snapshot_id, date=v.snapshot.created_date))
    demo_mark(v.snapshot)
    return v


def snapshot_source(snapshot: Snapshot, tables: str) -> str:
    kind = t("示例数据") if snapshot.demo else t("统计数据")
    return t("来源：数据快照 {id}（{date}，{kind}）表 {tables}", id=snapshot.snapshot_id,
             date=snapshot.created_date, kind=kind, tables=tables.replace("、", t("、")))


def source_caption(text: str) -> None:
    st.caption(tr(text))


def show_chart(chart, frame: pd.DataFrame, source: str, filename: str, data=None) -> None:
    """A chart, the source under it, its data as a table, and downloads: the table as CSV and Excel
    (`data`, when the chart shows only part of a larger table: a frame, or a function that builds it
    when the download is clicked, so a country's table is not held in memory), the chart as PNG and SVG."""
    from . import briefing

    table = frame if data is None else data
    source = tr(source)
    lang = i18n.language()
    draw_chart(chart)
    st.caption(source)
    stem = filename.rsplit(".", 1)[0]
    # one row of buttons that wraps in a narrow column (fixed columns cut the labels short)
    row = st.container(horizontal=True, gap="small")
    download_csv(table, filename, "CSV", container=row)
    # Deferred downloads are built outside this run: they take the language along explicitly.
    row.download_button("Excel", data=lambda: _in(lang, excel_bytes, table, source), file_name=f"{stem}.xlsx",
                            mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                            on_click="ignore", key=f"xlsx-{filename}", icon=":material/table:")
    row.download_button("PNG", data=lambda: _in(lang, briefing.chart_png, chart), file_name=f"{stem}.png",
                            mime="image/png", on_click="ignore", key=f"png-{filename}", icon=":material/image:")
    row.download_button("SVG", data=lambda: _in(lang, briefing.chart_svg, chart), file_name=f"{stem}.svg",
                            mime="image/svg+xml", on_click="ignore", key=f"svg-{filename}", icon=":material/draw:")
    with st.expander(t("查看图表数据（表格）")):
        table_view((frame if callable(table) else table).head(TABLE_ROWS))


def indicator_chart(v: View, card, codes: list[str], key: str, title_note: str, source: str, stem: str) -> None:
    """One of the standard's indicators at a time (chosen by the user, kept in the URL, built only when
    shown): the lowest school parts as bars linked to their profiles, the full table on download."""
    names = {i["code"]: f"{i['number']} {tr(i['name'])}" for i in rules()["resource"]["indicators"]}
    if card.school_count > CHART_SCHOOLS:
        st.caption(t("范围内共 {n:,} 所学校：每张图只画最低的 {shown} 个学校（学段），完整数据请下载 CSV。",
                     n=card.school_count, shown=CHART_SCHOOLS))
    code = st.segmented_control(t("指标"), codes, key=key, bind="query-params", default=codes[0],
                                format_func=lambda c: names[c]) or codes[0]
    lowest = charts.indicator_frame(card.indicator(code, lowest=TABLE_ROWS))
    frame = lowest.head(CHART_SCHOOLS).assign(档案=lambda f: f["学校编号"].map(profile_links(f["学校编号"])))
    # the whole table only when downloaded; a partial holds the shared scorecard, not this run's frames
    full = functools.partial(charts.indicator_table, card, code)
    show_chart(charts.indicator_bars(frame, names[code] + t(title_note)), lowest, source,
               f"{stem}_{code}_{v.filters.year}.csv", data=full)


def _in(lang: str, build, *args):
    with i18n.using(lang):
        return build(*args)


def draw_chart(chart) -> None:
    """Render a built chart (an Altair chart or its cached spec) with the app's own theme, in the
    language of the run."""
    spec = i18n.tr_spec(chart.to_dict())
    st.vega_lite_chart(spec, width="stretch", theme=None)


def table_view(frame: pd.DataFrame, keep: tuple = (), column_config: dict | None = None, **kwargs) -> None:
    """A table in the language of the run; `column_config` is keyed by the Chinese column names and
    `keep` names columns whose text stays as it is (verbatim report excerpts)."""
    config = {tr(k): v for k, v in (column_config or {}).items()}
    kwargs.setdefault("hide_index", True)
    kwargs.setdefault("width", "stretch")
    st.dataframe(i18n.tr_frame(frame, keep), column_config=config or None, **kwargs)


def excel_bytes(frame, source: str = "") -> bytes:
    """A table (or a function that builds it) as an Excel workbook, with its source on a second sheet."""
    frame = frame() if callable(frame) else frame
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        i18n.tr_frame(frame, ("报告原文",)).to_excel(writer, index=False, sheet_name=t("数据"))
        pd.DataFrame({t("说明"): [tr(source), t("由察布查尔县义务教育优质均衡发展监测看板导出")]}).to_excel(
            writer, index=False, sheet_name=t("来源"))
    return buffer.getvalue()


def profile_links(school_ids) -> dict:
    """Links to each school's profile page, keeping the year in view."""
    year = view().filters.year
    return {sid: f"./school?school_id={quote(str(sid))}&year={year}" for sid in school_ids}


def report_source(section: str) -> str:
    return t("来源：工作汇报 {section}（原文见下载数据或悬停提示）", section=section)


def csv_bytes(frame) -> bytes:
    frame = frame() if callable(frame) else frame
    return i18n.tr_frame(frame, ("报告原文", "source_text")).to_csv(index=False).encode("utf-8-sig")


def download_csv(frame, filename: str, label: str = "下载数据（CSV）", container=None) -> None:
    """A CSV download of a frame, or of what a function builds when the button is clicked."""
    lang = i18n.language()
    (container or st).download_button(t(label), data=lambda: _in(lang, csv_bytes, frame), file_name=filename,
                                       mime="text/csv", on_click="ignore", key=f"dl-{filename}",
                                       icon=":material/download:")


def report_facts_table(facts: pd.DataFrame, key: str) -> None:
    """The report's statements as a readable table: metric, value with unit, year and the excerpt."""
    if facts.empty:
        st.info(t("工作汇报中没有这一部分的数字。"))
        return
    shown = pd.DataFrame({
        "事项": facts["metric_en"] if i18n.english() else facts["metric"],
        "数值": [i18n.amount(v, u, num) for v, u in zip(facts["value"], facts["unit"])],
        "年份": facts["year"].astype("Int64").astype("string").fillna("—"),
        "报告原文": facts["source_text"],
        "章节": facts["section"],
    })
    table_view(shown, keep=("报告原文",), height=min(35 * (len(shown) + 1) + 3, 900),
               column_config={"报告原文": st.column_config.TextColumn(width="large")})
    st.caption(t("来源：察布查尔县推进义务教育优质均衡发展工作汇报（原文摘录，逐字引用）"))
    download_csv(facts, f"report_facts_{key}.csv", "下载报告数字（CSV）")


def fact_metric_writer(facts_by_id: pd.DataFrame):
    """A function that shows one report fact as a metric, with the verbatim excerpt on hover."""
    def write(column, fact_id: str, label: str | None = None) -> None:
        row = facts_by_id.loc[fact_id]
        name = row["metric_en"] if i18n.english() else (label or row["metric"])
        column.metric(name, i18n.amount(row["value"], row["unit"], num),
                      help=t("工作汇报原文：“{excerpt}”", excerpt=i18n.Verbatim(row["source_text"])))
    return write


def num(value: float) -> str:
    value = float(value)
    return f"{value:,.0f}" if value.is_integer() else f"{value:,.2f}".rstrip("0").rstrip(".")


def fmt(value: float, digits: int = 0) -> str:
    if value is None or pd.isna(value):
        return "—"
    return f"{value:,.{digits}f}"


# ---- presentation mode and the briefing ------------------------------------------------------

PRESENTATION_ORDER = ["overview", "resources", "teachers", "quality", "services", "standards"]

_PRESENTATION_CSS = """
<style>
section[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], header[data-testid="stHeader"],
[data-testid="stToolbar"], [data-testid="stDecoration"], footer { display: none !important; }
.block-container { max-width: 100% !important; padding-top: 1.2rem !important; }
[data-testid="stMain"] p, [data-testid="stMain"] li, [data-testid="stCaptionContainer"] { font-size: 1.3rem !important; }
[data-testid="stMain"] [data-testid="stMetricValue"], [data-testid="stMain"] [data-testid="stMetricValue"] * {
  font-size: 2.8rem !important; line-height: 1.25 !important; }
[data-testid="stMain"] [data-testid="stMetricLabel"] p { font-size: 1.35rem !important; }
h1 { font-size: 3.2rem !important; } h2, h3 { font-size: 2.3rem !important; }
[data-testid="stVegaLiteChart"] { zoom: 1.15; }
</style>
"""


def presentation_bar(pages: dict, current_path: str) -> None:
    """In presentation mode: hide the sidebar and chrome, enlarge text, and step through the pages."""
    st.html(_PRESENTATION_CSS)
    order = [p for p in PRESENTATION_ORDER if p in pages]
    index = order.index(current_path) if current_path in order else -1
    cols = st.columns([1.2, 3, 1.2, 1.2])
    if index > 0:
        cols[0].page_link(pages[order[index - 1]], label=t("上一页"), icon=":material/arrow_back:")
    cols[1].markdown(t("**演示 {i} / {n}**", i=index + 1, n=len(order)) if index >= 0 else t("**演示模式**"))
    if 0 <= index < len(order) - 1:
        cols[2].page_link(pages[order[index + 1]], label=t("下一页"), icon=":material/arrow_forward:")
    elif index < 0 and order:
        cols[2].page_link(pages[order[0]], label=t("从头开始"), icon=":material/play_arrow:")
    cols[3].button(t("退出演示"), on_click=lambda: st.session_state.update(present=False), icon=":material/close:")


def briefing_downloads(v: View) -> None:
    """Sidebar buttons that build the briefing of the current view only when clicked."""
    from . import briefing

    def build(kind: str) -> bytes:
        doc = briefing.build(v.snapshot, v.filters, v.scope_label, rules())
        return briefing.to_pptx(doc) if kind == "pptx" else briefing.to_pdf(doc)

    stem = f"{t('简报')}_{v.scope_label}_{v.filters.year}".replace("、", "_").replace(", ", "_")[:60]
    st.markdown(t("**简报**"))
    cols = st.columns(2)
    cols[0].download_button("PPTX", data=lambda: build("pptx"), file_name=f"{stem}.pptx", on_click="ignore",
                            mime="application/vnd.openxmlformats-officedocument.presentationml.presentation",
                            icon=":material/slideshow:", key="briefing-pptx")
    cols[1].download_button("PDF", data=lambda: build("pdf"), file_name=f"{stem}.pdf", on_click="ignore",
                            mime="application/pdf", icon=":material/picture_as_pdf:", key="briefing-pdf")
