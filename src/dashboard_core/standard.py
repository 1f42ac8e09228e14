"""The national 优质均衡 standard: rules loaded as data, and pure functions that apply them.

Nothing here touches Streamlit or the database: functions take DataFrames and the rules and give
DataFrames or plain values back, so the same code serves the pages, the command line and tests.
"""
from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path

import pandas as pd

RULES_DIR = Path(__file__).parent / "rules"
DEFAULT_RULES = "national_2017"

MET, FLOOR, BELOW, NO_STUDENTS = "met", "floor", "below", "no_students"
STATUS_LABELS = {MET: "达标", FLOOR: "未达标但不低于85%", BELOW: "低于85%", NO_STUDENTS: "无在校生"}
ITEM_MET, ITEM_NOT_MET, ITEM_NO_DATA = "met", "not_met", "no_data"
ITEM_LABELS = {ITEM_MET: "达到", ITEM_NOT_MET: "未达到", ITEM_NO_DATA: "无数据"}
VERDICT_MET, VERDICT_NOT_MET, VERDICT_INCOMPLETE = "met", "not_met", "incomplete"
VERDICT_LABELS = {VERDICT_MET: "已达到优质均衡标准", VERDICT_NOT_MET: "尚未达到优质均衡标准",
                  VERDICT_INCOMPLETE: "现有数据均达标，但仍有项目缺少数据，暂不能判定"}

_TOLERANCE = 1e-9
STAGE_ORDER = {"小学": 0, "初中": 1}


@lru_cache(maxsize=8)
def _load(path: str) -> str:
    return Path(path).read_text(encoding="utf-8")


def load_rules(name_or_path: str | Path = DEFAULT_RULES) -> dict:
    """The standard as a dict; a province's variant is another JSON file of the same shape."""
    path = Path(name_or_path)
    if not path.suffix:
        path = RULES_DIR / f"{name_or_path}.json"
    return json.loads(_load(str(path)))


def indicator_table(rules: dict) -> pd.DataFrame:
    """One row per indicator and stage: code, name, unit, threshold and the 85% floor."""
    share = rules["resource"]["floor_share"]
    rows = []
    for ind in rules["resource"]["indicators"]:
        for stage, threshold in ind["thresholds"].items():
            rows.append({"indicator": ind["code"], "number": ind["number"], "name": ind["name"],
                         "short": ind["short"], "unit": ind["unit"], "stage": stage,
                         "addition": ind.get("addition", ind["short"]),
                         "threshold": float(threshold), "floor": float(threshold) * share,
                         "numerator": ind["numerator"], "numerator_unit": ind["numerator_unit"],
                         "numerator_level": ind["numerator_level"], "per_students": ind["per_students"]})
    return pd.DataFrame(rows)


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


def indicator_values(inputs: pd.DataFrame, rules: dict) -> pd.DataFrame:
    """Each school part's seven indicator values with threshold, floor and status (long format).

    `inputs` has one row per school and stage with the stage's students and teacher counts, the
    school's facility totals and the school's primary and junior enrolment (for the split).
    """
    table = indicator_table(rules)
    jw = rules["resource"]["junior_student_weight"]
    base = inputs.copy()
    weighted = base["school_primary_students"] + jw * base["school_junior_students"]
    stage_weight = base["stage"].map({"小学": 1.0, "初中": jw}).astype("float64")
    base["facility_share"] = (stage_weight * base["students"] / weighted.where(weighted > 0)).astype("float64")
    frame = base.merge(table, on="stage", how="inner")
    stage_level = frame["numerator_level"] == "stage"
    numerator = pd.Series(math.nan, index=frame.index, dtype="float64")
    for col in frame["numerator"].unique():
        rows = frame["numerator"] == col
        numerator[rows] = frame.loc[rows, col].astype("float64")
    frame["numerator_value"] = numerator.where(stage_level, numerator * frame["facility_share"])
    students = frame["students"].astype("float64")
    frame["value"] = (frame["numerator_value"] / students.where(students > 0) * frame["per_students"]).astype("float64")
    frame["status"] = [classify(v, t, f) for v, t, f in zip(frame["value"], frame["threshold"], frame["floor"])]
    frame["share_of_threshold"] = frame["value"] / frame["threshold"]
    keep = [c for c in ["school_id", "school_name", "township_code", "township_name", "school_type",
                        "urban_rural", "stage", "students"] if c in frame.columns]
    keep += ["indicator", "number", "name", "short", "addition", "unit", "numerator", "numerator_unit", "numerator_level",
             "per_students", "numerator_value", "facility_share", "value", "threshold", "floor",
             "share_of_threshold", "status"]
    order = frame["stage"].map(STAGE_ORDER).fillna(9)
    return (frame[keep].assign(_stage=order).sort_values(["school_id", "_stage", "number"], kind="stable")
            .drop(columns="_stage").reset_index(drop=True))


