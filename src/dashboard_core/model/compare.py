"""What changed between two snapshots: indicator values per school, school verdicts, county verdict.
Codes and numbers; present/tables.py gives the tables their words."""
from __future__ import annotations

import pandas as pd

from .scorecard import Scorecard

_TOL = 1e-9


def indicator_changes(old: Scorecard, new: Scorecard) -> pd.DataFrame:
    """Every school part and indicator whose value or status differs, or that appears in one only."""
    keys = ["school_id", "stage", "indicator"]
    cols = keys + ["school_name", "short", "unit", "value", "status"]
    merged = old.values[cols].merge(new.values[cols], on=keys, how="outer", suffixes=("_old", "_new"), indicator=True)
    merged["school_name"] = merged["school_name_new"].fillna(merged["school_name_old"])
    merged["short"] = merged["short_new"].fillna(merged["short_old"])
    diff = (merged["value_new"] - merged["value_old"]).abs()
    changed = (merged["_merge"] != "both") | (diff > _TOL) | (merged["status_old"] != merged["status_new"])
    out = merged[changed]
    return pd.DataFrame({
        "school_id": out["school_id"], "school_name": out["school_name"], "stage": out["stage"], "short": out["short"],
        "value_old": out["value_old"], "value_new": out["value_new"], "change": out["value_new"] - out["value_old"],
        "status_old": out["status_old"], "status_new": out["status_new"],
    }).reset_index(drop=True)


def school_changes(old: Scorecard, new: Scorecard) -> pd.DataFrame:
    """School parts whose pass / fail verdict changed (None: the part is in one snapshot only)."""
    keys = ["school_id", "stage"]
    a = old.results[keys + ["school_name", "passes"]]
    b = new.results[keys + ["school_name", "passes"]]
    merged = a.merge(b, on=keys, how="outer", suffixes=("_old", "_new"))
    old_pass = merged["passes_old"].astype(object).where(merged["passes_old"].notna(), None)
    new_pass = merged["passes_new"].astype(object).where(merged["passes_new"].notna(), None)
    out = merged[[x != y for x, y in zip(old_pass, new_pass)]]
    return pd.DataFrame({"school_id": out["school_id"], "school_name": out["school_name_new"].fillna(out["school_name_old"]),
                         "stage": out["stage"], "passes_old": old_pass[out.index], "passes_new": new_pass[out.index]
                         }).reset_index(drop=True)


def summary_changes(old: Scorecard, new: Scorecard) -> list[dict]:
    """The county's figures side by side: [{"what": code, "stage": stage or None, "old": …, "new": …}]."""
    a, b = old.summary, new.summary
    rows = [{"what": "verdict", "stage": None, "old": a.verdict, "new": b.verdict}]
    for stage, sb in b.stages.items():
        sa = a.stages.get(stage, {})
        rows.append({"what": "schools", "stage": stage, "old": (sa.get("schools_passing", 0), sa.get("schools_total", 0)),
                     "new": (sb["schools_passing"], sb["schools_total"])})
    rows.append({"what": "cv", "stage": None, "old": (a.cv_passing, a.cv_total), "new": (b.cv_passing, b.cv_total)})
    rows.append({"what": "items", "stage": None, "old": (a.county_items_met, a.county_items_total),
                 "new": (b.county_items_met, b.county_items_total)})
    return rows
