"""Every Streamlit cache of the app, bounded, each saying what it saves. Pages reach data only through
these functions (or the scorecard they return); the questions themselves are store/queries.py.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import streamlit as st

from ..model import standard
from ..model.filters import Filters
from ..model.scorecard import Scorecard
from ..present import i18n
from ..present.i18n import tr
from ..store import queries, scorecards, settings, snapshots
from ..store.snapshots import Snapshot

# Two Streamlit caches serve every page: st.cache_data for small answers (copied per call, so a page
# may change its copy) and st.cache_resource for large objects that pages only read (shared by all
# sessions, never copied). A third, the chart-spec cache, lives in present/charts.py.

# A snapshot is keyed as it compares (snapshots.Snapshot): its folder, id, date, source and demo mark,
# not the manifest's entry for every table, which Streamlit would otherwise hash on every cached call
# (~1 ms a call, ~6 ms a page run). A snapshot's folder is never rewritten.
_KEYS = {Snapshot: lambda s: (str(s.path), s.snapshot_id, s.created_at, s.source, s.demo)}

@st.cache_data(ttl=60, max_entries=4, show_spinner=False, hash_funcs=_KEYS)
def _scan(root: str) -> tuple[list[Snapshot], list]:
    # saves hashing every snapshot's files on every run; 60 s so a new import shows within a minute
    return snapshots.scan(Path(root))


def available_snapshots() -> tuple[list[Snapshot], list]:
    return _scan(str(settings.data_root()))


def forget_snapshot_list() -> None:
    """After an import: look at the data folder again on the next run."""
    _scan.clear()


@st.cache_data(ttl=3600, max_entries=64, show_spinner=False, hash_funcs=_KEYS)
def report_facts(snapshot: Snapshot, domain: str | None = None) -> pd.DataFrame:
    # saves a query per page run (the report's facts never change within a snapshot)
    return queries.report_facts_all(snapshot) if domain is None else queries.report_facts_for_domain(snapshot, domain)


@st.cache_data(ttl=3600, max_entries=16, show_spinner=False, hash_funcs=_KEYS)
def report_citations(snapshot: Snapshot) -> dict:
    return queries.report_citations(snapshot)


@st.cache_data(ttl=3600, max_entries=16, show_spinner=False, hash_funcs=_KEYS)
def county_series(snapshot: Snapshot) -> pd.DataFrame:
    return queries.county_series(snapshot)


@st.cache_data(ttl=3600, max_entries=256, show_spinner=False, hash_funcs=_KEYS)
def school_info(snapshot: Snapshot, school_id: str) -> pd.DataFrame:
    return queries.school_info(snapshot, school_id)


@st.cache_data(ttl=3600, max_entries=128, show_spinner=False, hash_funcs=_KEYS)
def rotation_by_school(snapshot: Snapshot, filters: Filters, limit: int | None) -> pd.DataFrame:
    return queries.rotation_by_school(snapshot, filters, limit)


def rotation_table_all(snapshot: Snapshot, filters: Filters) -> pd.DataFrame:
    """Every school's rotation figures, uncached: built only when downloaded (a country has 150,000 rows)."""
    from ..present import tables

    return tables.rotation_table(queries.rotation_by_school(snapshot, filters, None))


@st.cache_data(ttl=3600, max_entries=128, show_spinner=False, hash_funcs=_KEYS)
def _by_filters(snapshot: Snapshot, question: str, filters: Filters) -> pd.DataFrame:
    return getattr(queries, question)(snapshot, filters)


@st.cache_resource(ttl=3600, max_entries=4, show_spinner=False, hash_funcs=_KEYS)
def _per_township(snapshot: Snapshot, question: str) -> pd.DataFrame:
    # shared read-only: a country's per-township table is not copied per rerun
    return getattr(queries, question)(snapshot)


