"""Synthetic snapshots of any size, for the benchmark: a county, a prefecture, a whole country.

Vectorised with numpy so that 200,000 schools over three years are written in seconds. Values sit
around the national thresholds, so the standard has both passing and failing schools to judge.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from dashboard_core.model.standard import load_rules
from dashboard_core.store import facts, snapshots

YEARS = (2022, 2023, 2024)


def build_tables(n_schools: int, seed: int = 7) -> dict[str, pd.DataFrame]:
    rng = np.random.default_rng(seed)
    rules = load_rules()
    n_town = max(14, n_schools // 15)
    town_codes = np.array([f"T{i:06d}" for i in range(n_town)])
    townships = pd.DataFrame({"township_code": town_codes, "township_name": [f"乡镇{i:06d}（合成）" for i in range(n_town)],
                              "township_type": rng.choice(["镇", "乡", "场"], n_town, p=[0.5, 0.45, 0.05])})
    kinds = rng.choice(["小学", "九年一贯制学校", "初级中学", "教学点"], n_schools, p=[0.7, 0.15, 0.1, 0.05])
    ids = np.array([f"S{i:07d}" for i in range(n_schools)])
    schools = pd.DataFrame({
        "school_id": ids, "school_name": [f"合成学校{i:07d}" for i in range(n_schools)],
        # sorted: like real school codes, which are issued area by area, a township's ids are adjacent
        "township_code": np.sort(town_codes[rng.integers(0, n_town, n_schools)]), "school_type": kinds,
        "urban_rural": rng.choice(["城区", "镇区", "乡村"], n_schools, p=[0.25, 0.3, 0.45]),
        "name_is_example": True, "closed": False})
    has_primary = np.isin(kinds, ["小学", "九年一贯制学校", "教学点"])
    has_junior = np.isin(kinds, ["九年一贯制学校", "初级中学"])
    base_primary = np.where(kinds == "教学点", rng.integers(10, 60, n_schools), rng.lognormal(5.9, 0.5, n_schools).astype(int) + 50)
    base_junior = rng.lognormal(6.2, 0.4, n_schools).astype(int) + 80
    ind = {i["code"]: i for i in rules["resource"]["indicators"]}
    stage_frames, year_frames = [], []
    for k, year in enumerate(YEARS):
        grow = 0.96 + 0.02 * k
        parts = []
        for stage, mask, base in (("小学", has_primary, base_primary), ("初中", has_junior, base_junior)):
            n = (base[mask] * grow).astype(int) + 1
            classes = np.maximum(1, np.ceil(n / rng.uniform(30, 45, mask.sum()))).astype(int)
            teachers = np.maximum(1, (classes * rng.uniform(2.0, 3.4, mask.sum()))).astype(int)

            def count(code, lo=0.75, hi=1.5, stage=stage, teachers=teachers, n=n, mask=mask):
                thr = ind[code]["thresholds"][stage]
                return np.minimum(teachers, np.round(n * thr / 100 * rng.uniform(lo, hi, mask.sum()))).astype(int)

            parts.append(pd.DataFrame({
                "school_id": ids[mask], "year": year, "stage": stage, "students": n, "classes": classes,
                "full_time_teachers": teachers, "teachers_above_degree": count("teachers_above_degree_per100"),
                "backbone_teachers": np.maximum(1, count("backbone_teachers_per100")),
                "pe_art_teachers": count("pe_art_teachers_per100")}))
        stage = pd.concat(parts, ignore_index=True)
        stage_frames.append(stage)
        per_school = stage.groupby("school_id").agg(students=("students", "sum"), teachers=("full_time_teachers", "sum"))
        per_school = per_school.reindex(ids)
        n = per_school["students"].to_numpy()
        level = 0.9 + 0.05 * k

        def facility(code, lo=0.75, hi=1.6, n=n, level=level):  # sized on the primary threshold, the lower one
            return (n * ind[code]["thresholds"]["小学"] / ind[code]["per_students"] * rng.uniform(lo, hi, n_schools)
                    * level * 1.15)

        eligible = (per_school["teachers"].to_numpy() * 0.45).astype(int)
        exchange = (eligible * rng.uniform(0.05, 0.2, n_schools)).astype(int)
        year_frames.append(pd.DataFrame({
            "school_id": ids, "year": year, "staff": (per_school["teachers"].to_numpy() * 1.35).astype(int) + 2,
            "teaching_area_m2": np.round(facility("teaching_area_per_student"), 1),
            "sports_area_m2": np.round(facility("sports_area_per_student"), 1),
            "equipment_value_yuan": np.round(facility("equipment_value_per_student"), -2),
            "multimedia_rooms": np.maximum(1, np.round(facility("multimedia_rooms_per100"))).astype(int),
            "exchange_eligible_teachers": eligible, "exchange_teachers": exchange,
            "exchange_backbone_teachers": (exchange * 0.3).astype(int)}))
    county = pd.DataFrame([{"year": y, "metric": m, "value": v, "unit": u, "source": "demo"}
                           for y in YEARS for m, v, u in (("education_spending", 6.4 + 0.1 * (y - 2022), "亿元"),
                                                          ("rotation_rate", 12.0, "%"), ("rotation_backbone_share", 25.0, "%"))])
    stage, school_year = pd.concat(stage_frames, ignore_index=True), pd.concat(year_frames, ignore_index=True)
    return {"report_facts": facts.report_facts_frame(), "townships": townships, "schools": schools,
            "school_stage_year": stage, "school_year": school_year, "county_year": county,
            **registers(rng, schools, stage, school_year)}


SUBJECTS = ("语文", "数学", "英语", "科学", "体育", "音乐", "美术", "信息科技", "道德与法治")


def registers(rng, schools: pd.DataFrame, stage: pd.DataFrame, school_year: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Every register, grown with the schools: one row per class (a 2,000-student school has about
    45), per school and year, per subject, per rotation move; the county ones a row a year."""
    # classes: each part's pupils spread evenly over its classes, a few classes over the limit
    reps = stage["classes"].to_numpy()
    part = np.repeat(np.arange(len(stage)), reps)
    first = np.repeat(np.cumsum(reps) - reps, reps)
    k = np.arange(len(part)) - first  # the class's place in its part
    n, c = stage["students"].to_numpy()[part], reps[part]
    pupils = n // c + (k < n % c)
    pupils = np.where(rng.random(len(part)) < 0.002, pupils + 8, pupils)
    junior = (stage["stage"].to_numpy() == "初中")[part]
    grades_in = np.where(junior, 3, 6)
    classes = pd.DataFrame({"school_id": stage["school_id"].to_numpy()[part], "year": stage["year"].to_numpy()[part],
                            "stage": stage["stage"].to_numpy()[part], "grade": k % grades_in + 1 + np.where(junior, 6, 0),
                            "class_no": k // grades_in + 1, "students": pupils.astype("int64")})
    per_school = stage.groupby(["school_id", "year"], sort=False).agg(
        classes=("classes", "sum"), students=("students", "sum"), teachers=("full_time_teachers", "sum")).reset_index()
    m = len(per_school)
    needed = np.maximum(1, np.ceil(per_school["classes"].to_numpy() / 12)).astype("int64")
    rooms = pd.DataFrame({"school_id": per_school["school_id"], "year": per_school["year"],
                          "music_rooms": needed - (rng.random(m) < 0.03), "music_room_min_m2": rng.uniform(85, 130, m).round(1),
                          "art_rooms": needed, "art_room_min_m2": rng.uniform(85, 125, m).round(1)})
    funds = per_school["students"].to_numpy() * 720.0
    finance = pd.DataFrame({"school_id": per_school["school_id"], "year": per_school["year"],
                            "public_funds_yuan": funds.round(-2), "funded_students": np.maximum(per_school["students"], 100),
                            "training_spend_yuan": (funds * rng.uniform(0.04, 0.09, m)).round(-2)})
    teachers = per_school["teachers"].to_numpy()
    register = pd.DataFrame({"school_id": per_school["school_id"], "year": per_school["year"],
                             "certified_teachers": teachers - (rng.random(m) < 0.02),
                             "trained_360_teachers": teachers - (rng.random(m) < 0.05),
                             "staffing_quota": (teachers * 1.4).astype("int64"), "posts_approved": (teachers * 1.4).astype("int64")})
    s = len(SUBJECTS)
    subjects = pd.DataFrame({"school_id": np.repeat(per_school["school_id"].to_numpy(), s),
                             "year": np.repeat(per_school["year"].to_numpy(), s), "subject": np.tile(SUBJECTS, m),
                             "teachers": np.maximum(0, np.repeat(teachers / s, s) * rng.uniform(0.6, 1.4, m * s)).astype("int64"),
                             "needed": np.maximum(1, np.repeat(teachers / s, s)).astype("int64")})
    moves = school_year["exchange_teachers"].to_numpy()
    source = np.repeat(np.arange(len(school_year)), moves)
    ids = schools["school_id"].to_numpy()
    rotation = pd.DataFrame({"year": school_year["year"].to_numpy()[source],
                             "move_no": np.arange(len(source)) + 1,
                             "from_school_id": school_year["school_id"].to_numpy()[source],
                             "to_school_id": ids[rng.integers(0, len(ids), len(source))],
                             "backbone": rng.random(len(source)) < 0.3})
    rotation = rotation[rotation["from_school_id"] != rotation["to_school_id"]]
    rotation["move_no"] = rotation.groupby("year").cumcount() + 1
    years = sorted(stage["year"].unique())
    juniors = stage[stage["stage"] == "初中"].groupby("year")["students"].sum()
    county = {
        "consolidation": pd.DataFrame({"year": years, "entered": [int(juniors.get(y, 3) / 3 * 1.02) + 1 for y in years],
                                       "transferred_in": 10, "transferred_out": 12, "deceased": 0,
                                       "completed": [int(juniors.get(y, 3) / 3) for y in years]}),
        "disabled_children": pd.DataFrame({"year": years, "eligible": 1000, "in_regular_schools": 700,
                                           "in_special_schools": 200, "home_tutored": 80}),
        "quality_monitoring": pd.DataFrame([{"year": y, "subject": sub, "grade": g, "level": 3, "difference_rate": 0.12}
                                            for y in years for sub, g in (("数学", 4), ("数学", 8), ("语文", 4))]),
        "survey": pd.DataFrame([{"year": y, "group": grp, "respondents": 1000, "satisfied": 880}
                                for y in years for grp in ("学生", "家长", "教师")]),
        "evidence": pd.DataFrame([{"year": y, "item": item, "status": "达到", "document": f"合成文件 {item}", "issuer": "",
                                   "document_no": "", "issued_on": "", "department": "", "reviewer": "", "note": ""}
                                  for y in years for item in ("G01", "G02", "G13")]),
    }
    return {"classes": classes, "special_rooms": rooms, "school_finance": finance, "teacher_register": register,
            "teacher_subjects": subjects, "rotation": rotation, **county}


def write(data_root: Path, n_schools: int, snapshot_id: str | None = None) -> snapshots.Snapshot:
    snapshot_id = snapshot_id or f"synthetic-{n_schools}"
    target = snapshots.snapshots_dir(data_root) / snapshot_id
    if target.exists():
        return snapshots.read_snapshot(data_root, snapshot_id)
    return snapshots.write_snapshot(data_root, snapshot_id, build_tables(n_schools), source=f"合成数据（{n_schools} 所学校）",
                                    demo=True, created_at="2026-01-01T00:00:00+00:00")
