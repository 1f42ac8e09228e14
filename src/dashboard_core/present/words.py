"""Sentences from codes: every word the model's results are read out in, through t() templates.

The model returns codes and numbers (a status, an item, a failing school part, a shortfall); this
module writes them in the current language. Each Chinese template is the key of its English wording
in translations.py; names and numbers are filled in as values, never parsed back out of a sentence.
"""
from __future__ import annotations

from ..model.vocabulary import (BELOW, FLOOR, ITEM_MET, ITEM_NO_DATA, ITEM_NOT_MET, MET, NO_STUDENTS,
                                VERDICT_INCOMPLETE, VERDICT_MET, VERDICT_NOT_MET)
from .format import num
from .i18n import Verbatim, t, tr

STATUS_LABELS = {MET: "达标", FLOOR: "未达标但不低于85%", BELOW: "低于85%", NO_STUDENTS: "无在校生"}
ITEM_LABELS = {ITEM_MET: "达到", ITEM_NOT_MET: "未达到", ITEM_NO_DATA: "无数据"}
VERDICT_LABELS = {VERDICT_MET: "已达到优质均衡标准", VERDICT_NOT_MET: "尚未达到优质均衡标准",
                  VERDICT_INCOMPLETE: "现有数据均达标，但仍有项目缺少数据，暂不能判定"}
CV_LABELS = {True: "达标 ✓", False: "超限 ✗", None: "无法计算"}
TARGET_LABELS = {True: "达到 ✓", False: "未达到 ✗"}
LIST_SEPARATOR = "、"


def _listed(names: list[str], total: int) -> str:
    shown = t(LIST_SEPARATOR).join(names)
    return shown + (t(" 等（共 {n:,} 个）", n=total) if total > len(names) else "")


def verdict_text(summary) -> str:
    return t(VERDICT_LABELS[summary.verdict])


def reasons(summary, rules: dict) -> list[str]:
    """Why the verdict is what it is, one sentence per kind of shortfall."""
    shorts = {i["code"]: i["short"] for i in rules["resource"]["indicators"]}
    texts = {i["item"]: i["text"] for i in rules["county_items"]}
    out = []
    if summary.failing_count:
        names = [t("{school}（{stage}）", school=n, stage=s) for n, s in summary.failing_parts]
        out.append(t("{n} 个学校（学段）未达到学校标准：{names}", n=summary.failing_count,
                     names=Verbatim(_listed(names, summary.failing_count))))
    if summary.cv_failures:
        names = [t("{stage}{indicator} {cv:.3f}（限 {limit:.2f}）", stage=c.stage, indicator=shorts[c.indicator],
                   cv=c.cv, limit=c.limit) for c in summary.cv_failures]
        out.append(t("{n} 项差异系数超过限值：{names}", n=len(summary.cv_failures),
                     names=Verbatim(t(LIST_SEPARATOR).join(names))))
    if summary.items_not_met:
        out.append(t("{n} 项县级指标未达到：{items}", n=len(summary.items_not_met),
                     items=Verbatim(t("；").join(tr(texts[i]) for i in summary.items_not_met))))
    if summary.county_items_no_data:
        out.append(t("{n} 项县级指标暂无数据，需补充佐证后才能判定", n=summary.county_items_no_data))
    return out


def citation(section: str, excerpt: str) -> str:
    """A report fact as a source: its section and the verbatim excerpt."""
    return t("工作汇报 {section}：“{excerpt}”", section=section, excerpt=Verbatim(excerpt))


def item_value(row) -> str:
    """A county item's value in words: a rate with its unit, or the largest / oversize schools."""
    detail = row.get("detail")
    if detail:
        if detail["kind"] == "school_size":
            if detail["over_count"]:
                names = [t("{school}（{n} 人）", school=n, n=s) for n, s in detail["over"]]
                return t("超规模：{names}", names=Verbatim(_listed(names, detail["over_count"])))
            name, students = detail["worst"]
            return t("规模最大：{school} {n} 人", school=name, n=students)
        if detail["kind"] == "class_size":
            if detail["over_count"]:
                names = [t("{school}（{stage}，{avg:.1f}）", school=n, stage=s, avg=a) for n, s, a in detail["over"]]
                return t("平均班额超标：{names}", names=Verbatim(_listed(names, detail["over_count"])))
            name, stage, avg = detail["worst"]
            return t("平均班额最大：{school}（{stage}）{avg:.1f} 人/班", school=name, stage=stage, avg=avg)
    value = row.get("value")
    if value is None or value != value:
        return "—"
    return f"{num(value)} {tr(row.get('unit') or '')}".strip()


