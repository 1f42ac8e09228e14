"""Enrolment ahead: each school's pupils one to three years on, by cohort progression.

The ratios come from the class register's own history (every pair of consecutive years up to the
year projected from): a school's grade g+1 in year y+1 against its grade g in year y, pooled over the
years, so they carry repetition, migration and transfers between schools; a junior school's grade 7
against the county's grade 6 the year before (its share of the primary leavers, with the pupils who
come from outside the county). A school with no history for a grade takes the county's ratio. The
first grade comes in at the school's intake changed by the yearly rate given (from the trend of the
register, or set by the user). With a single year of register its own grade-to-grade ratios stand in
(`cross_section`); with none, every ratio is 1 and the leavers are split by the junior schools' shares
of grade 7: `method` says which was used.

The projected pupils are put into the scorecard's matrix and the indicators computed again, so that a
school's resources can be seen against the pupils it will have. `backtest` projects from an earlier
year of the register and compares with what the register holds for the later one.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from . import standard
from .vocabulary import JUNIOR, PRIMARY

FIRST_GRADE = {PRIMARY: 1, JUNIOR: 7}
LAST_GRADE = {PRIMARY: 6, JUNIOR: 9}
COLUMNS = ["school_id", "year", "stage", "grade", "students"]


def intake_trend(grades: pd.DataFrame, up_to_year: int | None = None) -> float:
    """The yearly change of the county's first-grade intake over the years the register holds (to
    `up_to_year`)."""
    held = grades if up_to_year is None else grades[grades["year"] <= up_to_year]
    first = held[held["grade"] == 1].groupby("year")["students"].sum().sort_index()
    if len(first) < 2 or first.iloc[0] <= 0:
        return 0.0
    years = first.index[-1] - first.index[0]
    return float((first.iloc[-1] / first.iloc[0]) ** (1 / years) - 1)


@dataclass
class Ratios:
    """Cohort-progression ratios estimated from the register's history."""
    school: pd.Series  # (school_id, grade reached) → ratio; grade 7: the school's share of the county's grade 6
    county: pd.Series  # grade reached → the county's ratio
    years: tuple  # the pairs of years they come from
    method: str  # "history", "cross_section" (one year of register: its grade ratios) or "no_history"


def progression_ratios(grades: pd.DataFrame, up_to_year: int) -> Ratios:
    held = grades[grades["year"] <= up_to_year]
    years = sorted(set(held["year"]))
    pairs = tuple((a, b) for a, b in zip(years, years[1:], strict=False) if b == a + 1)
    if not pairs:
        return _cross_section(held, up_to_year) if up_to_year in years else Ratios(
            pd.Series(dtype="float64"), pd.Series(dtype="float64"), (), "no_history")
    by = held.groupby(["school_id", "year", "grade"])["students"].sum()
    county = held.groupby(["year", "grade"])["students"].sum()
    num, den, cnum, cden = {}, {}, {}, {}
    for a, b in pairs:
        now, later = by.xs(a, level="year"), by.xs(b, level="year")
        for (school, grade), value in later.items():
            if grade == 1:
                continue
            if grade == FIRST_GRADE[JUNIOR]:
                base = float(county.get((a, LAST_GRADE[PRIMARY]), 0))
            else:
                base = float(now.get((school, grade - 1), 0))
            if base > 0:
                num[(school, grade)] = num.get((school, grade), 0.0) + float(value)
                den[(school, grade)] = den.get((school, grade), 0.0) + base
        for grade in range(2, 10):
            before = float(county.get((a, grade - 1), 0))
            after = float(county.get((b, grade), 0))
            if before > 0:
                cnum[grade] = cnum.get(grade, 0.0) + after
                cden[grade] = cden.get(grade, 0.0) + before
    school = pd.Series({k: num[k] / den[k] for k in num if den[k] > 0}, dtype="float64")
    county_ratio = pd.Series({g: cnum[g] / cden[g] for g in cnum}, dtype="float64")
    return Ratios(school, county_ratio, pairs, "history")


