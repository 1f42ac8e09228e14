"""Checks across rows and tables: keys unique, references known, values plausible, totals consistent."""
from __future__ import annotations

import pandas as pd

from ..model.vocabulary import (COMPLETE_SECONDARY, JUNIOR, JUNIOR_SCHOOL, NINE_YEAR_SCHOOL, PRIMARY, PRIMARY_SCHOOL,
                                TEACHING_POINT, TWELVE_YEAR_SCHOOL)
from ..present.i18n import Verbatim as V
from ..present.i18n import t
from ..store import schema
from ..store.schema import (KNOWN_METRICS, PLAUSIBLE_MAX, SHARE_METRICS, STUDENTS_PER_TEACHER_WARN,
                            TOTALS_TOLERANCE, Table)
from .problems import Report


def unique(table: Table, frame: pd.DataFrame, report: Report) -> None:
    keyed = frame.dropna(subset=list(table.key))
    dup = keyed[keyed.duplicated(list(table.key), keep=False)]
    for _, group in dup.groupby(list(table.key), sort=False):
        rows = group["_row"].tolist()
        key = "、".join(str(group.iloc[0][k]) for k in table.key)
        headers = "+".join(table.column(k).header for k in table.key)
        report.error(table.sheet, rows[1], headers, t("“{key}”重复出现（第 {rows} 行）", key=V(key),
                                                      rows=t("、").join(map(str, rows))),
                     t("每个编号（或编号与年份、学段的组合）只能出现一次，请删除或合并重复的行"))


def references(frames: dict, report: Report) -> None:
    towns, schools = frames.get("townships"), frames.get("schools")
    if towns is not None and schools is not None:
        known = set(towns["township_code"].dropna())
        for _, r in schools[schools["township_code"].notna() & ~schools["township_code"].isin(known)].iterrows():
            report.error("学校", r["_row"], "乡镇代码", t("乡镇代码“{code}”不在“乡镇”表中", code=V(str(r["township_code"]))),
                         t("请改成“乡镇”表中已有的代码，或先在“乡镇”表中补上这个乡镇"))
    if schools is None:
        return
    ids = set(schools["school_id"].dropna())
    parents(schools, report)
    for table in schema.TABLES:
        frame = frames.get(table.name)
        if frame is None or table.name == "schools":
            continue
        for column in (c for c in table.columns if c.name.endswith("school_id")):
            for _, r in frame[frame[column.name].notna() & ~frame[column.name].isin(ids)].iterrows():
                report.error(table.sheet, r["_row"], column.header,
                             t("学校编号“{id}”不在“学校”表中", id=V(str(r[column.name]))),
                             t("请核对编号，或先在“学校”表中补上这所学校"))


def parents(schools: pd.DataFrame, report: Report) -> None:
    """A teaching point names the central school that runs it (its figures are counted with it)."""
    kinds = schools.dropna(subset=["school_id"]).drop_duplicates("school_id").set_index("school_id")["school_type"]
    for _, r in schools.iterrows():
        parent = r.get("parent_school_id")
        parent = None if parent is None or pd.isna(parent) or str(parent).strip() == "" else str(parent).strip()
        if r["school_type"] == TEACHING_POINT:
            if parent is None:
                report.error("学校", r["_row"], "所属中心校编号", t("教学点“{name}”没有填写所属中心校编号", name=V(str(r["school_name"]))),
                             t("请填写管理这个教学点的中心校（小学或九年一贯制学校）的学校编号"))
            elif parent not in kinds.index:
                report.error("学校", r["_row"], "所属中心校编号", t("所属中心校编号“{id}”不在“学校”表中", id=V(parent)),
                             t("请核对编号，或先在“学校”表中补上这所中心校"))
            elif kinds[parent] not in (PRIMARY_SCHOOL, NINE_YEAR_SCHOOL, TWELVE_YEAR_SCHOOL):
                report.error("学校", r["_row"], "所属中心校编号",
                             t("所属中心校“{id}”是{kind}，不能管理教学点", id=V(parent), kind=str(kinds[parent])),
                             t("请填写一所小学或九年一贯制学校的编号"))
        elif parent is not None:
            report.warn("学校", r["_row"], "所属中心校编号", t("只有教学点需要填写所属中心校，这一行的编号将被忽略"),
                        t("如这所学校确是教学点，请把学校类型改为“教学点”；否则请清空此格"))


