"""The demonstration registers: every class, rooms, funds, teachers, rotation moves, cohorts, monitoring,
survey and evidence documents, derived from the demo schools so that they agree with them.

Calibrated to the report where it speaks: the rotation moves add up to 117 teachers, 37 of them
backbone, 16.0 % of the eligible; 99.6 % of children with disabilities enrolled. A few items fall
short on invented schools so that each status shows: one class over 45 in an urban primary school,
one school without its second art room. Evidence documents are invented and say 示例 in their title.
"""
from __future__ import annotations

import math
import random

import pandas as pd

from ..model.vocabulary import JUNIOR, PRIMARY, RURAL, TEACHING_POINT

SEED = 20241
EXAMPLE = "（示例）"
GRADES = {PRIMARY: list(range(1, 7)), JUNIOR: [7, 8, 9]}
OVERSIZE_SCHOOL = "DEMO-02"  # 县第二小学（示例）: one class of 47 in the base year
SHORT_OF_ART_ROOMS = "DEMO-12"  # 绰霍尔镇第二小学（示例）: one art room too few in the base year
BASE_YEAR = 2024
# public funds per student a year (yuan), the national basic standard from 2023 (demo assumption for all years)
FUNDS_PER_STUDENT = {PRIMARY: 720, JUNIOR: 940}
# periods a week per class, and the periods a teacher teaches a week, for the subject need
PERIODS = {PRIMARY: {"语文": 7, "数学": 4.5, "英语": 2, "科学": 1.5, "体育": 4, "音乐": 2, "美术": 2, "信息科技": 1,
                     "道德与法治": 2},
           JUNIOR: {"语文": 5, "数学": 5, "英语": 4, "科学": 5, "体育": 3, "音乐": 1, "美术": 1, "信息科技": 1,
                    "道德与法治": 2}}
PERIODS_PER_TEACHER = 16
ARTS = ("体育", "音乐", "美术")


def _rng(*key) -> random.Random:
    return random.Random("-".join(map(str, (SEED,) + key)))


def _split(total: int, parts: int) -> list[int]:
    """A whole number in `parts` near-equal whole parts, the larger first."""
    base, extra = divmod(total, parts)
    return [base + (1 if i < extra else 0) for i in range(parts)]


def _apportion(total: int, weights: list[float]) -> list[int]:
    weights = [max(w, 0.0) for w in weights]
    wsum = sum(weights) or 1.0
    quotas = [total * w / wsum for w in weights]
    parts = [math.floor(q) for q in quotas]
    for i in sorted(range(len(weights)), key=lambda i: (-(quotas[i] - parts[i]), i))[: total - sum(parts)]:
        parts[i] += 1
    return parts


