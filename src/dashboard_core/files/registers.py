"""Checks of the registers (classes, rooms, finance, teachers, rotation, cohorts, survey, evidence)
across rows and tables: what the column types alone cannot catch. Every problem goes into the
import report in Chinese, with where it is and how to fix it."""
from __future__ import annotations

import pandas as pd

from ..model import standard
from ..model.vocabulary import JUNIOR, PRIMARY
from ..present.i18n import Verbatim as V
from ..present.i18n import t

GRADES = {PRIMARY: range(1, 7), JUNIOR: range(7, 10)}


def _known_items() -> dict[str, str]:
    """item or requirement code → "item" / "condition": what an evidence row may name."""
    rules = standard.load_rules()
    known = {}
    for item in rules["county_items"]:
        known[item["item"]] = "item"
        for req in item["requirements"]:
            known[req["id"]] = "item"
    for cond in rules["non_recognition"]["items"]:
        known[cond["id"]] = "condition"
    for cond in rules.get("preconditions", {}).get("items", []):
        known[cond["id"]] = "item"  # judged like an item: 达到 / 未达到
    return known


def check(frames: dict, report) -> None:
    _classes(frames.get("classes"), report)
    _rooms(frames.get("special_rooms"), report)
    _finance(frames.get("school_finance"), report)
    _teachers(frames.get("teacher_register"), frames.get("school_stage_year"), report)
    _rotation(frames.get("rotation"), report)
    _cohorts(frames.get("consolidation"), frames.get("disabled_children"), report)
    _monitoring(frames.get("quality_monitoring"), report)
    _survey(frames.get("survey"), report)
    _evidence(frames.get("evidence"), report)
    _rectification(frames.get("rectification"), report)


def _rows(frame: pd.DataFrame | None, *columns: str) -> list[dict]:
    """The rows where every one of the columns is filled, as plain dicts (iterrows builds a Series per row:
    on a 3,000-row class register that was most of the checks' time)."""
    if frame is None or frame.empty:
        return []
    return [r for r in frame.to_dict("records") if all(pd.notna(r[c]) for c in columns)]


def _classes(frame, report) -> None:
    for r in _rows(frame, "stage", "grade"):
        if r["grade"] not in GRADES.get(r["stage"], ()):
            report.error("班级", r["_row"], "年级", t("{stage}没有 {grade} 年级", stage=r["stage"], grade=int(r["grade"])),
                         t("小学填 1—6 年级，初中填 7—9 年级"))
    for r in _rows(frame, "students"):
        if r["students"] == 0:
            report.error("班级", r["_row"], "学生数", t("班级学生数为 0"), t("没有学生的班不要列出；请删除此行或填写实际人数"))
        elif r["students"] > 80:
            report.warn("班级", r["_row"], "学生数", t("一个班 {n} 人，明显偏多", n=int(r["students"])),
                        t("请核对是否把年级人数填成了班级人数"))


def _rooms(frame, report) -> None:
    for kind, count, area in (("音乐", "music_rooms", "music_room_min_m2"), ("美术", "art_rooms", "art_room_min_m2")):
        for r in _rows(frame, count):
            if r[count] > 0 and pd.isna(r[area]):
                report.error("音乐美术教室", r["_row"], t("最小{kind}教室面积", kind=kind),
                             t("有 {n} 间{kind}教室，但没有填面积", n=int(r[count]), kind=kind),
                             t("请填写其中面积最小的一间的面积（㎡）"))
            elif pd.notna(r[area]) and not 10 <= r[area] <= 1000:
                report.warn("音乐美术教室", r["_row"], t("最小{kind}教室面积", kind=kind),
                            t("{n} ㎡ 不像一间教室的面积", n=r[area]), t("本列单位是“㎡”，填一间教室的面积"))


def _finance(frame, report) -> None:
    for r in _rows(frame, "public_funds_yuan", "training_spend_yuan"):
        if r["public_funds_yuan"] <= 0:
            report.error("学校经费", r["_row"], "年度公用经费预算", t("公用经费预算须大于 0"), t("请填写本校年度公用经费预算（元）"))
        elif r["training_spend_yuan"] > r["public_funds_yuan"]:
            report.error("学校经费", r["_row"], "教师培训经费", t("培训经费多于公用经费预算"),
                         t("培训经费是公用经费的一部分，请核对两列（单位都是元）"))


def _teachers(frame, stage, report) -> None:
    if frame is None or frame.empty or stage is None:
        return
    teachers = stage.groupby(["school_id", "year"])["full_time_teachers"].sum()
    for r in _rows(frame, "school_id", "year"):
        have = teachers.get((r["school_id"], r["year"]))
        for col, header in (("certified_teachers", "持教师资格证专任教师数"),
                            ("trained_360_teachers", "五年 360 学时培训完成教师数")):
            if have is not None and pd.notna(r[col]) and r[col] > have:
                report.error("教师台账", r["_row"], header, t("{n} 人，多于本校专任教师 {teachers} 人", n=int(r[col]),
                                                              teachers=int(have)),
                             t("这些教师都包含在专任教师中，请核对"))


def _rotation(frame, report) -> None:
    for r in _rows(frame, "from_school_id", "to_school_id"):
        if r["from_school_id"] == r["to_school_id"]:
            report.error("交流轮岗", r["_row"], "接收学校编号", t("派出与接收是同一所学校"),
                         t("校内调整不算交流轮岗，请删除此行或改正学校编号"))