def trend(snapshot: Snapshot, filters: Filters) -> pd.DataFrame:
    """Schools, students, classes, teachers and staff per year in view. For townships alone (the usual
    choice) it is summed from one per-township table, so a township not chosen before needs no query."""
    if filters.schools or filters.stages:
        return _by_filters(snapshot, "trend_by_year", filters)
    return queries.summed_over_townships(_per_township(snapshot, "trend_by_township_year"), filters.townships, ["year"])


def staff_totals(snapshot: Snapshot, filters: Filters) -> pd.DataFrame:
    """Staff and rotating teachers in view, the same way (one row; zeros where there is nothing to add up)."""
    if filters.schools:
        return _by_filters(snapshot, "staff_totals", filters)
    table = _per_township(snapshot, "staff_by_township_year")
    totals = queries.summed_over_townships(table[table["year"] == filters.year], filters.townships, ["year"])
    columns = [c for c in table.columns if c not in ("township_code", "year")]
    if totals.empty:
        return pd.DataFrame({c: [0] for c in columns})
    return totals[columns].fillna(0).astype("int64")


def schools_by_type(snapshot: Snapshot, filters: Filters) -> pd.DataFrame:
    """Schools of each type in view, the same way (school types do not depend on year or stage)."""
    if filters.schools:
        return _by_filters(snapshot, "schools_by_type", filters)
    table = _per_township(snapshot, "schools_by_township_type")
    return queries.summed_over_townships(table, filters.townships, ["type_order", "school_type"]).drop(columns="type_order")


@st.cache_data(ttl=3600, max_entries=16, show_spinner=False, hash_funcs=_KEYS)
def county_items(snapshot: Snapshot, year: int, townships: tuple = (), schools: tuple = ()) -> pd.DataFrame:
    # saves reading the registers again per scorecard of the same view (stages do not change them)
    return scorecards.county_items(snapshot, year, rules(), filters=Filters(year, townships, schools))


@st.cache_data(ttl=3600, max_entries=16, show_spinner=False, hash_funcs=_KEYS)
def registers(snapshot: Snapshot, year: int):
    # saves six small queries per rerun of the pages that show the county registers
    return scorecards.registers_of(snapshot, year, rules(), county_only=True)


def subject_gaps(snapshot: Snapshot, filters: Filters) -> pd.DataFrame:
    """Teachers by subject in view against their need (empty when the snapshot has no subject register)."""
    return queries.register_subject_gaps(snapshot, filters)


@st.cache_data(ttl=3600, max_entries=8, show_spinner=False, hash_funcs=_KEYS)
def plan(snapshot: Snapshot, year: int, costs: tuple, target_year: int | None = None, intake_rate: float | None = None):
    # saves solving the programme again on every rerun of the planning page (costs as a hashable tuple)
    return scorecards.plan(snapshot, year, rules(), dict(costs), target_year=target_year, intake_rate=intake_rate,
                           base=card(snapshot, Filters(year=year)))


@st.cache_data(ttl=3600, max_entries=16, show_spinner=False, hash_funcs=_KEYS)
def card_with_plan(snapshot: Snapshot, year: int, actions: pd.DataFrame, target_year: int | None = None,
                   intake_rate: float | None = None):
    # saves re-evaluating the county with the same plan applied on every rerun
    return scorecards.compute(snapshot, Filters(year=year), rules(), actions=actions, base=card(snapshot, Filters(year=year)),
                              target_year=target_year,
                              intake_rate=intake_rate)


@st.cache_data(ttl=3600, max_entries=8, show_spinner=False, hash_funcs=_KEYS)
def rectification(snapshot: Snapshot, year: int, today):
    # saves evaluating the county twice more (with the completed measures, with all) on every rerun
    return scorecards.rectification(snapshot, year, rules(), base=card(snapshot, Filters(year=year)), today=today)