def _cross_section(held: pd.DataFrame, year: int) -> Ratios:
    """With a single year of register, its grade-to-grade ratios stand in for the cohort ratios (grade g+1
    against grade g of the same year, a school's grade 7 against the county's grade 6): the demographers'
    one-census method. They carry the moves between grades the year shows, not how they change."""
    one = held[held["year"] == year]
    by = one.groupby(["school_id", "grade"])["students"].sum()
    county = one.groupby("grade")["students"].sum()
    school = {}
    for (sid, grade), value in by.items():
        if grade == 1:
            continue
        base = float(county.get(LAST_GRADE[PRIMARY], 0)) if grade == FIRST_GRADE[JUNIOR] else float(by.get((sid, grade - 1), 0))
        if base > 0:
            school[(sid, grade)] = float(value) / base
    county_ratio = {g: float(county[g]) / float(county[g - 1]) for g in range(2, 10)
                    if g in county.index and g - 1 in county.index and county[g - 1] > 0}
    return Ratios(pd.Series(school, dtype="float64"), pd.Series(county_ratio, dtype="float64"), (), "cross_section")


def project(grades: pd.DataFrame, base_year: int, years_ahead: int, intake_rate: float,
            ratios: Ratios | None = None) -> pd.DataFrame:
    """Pupils per school and grade for base_year + 1 … + years_ahead: [school_id, year, stage, grade, students]."""
    ratios = ratios if ratios is not None else progression_ratios(grades, base_year)
    now = grades[grades["year"] == base_year][["school_id", "stage", "grade", "students"]].copy()
    now["students"] = now["students"].astype("float64")
    out = []
    grade7 = now[now["grade"] == FIRST_GRADE[JUNIOR]].set_index("school_id")["students"]
    if ratios.method in ("history", "cross_section"):
        # each junior school's share of the county's grade 6 the year before (its grade 7 schools only)
        shares = ratios.school[[g == FIRST_GRADE[JUNIOR] for _, g in ratios.school.index]]
        junior_share = pd.Series({s: v for (s, _), v in shares.items()}, dtype="float64")
    else:
        junior_share = grade7 / grade7.sum() if grade7.sum() else grade7
    intake = now[now["grade"] == 1].set_index("school_id")["students"]
    for k in range(1, years_ahead + 1):
        moved = now[~now["grade"].isin([LAST_GRADE[PRIMARY], LAST_GRADE[JUNIOR]])].copy()
        moved["grade"] += 1
        if ratios.method in ("history", "cross_section"):
            key = list(zip(moved["school_id"], moved["grade"], strict=True))
            own = ratios.school.reindex(pd.MultiIndex.from_tuples(key) if key else None).to_numpy()
            fallback = ratios.county.reindex(moved["grade"]).fillna(1.0).to_numpy()
            moved["students"] = moved["students"].to_numpy() * np.where(np.isnan(own), fallback, own)
        leaving_primary = float(now.loc[now["grade"] == LAST_GRADE[PRIMARY], "students"].sum())
        seventh = pd.DataFrame({"school_id": junior_share.index, "stage": JUNIOR, "grade": FIRST_GRADE[JUNIOR],
                                "students": junior_share.to_numpy() * leaving_primary})
        first = pd.DataFrame({"school_id": intake.index, "stage": PRIMARY, "grade": 1,
                              "students": intake.to_numpy() * (1 + intake_rate) ** k})
        now = pd.concat([moved, seventh, first], ignore_index=True)
        out.append(now.assign(year=base_year + k))
    frame = pd.concat(out, ignore_index=True) if out else pd.DataFrame(columns=COLUMNS)
    frame["students"] = frame["students"].round().astype("int64")
    return frame[COLUMNS]


def backtest(grades: pd.DataFrame, from_year: int, to_year: int, intake_rate: float | None = None) -> dict:
    """The projection from `from_year` (only the register up to it) against the register's `to_year`:
    pupils per stage and per school part, projected and held, with the error."""
    rate = intake_trend(grades, from_year) if intake_rate is None else intake_rate
    ratios = progression_ratios(grades, from_year)
    projected = project(grades, from_year, to_year - from_year, rate, ratios)
    projected = projected[projected["year"] == to_year]
    actual = grades[grades["year"] == to_year]

    def compare(keys):
        p = projected.groupby(keys)["students"].sum().rename("projected")
        a = actual.groupby(keys)["students"].sum().rename("actual")
        both = pd.concat([p, a], axis=1).fillna(0).reset_index()
        both["error"] = np.where(both["actual"] > 0, (both["projected"] - both["actual"]) / both["actual"].where(
            both["actual"] > 0, 1), np.nan)
        return both

    return {"from_year": from_year, "to_year": to_year, "method": ratios.method,
            "history": [list(pair) for pair in ratios.years], "intake_rate": rate,
            "stages": compare(["stage"]), "schools": compare(["school_id", "stage"])}


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
