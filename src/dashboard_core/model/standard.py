"""The national 优质均衡 standard: rules loaded as data, and pure functions that apply them.

Nothing here touches Streamlit, the database or wording: functions take DataFrames and the rules and
give DataFrames, codes and numbers back, so the same code serves the pages, the command line and tests.
"""
from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from .vocabulary import (BELOW, FLOOR, ITEM_MET, ITEM_NO_DATA, ITEM_NOT_MET, JUNIOR, MET, NO_STUDENTS, PRIMARY,
                         STAGE_ORDER, STAGES, VERDICT_INCOMPLETE, VERDICT_MET, VERDICT_NOT_MET)

RULES_DIR = Path(__file__).parent / "rules"
DEFAULT_RULES = "national_2017"
_TOLERANCE = 1e-9
REASON_NAMES = 10  # school names spelled out in a verdict's reasons; the rest are counted


@lru_cache(maxsize=8)
def _load(path: str) -> str:
    return Path(path).read_text(encoding="utf-8")


def load_rules(name_or_path: str | Path = DEFAULT_RULES) -> dict:
    """The standard as a dict; a province's variant is another JSON file of the same shape."""
    path = Path(name_or_path)
    if not path.suffix:
        path = RULES_DIR / f"{name_or_path}.json"
    return json.loads(_load(str(path)))



def _at_least(value: float, bound: float) -> bool:
    return value >= bound - _TOLERANCE * max(1.0, abs(bound))


def classify(value: float | None, threshold: float, floor: float) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return NO_STUDENTS
    if _at_least(value, threshold):
        return MET
    if _at_least(value, floor):
        return FLOOR
    return BELOW


def stage_shares(primary_students: float, junior_students: float, junior_weight: float) -> tuple[float, float]:
    """How a 九年一贯制 school's facility totals are split: enrolment weighted, 1 junior = w primary."""
    weighted = primary_students + junior_weight * junior_students
    if weighted <= 0:
        return (math.nan, math.nan)
    return (primary_students / weighted, junior_weight * junior_students / weighted)


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
    share = rules["resource"]["floor_share"]
    out = inputs.copy()  # the inputs stay beside the indicators: one frame per view, not two
    students = inputs["students"].to_numpy(dtype="float64")
    weighted = (inputs["school_primary_students"].to_numpy(dtype="float64")
                + jw * inputs["school_junior_students"].to_numpy(dtype="float64"))
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
        floor = threshold * share
        codes = np.select([np.isnan(value), value >= threshold - _TOLERANCE * np.maximum(1.0, np.abs(threshold)),
                           value >= floor - _TOLERANCE * np.maximum(1.0, np.abs(floor))], [3, 0, 1], 2).astype("int8")
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
    min_met = rules["resource"]["min_met"]
    out = matrix[[c for c in IDENTITY if c in matrix.columns]]  # shares the matrix's columns (copy on write)
    codes_matrix = (np.column_stack([matrix[f"st_{c}"].cat.codes.to_numpy() for c in codes]) if len(matrix)
                    else np.empty((0, len(codes)), dtype="int8"))
    for name, status in (("met_count", MET), ("floor_count", FLOOR), ("below_count", BELOW),
                         ("no_student_count", NO_STUDENTS)):
        out[name] = (codes_matrix == STATUS_CATEGORIES.index(status)).sum(axis=1, dtype="int8")  # at most 7
    has_students = out["no_student_count"].to_numpy() == 0
    passes = (out["met_count"] >= min_met) & (out["met_count"] + out["floor_count"] == len(codes))
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


def cv_table(matrix: pd.DataFrame, rules: dict) -> pd.DataFrame:
    """The weighted CV of every indicator in every stage over the school parts given (teaching points out)."""
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
            rows.append({"stage": stage, "indicator": code, "number": ind["number"], "short": ind["short"],
                         "cv": math.nan if cv is None else cv, "limit": limit, "schools": int(rows_of_stage.sum()),
                         "students": int(total), "mean": mean,
                         "passes": None if cv is None else bool(cv <= limit + _TOLERANCE)})
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


def item_threshold(rules: dict, item: str) -> float:
    """The threshold of a county item (e.g. G11a: 10 %) as the rules give it."""
    return float(next(i for i in rules["county_items"] if i["item"] == item)["threshold"])


