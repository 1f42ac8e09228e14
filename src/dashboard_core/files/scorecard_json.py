"""The scorecard as a JSON document (the command line's `scorecard --json`)."""
from __future__ import annotations

import math

from ..model.scorecard import Scorecard
from ..present import words


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


def to_json(card: Scorecard, citations: dict) -> dict:
    """The scorecard as the JSON document of `scorecard --json`; `citations` maps fact ids to (section, excerpt)."""
    rules = card.rules
    share = rules["resource"]["floor_share"]
    columns = {}
    for ind in rules["resource"]["indicators"]:
        code = ind["code"]
        columns[code] = (card.matrix[f"val_{code}"].tolist(), card.matrix[f"st_{code}"].astype(str).tolist(),
                         [float(ind["thresholds"][s]) for s in card.matrix["stage"]])
    schools = []
    results = card.results
    for i, r in enumerate(results.itertuples(index=False)):
        indicators = {}
        for code, (vals, statuses, thresholds) in columns.items():
            indicators[code] = {"value": _clean(vals[i]), "threshold": thresholds[i],
                                "floor": round(thresholds[i] * share, 6), "status": statuses[i]}
        schools.append({"school_id": r.school_id, "school_name": r.school_name, "township_code": r.township_code,
                        "school_type": r.school_type, "stage": r.stage, "students": int(r.students),
                        "indicators": indicators, "met_count": int(r.met_count),
                        "passes": None if r.passes is None else bool(r.passes)})
    cv = [{"stage": r["stage"], "indicator": r["indicator"], "cv": _clean(r["cv"]), "limit": r["limit"],
           "schools": int(r["schools"]), "passes": r["passes"]} for _, r in card.cvs.iterrows()]
    items = [{"part": r["part"], "item": r["item"], "text": r["text"], "value": _clean(r["value"]),
              "value_text": words.item_value(r), "threshold": _clean(r["threshold"]), "status": r["status"],
              "veto": r["veto"], "source": words.item_source(r, citations)} for r in card.county_items.to_dict("records")]
    return {
        "snapshot": {"snapshot_id": card.snapshot.snapshot_id, "created_at": card.snapshot.created_at,
                     "demo": card.snapshot.demo},
        "filters": {"year": card.filters.year, "townships": list(card.filters.townships),
                    "schools": list(card.filters.schools), "stages": list(card.filters.stages)},
        "schools": schools, "cv": cv, "county_items": items,
        "summary": {**card.summary.as_dict(), "verdict_text": words.verdict_text(card.summary),
                    "reasons": words.reasons(card.summary, rules)},
    }
