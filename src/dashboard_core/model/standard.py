"""The national 优质均衡 standard: rules loaded as data, and pure functions that apply them.

Nothing here touches Streamlit, the database or wording: functions take DataFrames and the rules and
give DataFrames, codes and numbers back, so the same code serves the pages, the command line and tests.
"""
from __future__ import annotations

import json
import math
import os
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from . import registers as registers_
from .vocabulary import (BASIS_DATA, BASIS_DECLARED, BASIS_INSPECTION, BASIS_OF_SOURCE, BELOW, CV_MET, CV_MIN_SCHOOLS, CV_NOT_APPLICABLE, CV_NOT_MET, FLOOR, ITEM_MET, ITEM_NO_DATA,
                         ITEM_NOT_APPLICABLE, ITEM_NOT_MET, ITEM_PARTIAL, JUNIOR, MET, NO_STUDENTS, PRIMARY,
                         STAGE_ORDER, STAGES, VERDICT_INCOMPLETE, VERDICT_MET, VERDICT_NO_SCHOOLS, VERDICT_NOT_APPLICABLE,
                         CV_SCOPE, CV_TOO_FEW,
                         VERDICT_NOT_MET)

RULES_DIR = Path(__file__).parent / "rules"
DEFAULT_RULES = "national_2017"
_TOLERANCE = 1e-9
REASON_NAMES = 10  # school names spelled out in a verdict's reasons; the rest are counted


@lru_cache(maxsize=8)
def _load(path: str) -> str:
    return Path(path).read_text(encoding="utf-8")


RULES_ENV = "DASHBOARD_RULES"


def load_rules(name_or_path: str | Path | None = None) -> dict:
    """The standard as a dict; a province's variant is another JSON file of the same shape, named by
    `name_or_path` or, for the whole app and command line, by the DASHBOARD_RULES environment variable."""
    name_or_path = name_or_path or os.environ.get(RULES_ENV) or DEFAULT_RULES
    path = Path(name_or_path)
    if not path.suffix:
        path = RULES_DIR / f"{name_or_path}.json"
    return json.loads(_load(str(path)))


TEACHING_POINT_TREATMENTS = ("with_parent", "own_part", "leave_out_under")


def teaching_point_treatment(rules: dict) -> str:
    """How the rules count teaching points: with their central school, each as its own part, or (as
    Hebei's restatement does) left out when under `min_students` pupils and their own part otherwise."""
    treatment = rules["resource"].get("teaching_points", {}).get("treatment", "with_parent")
    if treatment not in TEACHING_POINT_TREATMENTS:
        raise ValueError(f"teaching_points.treatment must be one of {TEACHING_POINT_TREATMENTS}: {treatment!r}")
    return treatment


def folds_teaching_points(rules: dict) -> bool:
    """Whether a teaching point counts with its central school (the default) or as its own part."""
    return teaching_point_treatment(rules) == "with_parent"


def teaching_points_left_out_under(rules: dict) -> int:
    """The pupils below which a teaching point is left out (0: none is)."""
    if teaching_point_treatment(rules) != "leave_out_under":
        return 0
    return int(rules["resource"]["teaching_points"]["min_students"])



def _at_least(value: float, bound: float) -> bool:
    return value >= bound - _TOLERANCE * max(1.0, abs(bound))


def status_codes(value, threshold, floor) -> np.ndarray:
    """The one status rule, on unrounded values: index into STATUS_CATEGORIES (met, floor, below,
    no_students) for each value against its threshold and floor (arrays or scalars)."""
    value, threshold, floor = (np.asarray(x, dtype="float64") for x in (value, threshold, floor))
    return np.select([np.isnan(value), value >= threshold - _TOLERANCE * np.maximum(1.0, np.abs(threshold)),
                      value >= floor - _TOLERANCE * np.maximum(1.0, np.abs(floor))], [3, 0, 1], 2).astype("int8")


def classify(value: float | None, threshold: float, floor: float) -> str:
    """One value's status (status_codes for a single value)."""
    return STATUS_CATEGORIES[int(status_codes(np.nan if value is None else value, threshold, floor))]


def indicator_codes(rules: dict, group: str | None = None) -> list[str]:
    """The indicators' codes in the rules' order, or those of one group (`teachers`, `facilities`)."""
    return [i["code"] for i in rules["resource"]["indicators"] if group is None or i.get("group") == group]


def min_met(rules: dict) -> int:
    """Indicators a school part must meet: all but the rule's `may_miss` (6 of 7 today; 7 of 8 with one more)."""
    return len(rules["resource"]["indicators"]) - int(rules["resource"]["may_miss"])


