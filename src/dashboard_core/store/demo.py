"""The demonstration snapshot: plausible school-level data, calibrated to the work report.

No school-level figures of the county are public. This generator invents them, deterministically,
so that the 2024 totals equal the report exactly (schools by type, students by stage, staff,
full-time teachers, backbone teachers, teacher rotation) and the per-school values look like a
Xinjiang county's: some schools meet every national indicator, a few invented ones fall short, so
that the standards pages have something to show. Every school name carries "（示例）" (the six
names the report mentions too, since their figures are invented) and the snapshot is flagged demo.
"""
from __future__ import annotations

import math
import random
from dataclasses import dataclass, field

import pandas as pd

from . import county, demo_registers, facts
from ..model.standard import load_rules

SEED = 20241
YEARS = (2022, 2023, 2024)
BASE_YEAR = 2024
EXAMPLE = "（示例）"

# 2024 totals the demo must reproduce exactly (fact ids in `facts`)
TARGETS = {
    "students_primary": 12976,
    "students_junior": 7510,
    "staff": 2176,
    "teachers": 1544,
    "backbone": 334,
    "rotation_teachers": 117,
    "rotation_backbone": 37,
    "rotation_eligible": 731,  # 117 / 731 = 16.0 %, the rate the report gives
}


@dataclass
class DemoSchool:
    school_id: str
    name: str
    township_code: str
    school_type: str
    urban_rural: str
    primary_weight: float = 0.0
    junior_weight: float = 0.0
    # indicator code -> ratio of the threshold the school should land near (default: comfortably above)
    shortfalls: dict = field(default_factory=dict)
    from_report: bool = False  # the name (not the figures) is the report's: no shortfall is designed onto it
    parent: str | None = None  # a teaching point's central school


