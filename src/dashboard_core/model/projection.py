"""Enrolment ahead: each school's pupils one to three years on, by cohort progression.

Each grade moves up a grade a year; the last primary grade leaves for the junior schools, which take
the county's cohort in proportion to the share of grade 7 they have now; the first grade comes in at
this year's intake changed by the yearly rate given (from the trend of the register, or set by the
user). The projected pupils are put into the scorecard's matrix and the indicators computed again, so
that a school's resources can be seen against the pupils it will have.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from . import standard
from .vocabulary import JUNIOR, PRIMARY

FIRST_GRADE = {PRIMARY: 1, JUNIOR: 7}
LAST_GRADE = {PRIMARY: 6, JUNIOR: 9}


def intake_trend(grades: pd.DataFrame) -> float:
    """The yearly change of the county's first-grade intake over the years the register holds."""
    first = grades[grades["grade"] == 1].groupby("year")["students"].sum().sort_index()
    if len(first) < 2 or first.iloc[0] <= 0:
        return 0.0
    years = first.index[-1] - first.index[0]
    return float((first.iloc[-1] / first.iloc[0]) ** (1 / years) - 1)


def project(grades: pd.DataFrame, base_year: int, years_ahead: int, intake_rate: float) -> pd.DataFrame:
    """Pupils per school and grade for base_year + 1 … + years_ahead: [school_id, year, stage, grade, students]."""
    now = grades[grades["year"] == base_year][["school_id", "stage", "grade", "students"]].copy()
    now["students"] = now["students"].astype("float64")
    out = []
    junior_share = now[now["grade"] == FIRST_GRADE[JUNIOR]].set_index("school_id")["students"]
    junior_share = junior_share / junior_share.sum() if junior_share.sum() else junior_share
    intake = now[now["grade"] == 1].set_index("school_id")["students"]
    for k in range(1, years_ahead + 1):
        moved = now[~now["grade"].isin([LAST_GRADE[PRIMARY], LAST_GRADE[JUNIOR]])].copy()
        moved["grade"] += 1
        leaving_primary = float(now.loc[now["grade"] == LAST_GRADE[PRIMARY], "students"].sum())
        seventh = pd.DataFrame({"school_id": junior_share.index, "stage": JUNIOR, "grade": FIRST_GRADE[JUNIOR],
                                "students": junior_share.to_numpy() * leaving_primary})
        first = pd.DataFrame({"school_id": intake.index, "stage": PRIMARY, "grade": 1,
                              "students": intake.to_numpy() * (1 + intake_rate) ** k})
        now = pd.concat([moved, seventh, first], ignore_index=True)
        out.append(now.assign(year=base_year + k))
    frame = pd.concat(out, ignore_index=True) if out else pd.DataFrame(columns=["school_id", "stage", "grade", "students", "year"])
    frame["students"] = frame["students"].round().astype("int64")
    return frame[["school_id", "year", "stage", "grade", "students"]]


def matrix_in(matrix: pd.DataFrame, projected: pd.DataFrame, year: int, rules: dict) -> pd.DataFrame:
    """The scorecard's matrix with the pupils of a projected year, its indicators computed again; parts
    whose school is not in the projection keep their pupils."""
    totals = projected[projected["year"] == year].groupby(["school_id", "stage"])["students"].sum()
    inputs = matrix.copy()
    key = pd.MultiIndex.from_arrays([inputs["school_id"], inputs["stage"]])
    found = totals.reindex(key).to_numpy()
    inputs["students"] = np.where(np.isnan(found), inputs["students"], found).astype("int64")
    by_school = inputs.groupby(["school_id", "stage"])["students"].sum().unstack(fill_value=0)
    inputs["school_primary_students"] = inputs["school_id"].map(by_school.get(PRIMARY, pd.Series(dtype="int64"))).fillna(0)
    inputs["school_junior_students"] = inputs["school_id"].map(by_school.get(JUNIOR, pd.Series(dtype="int64"))).fillna(0)
    return standard.indicator_matrix(inputs, rules)


def crossings(matrix: pd.DataFrame, projected: pd.DataFrame, base_year: int, years_ahead: int,
              rules: dict) -> pd.DataFrame:
    """School parts that pass now and would fail in a year ahead, and schools that would pass the
    2,000 (2,500) pupil cap: [school_id, school_name, stage, year, what, students]."""
    rows = []
    now = standard.school_results(matrix, rules).set_index(["school_id", "stage"])
    size_rule = next(r for i in rules["county_items"] for r in i["requirements"] if r["evaluator"] == "school_size")
    seen = set()
    for k in range(1, years_ahead + 1):
        year = base_year + k
        ahead = matrix_in(matrix, projected, year, rules)
        results = standard.school_results(ahead, rules)
        for r in results.itertuples():
            key = (r.school_id, r.stage)
            if r.passes is False and now.loc[key, "passes"] is True and ("fail",) + key not in seen:
                seen.add(("fail",) + key)
                rows.append({"school_id": r.school_id, "school_name": r.school_name, "stage": r.stage, "year": year,
                             "what": "fails_school_standard", "students": int(r.students)})
        sizes = ahead.groupby(["school_id", "school_name", "school_type"])["students"].sum().reset_index()
        limit = standard.lookup(sizes["school_type"], size_rule["limits"], size_rule["limits"][PRIMARY])
        for r, cap in zip(sizes.itertuples(), limit):
            if r.students > cap and ("size", r.school_id) not in seen:
                seen.add(("size", r.school_id))
                rows.append({"school_id": r.school_id, "school_name": r.school_name, "stage": None, "year": year,
                             "what": "over_size_cap", "students": int(r.students)})
    return pd.DataFrame(rows, columns=["school_id", "school_name", "stage", "year", "what", "students"])