def limits(frames: dict, report: Report) -> None:
    """Values past what any real school has (schema.PLAUSIBLE_MAX), students without teachers, and
    a school's rows present in one yearly table and missing from the other."""
    for (table_name, column), (most, what) in PLAUSIBLE_MAX.items():
        frame = frames.get(table_name)
        if frame is None:
            continue
        table = next(tb for tb in schema.TABLES if tb.name == table_name)
        header = table.column(column).header
        for _, r in frame[frame[column].notna() & (frame[column] > most)].iterrows():
            report.error(table.sheet, r["_row"], header, t("{n:,.0f} 超过合理上限（{what}）", n=r[column], what=what),
                         t("请核对是否多填了位数、把万当作个，或粘贴到了错误的列"))
    stage = frames.get("school_stage_year")
    if stage is not None:
        for _, r in stage.iterrows():
            if pd.isna(r["students"]) or pd.isna(r["full_time_teachers"]) or not r["students"]:
                continue
            if r["full_time_teachers"] == 0:
                report.error("学校分学段数据", r["_row"], "专任教师数", t("有 {n:,} 名学生却没有专任教师", n=int(r["students"])),
                             t("请填写该学段的专任教师数"))
            elif r["students"] / r["full_time_teachers"] > STUDENTS_PER_TEACHER_WARN:
                report.warn("学校分学段数据", r["_row"], "专任教师数",
                            t("每名专任教师 {n:.0f} 名学生，明显偏多", n=r["students"] / r["full_time_teachers"]),
                            t("请核对学生数和专任教师数"))
    school_year = frames.get("school_year")
    if stage is not None and school_year is not None:
        parts = set(zip(stage["school_id"], stage["year"]))
        yearly = set(zip(school_year["school_id"], school_year["year"]))
        for school, year in sorted(parts - yearly, key=str)[:50]:
            report.error("学校年度数据", None, "学校编号", t("学校“{id}”{year} 年有分学段数据，但没有年度数据",
                                                           id=V(str(school)), year=year),
                         t("请在“学校年度数据”表补上这所学校这一年的一行（校舍、场馆、设备等）"))
        for school, year in sorted(yearly - parts, key=str)[:50]:
            report.error("学校分学段数据", None, "学校编号", t("学校“{id}”{year} 年有年度数据，但没有分学段数据",
                                                             id=V(str(school)), year=year),
                         t("请在“学校分学段数据”表补上这所学校这一年各学段的行（学生、教师等）"))
    county = frames.get("county_year")
    if county is not None:
        for _, r in county.iterrows():
            if isinstance(r["metric"], str) and r["metric"] not in KNOWN_METRICS:
                report.warn("县级年度指标", r["_row"], "指标", t("指标名“{metric}”看板不认识，不会用到", metric=V(r["metric"])),
                            t("请核对拼写；可用的指标名见“字段说明”表和数据说明（如 rotation_rate、students_total）"))
        if stage is not None:
            sums = stage.groupby("year")["students"].sum()
            totals = county[county["metric"] == "students_total"]
            for _, r in totals.iterrows():
                counted = sums.get(r["year"])
                if counted and r["value"] and abs(counted - r["value"]) > TOTALS_TOLERANCE * r["value"]:
                    report.warn("县级年度指标", r["_row"], "数值",
                                t("{year} 年全县在校生 {total:,.0f} 人，各校合计 {counted:,.0f} 人，相差超过 1%",
                                  year=int(r["year"]), total=r["value"], counted=counted),
                                t("请核对是否漏填了学校，或县级合计是否有误"))