def _school_list() -> list[DemoSchool]:
    s = DemoSchool
    # Six names come from the report; the rest are invented. The township and type of the report's
    # schools are the generator's assumption, since the report does not give them. Shortfalls are
    # designed onto invented schools only, so no real school appears to fail.
    rows = [
        s("DEMO-01", "县第一小学", "654022100", "小学", "城区", 1900, 0, {}, True),
        s("DEMO-02", "县第二小学", "654022100", "小学", "城区", 1500, 0,
          {"multimedia_rooms_per100": 0.91, "pe_art_teachers_per100": 0.88}),
        s("DEMO-03", "县第三小学", "654022100", "小学", "城区", 1100, 0,
          {"sports_area_per_student": 0.78, "teachers_above_degree_per100": 0.95}),
        s("DEMO-04", "县初级中学", "654022100", "初级中学", "城区", 0, 1720, {}, True),
        s("DEMO-05", "县第二初级中学", "654022100", "初级中学", "城区", 0, 1300, {"sports_area_per_student": 0.90}),
        s("DEMO-06", "盐城实验学校", "654022100", "九年一贯制学校", "城区", 1000, 1150, {}, True),
        s("DEMO-07", "爱新色里镇中心学校", "654022101", "九年一贯制学校", "镇区", 620, 560,
          {"teaching_area_per_student": 0.94}),
        s("DEMO-08", "爱新色里镇第二小学", "654022101", "小学", "乡村", 330, 0),
        s("DEMO-09", "孙扎齐牛录镇中心学校", "654022102", "九年一贯制学校", "镇区", 560, 520,
          {"teachers_above_degree_per100": 0.90}),
        s("DEMO-10", "孙扎齐牛录镇第二小学", "654022102", "小学", "乡村", 300, 0),
        s("DEMO-11", "绰霍尔镇中心小学", "654022103", "小学", "镇区", 520, 0),
        s("DEMO-12", "绰霍尔镇第二小学", "654022103", "小学", "乡村", 260, 0,
          {"equipment_value_per_student": 0.80}),
        s("DEMO-13", "加尕斯台镇中心小学", "654022104", "小学", "镇区", 500, 0),
        s("DEMO-14", "加尕斯台镇第二小学", "654022104", "小学", "乡村", 240, 0),
        s("DEMO-15", "琼博拉镇中心学校", "654022105", "九年一贯制学校", "镇区", 540, 500,
          {"equipment_value_per_student": 0.92}),
        s("DEMO-16", "琼博拉镇第二小学", "654022105", "小学", "乡村", 260, 0,
          {"pe_art_teachers_per100": 0.80, "multimedia_rooms_per100": 0.90}),
        s("DEMO-17", "海努克镇中心学校", "654022106", "九年一贯制学校", "镇区", 520, 470,
          {"sports_area_per_student": 0.88}),
        s("DEMO-18", "海努克镇第二小学", "654022106", "小学", "乡村", 230, 0),
        s("DEMO-19", "堆齐牛录乡中心小学", "654022200", "小学", "乡村", 420, 0),
        s("DEMO-20", "堆齐牛录乡第二小学", "654022200", "小学", "乡村", 210, 0),
        s("DEMO-21", "纳达齐牛录乡中心小学", "654022203", "小学", "乡村", 400, 0),
        s("DEMO-22", "扎库齐牛录乡中心校", "654022204", "小学", "乡村", 430, 0, {}, True),
        s("DEMO-23", "扎库齐牛录乡第二小学", "654022204", "小学", "乡村", 200, 0),
        s("DEMO-24", "米粮泉回族乡中心校", "654022205", "九年一贯制学校", "乡村", 480, 420, {}, True),
        s("DEMO-25", "米粮泉回族乡第二小学", "654022205", "小学", "乡村", 220, 0),
        s("DEMO-26", "坎乡中心小学", "654022206", "小学", "乡村", 380, 0),
        s("DEMO-27", "阔洪奇乡中心小学", "654022207", "小学", "乡村", 390, 0),
        s("DEMO-28", "种羊场中心校", "654022401", "小学", "乡村", 360, 0, {}, True),
        s("DEMO-29", "坎乡教学点", "654022206", "教学点", "乡村", 34, 0, parent="DEMO-26"),
        s("DEMO-30", "阔洪奇乡教学点", "654022207", "教学点", "乡村", 27, 0, parent="DEMO-27"),
    ]
    for school in rows:  # every demo school says 示例, the report's six names too: their figures are invented
        school.name += EXAMPLE
    return rows


def apportion(total: int, weights: list[float], minimums: list[int] | None = None) -> list[int]:
    """Split a whole number in proportion to weights (largest remainder), honouring minimums."""
    minimums = minimums or [0] * len(weights)
    rest = total - sum(minimums)
    if rest < 0:
        raise ValueError("minimums exceed the total")
    wsum = sum(weights)
    quotas = [rest * w / wsum for w in weights]
    parts = [math.floor(q) for q in quotas]
    order = sorted(range(len(weights)), key=lambda i: (-(quotas[i] - parts[i]), i))
    for i in order[: rest - sum(parts)]:
        parts[i] += 1
    return [p + m for p, m in zip(parts, minimums)]


def _ratio(school: DemoSchool, code: str, lo: float, hi: float, stage: str = "") -> float:
    """Where a school stands against a threshold: its designed shortfall, or a fixed draw above it."""
    if code in school.shortfalls:
        return school.shortfalls[code]
    return random.Random(f"{SEED}-{school.school_id}-{code}-{stage}").uniform(lo, hi)


def _teacher_factor(school: DemoSchool) -> float:
    """Teachers per class relative to a town school: rural schools need more, teaching points
    teach several grades in one class with very few teachers."""
    return {"教学点": 0.45}.get(school.school_type, 1.08 if school.urban_rural == "乡村" else 1.0)


def _growth(year: int) -> float:
    """Enrolment relative to 2024: slowly rising towards the base year (demo assumption)."""
    return {2022: 0.962, 2023: 0.981, 2024: 1.0}[year]


def _facility_level(year: int) -> float:
    """Facilities relative to 2024: the 2022-2024 building programme added to them."""
    return {2022: 0.90, 2023: 0.95, 2024: 1.0}[year]


