"""The standard applied to one snapshot and one view: schools, CVs, county items and verdict."""
from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from . import queries, standard
from .filters import Filters
from .snapshots import Snapshot


@dataclass
class Scorecard:
    filters: Filters
    snapshot: Snapshot
    inputs: pd.DataFrame
    values: pd.DataFrame
    results: pd.DataFrame
    cvs: pd.DataFrame
    county_items: pd.DataFrame
    summary: dict


def compute(snapshot: Snapshot, filters: Filters, rules: dict | None = None) -> Scorecard:
    rules = rules or standard.load_rules()
    inputs = queries.ask(snapshot, "school_stage_inputs", filters)
    values = standard.indicator_values(inputs, rules)
    results = standard.school_results(values, rules)
    cvs = standard.cv_table(values, rules)
    # County items are judged for the whole county, whatever schools are in view.
    county_filters = Filters(year=filters.year)
    county_parts = inputs if filters.is_whole_county and not filters.stages else \
        queries.ask(snapshot, "school_stage_inputs", county_filters)
    items = standard.evaluate_county_items(rules, queries.ask(snapshot, "county_series"), filters.year,
                                           county_parts, queries.fact_sources(snapshot))
    summary = standard.summarise(results, cvs, items, rules)
    return Scorecard(filters, snapshot, inputs, values, results, cvs, items, summary)


def _clean(value):
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float):
        return round(value, 6)
    return value


def to_json(card: Scorecard) -> dict:
    schools = []
    for _, r in card.results.iterrows():
        part = card.values[(card.values["school_id"] == r["school_id"]) & (card.values["stage"] == r["stage"])]
        schools.append({
            "school_id": r["school_id"], "school_name": r["school_name"], "township_code": r["township_code"],
            "school_type": r["school_type"], "stage": r["stage"], "students": int(r["students"]),
            "indicators": {i["indicator"]: {"value": _clean(i["value"]), "threshold": _clean(i["threshold"]),
                                            "floor": _clean(i["floor"]), "status": i["status"]}
                           for _, i in part.iterrows()},
            "met_count": int(r["met_count"]),
            "passes": None if r["passes"] is None else bool(r["passes"]),
        })
    cv = [{"stage": r["stage"], "indicator": r["indicator"], "cv": _clean(r["cv"]), "limit": r["limit"],
           "schools": int(r["schools"]), "passes": r["passes"]} for _, r in card.cvs.iterrows()]
    items = [{"part": r["part"], "item": r["item"], "text": r["text"], "value": _clean(r["value"]),
              "threshold": _clean(r["threshold"]), "status": r["status"], "veto": r["veto"],
              "source": r["source"]} for _, r in card.county_items.iterrows()]
    return {
        "snapshot": {"snapshot_id": card.snapshot.snapshot_id, "created_at": card.snapshot.created_at,
                     "demo": card.snapshot.demo},
        "filters": {"year": card.filters.year, "townships": list(card.filters.townships),
                    "schools": list(card.filters.schools), "stages": list(card.filters.stages)},
        "schools": schools, "cv": cv, "county_items": items, "summary": card.summary,
    }
