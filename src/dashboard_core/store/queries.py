"""The dashboard's questions: one typed function per SQL file in sql/, the only way anything reads data.

Each function names its question, binds its parameters (never formats them into SQL) and returns a
DataFrame with the columns its SQL file lists. The `*_by_township*` twins answer a question for every
township at once: the web layer keeps that one table and sums it for any choice of townships
(`summed_over_townships`), so choosing townships needs no query of its own.
"""
from __future__ import annotations

import pandas as pd

from ..model.filters import Filters
from . import db, facts, memory, schema
from .snapshots import Snapshot


def _ask(snapshot: Snapshot, name: str, filters: Filters | None = None, **params) -> pd.DataFrame:
    merged = dict(filters.params()) if filters is not None else {}
    merged.update(params)
    return db.run(snapshot, name, **merged)


def _ask_large(snapshot: Snapshot, name: str, filters: Filters | None = None, each=None, **params) -> pd.DataFrame:
    """`_ask` fetched in Arrow batches, for a country's schools. `each`, if given, is applied to every
    batch as it arrives (so that raw and derived rows never all exist at once)."""
    each = each or (lambda frame: frame)
    merged = dict(filters.params()) if filters is not None else {}
    merged.update(params)
    chunks = [each(chunk) for chunk in db.run_chunks(snapshot, name, **merged)]
    if not chunks:
        return each(_ask(snapshot, name, filters, **params))  # no rows: the columns, typed as usual
    if len(chunks) == 1:
        return chunks[0]
    frame = db.concat(chunks)
    del chunks
    memory.give_back()  # the batches were as large as the answer: hand their memory back
    return frame


# ---- the snapshot's catalogue -----------------------------------------------------------------

def available_years(snapshot: Snapshot) -> list[int]:
    return [int(y) for y in _ask(snapshot, "available_years")["year"]]


def township_list(snapshot: Snapshot) -> pd.DataFrame:
    return _ask(snapshot, "township_list")


def school_list(snapshot: Snapshot) -> pd.DataFrame:
    return _ask_large(snapshot, "school_list")


def school_info(snapshot: Snapshot, school_id: str) -> pd.DataFrame:
    return _ask(snapshot, "school_info", school_id=school_id)


# ---- the report and the county series ------------------------------------------------------------

def report_facts_all(snapshot: Snapshot) -> pd.DataFrame:
    return _ask(snapshot, "report_facts_all")


def report_facts_for_domain(snapshot: Snapshot, domain: str) -> pd.DataFrame:
    return _ask(snapshot, "report_facts_for_domain", domain=domain)


def report_citations(snapshot: Snapshot) -> dict:
    """fact or statement id → (section, verbatim excerpt): what a county item's source points at."""
    cited = {r.fact_id: (r.section, r.source_text) for r in report_facts_all(snapshot).itertuples()}
    return {**facts.STATEMENTS, **cited}


def county_series(snapshot: Snapshot) -> pd.DataFrame:
    return _ask(snapshot, "county_series")


# ---- schools in view -------------------------------------------------------------------------------

def school_stage_inputs(snapshot: Snapshot, filters: Filters, each=None,
                        fold_teaching_points: bool = True, leave_out_under: int = 0) -> pd.DataFrame:
    """The raw figures of every school part in view; `each` is applied batch by batch. With
    `fold_teaching_points` a teaching point's figures are counted with its central school. The figures
    are every number column of the schema's two tables, so a new column needs no edit here."""
    each = each or (lambda frame: frame)
    return _ask_large(snapshot, "school_stage_inputs", filters, each=lambda chunk: each(_whole_counts(chunk)),
                      fold_teaching_points=fold_teaching_points, leave_out_under=int(leave_out_under),
                      stage_figures=list(schema.table("school_stage_year").figures),
                      school_figures=list(schema.table("school_year").figures))


def _whole_counts(frame: pd.DataFrame) -> pd.DataFrame:
    """Sums of whole-number columns back to whole numbers: DuckDB sums them as HUGEINT, which arrives as
    Python decimals (in Arrow batches) or floats. A column with a missing value (a school without its
    school-year row) becomes float, as a sum cast to BIGINT in SQL would."""
    counts = {c.name for name in ("school_stage_year", "school_year") for c in schema.table(name).columns
              if c.kind == schema.INT}
    for column in counts & set(frame.columns):
        if frame[column].dtype.kind in "fO":
            values = pd.to_numeric(frame[column].astype("float64"))
            frame[column] = values if values.isna().any() else values.astype("int64")
    return frame