def build_tables() -> dict[str, pd.DataFrame]:
    rules = load_rules()
    indicators = {i["code"]: i for i in rules["resource"]["indicators"]}
    schools = _school_list()
    stage_rows, school_rows = [], []

    for year in YEARS:
        g = _growth(year)
        prim_total = round(TARGETS["students_primary"] * g) if year != BASE_YEAR else TARGETS["students_primary"]
        jun_total = round(TARGETS["students_junior"] * g) if year != BASE_YEAR else TARGETS["students_junior"]
        prim = apportion(prim_total, [x.primary_weight for x in schools])
        jun = apportion(jun_total, [x.junior_weight for x in schools])

        # stage parts: (school index, stage, students)
        parts = [(i, "小学", prim[i]) for i, x in enumerate(schools) if x.primary_weight > 0]
        parts += [(i, "初中", jun[i]) for i, x in enumerate(schools) if x.junior_weight > 0]
        parts.sort(key=lambda p: (p[0], p[1] != "小学"))

        classes = []
        for i, stage, n in parts:
            x = schools[i]
            size = {"城区": 44, "镇区": 38, "乡村": 31}[x.urban_rural] + (3 if stage == "初中" else 0)
            if x.school_type == "教学点":
                size = 12
            classes.append(max(1, math.ceil(n / size)))

        teacher_total = round(TARGETS["teachers"] * (0.975 + 0.0125 * (year - 2022)))
        if year == BASE_YEAR:
            teacher_total = TARGETS["teachers"]
        teacher_weights = [c * (3.4 if stage == "初中" else 2.35) * _teacher_factor(schools[i])
                           for (i, stage, _), c in zip(parts, classes)]
        teachers = apportion(teacher_total, teacher_weights)

        backbone_total = round(TARGETS["backbone"] * (0.85 + 0.075 * (year - 2022)))
        if year == BASE_YEAR:
            backbone_total = TARGETS["backbone"]
        # every school at 1 or more per 100 students in every stage (the report: 校校达标)
        backbone = apportion(backbone_total, [n for _, _, n in parts],
                             [max(1, math.ceil(n / 100)) for _, _, n in parts])

        for (i, stage, n), c, t, b in zip(parts, classes, teachers, backbone):
            x = schools[i]
            thr_deg = indicators["teachers_above_degree_per100"]["thresholds"][stage]
            ratio_deg = _ratio(x, "teachers_above_degree_per100", 1.08, 1.35, stage)
            above = min(t, round(n * thr_deg / 100 * ratio_deg * (0.97 + 0.015 * (year - 2022))))
            thr_pe = indicators["pe_art_teachers_per100"]["thresholds"][stage]
            ratio_pe = _ratio(x, "pe_art_teachers_per100", 1.1, 1.6, stage)
            pe_art = min(t, max(1, round(n * thr_pe / 100 * ratio_pe)))
            stage_rows.append({
                "school_id": x.school_id, "year": year, "stage": stage, "students": n, "classes": c,
                "full_time_teachers": t, "teachers_above_degree": above,
                "backbone_teachers": b, "pe_art_teachers": pe_art,
            })

        # school-level facilities: sized so each stage part lands near its target ratio
        by_school: dict[int, list[tuple[str, int]]] = {}
        for i, stage, n in parts:
            by_school.setdefault(i, []).append((stage, n))
        staff_support = apportion(
            round((TARGETS["staff"] - TARGETS["teachers"]) * (0.97 + 0.015 * (year - 2022))) if year != BASE_YEAR
            else TARGETS["staff"] - TARGETS["teachers"],
            [sum(n for _, n in by_school[i]) + 150 for i in range(len(schools))],
            [1] * len(schools))
        level = _facility_level(year)
        jw = rules["resource"]["junior_student_weight"]
        for i, x in enumerate(schools):
            def facility(code: str, lo: float = 1.06, hi: float = 1.45, x=x, i=i, jw=jw, level=level,
                         by_school=by_school) -> float:  # this school's values bound, not the loop's
                # the total that puts every stage part of the school at the target ratio after the
                # 九年一贯制 split (one junior student weighs jw primary students)
                ratio = _ratio(x, code, lo, hi)
                ind = indicators[code]
                weighted = sum(n * (jw if st == "初中" else 1.0) for st, n in by_school[i])
                need = max(ind["thresholds"][st] * n / ind["per_students"] * weighted / (n * (jw if st == "初中" else 1.0))
                           for st, n in by_school[i])
                return need * ratio * level
            school_teachers = sum(r["full_time_teachers"] for r in stage_rows
                                  if r["school_id"] == x.school_id and r["year"] == year)
            school_rows.append({
                "school_id": x.school_id, "year": year,
                "staff": school_teachers + staff_support[i],
                "teaching_area_m2": round(facility("teaching_area_per_student"), 1),
                "sports_area_m2": round(facility("sports_area_per_student"), 1),
                "equipment_value_yuan": round(facility("equipment_value_per_student", 1.05, 1.6), -2),
                "multimedia_rooms": max(1, round(facility("multimedia_rooms_per100", 1.08, 1.4))),
            })

        # teacher rotation between schools; teaching points take no part (28 schools in the report)
        rotating = [k for k, x in enumerate(schools) if x.school_type != "教学点"]
        year_teachers = {r["school_id"]: 0 for r in school_rows}
        for r in stage_rows:
            if r["year"] == year:
                year_teachers[r["school_id"]] += r["full_time_teachers"]
        scale = {2022: 0.55, 2023: 0.8, 2024: 1.0}[year]
        eligible = apportion(TARGETS["rotation_eligible"], [year_teachers[schools[k].school_id] for k in rotating])
        exchange = apportion(round(TARGETS["rotation_teachers"] * scale), eligible)
        exchange_backbone = apportion(round(TARGETS["rotation_backbone"] * scale), exchange)
        for k, e, ex, eb in zip(rotating, eligible, exchange, exchange_backbone):
            row = next(r for r in school_rows if r["school_id"] == schools[k].school_id and r["year"] == year)
            row.update(exchange_eligible_teachers=e, exchange_teachers=ex, exchange_backbone_teachers=min(eb, ex))
        for row in school_rows:
            for key in ("exchange_eligible_teachers", "exchange_teachers", "exchange_backbone_teachers"):
                row.setdefault(key, 0)

    schools_frame = pd.DataFrame([{
        "school_id": x.school_id, "school_name": x.name, "township_code": x.township_code,
        "school_type": x.school_type, "urban_rural": x.urban_rural, "parent_school_id": x.parent,
        "name_is_example": not x.from_report, "closed": False,
    } for x in schools])
    stage_frame = pd.DataFrame(stage_rows)
    school_frame = pd.DataFrame(school_rows)
    for col in ["staff", "multimedia_rooms", "exchange_eligible_teachers", "exchange_teachers",
                "exchange_backbone_teachers"]:
        school_frame[col] = school_frame[col].astype("int64")
    registers = demo_registers.build(schools_frame, stage_frame, school_frame, YEARS)
    county_frame = county_year_frame(stage_frame, school_frame)
    # the approved staffing total the schools' quotas must fit in (G10): a little above their sum
    quotas = registers["teacher_register"].groupby("year")["staffing_quota"].sum()
    approved = pd.DataFrame([{"year": int(y), "metric": "staffing_quota_approved", "value": float(q + 24), "unit": "人",
                              "source": "demo"} for y, q in quotas.items()])
    county_frame = (pd.concat([county_frame, approved], ignore_index=True)
                    .sort_values(["metric", "year"], kind="stable").reset_index(drop=True))
    return {
        "report_facts": facts.report_facts_frame(),
        "townships": county.townships_frame(),
        "schools": schools_frame,
        "school_stage_year": stage_frame,
        "school_year": school_frame,
        "county_year": county_frame,
        **registers,
    }