SNAPSHOT_SOURCES = {"school_size": "数据快照 school_stage_year（学生数）",
                    "class_size_average": "数据快照 school_stage_year（学生数÷班级数，以各校平均班额计，快照无逐班数据）"}


def item_source(row, citations: dict) -> str:
    """Where a county item's value comes from: the report's sentence, the demo data or a snapshot table."""
    kind = row.get("source_kind")
    if kind == "report":
        section, excerpt = citations.get(row["source_ref"], ("", row["source_ref"]))
        return citation(section, excerpt)
    if kind == "demo":
        return t("示例数据（demo）")
    if kind == "snapshot":
        return t(SNAPSHOT_SOURCES[row["source_ref"]])
    return t("报告与数据快照中均无此项数据")


def describe_plan(plan: list[dict]) -> str:
    """A plan in words, e.g. 「增加 120 ㎡ 体育运动场馆面积」."""
    parts = []
    for a in plan:
        template = "增加 {amount} {what}（达到标准值的85%）" if a["target"] == "floor" else "增加 {amount} {what}"
        parts.append(t(template, amount=f"{a['amount']:,}", what=a["addition"]))
    return t("，并").join(parts)


def describe_lack(plans: list[list[dict]]) -> str:
    if not plans:
        return ""
    return t("{plans}，即可达到学校标准。", plans=Verbatim(t("；或").join(describe_plan(p) for p in plans)))


SNAPSHOT_PROBLEMS = {
    "bad_id": "快照编号“{snapshot_id}”不合法：只能使用字母、数字、点、下划线和连字符，且不能包含“..”。",
    "outside_root": "快照编号“{snapshot_id}”指向数据目录之外，已拒绝。",
    "missing_tables": "缺少数据表：{tables}",
    "exists": "快照“{snapshot_id}”已存在；已有快照不会被覆盖，请换一个编号。",
    "no_manifest": "缺少 manifest.json",
    "manifest_unreadable": "manifest.json 无法读取（{detail}）",
    "manifest_field": "manifest.json 缺少字段 {field}",
    "manifest_table": "清单中没有数据表 {table}",
    "missing_file": "缺少文件 {file}",
    "checksum": "文件 {file} 的校验值与清单不符（文件已损坏或未复制完整）",
    "row_count": "文件 {file} 有 {rows} 行，清单记录为 {expected} 行",
    "not_found": "找不到快照“{snapshot_id}”（在 {root} 下）。",
    "id_mismatch": "文件夹名“{folder}”与清单中的编号“{manifest_id}”不一致",
    "none_intact": "数据目录 {root} 下没有完好的快照。{skipped}请运行 python -m dashboard_core build-demo 生成示例快照，或导入统计数据。",
}


def snapshot_problem(code: str, values: dict) -> str:
    """A snapshot's problem (store.snapshots.SnapshotError / SnapshotProblem) in words."""
    shown = {}
    for key, value in values.items():
        if key == "tables":
            value = t(LIST_SEPARATOR).join(value)
        elif key == "skipped":
            value = (t("已跳过：{detail}。", detail=Verbatim(t("；").join(
                f"{p.snapshot_id}：{snapshot_problem(p.code, p.values)}" for p in value))) if value else "")
        shown[key] = Verbatim(str(value))
    return t(SNAPSHOT_PROBLEMS[code], **shown)


def scope_label(filters, township_names: dict, school_names) -> str:
    """The part of the county in view, in words: schools, townships or the whole county."""
    if filters.schools:
        names = [tr(school_names.get(s, s)) for s in filters.schools]
        shown = t(LIST_SEPARATOR).join(names[:3])
        return t("{names} 等 {n} 所学校", names=Verbatim(shown), n=len(names)) if len(names) > 3 else shown
    if filters.townships:
        return t(LIST_SEPARATOR).join(tr(township_names.get(c, c)) for c in filters.townships)
    return t("全县")
