"""URL state and the View: language, snapshot and filters, all bound to the address so a link
reproduces what is on screen."""
from __future__ import annotations

import functools
from dataclasses import dataclass

import pandas as pd
import streamlit as st
from streamlit.errors import StreamlitAPIException

from ..model.filters import Filters
from ..model.vocabulary import STAGES
from ..present import i18n, words
from ..present.format import md_escape, md_value
from ..present.i18n import t, tr
from ..store import settings
from ..store.snapshots import Snapshot
from . import cache

SCHOOL_OPTIONS = 10_000  # the school filter lists at most this many schools at once
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
        return words.scope_label(self.filters, self.township_names, self.school_names)


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


FALLBACK_NOTE = "_snapshot_fallback"


OPEN_SNAPSHOT = "_open_snapshot"


def open_snapshot(snapshot_id: str) -> None:
    """Show this snapshot from the next run on. The picker's own key cannot be set once the picker is
    drawn (a button's branch runs after it): the next run sets it before drawing the picker."""
    st.session_state[OPEN_SNAPSHOT] = snapshot_id


def fall_back_from(exc) -> None:
    """A snapshot became unreadable while the app runs: forget the cached list (the damaged one is now
    set aside), remember why for the next run, and run again on the newest intact snapshot."""
    cache.forget_snapshot_list()
    st.session_state[FALLBACK_NOTE] = (exc.code, exc.values)
    if st.query_params.get("snapshot") == exc.values.get("snapshot_id"):
        del st.query_params["snapshot"]
    st.session_state.pop("snapshot", None)
    st.rerun()


def sidebar_filters() -> View:
    """Snapshot in view and the sidebar filters, all bound to the URL so a link reproduces the view."""
    note = st.session_state.pop(FALLBACK_NOTE, None)
    if note is not None:
        st.warning(t("已改为显示最新的完好快照：{message}", message=i18n.Verbatim(md_escape(words.snapshot_problem(*note)))),
                   icon=":material/warning:")
    good, bad = cache.available_snapshots()
    if not good:
        st.error(t("没有可用的数据快照。请在项目根目录运行 `python -m dashboard_core build-demo` 生成示例快照，"
                   "或检查数据目录 {root}。", root=md_value(str(settings.data_root()))))
        for p in bad:
            st.warning(t("已跳过快照 {snapshot}：{message}", snapshot=md_value(p.snapshot_id),
                           message=i18n.Verbatim(md_escape(words.snapshot_problem(p.code, p.values)))))
        st.stop()
    by_id = {s.snapshot_id: s for s in good}
    filter_box = st.sidebar.container()
    def label(snapshot_id: str) -> str:
        date = by_id[snapshot_id].created_date
        return (t("{id}（{date}，示例）", id=snapshot_id, date=date) if by_id[snapshot_id].demo
                else t("{id}（{date}）", id=snapshot_id, date=date))

    # The picker writes its label into the address; the app's own links (and people) write the id:
    # an id in the address is read as that snapshot
    wanted = st.query_params.get("snapshot")
    if wanted in by_id and wanted != label(wanted):
        st.session_state["snapshot"] = wanted  # the picker starts on it (and writes its label back)
    opened = st.session_state.pop(OPEN_SNAPSHOT, None)
    if opened in by_id:  # a snapshot just written (a saved register): shown from this run on
        st.session_state["snapshot"] = opened
    with st.sidebar:
        chosen_id = st.selectbox(
            t("数据快照"), list(by_id), key="snapshot", bind="query-params", format_func=i18n.fixed(label),
            help=t("默认显示最新的完好快照；在“数据”页可比较两个快照"))
    snapshot = by_id.get(chosen_id, good[0])

    cat = cache.catalog(snapshot)
    township_label, school_label = cat.township_label, cat.school_label

    _filter_from_link("township", cat.townships_named, lambda c: tr(township_label.get(c, c)))
    _filter_from_link("stage", _stages_named, tr)
    with filter_box:
        st.markdown(t("**筛选**"))
        year = st.selectbox(t("年份"), cat.years, index=len(cat.years) - 1, key="year", bind="query-params",
                            format_func=str, help=t("学校统计时点为当年 9 月 1 日"))
        # no "Select all" (Streamlit words it in English only): an empty picker already means every township
        chosen_townships = st.multiselect(t("乡镇"), cat.township_codes, key="township",
                                          bind="query-params", format_func=i18n.fixed(lambda c: tr(township_label.get(c, c))),
                                          placeholder=t("全县（可多选）"), select_all=False)
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
                                        placeholder=t("全部学校（可多选，可输入搜索）"), select_all=False)
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
        # A link opening a session: the widget, not yet bound, would drop these labels from the URL. Put
        # the current language's there and run again, so the address stays a link to this view. (Once
        # bound, the widget writes the value set here itself, and the URL may not be set directly.)
        try:
            st.query_params[key] = [label(v) for v in values]
        except StreamlitAPIException:
            return
        st.rerun()


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