# County series: (year, metric, unit, fact_id or None, demo value where the report gives none). The report
# gives spending for 2022 and 2024 only: 2023 stays empty rather than drawn on a line the report does not state.
_COUNTY_SERIES = [
    (2022, "education_spending", "亿元", "education_spending_2022", None),
    (2024, "education_spending", "亿元", "education_spending_2024", None),
    (2022, "per_student_spending_primary", "元", "per_student_primary_2022", None),
    (2024, "per_student_spending_primary", "元", "per_student_primary_2024", None),
    (2022, "per_student_spending_junior", "元", "per_student_junior_2022", None),
    (2024, "per_student_spending_junior", "元", "per_student_junior_2024", None),
    (2024, "teacher_pay_above_civil_servants", "元", "teacher_pay_above_civil_servants", None),
    (2024, "teacher_training_spend", "万元", "teacher_training_spend", None),
    (2024, "teacher_training_share_exceeds", "%", "teacher_training_share_floor", None),
    (2024, "rotation_rate", "%", "rotation_rate", None),
    (2024, "rotation_backbone_share", "%", "rotation_backbone_share", None),
    (2024, "migrant_enrolment_rate", "%", "migrant_enrolment_rate", None),
    (2024, "disabled_enrolment_rate", "%", "disabled_enrolment_rate", None),
    (2024, "nutrition_spend", "万元", "nutrition_spend", None),
    (2024, "teachers_reallocated", "人", "teachers_reallocated", None),
    # no figure of the report: the demo county has no special-education school (G07 then does not arise)
    (2022, "special_education_schools", "所", None, 0), (2023, "special_education_schools", "所", None, 0),
    (2024, "special_education_schools", "所", None, 0),
    (2024, "new_teachers_recruited", "人", "new_teachers_recruited", None),
    # G13 and G14 as percentages (the report names the enrolment plans, not their shares): demo values
    (2024, "nearby_enrolment_primary_rate", "%", None, 100.0), (2024, "nearby_enrolment_junior_rate", "%", None, 97.2),
    (2024, "quality_high_school_quota_share", "%", None, 55.0),
]

