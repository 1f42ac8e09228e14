"""What changed between two snapshots: indicator values per school, school verdicts, county verdict."""
from __future__ import annotations

import pandas as pd

from .scorecard import Scorecard
from .standard import STATUS_LABELS

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
        "学校编号": out["school_id"], "学校": out["school_name"], "学段": out["stage"], "指标": out["short"],
        "原数值": out["value_old"].round(3), "新数值": out["value_new"].round(3),
        "变化": (out["value_new"] - out["value_old"]).round(3),
        "原状态": out["status_old"].map(STATUS_LABELS).fillna("（无）"),
        "新状态": out["status_new"].map(STATUS_LABELS).fillna("（无）"),
    }).reset_index(drop=True)


def school_changes(old: Scorecard, new: Scorecard) -> pd.DataFrame:
    """School parts whose pass / fail verdict changed."""
    keys = ["school_id", "stage"]
    a = old.results[keys + ["school_name", "passes"]]
    b = new.results[keys + ["school_name", "passes"]]
    merged = a.merge(b, on=keys, how="outer", suffixes=("_old", "_new"))
    label = {True: "达标", False: "未达标"}
    merged["old"] = merged["passes_old"].map(label).fillna("（无）")
    merged["new"] = merged["passes_new"].map(label).fillna("（无）")
    out = merged[merged["old"] != merged["new"]]
    return pd.DataFrame({"学校编号": out["school_id"], "学校": out["school_name_new"].fillna(out["school_name_old"]),
                         "学段": out["stage"], "原结论": out["old"], "新结论": out["new"]}).reset_index(drop=True)


def summary_changes(old: Scorecard, new: Scorecard) -> pd.DataFrame:
    rows = []
    a, b = old.summary, new.summary
    rows.append({"项目": "县域结论", "原": a["verdict_text"], "新": b["verdict_text"]})
    for stage in b["stages"]:
        sa, sb = a["stages"].get(stage, {}), b["stages"][stage]
        rows.append({"项目": f"{stage}达标学校", "原": f"{sa.get('schools_passing', 0)} / {sa.get('schools_total', 0)}",
                     "新": f"{sb['schools_passing']} / {sb['schools_total']}"})
    rows.append({"项目": "差异系数达标", "原": f"{a['cv_passing']} / {a['cv_total']}", "新": f"{b['cv_passing']} / {b['cv_total']}"})
    rows.append({"项目": "县级指标达到", "原": f"{a['county_items_met']} / {a['county_items_total']}",
                 "新": f"{b['county_items_met']} / {b['county_items_total']}"})
    frame = pd.DataFrame(rows)
    frame["是否变化"] = ["变化" if x != y else "" for x, y in zip(frame["原"], frame["新"])]
    return frame