def _cohorts(consolidation, disabled, report) -> None:
    for r in _rows(consolidation, "entered", "completed"):
        base = r["entered"] + (r["transferred_in"] or 0) - (r["transferred_out"] or 0) - (r["deceased"] or 0)
        if base <= 0:
            report.error("初中巩固率", r["_row"], "三年前初一入学人数", t("扣除转出和死亡后人数不大于 0"), t("请核对入学、转入、转出人数"))
        elif r["completed"] > base * 1.1:
            report.warn("初中巩固率", r["_row"], "初三在校人数", t("初三人数比应在校人数多出 10% 以上"),
                        t("请核对是否漏填了转入人数"))
    for r in _rows(disabled, "eligible"):
        enrolled = sum(r[c] or 0 for c in ("in_regular_schools", "in_special_schools", "home_tutored"))
        if enrolled > r["eligible"]:
            report.error("残疾儿童少年", r["_row"], "适龄残疾儿童少年数",
                         t("就读人数合计 {n} 人，多于适龄人数 {eligible} 人", n=int(enrolled), eligible=int(r["eligible"])),
                         t("请核对：随班就读、特教学校就读、送教上门三者之和不应超过适龄人数"))


def _monitoring(frame, report) -> None:
    for r in _rows(frame, "level"):
        if not 1 <= r["level"] <= 4:
            report.error("质量监测", r["_row"], "学业水平等级", t("等级只能是 1—4"), t("Ⅰ级填 1，Ⅱ级填 2，Ⅲ级填 3，Ⅳ级填 4"))
    for r in _rows(frame, "difference_rate"):
        if not 0 <= r["difference_rate"] < 1:
            report.error("质量监测", r["_row"], "校际差异率", t("差异率应在 0 与 1 之间"), t("请填小数，如 0.12（不是 12）"))


def _survey(frame, report) -> None:
    for r in _rows(frame, "respondents", "satisfied"):
        if r["satisfied"] > r["respondents"]:
            report.error("满意度调查", r["_row"], "认可人数", t("认可人数多于有效样本数"), t("请核对两列"))


def _evidence(frame, report) -> None:
    known = _known_items()
    for r in _rows(frame, "issued_on", "year"):
        issued = str(r["issued_on"])[:4]
        if issued.isdigit() and int(issued) > int(r["year"]):
            report.warn("佐证台账", r["_row"], "日期", t("{year} 年的佐证文件日期是 {date}，晚于评估年度",
                                                     year=int(r["year"]), date=V(str(r["issued_on"]))),
                        t("请核对：是否把下一年度的文件填到了这一年；自评报告按年度引用文件"))
    for r in _rows(frame, "item"):
        kind = known.get(str(r["item"]).strip())
        if kind is None:
            report.error("佐证台账", r["_row"], "项目编号", t("没有编号为“{item}”的项目", item=V(str(r["item"]))),
                         t("填县级指标编号（G01—G15、Q01—Q09、R01）、要求编号（如 G08.2）或不予认定情形编号（V01—V07）"))
        elif pd.notna(r["status"]):
            allowed = ("不存在", "存在") if kind == "condition" else ("达到", "未达到")
            if r["status"] not in allowed:
                report.error("佐证台账", r["_row"], "结论", t("“{item}”的结论只能填 {allowed}", item=V(str(r["item"])),
                                                          allowed=V("、".join(allowed))),
                             t("县级指标填 达到 或 未达到；不予认定情形填 不存在 或 存在"))


def _rectification(frame, report) -> None:
    """Each measure names a resource the plan knows, a positive quantity, the school a transfer comes from,
    a deadline as a date; a completed measure says what shows it is done."""
    import re

    from ..model import plan
    from ..model.vocabulary import COMPLETED

    known = plan.known_resources(standard.load_rules())
    for r in _rows(frame, "resource"):
        if r["resource"] not in known:
            report.error("整改台账", r["_row"], "资源", t("没有名为“{name}”的资源", name=V(str(r["resource"]))),
                         t("资源一列由整改方案生成，请从看板重新生成，或改成：{names}", names=V("、".join(known))))
    for r in _rows(frame, "quantity"):
        if r["quantity"] <= 0:
            report.error("整改台账", r["_row"], "数量", t("数量须大于 0"), t("不再需要的措施请删除这一行"))
    for r in _rows(frame, "measure"):
        if r["measure"] == "调配" and not isinstance(r.get("from_school_id"), str):
            report.error("整改台账", r["_row"], "调出学校编号", t("调配教师的措施没有调出学校"),
                         t("请填写调出学校的学校编号"))
    for r in _rows(frame, "deadline"):
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(r["deadline"])) or pd.isna(
                pd.to_datetime(str(r["deadline"]), format="%Y-%m-%d", errors="coerce")):
            report.error("整改台账", r["_row"], "完成时限", t("“{value}”不是日期", value=V(str(r["deadline"]))),
                         t("请按 年-月-日 填写，如 2025-08-31"))
    for r in _rows(frame, "status"):
        if r["status"] == COMPLETED and not (isinstance(r.get("evidence"), str) and r["evidence"].strip()):
            report.warn("整改台账", r["_row"], "完成佐证", t("已完成的措施没有填写完成佐证"),
                        t("请填写验收或完成的文件名称、编号，督导核查时要看"))