_TOTALS_FROM_FACTS = {"students_total": "students_total", "students_primary": "students_primary",
                      "students_junior": "students_junior", "staff_total": "staff_total",
                      "teachers_total": "teachers_total"}


def county_year_frame(stage: pd.DataFrame, school: pd.DataFrame) -> pd.DataFrame:
    fact_values = facts.report_facts_frame().set_index("fact_id")["value"]
    rows = []
    for year, metric, unit, fact_id, demo_value in _COUNTY_SERIES:
        value = float(fact_values[fact_id]) if fact_id else float(demo_value)
        rows.append({"year": year, "metric": metric, "value": value, "unit": unit, "source": fact_id or "demo"})
    # enrolment and staffing: the report's figures for 2024, the demo schools' sums before
    for year in YEARS:
        st = stage[stage["year"] == year]
        sums = {
            "students_total": st["students"].sum(),
            "students_primary": st.loc[st["stage"] == "小学", "students"].sum(),
            "students_junior": st.loc[st["stage"] == "初中", "students"].sum(),
            "staff_total": school.loc[school["year"] == year, "staff"].sum(),
            "teachers_total": st["full_time_teachers"].sum(),
        }
        for metric, value in sums.items():
            from_report = year == BASE_YEAR
            if from_report and float(fact_values[_TOTALS_FROM_FACTS[metric]]) != float(value):
                raise AssertionError(f"demo {metric} {value} differs from the report")
            rows.append({"year": year, "metric": metric, "value": float(value), "unit": "人",
                         "source": _TOTALS_FROM_FACTS[metric] if from_report else "demo"})
    frame = pd.DataFrame(rows).sort_values(["metric", "year"], kind="stable").reset_index(drop=True)
    frame["year"] = frame["year"].astype("int64")
    return frame