@st.cache_data(ttl=3600, max_entries=8, show_spinner=False, hash_funcs=_KEYS)
def enrolment_ahead(snapshot: Snapshot, year: int, years_ahead: int, intake_rate: float | None):
    # saves projecting and re-evaluating three years ahead on every rerun
    from ..model import projection

    projected, rate = scorecards.projection_of(snapshot, year, years_ahead, intake_rate, rules())
    if projected.empty:
        return projected, rate, pd.DataFrame()
    matrix = card(snapshot, Filters(year=year)).matrix
    return projected, rate, projection.crossings(matrix, projected, year, years_ahead, rules())


@st.cache_data(ttl=3600, max_entries=8, show_spinner=False, hash_funcs=_KEYS)
def enrolment_backtest(snapshot: Snapshot, year: int):
    # saves projecting the register's past on every rerun
    return scorecards.backtest_of(snapshot, year, rules())


@st.cache_resource(ttl=3600, max_entries=32, show_spinner=False, hash_funcs=_KEYS)
def card(snapshot: Snapshot, filters: Filters) -> Scorecard:
    # Shared, not copied: pages only read a scorecard (a country's would be costly to copy per rerun).
    # A part of an area already evaluated (a township after the whole county) is cut from it.
    whole = _whole_areas.get((snapshot, filters.year))
    items = county_items(snapshot, filters.year, filters.townships, filters.schools)
    if whole is not None and filters != whole.filters:
        return whole.narrow(filters, items)
    result = scorecards.compute(snapshot, filters, rules(), items=items)
    if filters.is_whole_county and not filters.stages:
        with _whole_areas_lock:
            _whole_areas[(snapshot, filters.year)] = result
            while len(_whole_areas) > 2:
                _whole_areas.popitem(last=False)
    return result


# The whole-area scorecards computed so far (bounded): the parents that narrower views are cut from
_whole_areas: "OrderedDict[tuple, Scorecard]" = OrderedDict()  # saves a query and an evaluation per new filter
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


@st.cache_resource(max_entries=4, ttl=3600, show_spinner=False, hash_funcs=_KEYS)
def catalog(snapshot: Snapshot) -> Catalog:
    # saves two queries and the label index on every run of every session
    townships = queries.township_list(snapshot)
    # in Arrow batches: a country's 200,000 names never become Python objects
    schools = queries.school_list(snapshot)[["school_id", "school_name", "township_code"]]
    dup = schools["school_name"].duplicated(keep=False)
    labels = schools["school_name"].where(~dup, schools["school_name"] + "（" + schools["school_id"] + "）")
    township_label = dict(zip(townships["township_code"], townships["township_name"]))
    by_name = {**{name: code for code, name in township_label.items()}, **{c: c for c in township_label}}
    return Catalog(years=queries.available_years(snapshot), township_codes=list(townships["township_code"]),
                   township_label=township_label, township_by_name=by_name,
                   school_label=pd.Series(labels.array, index=pd.Index(schools["school_id"]), name="label"),
                   rows_by_township=schools.groupby("township_code", sort=False).indices)


@st.cache_data(ttl=3600, max_entries=4, show_spinner=False, hash_funcs=_KEYS)
def snapshot_workbook(snapshot: Snapshot) -> bytes:
    # saves rebuilding the workbook (a few seconds for a large snapshot) when it is downloaded again
    from ..files import importer

    return importer.template_bytes(snapshots.read_tables(snapshot), demo=snapshot.demo)


def snapshot_table(snapshot: Snapshot, name: str):
    """A table of the snapshot as it is stored (a register to edit); small, so read each time."""
    from ..store import schema

    columns = [c.name for c in schema.table(name).columns]
    return snapshots.read_table(snapshot, name, columns)


def self_evaluation_report(snapshot: Snapshot, filters: Filters, kind: str) -> bytes:
    """The self-evaluation report of the year and townships in view, in Chinese whatever the page's language."""
    from ..files import report
    from ..present import i18n

    with i18n.using("zh"):
        doc = report.build(snapshot, filters.year, rules(), townships=filters.townships)
        return report.to_docx(doc) if kind == "docx" else report.to_pdf(doc)


def rules() -> dict:
    return standard.load_rules()