IDENTITY = ["school_id", "school_name", "township_code", "township_name", "school_type", "urban_rural", "stage",
            "students"]
STATUS_CATEGORIES = [MET, FLOOR, BELOW, NO_STUDENTS]


def indicator_matrix(inputs: pd.DataFrame, rules: dict) -> pd.DataFrame:
    """Each school part's seven indicators side by side: one row per school and stage.

    `inputs` has one row per school and stage with the stage's students and teacher counts, the
    school's facility totals and the school's primary and junior enrolment (for the split). For
    each indicator code the result has `num_<code>` (the part's numerator), `val_<code>` and
    `st_<code>` (met / floor / below / no_students). Wide and numeric, so a country's 200,000
    schools stay small in memory; `values_long` gives the long form for the rows on show.
    """
    jw = rules["resource"]["junior_student_weight"]
    sw = rules["resource"].get("senior_student_weight", 0.0)
    share = rules["resource"]["floor_share"]
    out = inputs.copy()  # the inputs stay beside the indicators: one frame per view, not two
    students = inputs["students"].to_numpy(dtype="float64")
    # a through-school's facilities go to its stages by weighted enrolment: primary 1, junior jw, and
    # the senior high part (a 十二年一贯制 school or 完全中学) sw, whose share leaves this standard
    senior = (inputs["school_senior_students"].to_numpy(dtype="float64") if "school_senior_students" in inputs
              else np.zeros(len(inputs)))
    weighted = (inputs["school_primary_students"].to_numpy(dtype="float64")
                + jw * inputs["school_junior_students"].to_numpy(dtype="float64") + sw * senior)
    junior = inputs["stage"].eq(JUNIOR).to_numpy(dtype=bool)  # compared in Arrow: no Python string per row
    stage_weight = np.where(junior, jw, 1.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        facility_share = np.where(weighted > 0, stage_weight * students / weighted, np.nan)
    out["facility_share"] = facility_share
    has_students = students > 0
    for ind in rules["resource"]["indicators"]:
        code = ind["code"]
        raw = inputs[ind["numerator"]].to_numpy(dtype="float64")
        numerator = raw if ind["numerator_level"] == "stage" else raw * facility_share
        threshold = np.array([float(ind["thresholds"].get(x, np.nan)) for x in STAGES])[junior.astype("int8")]
        with np.errstate(divide="ignore", invalid="ignore"):
            value = np.where(has_students, numerator / students * ind["per_students"], np.nan)
        codes = status_codes(value, threshold, threshold * share)
        out[f"num_{code}"] = numerator
        out[f"val_{code}"] = value
        out[f"st_{code}"] = pd.Categorical.from_codes(codes, categories=STATUS_CATEGORIES)
    return out.reset_index(drop=True)


def values_long(matrix: pd.DataFrame, rules: dict) -> pd.DataFrame:
    """The long form of (part of) a matrix: one row per school part and indicator, with its rule, in
    the matrix's order (school by school, primary before junior), the indicators in their order.

    Built by repeating and interleaving arrays rather than by a merge: pages ask for it on every run
    (a grid, a school's table), and the merge cost ~25 ms even for a single school."""
    inds = rules["resource"]["indicators"]
    k, n = len(inds), len(matrix)
    identity = [c for c in IDENTITY if c in matrix.columns]
    rows = np.repeat(np.arange(n), k)
    which = np.tile(np.arange(k), n)
    frame = matrix[identity + ["facility_share"]].take(rows).reset_index(drop=True)
    frame["indicator"] = pd.Series([i["code"] for i in inds], dtype="str").take(which).reset_index(drop=True)
    for col in ["number", "name", "short", "addition", "unit", "numerator", "numerator_unit", "numerator_level",
                "per_students"]:
        frame[col] = pd.Series([i.get(col, i["short"]) for i in inds]).take(which).reset_index(drop=True)
    thresholds = np.array([[float(i["thresholds"].get(s, np.nan)) for s in STAGES] for i in inds])
    stage = matrix["stage"].to_numpy(dtype=object)[rows]
    column = np.select([stage == PRIMARY, stage == JUNIOR], [0, 1], -1)
    threshold = np.where(column >= 0, thresholds[which, np.maximum(column, 0)], np.nan)
    frame["numerator_value"] = np.column_stack([matrix[f"num_{i['code']}"].to_numpy() for i in inds]).ravel()
    frame["value"] = np.column_stack([matrix[f"val_{i['code']}"].to_numpy() for i in inds]).ravel()
    frame["threshold"] = threshold
    frame["floor"] = threshold * rules["resource"]["floor_share"]
    frame["share_of_threshold"] = frame["value"] / frame["threshold"]
    codes = np.column_stack([matrix[f"st_{i['code']}"].cat.codes.to_numpy() for i in inds]).ravel()
    frame["status"] = pd.Series(np.array(STATUS_CATEGORIES, dtype=object)[codes], dtype="str")
    keep = identity + ["indicator", "number", "name", "short", "addition", "unit", "numerator", "numerator_unit",
                       "numerator_level", "per_students", "numerator_value", "facility_share", "value", "threshold",
                       "floor", "share_of_threshold", "status"]
    return frame[keep]


def indicator_values(inputs: pd.DataFrame, rules: dict) -> pd.DataFrame:
    """Each school part's seven indicator values with threshold, floor and status (long format)."""
    return values_long(indicator_matrix(inputs, rules), rules)


def school_results(matrix: pd.DataFrame, rules: dict) -> pd.DataFrame:
    """The school rule per school part: at least `min_met` met and the rest at least the floor."""
    codes = [i["code"] for i in rules["resource"]["indicators"]]
    least = min_met(rules)
    kept = IDENTITY + ["teaching_points_folded"]
    out = matrix[[c for c in kept if c in matrix.columns]]  # shares the matrix's columns (copy on write)
    codes_matrix = (np.column_stack([matrix[f"st_{c}"].cat.codes.to_numpy() for c in codes]) if len(matrix)
                    else np.empty((0, len(codes)), dtype="int8"))
    for name, status in (("met_count", MET), ("floor_count", FLOOR), ("below_count", BELOW),
                         ("no_student_count", NO_STUDENTS)):
        out[name] = (codes_matrix == STATUS_CATEGORIES.index(status)).sum(axis=1, dtype="int8")  # at most 7
    has_students = out["no_student_count"].to_numpy() == 0
    passes = (out["met_count"] >= least) & (out["met_count"] + out["floor_count"] == len(codes))
    out["passes"] = pd.Series(np.where(has_students, passes, None), index=out.index, dtype="object")
    out.loc[has_students, "passes"] = passes[has_students].astype(bool)
    out["has_students"] = has_students
    return out


def group_values(matrix: pd.DataFrame, keys: list[str], rules: dict) -> pd.DataFrame:
    """Indicator values of groups of school parts (a township, 城区/镇区/乡村, the county): the groups'
    total resource divided by their total students, which is also the student-weighted mean."""
    codes = [i["code"] for i in rules["resource"]["indicators"]]
    columns = list(dict.fromkeys(keys + ["stage", "students", "school_id"] + [f"num_{c}" for c in codes]))
    pool = matrix.loc[matrix["students"] > 0, columns]  # only the columns summed: a country's matrix is large
    groups = pool.groupby(keys + ["stage"], sort=False, observed=True)
    sums = groups[["students"] + [f"num_{c}" for c in codes]].sum()  # column by column: named aggregation costs 3×
    sums.insert(1, "schools", groups["school_id"].nunique())
    sums = sums.reset_index()
    # one row per group, stage and indicator, built by repeating arrays (a melt and a merge cost ~15 ms)
    inds = rules["resource"]["indicators"]
    rows = np.repeat(np.arange(len(sums)), len(inds))
    which = np.tile(np.arange(len(inds)), len(sums))
    long = sums[keys + ["stage", "students", "schools"]].take(rows).reset_index(drop=True)
    long["indicator"] = pd.Series(codes, dtype="str").take(which).reset_index(drop=True)
    long["numerator"] = np.column_stack([sums[f"num_{c}"].to_numpy(dtype="float64") for c in codes]).ravel()
    for col in ("number", "short", "unit"):
        long[col] = pd.Series([i[col] for i in inds]).take(which).reset_index(drop=True)
    stage = sums["stage"].to_numpy(dtype=object)[rows]
    long["threshold"] = [float(inds[w]["thresholds"].get(s, np.nan)) for w, s in zip(which, stage)]
    long["per_students"] = pd.Series([i["per_students"] for i in inds]).take(which).reset_index(drop=True)
    long["value"] = long["numerator"] / long["students"] * long["per_students"]
    # judged here, on the unrounded value, like every school part (a display rounds; it never judges)
    codes = status_codes(long["value"], long["threshold"], long["threshold"] * rules["resource"]["floor_share"])
    long["status"] = pd.Series(np.array(STATUS_CATEGORIES, dtype=object)[codes], dtype="str")
    order = long["stage"].map(STAGE_ORDER).fillna(9)
    return (long.assign(_stage=order).sort_values(keys + ["_stage", "number"], kind="stable")
            .drop(columns="_stage").reset_index(drop=True))


def weighted_cv(values: pd.Series, weights: pd.Series) -> float | None:
    """Student-weighted coefficient of variation, the official method (standards.md)."""
    return _weighted_cv(np.asarray(values, dtype="float64"), np.asarray(weights, dtype="float64"))


def _weighted_cv(x: np.ndarray, p: np.ndarray) -> float | None:
    mask = ~np.isnan(x) & ~np.isnan(p) & (p > 0)
    x, p = x[mask], p[mask]
    total = p.sum()
    if total <= 0 or len(x) == 0:
        return None
    mean = (p * x).sum() / total
    if mean == 0:
        return None
    spread = math.sqrt(((p / total) * (x - mean) ** 2).sum())
    return spread / mean


def cv_table(matrix: pd.DataFrame, rules: dict, acceptance_unit: bool = True) -> pd.DataFrame:
    """The weighted CV of every indicator in every stage over the school parts given (teaching points out).
    Over a scope that is not the county (`acceptance_unit` False) each CV is worked out for information
    and is `not_applicable` (reason `scope`): the limits apply to a county's schools, not to a township's."""
    limits = rules["resource"]["cv_limits"]
    excluded = set(rules["resource"].get("cv_excluded_school_types", []))
    in_pool = (~matrix["school_type"].isin(excluded) & (matrix["students"] > 0)).to_numpy()
    stages = matrix["stage"].astype(str).to_numpy()
    students = matrix["students"].to_numpy(dtype="float64")
    rows = []
    for stage in rules["stages"]:
        rows_of_stage = in_pool & (stages == stage)
        weights = students[rows_of_stage]
        total = float(weights.sum())
        for ind in rules["resource"]["indicators"]:
            code = ind["code"]
            cv = _weighted_cv(matrix[f"val_{code}"].to_numpy(dtype="float64")[rows_of_stage], weights)
            numerators = matrix[f"num_{code}"].to_numpy(dtype="float64")[rows_of_stage]
            mean = float(np.nansum(numerators)) / total * ind["per_students"] if total > 0 else math.nan
            limit = float(limits[stage])
            schools = int(rows_of_stage.sum())
            if schools < CV_MIN_SCHOOLS:
                cv = None  # a spread across schools does not arise with fewer than two
            status = CV_NOT_APPLICABLE if cv is None else (CV_MET if cv <= limit + _TOLERANCE else CV_NOT_MET)
            reason = CV_TOO_FEW if cv is None else None
            if not acceptance_unit:
                status, reason = CV_NOT_APPLICABLE, CV_SCOPE
            rows.append({"stage": stage, "indicator": code, "number": ind["number"], "short": ind["short"],
                         "cv": math.nan if cv is None else cv, "limit": limit, "schools": schools,
                         "students": int(total), "mean": mean, "status": status, "reason": reason,
                         "passes": None if status == CV_NOT_APPLICABLE else bool(status == CV_MET)})
    return pd.DataFrame(rows)


def what_it_lacks(part_values: pd.DataFrame, rules: dict) -> list[list[dict]]:
    """Ways for one school part to pass, each a list of additions at the school level.

    The school rule lets one indicator stay below its threshold if it reaches the 85% floor. So each
    plan leaves one unmet indicator at the floor and raises every other to its threshold; the plan
    that raises all of them is included too. Amounts are what the school must add in its own units
    (teachers, ㎡, 元, rooms); for a 九年一贯制 school's facilities the amount is the school total
    that, after the enrolment-weighted split, gives this stage part what it lacks.
    """
    unmet = part_values[part_values["status"].isin([FLOOR, BELOW])]
    if unmet.empty or (part_values["status"] == NO_STUDENTS).any():
        return []
    plans = []
    candidates = [None] + list(unmet["indicator"])
    for left in candidates:
        plan = []
        for _, r in unmet.iterrows():
            target = r["floor"] if r["indicator"] == left else r["threshold"]
            if r["indicator"] == left and r["status"] == FLOOR:
                continue
            plan.append(_addition(r, target, "floor" if r["indicator"] == left else "threshold"))
        plans.append(plan)
    if any(not plan for plan in plans):  # leaving the unmet one as it is already passes
        return []
    # keep only plans that no other plan undercuts (same additions or fewer, each no larger)
    def undercuts(q: list[dict], p: list[dict]) -> bool:
        have = {a["indicator"]: a["amount"] for a in p}
        return all(a["indicator"] in have and a["amount"] <= have[a["indicator"]] for a in q)

    kept = []
    for i, plan in enumerate(plans):
        beaten = any(undercuts(other, plan) and (not undercuts(plan, other) or j < i)
                     for j, other in enumerate(plans) if j != i)
        if not beaten:
            kept.append(plan)
    return sorted(kept, key=lambda p: (len(p), [a["indicator"] for a in p]))


def _addition(row: pd.Series, target_value: float, target: str) -> dict:
    needed_numerator = target_value * row["students"] / row["per_students"]
    gap_in_part = max(0.0, needed_numerator - row["numerator_value"])
    share = row["facility_share"] if row["numerator_level"] == "school" else 1.0
    at_school = gap_in_part / share if share and share > 0 else gap_in_part
    unit = row["numerator_unit"]
    if unit in ("人", "间"):
        amount = math.ceil(at_school - 1e-9)
    elif unit == "元":
        amount = math.ceil(at_school / 100 - 1e-9) * 100
    else:
        amount = math.ceil(at_school - 1e-9)
    return {"indicator": row["indicator"], "short": row["short"], "addition": row["addition"], "target": target,
            "amount": amount, "unit": unit, "value": row["value"], "goal": target_value}


def county_item(rules: dict, item: str) -> dict:
    return next(i for i in rules["county_items"] if i["item"] == item)


def requirement(rules: dict, requirement_id: str) -> dict:
    """One requirement of a county item (e.g. G11.1: at least 10 % rotate) as the rules give it."""
    return next(r for i in rules["county_items"] for r in i["requirements"] if r["id"] == requirement_id)


def combine(statuses: list[str]) -> str:
    """An item's status from its requirements': any not met decides; all met is met; nothing known is
    no data; anything in between (some met or partial, some unknown) is partial."""
    known = [s for s in statuses if s != ITEM_NOT_APPLICABLE]
    if not known:
        return ITEM_NOT_APPLICABLE
    if ITEM_NOT_MET in known:
        return ITEM_NOT_MET
    if all(s == ITEM_MET for s in known):
        return ITEM_MET
    if all(s == ITEM_NO_DATA for s in known):
        return ITEM_NO_DATA
    return ITEM_PARTIAL


def _judge_metric(req: dict, rec, demo: bool) -> dict:
    """A requirement judged from a county figure. A lower bound ("超过 5%") proves ≥ only when the
    bound itself reaches the threshold; a county aggregate of an every-school rule proves only part
    of it (partial), although an aggregate below the threshold proves some school falls short."""
    value = float(rec["value"])
    threshold = float(req["threshold"])
    lower_bound = req.get("bound") == "lower"
    holds = _compare(value, req["comparison"], threshold)
    if lower_bound:
        status = ITEM_MET if holds else ITEM_NO_DATA
    else:
        status = ITEM_MET if holds else ITEM_NOT_MET
    if status == ITEM_MET and req.get("evidence_scope") == "county":
        status = ITEM_PARTIAL
    src = str(rec["source"])
    kind, ref = ("demo", None) if src == "demo" else ("report", src)
    return {"status": status, "value": value, "bound": "lower" if lower_bound else None,
            "source_kind": kind, "source_ref": ref, "demo": src == "demo" or (demo and kind != "report")}


def _judge_school_size(req: dict, school_parts: pd.DataFrame, demo: bool) -> dict:
    totals = school_parts.drop_duplicates("school_id").set_index("school_id")[["school_name", "school_type"]]
    totals["students"] = school_parts.groupby("school_id", sort=False)["students"].sum()
    totals["limit"] = lookup(totals["school_type"], req["limits"], req["limits"][PRIMARY])
    over = totals[totals["students"] > totals["limit"]]
    worst = totals.loc[(totals["students"] / totals["limit"]).idxmax()]
    listed = over.head(REASON_NAMES)
    return {"status": ITEM_NOT_MET if len(over) else ITEM_MET, "value": float(worst["students"]),
            "threshold": float(worst["limit"]), "source_kind": "snapshot", "source_ref": "school_size", "demo": demo,
            "detail": {"kind": "school_size", "worst": (worst["school_name"], int(worst["students"])),
                       "over": [(r.school_name, int(r.students)) for r in listed.itertuples()],
                       "over_count": len(over), "schools": len(totals)}}


def evaluate_county_items(rules: dict, county_year: pd.DataFrame, year: int, school_parts: pd.DataFrame,
                          demo: bool = False, registers: registers_.Registers | None = None,
                          in_view=None) -> pd.DataFrame:
    """Each county item of the method (25) with its status and, per requirement, the evidence.

    A requirement is judged from the registers when the snapshot holds them (every class, every
    school's rooms, funds and teachers, the rotation moves, cohorts, monitoring, survey, evidence
    documents), else from the county figures (`county_year`: a fact id or `demo` as source), else it
    is `no_data`. An item is `partial` when only some of its requirements (or only a county aggregate
    of an every-school rule) have evidence. `demo` marks evidence drawn from a demo snapshot.
    Evidence comes back as codes and numbers; the words are written by present/.

    `in_view`: the ids of the schools in a view smaller than the county (None: the whole county). A
    requirement about every school is then judged for those schools only (`scope` "view"); the others
    stay the county's (`scope` "county"), since the acceptance is county-wide.
    """
    this_year = county_year[county_year["year"] == year].set_index("metric")
    whole_parts, whole_registers = school_parts, registers
    if in_view is not None:
        school_parts = school_parts[school_parts["school_id"].isin(list(in_view))]
        registers = registers.within(in_view) if registers is not None else None
    rows = []
    for item in rules["county_items"]:
        judged = []
        single = len(item["requirements"]) == 1
        for req in item["requirements"]:
            out = {"id": req["id"], "metric": req.get("metric"), "status": ITEM_NO_DATA, "value": None,
                   "threshold": req.get("threshold"), "unit": req.get("unit"), "comparison": req.get("comparison"),
                   "bound": None, "source_kind": "none", "source_ref": None, "detail": None, "demo": False}
            per_school = in_view is not None and req["evaluator"] in registers_.PER_SCHOOL_EVALUATORS
            out["scope"] = "view" if per_school else "county"
            result = _judge_requirement(req, item["item"] if single else None, this_year,
                                        school_parts if per_school else whole_parts, demo,
                                        registers if per_school else whole_registers)
            if result is not None:
                out.update(result)
            elif req["evaluator"] == "class_register":
                # an average class size proves nothing about every class: only per-class rows decide
                out["detail"] = {"kind": "needs_class_register"}
            out["basis"] = BASIS_OF_SOURCE.get(out["source_kind"])
            judged.append(out)
        first = next((r for r in judged if r["value"] is not None), judged[0])
        rows.append({"part": item["part"], "part_name": rules["parts"][item["part"]], "item": item["item"],
                     "text": item["text"], "status": combine([r["status"] for r in judged]),
                     "value": first["value"], "threshold": first["threshold"], "unit": first["unit"],
                     "comparison": first["comparison"], "bound": first["bound"],
                     "source_kind": first["source_kind"], "source_ref": first["source_ref"],
                     "detail": first["detail"], "demo": any(r["demo"] for r in judged), "requirements": judged,
                     "basis": weakest_basis([r["basis"] for r in judged]),
                     "scope": "view" if any(r["scope"] == "view" for r in judged) else "county"})
    return pd.DataFrame(rows)


def weakest_basis(bases) -> str | None:
    """What a whole rests on: its weakest part's basis (one declared requirement makes the item declared)."""
    known = [b for b in bases if b]
    for basis in (BASIS_INSPECTION, BASIS_DECLARED, BASIS_DATA):
        if basis in known:
            return basis
    return None


def _judge_requirement(req: dict, item_code: str | None, county: pd.DataFrame, school_parts: pd.DataFrame,
                       demo: bool, registers) -> dict | None:
    """The evidence that decides one requirement, best first: a register, then a county figure."""
    kind = req["evaluator"]
    result = None
    if registers is not None:
        if kind in registers_.JUDGES:
            result = registers_.JUDGES[kind](req, registers, demo)
        elif kind == "staffing_quota":
            result = registers_.staffing_quota(req, registers, county, demo)
        elif kind == "document":
            result = registers_.document(req["id"], item_code, registers, demo)
    if kind == "special_education":
        return registers_.special_education(req, county, demo)
    if result is None and "threshold" in req and req.get("metric") in county.index:
        result = _judge_metric(req, county.loc[req["metric"]], demo)
    if result is None and kind == "school_size" and len(school_parts):
        result = _judge_school_size(req, school_parts, demo)
    return result


def evaluate_preconditions(rules: dict, county_year: pd.DataFrame, year: int, registers=None,
                           demo: bool = False) -> pd.DataFrame:
    """The conditions for applying (申报条件), judged like items: P01 from the year the county was recognised
    for basic balance (a county figure), P02 from the evidence register. Both rest on documents: declared."""
    rows = []
    for cond in rules.get("preconditions", {}).get("items", []):
        status, value, kind, ref, detail, from_demo = ITEM_NO_DATA, None, "none", None, None, False
        if cond["evaluator"] == "years_since":
            found = county_year[county_year["metric"] == cond["metric"]]
            if len(found):
                latest = found.sort_values("year").iloc[-1]
                value = float(latest["value"])
                status = ITEM_MET if year - value >= cond["min_years"] else ITEM_NOT_MET
                src = str(latest["source"])
                kind, ref, from_demo = ("demo", None, True) if src == "demo" else ("report", src, demo)
        elif registers is not None:
            found = registers_.document(cond["id"], None, registers, demo)
            if found is not None:
                status, kind, ref, detail, from_demo = (found["status"], found["source_kind"], found["source_ref"],
                                                        found["detail"], found["demo"])
        rows.append({"item": cond["id"], "text": cond["text"], "status": status, "value": value,
                     "source_kind": kind, "source_ref": ref, "detail": detail, "demo": from_demo,
                     "basis": BASIS_DECLARED if status != ITEM_NO_DATA else None})
    return pd.DataFrame(rows, columns=["item", "text", "status", "value", "source_kind", "source_ref", "detail",
                                       "demo", "basis"])


def evaluate_non_recognition(rules: dict, statements: set, registers=None, demo: bool = False) -> pd.DataFrame:
    """The conditions under which a county is not recognised (不予认定), each `met` (evidence that the
    condition is absent), `not_met` (present) or `no_data`. The evidence register decides first; else
    the report's statements (e.g. that the education system had no safety accident)."""
    rows = []
    for cond in rules["non_recognition"]["items"]:
        status, kind, ref, detail, from_demo = ITEM_NO_DATA, "none", None, None, False
        found = registers_.document(cond["id"], None, registers, demo) if registers is not None else None
        if found is not None:
            status, kind, ref, detail, from_demo = (found["status"], found["source_kind"], found["source_ref"],
                                                    found["detail"], found["demo"])
        elif cond["evaluator"] == "report_statement" and cond["statement"] in statements:
            status, kind, ref = ITEM_MET, "report", cond["statement"]
        # whatever the county has prepared, only the inspection establishes that a condition is absent
        rows.append({"item": cond["id"], "text": cond["text"], "status": status, "source_kind": kind,
                     "source_ref": ref, "detail": detail, "demo": from_demo, "article": cond["source"],
                     "basis": BASIS_INSPECTION})
    return pd.DataFrame(rows, columns=["item", "text", "status", "source_kind", "source_ref", "detail", "demo",
                                       "article", "basis"])


def lookup(keys: pd.Series, mapping: dict, default: float) -> np.ndarray:
    """mapping[key] for each key, default where absent: a few vectorised comparisons, which for a
    country's rows is much faster than Series.map on text."""
    out = np.full(len(keys), default, dtype="float64")
    for key, value in mapping.items():
        out[(keys == key).to_numpy(dtype=bool, na_value=False)] = float(value)
    return out


def _compare(value: float, comparison: str, threshold: float) -> bool:
    if comparison == ">=":
        return _at_least(value, threshold)
    if comparison == "<=":
        return _at_least(threshold, value)
    if comparison == ">":
        return value > threshold
    if comparison == "<":
        return value < threshold
    raise ValueError(f"unknown comparison {comparison!r}")


@dataclass(frozen=True)
class CvFailure:
    stage: str
    indicator: str
    cv: float
    limit: float


@dataclass(frozen=True)
class Summary:
    """The verdict of a view in codes and numbers; present/words.py says it in words.

    `stages` maps each stage to its school parts: {"schools_passing", "schools_total", "by_type"
    (school type → parts), "teaching_points_folded"} — parts, not schools: a 九年一贯制 school has a
    part in each stage."""
    stages: dict
    cv_passing: int
    cv_total: int
    cv_not_applicable: int
    county_items_met: int
    county_items_not_met: int
    county_items_partial: int
    county_items_no_data: int
    county_items_not_applicable: int
    county_items_total: int
    vetoes_clear: int
    vetoes_present: int
    vetoes_no_data: int
    vetoes_total: int
    verdict: str  # VERDICT_MET / VERDICT_NOT_MET / VERDICT_INCOMPLETE / VERDICT_NO_SCHOOLS
    demo: bool = False  # drawn from demonstration data: every sentence of it must say so
    failing_parts: tuple = ()  # (school name, stage) of the first REASON_NAMES failing school parts
    failing_count: int = 0
    cv_failures: tuple = ()  # CvFailure
    items_not_met: tuple = ()  # item codes
    vetoes_found: tuple = ()  # condition codes
    county_items_declared: int = 0  # of the items met, those resting on the county's own documents (自评，待核查)

    @property
    def schools_passing(self) -> int:
        return sum(c["schools_passing"] for c in self.stages.values())

    @property
    def schools_total(self) -> int:
        return sum(c["schools_total"] for c in self.stages.values())

    def as_dict(self) -> dict:
        out = asdict(self)
        out["cv_failures"] = [asdict(c) for c in self.cv_failures]
        out["failing_parts"] = [list(p) for p in self.failing_parts]
        out["items_not_met"] = list(self.items_not_met)
        out["vetoes_found"] = list(self.vetoes_found)
        return out


def summarise(results: pd.DataFrame, cvs: pd.DataFrame, items: pd.DataFrame, vetoes: pd.DataFrame, rules: dict,
              demo: bool = False, acceptance_unit: bool = True) -> Summary:
    """Counts per stage, the CVs, the county items, the non-recognition conditions and the verdict.

    not met: a school part fails, a CV is over its limit, an item is not met or a non-recognition
    condition is present. Otherwise incomplete while anything lacks evidence (partial, no data, a CV
    that cannot be computed for a stage with school parts). No schools: nothing in view to judge."""
    n_indicators = len(rules["resource"]["indicators"])
    passing = results["has_students"] & (results["met_count"] >= min_met(rules)) & (
        results["met_count"] + results["floor_count"] == n_indicators)
    stages = {}
    for stage in rules["stages"]:
        in_stage = (results["stage"] == stage) & results["has_students"]
        types = results.loc[in_stage, "school_type"].astype(str).value_counts(sort=False)
        folded = (int(results.loc[in_stage, "teaching_points_folded"].sum())
                  if "teaching_points_folded" in results.columns else 0)
        stages[stage] = {"schools_passing": int((passing & in_stage).sum()), "schools_total": int(in_stage.sum()),
                         "by_type": {str(k): int(v) for k, v in types.items()}, "teaching_points_folded": folded}
    failing = results[results["has_students"] & ~passing]
    cv_fail = cvs[cvs["status"] == CV_NOT_MET]
    cv_na = cvs[cvs["status"] == CV_NOT_APPLICABLE]
    stages_with_parts = {s for s, c in stages.items() if c["schools_total"]}
    cv_open = cv_na[cv_na["stage"].isin(stages_with_parts)]  # a stage in view whose spread is unknown
    count = items["status"].value_counts()
    not_met = items[items["status"] == ITEM_NOT_MET]
    vetoes_found = vetoes[vetoes["status"] == ITEM_NOT_MET]
    vetoes_clear = int((vetoes["status"] == ITEM_MET).sum())
    open_items = int(count.get(ITEM_PARTIAL, 0) + count.get(ITEM_NO_DATA, 0))
    total_parts = sum(c["schools_total"] for c in stages.values())
    if total_parts == 0:
        verdict = VERDICT_NO_SCHOOLS
    elif not acceptance_unit:  # a township's or a school's parts are shown against the school standard only
        verdict = VERDICT_NOT_APPLICABLE
    elif len(failing) or len(cv_fail) or len(not_met) or len(vetoes_found):
        verdict = VERDICT_NOT_MET
    elif open_items or len(cv_open) or vetoes_clear < len(vetoes):
        verdict = VERDICT_INCOMPLETE
    else:
        verdict = VERDICT_MET
    shown = failing.head(REASON_NAMES)
    return Summary(
        stages=stages, cv_passing=int((cvs["status"] == CV_MET).sum()), cv_total=int(len(cvs)),
        cv_not_applicable=int(len(cv_na)),
        county_items_met=int(count.get(ITEM_MET, 0)), county_items_not_met=int(len(not_met)),
        county_items_partial=int(count.get(ITEM_PARTIAL, 0)), county_items_no_data=int(count.get(ITEM_NO_DATA, 0)),
        county_items_not_applicable=int(count.get(ITEM_NOT_APPLICABLE, 0)), county_items_total=int(len(items)),
        vetoes_clear=vetoes_clear, vetoes_present=int(len(vetoes_found)),
        vetoes_no_data=int((vetoes["status"] == ITEM_NO_DATA).sum()), vetoes_total=int(len(vetoes)),
        verdict=verdict, demo=bool(demo),
        failing_parts=tuple(zip(shown["school_name"], shown["stage"])), failing_count=int(len(failing)),
        cv_failures=tuple(CvFailure(r.stage, r.indicator, float(r.cv), float(r.limit)) for r in cv_fail.itertuples()),
        items_not_met=tuple(not_met["item"]), vetoes_found=tuple(vetoes_found["item"]),
        county_items_declared=int(((items["status"] == ITEM_MET) & (items.get("basis") == BASIS_DECLARED)).sum())
        if "basis" in items else 0)
