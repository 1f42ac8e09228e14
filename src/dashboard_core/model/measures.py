"""Figures derived from a scorecard or a query's answer that pages and documents show: shortages,
ratios, pass counts per township, rates against a target. Codes and numbers with English column names;
present/tables.py gives them their headers."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd

from . import standard
from .standard import _at_least
from .vocabulary import MET


def meets_target(value: float, target: float) -> bool:
    """A rate against the standard's minimum (e.g. 随迁子女 100% ≥ 85%)."""
    return _at_least(float(value), float(target))


def pe_art_shortage(card) -> pd.DataFrame:
    """School parts with students below the PE and art teacher standard, and how many teachers each lacks."""
    pe = card.indicator("pe_art_teachers_per100")
    short = pe[(pe["status"] != MET) & (pe["students"] > 0)].copy()
    short["lacking"] = [math.ceil(th * n / 100 - x - 1e-9) for th, n, x in
                        zip(short["threshold"], short["students"], short["numerator_value"])]
    return short[["school_id", "school_name", "stage", "students", "numerator_value", "value", "threshold", "lacking"]]


def rotation_rate(rotation: pd.DataFrame) -> pd.Series:
    """Rotating teachers as a percentage of those eligible, per row."""
    return (rotation["exchange_teachers"] / rotation["exchange_eligible_teachers"] * 100).round(1)


def school_ratios(inputs: pd.DataFrame) -> pd.DataFrame:
    """Students per full-time teacher, per school (stages together), highest first."""
    by_school = inputs.groupby(["school_id", "school_name", "school_type", "urban_rural"], sort=False)
    per = by_school[["students", "full_time_teachers"]].sum()  # column by column: named aggregation costs 3×
    per = per.rename(columns={"full_time_teachers": "teachers"}).assign(staff=by_school["staff"].first()).reset_index()
    per = per[per["teachers"] > 0]
    per["ratio"] = (per["students"] / per["teachers"]).round(1)
    return per.sort_values("ratio", ascending=False, kind="stable").reset_index(drop=True)


def township_pass_counts(results: pd.DataFrame, inputs: pd.DataFrame) -> pd.DataFrame:
    """Schools, students and school parts meeting the standard, per township. `results` is row by row
    with `inputs`, as a scorecard's are: one grouping does it all (it is on the filter path)."""
    has = results["has_students"].to_numpy(dtype=bool)
    passing = (results["passes"] == True).to_numpy(dtype=bool) & has  # noqa: E712
    rows = pd.DataFrame({"township_code": inputs["township_code"].array, "township_name": inputs["township_name"].array,
                         "school_id": inputs["school_id"].array, "students": inputs["students"].array,
                         "parts": has.astype("int64"), "parts_passing": passing.astype("int64")})
    by_township = rows.groupby(["township_code", "township_name"])  # column by column: named aggregation costs 3×
    sums = by_township[["students", "parts", "parts_passing"]].sum()
    sums.insert(0, "schools", by_township["school_id"].nunique())
    out = sums.reset_index()
    none = out["parts"] == 0
    if none.any():  # a township whose schools have no students: nothing to count, not 0 of 0
        out = out.astype({"parts": "float64", "parts_passing": "float64"})
        out.loc[none, ["parts", "parts_passing"]] = np.nan
    out["share_passing"] = (out["parts_passing"] / out["parts"] * 100).round(1)
    return out.sort_values("township_code").reset_index(drop=True)


def levels_compared(levels: list[tuple[str, pd.DataFrame]], stages, rules: dict) -> pd.DataFrame:
    """Indicator values of nested areas (a school, its township, the county) over the same stages:
    each area's total resource ÷ its students (standard.group_values), one group per (name, matrix)."""
    parts = [matrix[matrix["stage"].isin(list(stages))].assign(level=name) for name, matrix in levels]
    return pd.concat([standard.group_values(p, ["level"], rules) for p in parts], ignore_index=True)