def plausibility(frames: dict, report: Report) -> None:
    schools, stage, year = frames.get("schools"), frames.get("school_stage_year"), frames.get("school_year")
    if schools is None or stage is None:
        return
    info = schools.dropna(subset=["school_id"]).drop_duplicates("school_id").set_index("school_id")
    sheet = "学校分学段数据"
    for _, r in stage.iterrows():
        if r["school_id"] not in info.index or pd.isna(r["stage"]):
            continue
        kind = info.loc[r["school_id"], "school_type"]
        closed = bool(info.loc[r["school_id"], "closed"]) if pd.notna(info.loc[r["school_id"], "closed"]) else False
        name = info.loc[r["school_id"], "school_name"]
        students = r["students"]
        if kind in (PRIMARY_SCHOOL, TEACHING_POINT) and r["stage"] == JUNIOR and pd.notna(students) and students > 0:
            report.error(sheet, r["_row"], "学段", t("“{name}”是{kind}，不应有初中学生", name=V(str(name)), kind=kind),
                         t("请把学段改为“小学”，或在“学校”表中把学校类型改为九年一贯制学校"))
        if kind in (JUNIOR_SCHOOL, COMPLETE_SECONDARY) and r["stage"] == PRIMARY and pd.notna(students) and students > 0:
            report.error(sheet, r["_row"], "学段", t("“{name}”是{kind}，不应有小学学生", name=V(str(name)), kind=kind),
                         t("请把学段改为“初中”，或在“学校”表中修改学校类型"))
        if closed and pd.notna(students) and students > 0:
            report.error(sheet, r["_row"], "在校学生数", t("“{name}”已停办，却有 {n:,} 名在校学生", name=V(str(name)),
                                                           n=int(students)),
                         t("停办学校的在校学生数填 0；如学校仍在办学，请在“学校”表“是否停办”填“否”"))
        if pd.notna(students) and students == 0 and not closed:
            report.error(sheet, r["_row"], "在校学生数", t("“{name}”在校学生数为 0", name=V(str(name))),
                         t("如学校已停办，请在“学校”表“是否停办”填“是”；否则请填写实际学生数"))
        if pd.notna(students) and pd.notna(r["classes"]):
            if students > 0 and r["classes"] == 0:
                report.error(sheet, r["_row"], "班级数", t("有学生但班级数为 0"), t("请填写实际班级数"))
            elif r["classes"] > 0 and students / r["classes"] > 100:
                report.error(sheet, r["_row"], "班级数", t("平均每班 {n:.0f} 人，超过 100 人", n=students / r["classes"]),
                             t("请核对学生数和班级数是否填反或多填了一位"))
        for col in ("teachers_above_degree", "backbone_teachers", "pe_art_teachers"):
            if pd.notna(r[col]) and pd.notna(r["full_time_teachers"]) and r[col] > r["full_time_teachers"]:
                header = next(c.header for c in schema.table("school_stage_year").columns if c.name == col)
                report.error(sheet, r["_row"], header, t("“{header}”（{n}）多于专任教师数（{teachers}）", header=V(header),
                                                         n=r[col], teachers=r["full_time_teachers"]),
                             t("这些教师都包含在专任教师中，请核对"))
    if year is None:
        return
    teachers = stage.groupby(["school_id", "year"])["full_time_teachers"].sum()
    students = stage.groupby(["school_id", "year"])["students"].sum()
    sheet = "学校年度数据"
    for _, r in year.iterrows():
        key = (r["school_id"], r["year"])
        if key in teachers.index and pd.notna(r["staff"]) and teachers[key] > r["staff"]:
            report.error(sheet, r["_row"], "教职工数", t("专任教师合计 {teachers} 人，多于教职工数 {staff} 人",
                                                         teachers=int(teachers[key]), staff=int(r["staff"])),
                         t("教职工数应包含专任教师，请核对"))
        if pd.notna(r["exchange_teachers"]) and pd.notna(r["exchange_eligible_teachers"]) and r["exchange_teachers"] > r["exchange_eligible_teachers"]:
            report.error(sheet, r["_row"], "交流轮岗教师数", t("交流轮岗教师多于符合交流条件的教师"), t("请核对这两列"))
        if pd.notna(r["exchange_backbone_teachers"]) and pd.notna(r["exchange_teachers"]) and r["exchange_backbone_teachers"] > r["exchange_teachers"]:
            report.error(sheet, r["_row"], "交流轮岗骨干教师数", t("交流轮岗骨干教师多于交流轮岗教师"),
                         t("骨干教师包含在交流轮岗教师中，请核对"))
        n = students.get(key)
        if n and n > 0:
            per_equipment = r["equipment_value_yuan"] / n if pd.notna(r["equipment_value_yuan"]) else None
            if per_equipment is not None and per_equipment < 50:
                report.warn(sheet, r["_row"], "教学仪器设备值", t("生均仅 {n:.2f} 元，像是按“万元”填写的", n=per_equipment),
                            t("本列单位是“元”；如填的是万元，请乘以 10000"))
            per_area = r["teaching_area_m2"] / n if pd.notna(r["teaching_area_m2"]) else None
            if per_area is not None and per_area > 100:
                report.warn(sheet, r["_row"], "教学及辅助用房面积", t("生均 {n:.0f} ㎡，明显偏大", n=per_area),
                            t("本列单位是“㎡”；请核对是否多填了位数"))
            if per_area is not None and 0 < per_area < 0.1:
                report.warn(sheet, r["_row"], "教学及辅助用房面积", t("生均仅 {n:.3f} ㎡，像是按“万㎡”填写的", n=per_area),
                            t("本列单位是“㎡”；如填的是万㎡，请乘以 10000"))
    county = frames.get("county_year")
    if county is not None:
        for _, r in county.iterrows():
            if r["unit"] == "元" and pd.notna(r["value"]) and str(r["metric"]).startswith("per_student") and r["value"] < 100:
                report.warn("县级年度指标", r["_row"], "数值", t("生均支出只有 {n} 元，像是按“万元”填写的", n=r["value"]),
                            t("“单位”为元时请填写元；或把单位改为万元"))
            if r["unit"] == "亿元" and pd.notna(r["value"]) and r["value"] > 1000:
                report.warn("县级年度指标", r["_row"], "数值", t("{n} 亿元明显偏大，像是按“万元”填写的", n=r["value"]),
                            t("请核对单位列与数值是否一致"))