def schools_in_view(snapshot: Snapshot, filters: Filters) -> list[str]:
    """The ids of the schools a view holds, a chosen central school's teaching points with it."""
    frame = _ask(snapshot, "schools_in_view", townships=list(filters.townships), schools=list(filters.schools))
    return [str(x) for x in frame["school_id"]]


def school_part_sizes(snapshot: Snapshot, year: int) -> pd.DataFrame:
    return _ask_large(snapshot, "school_part_sizes", year=year)


def rotation_by_school(snapshot: Snapshot, filters: Filters, limit: int | None = None) -> pd.DataFrame:
    return _ask(snapshot, "rotation_by_school", filters, limit=limit)


def trend_by_year(snapshot: Snapshot, filters: Filters) -> pd.DataFrame:
    return _ask(snapshot, "trend_by_year", filters)


def trend_by_township_year(snapshot: Snapshot) -> pd.DataFrame:
    return _ask(snapshot, "trend_by_township_year")


def staff_totals(snapshot: Snapshot, filters: Filters) -> pd.DataFrame:
    return _ask(snapshot, "staff_totals", filters)


def staff_by_township_year(snapshot: Snapshot) -> pd.DataFrame:
    return _ask(snapshot, "staff_by_township_year")


def schools_by_type(snapshot: Snapshot, filters: Filters) -> pd.DataFrame:
    return _ask(snapshot, "schools_by_type", filters)


def schools_by_township_type(snapshot: Snapshot) -> pd.DataFrame:
    return _ask(snapshot, "schools_by_township_type")


def summed_over_townships(table: pd.DataFrame, townships, by: list[str]) -> pd.DataFrame:
    """A per-township answer summed over the chosen townships (all of them when none are chosen):
    the answer for those townships, for figures that add up over townships (schools belong to one)."""
    rows = table[table["township_code"].isin(list(townships))] if townships else table
    values = [c for c in table.columns if c != "township_code" and c not in by]
    return rows.groupby(by, sort=True)[values].sum(min_count=1).reset_index()


# ---- the registers (judge the county items school by school, class by class) -------------------------

def register_class_sizes(snapshot: Snapshot, year: int, primary_limit: int, junior_limit: int) -> pd.DataFrame:
    return _ask_large(snapshot, "register_class_sizes", year=year, primary_limit=primary_limit,
                      junior_limit=junior_limit)


def register_oversize_classes(snapshot: Snapshot, year: int, primary_limit: int, junior_limit: int,
                              limit: int | None = None) -> pd.DataFrame:
    return _ask(snapshot, "register_oversize_classes", year=year, primary_limit=primary_limit,
                junior_limit=junior_limit, limit=limit)


def register_oversize_grades(snapshot: Snapshot, year: int, primary_limit: int, junior_limit: int) -> pd.DataFrame:
    return _ask(snapshot, "register_oversize_grades", year=year, primary_limit=primary_limit, junior_limit=junior_limit)


def plan_capacity(snapshot: Snapshot, year: int, arts: list[str]) -> pd.DataFrame:
    """Each school's staff against its staffing quota, and its teachers of other subjects than `arts`
    above the curriculum's need."""
    return _ask(snapshot, "plan_capacity", year=year, arts=list(arts))


def register_schools(snapshot: Snapshot, year: int) -> pd.DataFrame:
    """Every school's rooms, funds and teacher register in one scan (three registers, one query)."""
    return _ask_large(snapshot, "register_schools", year=year)


def register_rotation_directions(snapshot: Snapshot, year: int) -> pd.DataFrame:
    return _ask(snapshot, "register_rotation_directions", year=year)


def register_consolidation(snapshot: Snapshot, year: int) -> pd.DataFrame:
    return _ask(snapshot, "register_consolidation", year=year)


def register_disabled_children(snapshot: Snapshot, year: int) -> pd.DataFrame:
    return _ask(snapshot, "register_disabled_children", year=year)


def register_quality_monitoring(snapshot: Snapshot, year: int) -> pd.DataFrame:
    return _ask(snapshot, "register_quality_monitoring", year=year)


def register_survey(snapshot: Snapshot, year: int) -> pd.DataFrame:
    return _ask(snapshot, "register_survey", year=year)


def register_evidence(snapshot: Snapshot, year: int) -> pd.DataFrame:
    return _ask(snapshot, "register_evidence", year=year)


def register_subject_gaps(snapshot: Snapshot, filters: Filters) -> pd.DataFrame:
    return _ask(snapshot, "register_subject_gaps", filters)


def register_grade_enrolment(snapshot: Snapshot, fold_teaching_points: bool = True) -> pd.DataFrame:
    return _ask_large(snapshot, "register_grade_enrolment", fold_teaching_points=fold_teaching_points)