def school_results(values: pd.DataFrame, rules: dict) -> pd.DataFrame:
    """The school rule per school part: at least `min_met` met and the rest at least the floor."""
    n_indicators = len(rules["resource"]["indicators"])
    min_met = rules["resource"]["min_met"]
    keys = [c for c in ["school_id", "school_name", "township_code", "township_name", "school_type",
                        "urban_rural", "stage", "students"] if c in values.columns]
    counts = (values.assign(met=values["status"] == MET, floor=values["status"] == FLOOR,
                            below=values["status"] == BELOW, empty=values["status"] == NO_STUDENTS)
              .groupby(keys, sort=False, dropna=False)[["met", "floor", "below", "empty"]].sum().reset_index())
    counts = counts.rename(columns={"met": "met_count", "floor": "floor_count", "below": "below_count",
                                    "empty": "no_student_count"})
    has_students = counts["no_student_count"] == 0
    passes = (counts["met_count"] >= min_met) & (counts["met_count"] + counts["floor_count"] == n_indicators)
    counts["passes"] = passes.where(has_students, None).astype("object")
    counts["has_students"] = has_students
    return counts


def group_values(values: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Indicator values of groups of school parts (a township, 城区/镇区/乡村, the county): the groups'
    total resource divided by their total students, which is also the student-weighted mean."""
    pool = values[values["students"] > 0]
    grouped = (pool.groupby(keys + ["stage", "indicator", "number", "short", "unit", "threshold", "per_students"],
                            as_index=False, sort=False)
               .agg(numerator=("numerator_value", "sum"), students=("students", "sum"), schools=("school_id", "nunique")))
    grouped["value"] = grouped["numerator"] / grouped["students"] * grouped["per_students"]
    return grouped.sort_values(keys + ["stage", "number"], kind="stable").reset_index(drop=True)


def weighted_cv(values: pd.Series, weights: pd.Series) -> float | None:
    """Student-weighted coefficient of variation, the official method (standards.md)."""
    mask = values.notna() & weights.notna() & (weights > 0)
    x = values[mask].astype("float64")
    p = weights[mask].astype("float64")
    total = p.sum()
    if total <= 0 or len(x) == 0:
        return None
    mean = (p * x).sum() / total
    if mean == 0:
        return None
    spread = math.sqrt(((p / total) * (x - mean) ** 2).sum())
    return spread / mean


def cv_table(values: pd.DataFrame, rules: dict) -> pd.DataFrame:
    """The weighted CV of every indicator in every stage over the school parts given (teaching points out)."""
    limits = rules["resource"]["cv_limits"]
    excluded = set(rules["resource"].get("cv_excluded_school_types", []))
    pool = values[~values["school_type"].isin(excluded) & (values["students"] > 0)]
    order = indicator_table(rules)[["indicator", "number", "short", "stage"]]
    rows = []
    for _, row in order.iterrows():
        part = pool[(pool["indicator"] == row["indicator"]) & (pool["stage"] == row["stage"])]
        cv = weighted_cv(part["value"], part["students"])
        limit = float(limits[row["stage"]])
        county_value = (part["numerator_value"].sum() / part["students"].sum() * part["per_students"].iloc[0]
                        if len(part) and part["students"].sum() > 0 else math.nan)
        rows.append({"stage": row["stage"], "indicator": row["indicator"], "number": row["number"],
                     "short": row["short"], "cv": math.nan if cv is None else cv, "limit": limit, "schools": int(len(part)),
                     "students": int(part["students"].sum()), "mean": county_value,
                     "passes": None if cv is None else bool(cv <= limit + _TOLERANCE)})
    return pd.DataFrame(rows).sort_values(["stage", "number"], key=lambda s: s.map({"小学": 0, "初中": 1})
                                          if s.name == "stage" else s, kind="stable").reset_index(drop=True)


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


def describe_plan(plan: list[dict]) -> str:
    """A plan in words, e.g. 「增加 120 ㎡ 体育运动场馆面积」."""
    parts = []
    for a in plan:
        noun = a["addition"]
        amount = f"{a['amount']:,}"
        text = f"增加 {amount} {noun}"
        if a["target"] == "floor":
            text += "（达到标准值的85%）"
        parts.append(text)
    return "，并".join(parts)


def describe_lack(plans: list[list[dict]]) -> str:
    if not plans:
        return ""
    return "；或".join(describe_plan(p) for p in plans) + "，即可达到学校标准。"


def evaluate_county_items(rules: dict, county_year: pd.DataFrame, year: int,
                          school_parts: pd.DataFrame, sources: dict[str, str] | None = None) -> pd.DataFrame:
    """Each county item with its value, threshold and status; `no_data` where nothing supports it.

    `county_year` rows give metric values with their source (a fact id or `demo`). `school_parts`
    (one row per school and stage, with students and classes) feeds the items computed from school
    data. `sources` maps a fact id to a readable citation.
    """
    sources = sources or {}
    this_year = county_year[county_year["year"] == year].set_index("metric")
    rows = []
    for item in rules["county_items"]:
        value, shown, threshold, status, source = None, None, item.get("threshold"), ITEM_NO_DATA, "报告与数据快照中均无此项数据"
        kind = item["evaluator"]
        if kind == "county_metric" and item["metric"] in this_year.index:
            rec = this_year.loc[item["metric"]]
            value = float(rec["value"])
            ok = _compare(value, item["comparison"], float(item["threshold"]))
            status = ITEM_MET if ok else ITEM_NOT_MET
            src = str(rec["source"])
            source = "示例数据（demo）" if src == "demo" else sources.get(src, src)
            shown = f"{_fmt(value)}{item['unit']}"
        elif kind == "school_size" and len(school_parts):
            totals = school_parts.groupby(["school_id", "school_name", "school_type"], as_index=False)["students"].sum()
            totals["limit"] = totals["school_type"].map(lambda t: item["limits"].get(t, item["limits"]["小学"]))
            over = totals[totals["students"] > totals["limit"]]
            worst = totals.loc[(totals["students"] / totals["limit"]).idxmax()]
            value = float(worst["students"])
            threshold = float(worst["limit"])
            status = ITEM_NOT_MET if len(over) else ITEM_MET
            shown = f"规模最大：{worst['school_name']} {int(worst['students'])}人"
            if len(over):
                shown = "超规模：" + "、".join(f"{r.school_name}（{int(r.students)}人）" for r in over.itertuples())
            source = "数据快照 school_stage_year（学生数）"
        elif kind == "class_size" and len(school_parts):
            parts = school_parts[school_parts["classes"] > 0].copy()
            parts["avg"] = parts["students"] / parts["classes"]
            parts["limit"] = parts["stage"].map(item["limits"]).astype("float64")
            over = parts[parts["avg"] > parts["limit"] + _TOLERANCE]
            worst = parts.loc[(parts["avg"] / parts["limit"]).idxmax()]
            value = float(round(worst["avg"], 1))
            threshold = float(worst["limit"])
            status = ITEM_NOT_MET if len(over) else ITEM_MET
            shown = f"平均班额最大：{worst['school_name']}（{worst['stage']}）{worst['avg']:.1f}人/班"
            if len(over):
                shown = "平均班额超标：" + "、".join(f"{r.school_name}{r.stage}（{r.avg:.1f}）" for r in over.itertuples())
            source = "数据快照 school_stage_year（学生数÷班级数，以各校平均班额计，快照无逐班数据）"
        rows.append({"part": item["part"], "part_name": rules["parts"][item["part"]], "item": item["item"],
                     "text": item["text"], "value": value, "value_text": shown, "threshold": threshold,
                     "unit": item.get("unit"), "comparison": item.get("comparison"),
                     "status": status, "veto": bool(item.get("veto", False)), "source": source})
    return pd.DataFrame(rows)


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


def _fmt(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0").rstrip(".")


def summarise(results: pd.DataFrame, cvs: pd.DataFrame, items: pd.DataFrame, rules: dict) -> dict:
    """Counts per stage, the CVs, the county items and the overall verdict with its reasons."""
    stages = {}
    for stage in rules["stages"]:
        part = results[results["stage"] == stage]
        stages[stage] = {"schools_passing": int((part["passes"] == True).sum()),  # noqa: E712
                         "schools_total": int(part["has_students"].sum())}
    failing = results[results["passes"] == False]  # noqa: E712
    cv_known = cvs[cvs["passes"].notna()]
    cv_fail = cv_known[cv_known["passes"] == False]  # noqa: E712
    reasons = []
    if len(failing):
        names = "、".join(f"{r.school_name}（{r.stage}）" for r in failing.itertuples())
        reasons.append(f"{len(failing)} 个学校（学段）未达到学校标准：{names}")
    if len(cv_fail):
        names = "、".join(f"{r.stage}{r.short} {r.cv:.3f}（限 {r.limit:.2f}）" for r in cv_fail.itertuples())
        reasons.append(f"{len(cv_fail)} 项差异系数超过限值：{names}")
    not_met = items[items["status"] == ITEM_NOT_MET]
    if len(not_met):
        reasons.append(f"{len(not_met)} 项县级指标未达到：" + "；".join(not_met["text"]))
    no_data = items[items["status"] == ITEM_NO_DATA]
    if reasons:
        verdict = VERDICT_NOT_MET
    elif len(no_data) or len(cv_known) < len(cvs):
        verdict = VERDICT_INCOMPLETE
    else:
        verdict = VERDICT_MET
    if len(no_data):
        reasons.append(f"{len(no_data)} 项县级指标暂无数据，需补充佐证后才能判定")
    return {
        "stages": stages,
        "cv_passing": int(len(cv_known) - len(cv_fail)),
        "cv_total": int(len(cvs)),
        "county_items_met": int((items["status"] == ITEM_MET).sum()),
        "county_items_not_met": int(len(not_met)),
        "county_items_no_data": int(len(no_data)),
        "county_items_total": int(len(items)),
        "verdict": verdict,
        "verdict_text": VERDICT_LABELS[verdict],
        "reasons": reasons,
    }
