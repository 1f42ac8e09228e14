"""The scorecard as a JSON document (the command line's `scorecard --json`)."""
from __future__ import annotations

import math

from ..model import standard
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


def strict(value):
    """A document any strict JSON reader accepts: NaN and infinities (pandas' "no value") become null."""
    if isinstance(value, dict):
        return {k: strict(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [strict(v) for v in value]
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def _sample(row) -> dict:
    """A survey's evidence as a sample: its respondents and 95% interval (in %)."""
    detail = row.get("detail") or {}
    if detail.get("kind") != "survey":
        return {}
    return {"respondents": detail["respondents"], "interval": [round(x, 3) for x in detail["interval"]],
            "respondents_to_settle": detail.get("needed")}


def to_json(card: Scorecard, citations: dict, scope: str | None = None) -> dict:
    """The scorecard as the JSON document of `scorecard --json`; `citations` maps fact ids to (section,
    excerpt); `scope` is the view in words (the whole county when not given)."""
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
           "schools": int(r["schools"]), "status": r["status"]} for _, r in card.cvs.iterrows()]
    items = [{"part": r["part"], "item": r["item"], "text": r["text"], "status": r["status"], "basis": r.get("basis"),
              "scope": r.get("scope", "county"), "status_text": words.item_status(r), "demo": bool(r["demo"]),
              "evidence": {**_sample(r), "value": _clean(r["value"]), "bound": r["bound"],
                           "threshold": _clean(r["threshold"]),
                           "unit": r["unit"], "value_text": words.item_value(r),
                           "source": words.item_source(r, citations)},
              "requirements": [{"id": q["id"], "status": q["status"], "basis": q.get("basis"),
                                "scope": q.get("scope", "county"), "value": _clean(q["value"]), "bound": q["bound"],
                                "threshold": _clean(q["threshold"]), "unit": q["unit"], "demo": bool(q["demo"]),
                                "value_text": words.requirement_value(q),
                                "source": words.requirement_source(q, citations)} for q in r["requirements"]]}
             for r in card.county_items.to_dict("records")]
    vetoes = [{"item": r["item"], "text": r["text"], "status": r["status"], "basis": r["basis"],
               "status_text": words.veto_status(r), "article": r["article"],
               "demo": bool(r["demo"]), "source": words.veto_source(r, citations)}
              for r in card.vetoes.to_dict("records")]
    return strict({
        "snapshot": {"snapshot_id": card.snapshot.snapshot_id, "created_at": card.snapshot.created_at,
                     "demo": card.snapshot.demo},
        "filters": {"year": card.filters.year, "townships": list(card.filters.townships),
                    "schools": list(card.filters.schools), "stages": list(card.filters.stages)},
        # the rule the tallies and the CVs used for teaching points (the rules file's choice)
        "teaching_points": {"treatment": standard.teaching_point_treatment(rules),
                            "min_students": standard.teaching_points_left_out_under(rules) or None,
                            "rule": words.teaching_point_rule(rules)},
        "schools": schools, "cv": cv, "county_items": items, "vetoes": vetoes,
        "preconditions": [{"item": r["item"], "text": r["text"], "status": r["status"], "basis": r["basis"],
                           "value": _clean(r["value"]), "demo": bool(r["demo"]),
                           "status_text": words.item_status(r), "source": words.precondition_source(r, citations, rules)}
                          for r in (card.preconditions.to_dict("records") if card.preconditions is not None else [])],
        "summary": {**card.summary.as_dict(), "verdict_text": words.verdict_text(card.summary),
                    "sentence": words.summary_sentence(card.summary, scope or words.scope_label(card.filters, {}, {}),
                                                       card.filters.year),
                    "reasons": words.reasons(card.summary, rules)},
    })