def classes(stage: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for r in stage.itertuples():
        grades = GRADES[r.stage]
        per_grade = _split(int(r.classes), len(grades))
        pupils = _split(int(r.students), int(r.classes))  # larger classes first
        k = 0
        for grade, count in zip(grades, per_grade):
            for class_no in range(1, count + 1):
                rows.append({"school_id": r.school_id, "year": int(r.year), "stage": r.stage, "grade": grade,
                             "class_no": class_no, "students": pupils[k]})
                k += 1
    return pd.DataFrame(rows)


def _move_pupils(frame: pd.DataFrame) -> pd.DataFrame:
    """Make the oversize class: the first class takes pupils from the school's smallest class."""
    mine = frame.index[(frame["school_id"] == OVERSIZE_SCHOOL) & (frame["year"] == BASE_YEAR)]
    if len(mine) < 2:
        return frame
    first = mine[0]
    smallest = frame.loc[mine[1:], "students"].idxmin()
    moved = 47 - int(frame.loc[first, "students"])
    frame.loc[first, "students"] += moved
    frame.loc[smallest, "students"] -= moved
    return frame


def special_rooms(schools: pd.DataFrame, stage: pd.DataFrame) -> pd.DataFrame:
    rows = []
    kinds = schools.set_index("school_id")["school_type"]
    for (school_id, year), part in stage.groupby(["school_id", "year"], sort=True):
        if kinds[school_id] == TEACHING_POINT:
            continue  # teaching points are exempt (rules: exempt_types)
        needed = max(1, math.ceil(int(part["classes"].sum()) / 12))
        rng = _rng("rooms", school_id, year)
        art = needed - 1 if (school_id == SHORT_OF_ART_ROOMS and year == BASE_YEAR) else needed
        rows.append({"school_id": school_id, "year": int(year), "music_rooms": needed,
                     "music_room_min_m2": round(rng.uniform(96, 128), 1), "art_rooms": art,
                     "art_room_min_m2": round(rng.uniform(90, 120), 1) if art else None})
    return pd.DataFrame(rows)


def school_finance(schools: pd.DataFrame, stage: pd.DataFrame) -> pd.DataFrame:
    info = schools.set_index("school_id")
    rows = []
    for (school_id, year), part in stage.groupby(["school_id", "year"], sort=True):
        students = int(part["students"].sum())
        small_village = (info.loc[school_id, "school_type"] == TEACHING_POINT
                         or (info.loc[school_id, "school_type"] == "小学" and info.loc[school_id, "urban_rural"] == RURAL))
        funded = max(students, 100) if small_village else students
        funds = sum(FUNDS_PER_STUDENT[r.stage] * int(r.students) for r in part.itertuples())
        funds = funds * funded / students if students else funds
        share = _rng("training", school_id, year).uniform(0.055, 0.09)
        rows.append({"school_id": school_id, "year": int(year), "public_funds_yuan": round(funds, -2),
                     "funded_students": funded, "training_spend_yuan": round(funds * share, -2)})
    return pd.DataFrame(rows)


def teacher_register(stage: pd.DataFrame, school_year: pd.DataFrame) -> pd.DataFrame:
    teachers = stage.groupby(["school_id", "year"])["full_time_teachers"].sum()
    rows = []
    for r in school_year.itertuples():
        ft = int(teachers.get((r.school_id, r.year), 0))
        # the county is over its quota as a whole (the report: 整体超编): most schools a teacher or two above it
        quota = int(r.staff) - _rng("quota", r.school_id, r.year).randint(0, 3)
        rows.append({"school_id": r.school_id, "year": int(r.year), "certified_teachers": ft,
                     "trained_360_teachers": ft, "staffing_quota": quota, "posts_approved": quota})
    return pd.DataFrame(rows)


def teacher_subjects(stage: pd.DataFrame) -> pd.DataFrame:
    """Teachers by subject against the need the curriculum's periods give: more than enough 语文 and
    数学 teachers, too few music and art teachers in many schools (the report's 结构性短缺)."""
    rows = []
    for (school_id, year), part in stage.groupby(["school_id", "year"], sort=True):
        need, arts_have, others_have = {}, 0, 0
        for r in part.itertuples():
            for subject, periods in PERIODS[r.stage].items():
                need[subject] = need.get(subject, 0) + int(r.classes) * periods / PERIODS_PER_TEACHER
            arts_have += int(r.pe_art_teachers)
            others_have += int(r.full_time_teachers) - int(r.pe_art_teachers)
        needed = {s: max(1, round(v)) for s, v in need.items()}
        arts = _apportion(arts_have, [need[s] * (1.25 if s == "体育" else 0.8) for s in ARTS])
        others = [s for s in need if s not in ARTS]
        rest = _apportion(others_have, [need[s] * (1.3 if s in ("语文", "数学") else 0.9) for s in others])
        have = dict(zip(ARTS, arts)) | dict(zip(others, rest))
        for subject in need:
            rows.append({"school_id": school_id, "year": int(year), "subject": subject, "teachers": have[subject],
                         "needed": needed[subject]})
    return pd.DataFrame(rows)


def rotation(schools: pd.DataFrame, school_year: pd.DataFrame) -> pd.DataFrame:
    """One row per move: each school sends as many teachers as school_year says it rotated, mostly
    from the county town and towns to village schools, some back the other way."""
    info = schools.set_index("school_id")
    rural = [s for s in info.index if info.loc[s, "urban_rural"] == RURAL and info.loc[s, "school_type"] != TEACHING_POINT]
    townish = [s for s in info.index if info.loc[s, "urban_rural"] != RURAL]
    rows = []
    for year, part in school_year.groupby("year", sort=True):
        n = 0
        for r in part.sort_values("school_id").itertuples():
            rng = _rng("rotation", r.school_id, year)
            pool = rural if r.school_id in townish else townish
            for k in range(int(r.exchange_teachers)):
                n += 1
                rows.append({"year": int(year), "move_no": n, "from_school_id": r.school_id,
                             "to_school_id": rng.choice([s for s in pool if s != r.school_id]),
                             "backbone": k < int(r.exchange_backbone_teachers)})
    return pd.DataFrame(rows)


def consolidation(stage: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for year, part in stage[stage["stage"] == JUNIOR].groupby("year", sort=True):
        completed = round(int(part["students"].sum()) / 3)
        rng = _rng("cohort", year)
        moved_in, moved_out = rng.randint(20, 40), rng.randint(40, 70)
        entered = round(completed / rng.uniform(0.965, 0.985)) + moved_out - moved_in
        rows.append({"year": int(year), "entered": entered, "transferred_in": moved_in, "transferred_out": moved_out,
                     "deceased": rng.randint(0, 2), "completed": completed})
    return pd.DataFrame(rows)


def disabled_children(years) -> pd.DataFrame:
    """99.6 % enrolled in the base year, as the report gives it (249 of 250)."""
    rows = []
    for year in years:
        eligible = 250 if year == BASE_YEAR else 240 + (year - 2022) * 4
        enrolled = 249 if year == BASE_YEAR else eligible - 2
        home = 34 if year == BASE_YEAR else 30
        special = 55
        rows.append({"year": int(year), "eligible": eligible, "in_regular_schools": enrolled - home - special,
                     "in_special_schools": special, "home_tutored": home})
    return pd.DataFrame(rows)


def quality_monitoring(years) -> pd.DataFrame:
    subjects = [("语文", 4), ("数学", 4), ("科学", 4), ("数学", 8), ("科学", 8), ("体育与健康", 8)]
    rows = []
    for year in years:
        for subject, grade in subjects:
            rng = _rng("monitoring", year, subject, grade)
            rows.append({"year": int(year), "subject": subject, "grade": grade, "level": 3 if rng.random() < 0.8 else 4,
                         "difference_rate": round(rng.uniform(0.08, 0.14), 3)})
    return pd.DataFrame(rows)


SURVEY = {"学生": (1800, 0.93), "家长": (2400, 0.89), "教师": (900, 0.91), "校长": (28, 0.96),
          "人大代表": (40, 0.9), "政协委员": (35, 0.89), "其他群众": (600, 0.86)}


def survey(years) -> pd.DataFrame:
    rows = []
    for year in years:
        for group, (respondents, share) in SURVEY.items():
            n = round(respondents * (0.9 + 0.05 * (year - 2022)))
            rows.append({"year": int(year), "group": group, "respondents": n, "satisfied": round(n * share)})
    return pd.DataFrame(rows)


# (item, title, issuer, number, date, department): invented documents, each titled 示例
DOCUMENTS = [
    ("G01", "察布查尔县义务教育学校布局专项规划（2021—2025年）", "县人民政府", "察政发〔2021〕18号", "2021-07-15", "县教育局规划股"),
    ("G02", "关于城乡义务教育学校统一建设、编制、经费、装备标准的通知", "县人民政府办公室", "察政办发〔2022〕9号", "2022-03-10", "县教育局计财股"),
    ("G08.2", "2024年义务教育学校教师绩效工资总量核定通知", "县人力资源和社会保障局", "察人社发〔2024〕6号", "2024-02-20", "县人社局工资福利股"),
    ("G13", "2024年义务教育招生入学工作方案（就近划片）", "县教育局", "察教发〔2024〕21号", "2024-05-28", "县教育局基教股"),
    ("G14", "2024年优质普通高中招生名额分配方案", "县教育局", "察教发〔2024〕25号", "2024-06-05", "县教育局基教股"),
    ("G15.1", "农村留守儿童关爱保护工作实施方案", "县人民政府办公室", "察政办发〔2023〕14号", "2023-04-12", "县民政局"),
    ("Q03", "各校章程核准备案与智慧校园建设验收汇总", "县教育局", "察教发〔2024〕30号", "2024-09-01", "县教育局电教中心"),
    ("Q05", "教师信息化教学能力提升与设施设备使用情况通报", "县教育局", "察教发〔2024〕33号", "2024-10-12", "县教研室"),
    ("Q06", "2024年学校德育与校园文化建设评估结果", "县教育局", "察教发〔2024〕36号", "2024-11-20", "县教育局德育股"),
    ("Q07", "课程开设与综合实践活动专项督导报告", "县人民政府教育督导室", "察教督〔2024〕4号", "2024-06-30", "县教育督导室"),
    ("Q08", "义务教育阶段学生作业管理专项检查报告", "县人民政府教育督导室", "察教督〔2024〕7号", "2024-12-10", "县教育督导室"),
    ("V01", "义务教育免试入学专项检查报告", "县人民政府教育督导室", "察教督〔2024〕5号", "2024-09-15", "县教育督导室"),
    ("V02", "规范义务教育招生、治理违规择校专项检查报告", "县人民政府教育督导室", "察教督〔2024〕5号", "2024-09-15", "县教育督导室"),
    ("V03", "关于不设重点学校、重点班的自查报告", "县教育局", "察教发〔2024〕28号", "2024-09-05", "县教育局基教股"),
    ("V04", "在职教师有偿补课专项治理报告", "县教育局", "察教发〔2024〕40号", "2024-12-01", "县教育局人事股"),
    ("V06", "教育系统党风廉政与依法治教情况报告", "县教育局", "察教发〔2024〕42号", "2024-12-15", "县教育局办公室"),
    ("V07", "创建材料真实性承诺书", "县人民政府", "", "2024-12-20", "县教育局"),
]


def evidence(years) -> pd.DataFrame:
    """Each year's register of documents. A document dated after the year (an annual notice, a yearly
    inspection report) is that year's issue of it: its year in the title, number and date is the row's, so a
    2023 register never cites a document of 2024."""
    rows = []
    for year in years:
        for item, title, issuer, number, date, department in DOCUMENTS:
            issued = int(date[:4])
            if issued > year:
                title, number, date = (text.replace(str(issued), str(year)) for text in (title, number, date))
            status = "不存在" if item.startswith("V") else "达到"
            rows.append({"year": int(year), "item": item, "status": status, "document": title + EXAMPLE,
                         "issuer": issuer, "document_no": number, "issued_on": date, "department": department,
                         "reviewer": "", "note": "示例数据"})
    return pd.DataFrame(rows)


def build(schools: pd.DataFrame, stage: pd.DataFrame, school_year: pd.DataFrame, years) -> dict[str, pd.DataFrame]:
    return {
        "classes": _move_pupils(classes(stage)),
        "special_rooms": special_rooms(schools, stage),
        "school_finance": school_finance(schools, stage),
        "teacher_register": teacher_register(stage, school_year),
        "teacher_subjects": teacher_subjects(stage),
        "rotation": rotation(schools, school_year),
        "consolidation": consolidation(stage),
        "disabled_children": disabled_children(years),
        "quality_monitoring": quality_monitoring(years),
        "survey": survey(years),
        "evidence": evidence(years),
    }