def evaluate_county_items(rules: dict, county_year: pd.DataFrame, year: int,
                          school_parts: pd.DataFrame) -> pd.DataFrame:
    """Each county item with its value, threshold and status; `no_data` where nothing supports it.

    `county_year` rows give metric values with their source (a fact id or `demo`). `school_parts`
    (one row per school and stage, with students and classes) feeds the items computed from school
    data. Evidence is returned as codes and numbers (`source_kind`, `source_ref`, `detail`); the
    words are written by present/.
    """
    this_year = county_year[county_year["year"] == year].set_index("metric")
    rows = []
    for item in rules["county_items"]:
        value, threshold, status = None, item.get("threshold"), ITEM_NO_DATA
        source_kind, source_ref, detail = "none", None, None
        kind = item["evaluator"]
        if kind == "county_metric" and item["metric"] in this_year.index:
            rec = this_year.loc[item["metric"]]
            value = float(rec["value"])
            status = ITEM_MET if _compare(value, item["comparison"], float(item["threshold"])) else ITEM_NOT_MET
            src = str(rec["source"])
            source_kind, source_ref = ("demo", None) if src == "demo" else ("report", src)
        elif kind == "school_size" and len(school_parts):
            totals = school_parts.drop_duplicates("school_id").set_index("school_id")[["school_name", "school_type"]]
            totals["students"] = school_parts.groupby("school_id", sort=False)["students"].sum()
            totals["limit"] = lookup(totals["school_type"], item["limits"], item["limits"][PRIMARY])
            over = totals[totals["students"] > totals["limit"]]
            worst = totals.loc[(totals["students"] / totals["limit"]).idxmax()]
            value, threshold = float(worst["students"]), float(worst["limit"])
            status = ITEM_NOT_MET if len(over) else ITEM_MET
            listed = over.head(REASON_NAMES)
            detail = {"kind": "school_size", "worst": (worst["school_name"], int(worst["students"])),
                      "over": [(r.school_name, int(r.students)) for r in listed.itertuples()], "over_count": len(over)}
            source_kind, source_ref = "snapshot", "school_size"
        elif kind == "class_size" and len(school_parts):
            parts = school_parts[school_parts["classes"] > 0].copy()
            parts["avg"] = parts["students"] / parts["classes"]
            parts["limit"] = lookup(parts["stage"], item["limits"], np.nan)
            over = parts[parts["avg"] > parts["limit"] + _TOLERANCE]
            worst = parts.loc[(parts["avg"] / parts["limit"]).idxmax()]
            value, threshold = float(round(worst["avg"], 1)), float(worst["limit"])
            status = ITEM_NOT_MET if len(over) else ITEM_MET
            listed = over.head(REASON_NAMES)
            detail = {"kind": "class_size", "worst": (worst["school_name"], worst["stage"], float(worst["avg"])),
                      "over": [(r.school_name, r.stage, float(r.avg)) for r in listed.itertuples()],
                      "over_count": len(over)}
            source_kind, source_ref = "snapshot", "class_size_average"
        rows.append({"part": item["part"], "part_name": rules["parts"][item["part"]], "item": item["item"],
                     "text": item["text"], "value": value, "threshold": threshold,
                     "unit": item.get("unit"), "comparison": item.get("comparison"), "status": status,
                     "veto": bool(item.get("veto", False)), "source_kind": source_kind, "source_ref": source_ref,
                     "detail": detail})
    return pd.DataFrame(rows)


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
    """The verdict of a view in codes and numbers; present/words.py says it in words."""
    stages: dict  # stage → {"schools_passing": n, "schools_total": n}
    cv_passing: int
    cv_total: int
    county_items_met: int
    county_items_not_met: int
    county_items_no_data: int
    county_items_total: int
    verdict: str  # VERDICT_MET / VERDICT_NOT_MET / VERDICT_INCOMPLETE
    failing_parts: tuple = ()  # (school name, stage) of the first REASON_NAMES failing school parts
    failing_count: int = 0
    cv_failures: tuple = ()  # CvFailure
    items_not_met: tuple = ()  # item codes

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
        return out


def summarise(results: pd.DataFrame, cvs: pd.DataFrame, items: pd.DataFrame, rules: dict) -> Summary:
    """Counts per stage, the CVs, the county items and the overall verdict with what decides it."""
    n_indicators = len(rules["resource"]["indicators"])
    passing = results["has_students"] & (results["met_count"] >= rules["resource"]["min_met"]) & (
        results["met_count"] + results["floor_count"] == n_indicators)
    stages = {}
    for stage in rules["stages"]:
        in_stage = results["stage"] == stage
        stages[stage] = {"schools_passing": int((passing & in_stage).sum()),
                         "schools_total": int((results["has_students"] & in_stage).sum())}
    failing = results[results["has_students"] & ~passing]
    cv_known = cvs[cvs["passes"].notna()]
    cv_fail = cv_known[cv_known["passes"] == False]  # noqa: E712
    not_met = items[items["status"] == ITEM_NOT_MET]
    no_data = items[items["status"] == ITEM_NO_DATA]
    if len(failing) or len(cv_fail) or len(not_met):
        verdict = VERDICT_NOT_MET
    elif len(no_data) or len(cv_known) < len(cvs):
        verdict = VERDICT_INCOMPLETE
    else:
        verdict = VERDICT_MET
    shown = failing.head(REASON_NAMES)
    return Summary(
        stages=stages, cv_passing=int(len(cv_known) - len(cv_fail)), cv_total=int(len(cvs)),
        county_items_met=int((items["status"] == ITEM_MET).sum()), county_items_not_met=int(len(not_met)),
        county_items_no_data=int(len(no_data)), county_items_total=int(len(items)), verdict=verdict,
        failing_parts=tuple(zip(shown["school_name"], shown["stage"])), failing_count=int(len(failing)),
        cv_failures=tuple(CvFailure(r.stage, r.indicator, float(r.cv), float(r.limit)) for r in cv_fail.itertuples()),
        items_not_met=tuple(not_met["item"]))