def names(frames: dict, report: Report) -> None:
    """Two schools (or townships) with one name cannot be told apart on any page or document."""
    for table_name, sheet, column, header, within in (("townships", "乡镇", "township_name", "乡镇名称", None),
                                                      ("schools", "学校", "school_name", "学校名称", "township_code")):
        frame = frames.get(table_name)
        if frame is None:
            continue
        named = frame.dropna(subset=[column])
        for name, group in named.groupby(column, sort=False):
            if len(group) < 2:
                continue
            rows = t("、").join(map(str, group["_row"]))
            same_place = within is None or group[within].nunique(dropna=False) < len(group)
            (report.error if same_place else report.warn)(
                sheet, int(group["_row"].iloc[1]), header,
                t("名称“{name}”出现了 {n} 次（第 {rows} 行）", name=V(str(name)), n=len(group), rows=V(rows)),
                t("请用全称区分（如加上所在乡镇或村名）；同一所学校只能有一行") if within
                else t("每个乡镇只能有一行，请删除重复的行或改用全称"))


def county_values(frames: dict, report: Report) -> None:
    """County figures that cannot be: a share above 100% or below 0, a negative amount."""
    county = frames.get("county_year")
    if county is None:
        return
    for _, r in county.iterrows():
        value, metric = r["value"], r["metric"]
        if pd.isna(value) or metric not in KNOWN_METRICS:
            continue
        if r["unit"] == "%" and metric in SHARE_METRICS and not 0 <= value <= 100:
            report.error("县级年度指标", r["_row"], "数值", t("“{metric}”是比例，{value}% 不在 0 与 100 之间",
                                                              metric=V(str(metric)), value=value),
                         t("请核对数值；如填的是小数（如 0.95），请换算成百分数（95）"))
        elif value < 0:
            report.error("县级年度指标", r["_row"], "数值", t("“{metric}”不能为负数（{value}）", metric=V(str(metric)),
                                                              value=value),
                         t("支出、人数和比例都应为 0 或正数；请核对是否录入错误"))


def register_totals(frames: dict, report: Report) -> None:
    """A class register whose classes add up to more or fewer pupils than the school's own row: one of
    the two is out of date (the school rows are what every indicator is judged on)."""
    classes, stage = frames.get("classes"), frames.get("school_stage_year")
    if classes is None or stage is None or classes.empty:
        return
    keys = ["school_id", "year", "stage"]
    summed = classes.dropna(subset=keys + ["students"]).groupby(keys)["students"].sum()
    for _, r in stage.dropna(subset=keys + ["students"]).iterrows():
        key = (r["school_id"], r["year"], r["stage"])
        if key not in summed.index:
            continue
        counted, stated = summed[key], r["students"]
        if stated and abs(counted - stated) > TOTALS_TOLERANCE * stated:
            report.warn("班级", None, "学生数",
                        t("学校“{id}”{year} 年{stage}各班合计 {counted:,} 人，“学校分学段数据”为 {stated:,} 人",
                          id=V(str(r["school_id"])), year=int(r["year"]), stage=r["stage"], counted=int(counted),
                          stated=int(stated)),
                        t("两张表应是同一时点（9 月 1 日）的数字：请核对哪一张没有更新"))
