"""Sentences from codes: every word the model's results are read out in, through t() templates.

The model returns codes and numbers (a status, an item, a failing school part, a shortfall); this
module writes them in the current language. Each Chinese template is the key of its English wording
in translations.py; names and numbers are filled in as values, never parsed back out of a sentence.
"""
from __future__ import annotations

from ..model.vocabulary import (BASIS_DECLARED, BELOW, CV_MET, CV_NOT_APPLICABLE, CV_NOT_MET, FLOOR, ITEM_MET, ITEM_NO_DATA,
                                ITEM_NOT_APPLICABLE, ITEM_NOT_MET, ITEM_PARTIAL, JUNIOR, JUNIOR_SCHOOL, MET,
                                NINE_YEAR_SCHOOL, NO_STUDENTS, PRIMARY, PRIMARY_SCHOOL, TEACHING_POINT,
                                TWELVE_YEAR_SCHOOL, COMPLETE_SECONDARY,
                                VERDICT_INCOMPLETE, VERDICT_MET, VERDICT_NO_SCHOOLS, VERDICT_NOT_APPLICABLE, VERDICT_NOT_MET,
                                CV_SCOPE)
from ..store.schema import KNOWN_METRICS, TABLES as SCHEMA_TABLES
from .format import amount, fmt, num
from . import i18n
from .i18n import N_, Verbatim, t, tr

STATUS_LABELS = {MET: N_("达标"), FLOOR: N_("未达标但不低于 85%"), BELOW: N_("低于 85%"), NO_STUDENTS: N_("无在校生")}
ITEM_LABELS = {ITEM_MET: N_("达到"), ITEM_NOT_MET: N_("未达到"), ITEM_PARTIAL: N_("部分有佐证"), ITEM_NO_DATA: N_("无数据"),
               ITEM_NOT_APPLICABLE: N_("不适用")}
ITEM_MARKS = {ITEM_MET: "✓", ITEM_NOT_MET: "✗", ITEM_PARTIAL: "◐", ITEM_NO_DATA: "…", ITEM_NOT_APPLICABLE: "—"}
# what each status claims, said once on the standards page
ITEM_EXPLAINED = {
    ITEM_MET: N_("数据证明达到要求"),
    ITEM_NOT_MET: N_("数据证明未达到要求"),
    ITEM_PARTIAL: N_("只有一部分要求有佐证（例如“所有学校”的要求只有全县合计，或两项要求只有一项有数据），还不能算达到"),
    ITEM_NO_DATA: N_("工作汇报和数据快照中都没有能判定此项的数据，不作推测"),
    ITEM_NOT_APPLICABLE: N_("此问题在本范围内不发生（例如某学段不足 2 所学校，谈不上校际差异）"),
}
# a non-recognition condition: "met" means the evidence shows it is absent
# only the inspection establishes that a condition is absent: the county's own papers make it 自查未发现
VETO_LABELS = {ITEM_MET: N_("自查未发现（由督导评估认定）"), ITEM_NOT_MET: N_("存在"), ITEM_NO_DATA: N_("无佐证（由督导评估认定）")}
# a met item resting on the county's own documents or statements
DECLARED_MET = N_("自评达到（待核查）")

VETO_MARKS = {ITEM_MET: "✓", ITEM_NOT_MET: "✗", ITEM_NO_DATA: "…"}
# a self-evaluation's words: the county judges itself; the national monitoring, the official survey and the
# on-site inspection decide, so "met" is at most 自评达到 (and says who decides)
VERDICT_LABELS = {VERDICT_MET: N_("自评达到优质均衡标准（以国家督导评估认定为准）"), VERDICT_NOT_MET: N_("自评尚未达到优质均衡标准"),
                  VERDICT_INCOMPLETE: N_("现有数据均达标，但仍有项目缺少数据，暂不能判定"),
                  VERDICT_NO_SCHOOLS: N_("所选范围内没有学校，无从评估"),
                  VERDICT_NOT_APPLICABLE: N_("验收以县为单位，乡镇或学校不单独作结论")}
CV_LABELS = {CV_MET: N_("达标 ✓"), CV_NOT_MET: N_("超限 ✗"), CV_NOT_APPLICABLE: N_("不适用（不足 2 所）")}
CV_SCOPE_LABEL = N_("仅供参考（按全县评估）")


def cv_status(status: str, reason: str | None = None) -> str:
    """A CV's standing in words: over a township or some schools it is only information."""
    return t(CV_SCOPE_LABEL) if reason == CV_SCOPE else t(CV_LABELS[status])
TARGET_LABELS = {True: N_("达到 ✓"), False: N_("未达到 ✗")}
LIST_SEPARATOR = "、"

# a stage's school parts by the kind of school they belong to
PART_KINDS = {
    PRIMARY: ((PRIMARY_SCHOOL, N_("小学 {n} 所")), (NINE_YEAR_SCHOOL, N_("九年一贯制学校小学部 {n} 个")),
              (TWELVE_YEAR_SCHOOL, N_("十二年一贯制学校小学部 {n} 个")), (TEACHING_POINT, N_("教学点 {n} 个"))),
    JUNIOR: ((JUNIOR_SCHOOL, N_("初级中学 {n} 所")), (NINE_YEAR_SCHOOL, N_("九年一贯制学校初中部 {n} 个")),
             (TWELVE_YEAR_SCHOOL, N_("十二年一贯制学校初中部 {n} 个")), (COMPLETE_SECONDARY, N_("完全中学初中部 {n} 个"))),
}
STAGE_PARTS = {PRIMARY: N_("小学学段"), JUNIOR: N_("初中学段")}


def _listed(names: list[str], total: int) -> str:
    shown = t(LIST_SEPARATOR).join(names)
    return shown + (t(" 等（共 {n:,} 个）", n=total) if total > len(names) else "")


def verdict_text(summary) -> str:
    """The verdict; drawn from demonstration data it says so in the same sentence."""
    verdict = t(VERDICT_LABELS[summary.verdict])
    return t("按示例数据：{verdict}", verdict=Verbatim(verdict)) if summary.demo else verdict


def verdict_headline(summary, scope: str, year: int) -> str:
    """The verdict alone, for a slide's headline: the scope, the year and what the data say."""
    return t("{scope} {year} 年：{verdict}。", scope=scope, year=year, verdict=Verbatim(verdict_text(summary)))


def stage_parts(stage: str, counts: dict) -> str:
    """A stage's school parts counted as parts, e.g. 小学学段 26 个（小学 20 所、九年一贯制学校小学部 6 个；
    另有 2 个教学点并入中心校计算）中 22 个达到学校标准."""
    by_type = counts.get("by_type", {})
    kinds = [t(template, n=by_type[kind]) for kind, template in PART_KINDS.get(stage, ()) if by_type.get(kind)]
    kinds += [t("{kind} {n} 个", kind=kind, n=n) for kind, n in by_type.items()
              if kind not in {k for k, _ in PART_KINDS.get(stage, ())}]
    inside = t(LIST_SEPARATOR).join(kinds)
    if counts.get("teaching_points_folded"):
        inside += t("；另有 {n} 个教学点并入中心校计算", n=counts["teaching_points_folded"])
    return t("{stage} {total} 个（{inside}）中 {passing} 个达到学校标准", stage=t(STAGE_PARTS.get(stage, stage)),
             total=counts["schools_total"], inside=Verbatim(inside), passing=counts["schools_passing"])


def summary_sentence(summary, scope: str, year: int) -> str:
    """The verdict with what it rests on, in one sentence: parts per stage, CVs, items, conditions."""
    if summary.verdict == VERDICT_NO_SCHOOLS:
        return t("{scope} {year} 年：{verdict}。", scope=scope, year=year, verdict=Verbatim(verdict_text(summary)))
    parts = [stage_parts(stage, c) for stage, c in summary.stages.items() if c["schools_total"]]
    if summary.verdict == VERDICT_NOT_APPLICABLE:
        return (t("{scope} {year} 年：{verdict}。", scope=scope, year=year, verdict=Verbatim(verdict_text(summary)))
                + t("；").join(parts) + t("。")
                + t("逐校的县级要求按这里的学校判定；差异系数、其余县级要求和不予认定情形按全县评估，这里的差异系数只供参考；全县的结论见全县视图。"))
    applicable = summary.cv_total - summary.cv_not_applicable
    if applicable == 0:
        cv = t("差异系数不适用（各学段都不足 2 所学校，谈不上校际差异）")
    else:
        cv = t("差异系数 {total} 项中 {passing} 项在限值以内", total=applicable, passing=summary.cv_passing)
        if summary.cv_not_applicable:
            cv += t("（另有 {n} 项不适用：该学段不足 2 所学校）", n=summary.cv_not_applicable)
    items = t("县级指标 {total} 项中 {met} 项达到（其中 {declared} 项为县自评，待核查）、{not_met} 项未达到、"
              "{partial} 项部分有佐证、{no_data} 项无数据",
              total=summary.county_items_total, met=summary.county_items_met, declared=summary.county_items_declared,
              not_met=summary.county_items_not_met, partial=summary.county_items_partial,
              no_data=summary.county_items_no_data)
    vetoes = t("不予认定情形 {total} 项由督导评估认定：自查 {clear} 项未发现、{present} 项存在、{no_data} 项无佐证",
               total=summary.vetoes_total, clear=summary.vetoes_clear, present=summary.vetoes_present,
               no_data=summary.vetoes_no_data)
    return (t("{scope} {year} 年：{verdict}。", scope=scope, year=year, verdict=Verbatim(verdict_text(summary)))
            + t("；").join(parts + [cv, items, vetoes]) + t("。"))


def reasons(summary, rules: dict) -> list[str]:
    """Why the verdict is what it is, one sentence per kind of shortfall."""
    shorts = {i["code"]: i["short"] for i in rules["resource"]["indicators"]}
    texts = {i["item"]: i["text"] for i in rules["county_items"]}
    out = []
    if summary.failing_count:
        names = [t("{school}（{stage}）", school=n, stage=s) for n, s in summary.failing_parts]
        out.append(t("{n} 个学校（学段）未达到学校标准：{names}", n=summary.failing_count,
                     names=Verbatim(_listed(names, summary.failing_count))))
    if summary.verdict == VERDICT_NOT_APPLICABLE:  # the rest is county-wide: said in the county's view
        return out
    if summary.cv_failures:
        names = [t("{stage}{indicator} {cv:.3f}（限 {limit:.2f}）", stage=c.stage, indicator=shorts[c.indicator],
                   cv=c.cv, limit=c.limit) for c in summary.cv_failures]
        out.append(t("{n} 项差异系数超过限值：{names}", n=len(summary.cv_failures),
                     names=Verbatim(t(LIST_SEPARATOR).join(names))))
    if summary.items_not_met:
        out.append(t("{n} 项县级指标未达到：{items}", n=len(summary.items_not_met),
                     items=Verbatim(t("；").join(tr(texts[i]) for i in summary.items_not_met))))
    if summary.vetoes_found:
        out.append(t("存在不予认定情形：{items}", items=Verbatim(t("；").join(
            tr(c["text"]) for c in rules["non_recognition"]["items"] if c["id"] in summary.vetoes_found))))
    if summary.county_items_partial:
        out.append(t("{n} 项县级指标只有部分佐证，需补齐后才能判定", n=summary.county_items_partial))
    if summary.county_items_no_data:
        out.append(t("{n} 项县级指标暂无数据，需补充佐证后才能判定", n=summary.county_items_no_data))
    if summary.vetoes_no_data:
        out.append(t("{n} 项不予认定情形尚无佐证", n=summary.vetoes_no_data))
    return out


def citation(section: str, excerpt: str) -> str:
    """A report fact as a source: its section and the verbatim excerpt."""
    return t("工作汇报 {section}：“{excerpt}”", section=section, excerpt=Verbatim(excerpt))


def document_source(detail: dict, demo: bool = False) -> str:
    """An evidence document as a source: title, issuer and number, date."""
    parts = " ".join(p for p in (detail.get("issuer"), detail.get("document_no"), detail.get("issued_on")) if p)
    title = Verbatim(detail.get("document") or "")
    if parts:  # titles, issuers and numbers are quoted as written: they are names, not words to translate
        return t("佐证台账：《{title}》（{parts}）", title=title, parts=Verbatim(parts))
    return t("佐证台账：《{title}》", title=title)


def _schools_or_ok(detail: dict, failing: list[str], ok_text: str) -> str:
    """An every-school rule: who fails, else who is missing, else that all pass."""
    if detail["failing_count"]:
        return t("未达到：{names}", names=Verbatim(_listed(failing, detail["failing_count"])))
    points = int(detail.get("teaching_points_checked", 0))
    schools = (t("{schools} 所学校和 {points} 个教学点", schools=detail["checked"] - points, points=points) if points
               else t("{schools} 所学校", schools=detail["checked"]))
    text = t(ok_text, n=detail["checked"], schools=Verbatim(schools))
    if detail["missing_count"]:
        text += t("；缺 {n} 所学校的数据：{names}", n=detail["missing_count"],
                  names=Verbatim(_listed([tr(n) for n in detail["missing"]], detail["missing_count"])))
    return text


def _classes_value(req, d) -> str:
    if d["failing_count"]:
        names = [t("{school}（{stage}，{n} 个班超额，最大 {largest} 人）", school=n, stage=s, n=k, largest=m)
                 for n, s, k, m in d["failing"]]
        return t("{n} 个班超过限额：{names}", n=d["over_classes"], names=Verbatim(_listed(names, d["failing_count"])))
    return _schools_or_ok(d, [], "已登记的 {n} 个学校（学段）所有班级均不超额") + (
        t("；最大班 {n} 人", n=d["largest"]) if d.get("largest") else "")


def _rooms_value(req, d) -> str:
    names = [t("{school}（应各 {needed} 间：音乐 {music} 间、美术 {art} 间）", school=n, needed=k, music=m, art=a)
             for n, k, m, _, a, _ in d["failing"]]
    return _schools_or_ok(d, names, "{schools}音乐、美术教室间数与面积均达到")


def _funding_value(req, d) -> str:
    if d["total"] == 0:
        return t("没有不足 100 名学生的村小或教学点")
    names = [t("{school}（{students} 人，按 {funded} 人核定）", school=n, students=k, funded=f) for n, k, f in d["failing"]]
    return _schools_or_ok(d, names, "{n} 所不足 100 人的村小和教学点均按 100 人核定")


def _share_value(req, d) -> str:
    names = [t("{school}（{share:.1f}%）", school=n, share=v) for n, v in d["failing"]]
    text = _schools_or_ok(d, names, "{schools}均达到")
    if not d["failing_count"] and d.get("lowest") is not None:
        text += t("（最低 {share:.1f}%）", share=d["lowest"])
    return text


def _quota_value(req, d) -> str:
    if d.get("approved") is None:
        return t("各校核定编制合计 {n} 人；县核定编制总额无数据", n=num(d["allotted"]))
    return t("各校核定编制合计 {n} 人，县核定总额 {approved} 人", n=num(d["allotted"]), approved=num(d["approved"]))


def _rotation_value(req, d) -> str:
    if d["measure"] == "rate":
        return t("交流 {moves} 人 ÷ 符合条件 {eligible} 人 = {value:.1f}%", moves=d["moves"], eligible=d["eligible"],
                 value=req["value"])
    return t("骨干 {backbone} 人 ÷ 交流 {moves} 人 = {value:.1f}%", backbone=d["backbone"], moves=d["moves"],
             value=req["value"])


def _cohort_value(req, d) -> str:
    return t("初三在校 {completed} 人 ÷ 应在校 {base} 人 = {value:.1f}%", completed=d["completed"], base=d["base"],
             value=req["value"])


def _disabled_value(req, d) -> str:
    return t("入学 {enrolled} 人（含送教上门 {home} 人）÷ 适龄 {eligible} 人 = {value:.1f}%", enrolled=d["enrolled"],
             home=d["home_tutored"], eligible=d["eligible"], value=req["value"])


LEVELS = {1: "Ⅰ", 2: "Ⅱ", 3: "Ⅲ", 4: "Ⅳ"}


def _monitoring_value(req, d) -> str:
    if d["measure"] == "level":
        if d["failing"]:
            names = [t("{subject}（{grade} 年级，{level}级）", subject=s, grade=g, level=LEVELS.get(int(v), v))
                     for s, g, v in d["failing"]]
            return t("未达到Ⅲ级：{names}", names=Verbatim(t(LIST_SEPARATOR).join(names)))
        return t("{n} 个科目均达到Ⅲ级以上（最低 {level}级）", n=d["subjects"], level=LEVELS.get(int(req["value"]), ""))
    if d["failing"]:
        names = [t("{subject}（{grade} 年级，{rate:.3f}）", subject=s, grade=g, rate=v) for s, g, v in d["failing"]]
        return t("差异率不低于 0.15：{names}", names=Verbatim(t(LIST_SEPARATOR).join(names)))
    return t("{n} 个科目差异率均低于 0.15（最大 {rate:.3f}）", n=d["subjects"], rate=req["value"])


def _survey_value(req, d) -> str:
    low, high = d["interval"]
    text = t("认可度 {value:.1f}%（{groups} 类对象共 {n:,} 人；95% 区间 {low:.1f}%–{high:.1f}%）", value=req["value"],
             groups=len(d["groups"]), n=d["respondents"], low=low, high=high)
    if req["status"] == ITEM_PARTIAL:
        text += t("：样本不足以确认达到 {threshold:g}%", threshold=req["threshold"])
        if d.get("needed"):
            text += t("，按同样的答案再调查约 {n:,} 人可以确定", n=d["needed"])
    unsettled = [g for g in d["groups"] if g[5] == ITEM_PARTIAL]
    if unsettled and req["status"] != ITEM_PARTIAL:
        text += t("；{groups}的样本不足以单独确认", groups=Verbatim(t(LIST_SEPARATOR).join(tr(g[0]) for g in unsettled)))
    return text


SAMPLE_VERDICTS = {ITEM_MET: N_("样本确认达到"), ITEM_NOT_MET: N_("样本确认未达到"), ITEM_PARTIAL: N_("样本不足以确认")}


def sample_verdict(status: str, needed: int | None) -> str:
    """A survey group's sample in words: what its interval settles, and how many more would settle it."""
    text = t(SAMPLE_VERDICTS[status])
    if status == ITEM_PARTIAL and needed:
        text += t("（约再调查 {n:,} 人）", n=needed)
    return text


def _document_value(req, d) -> str:
    return t("有文件佐证")


def _special_value(req, d) -> str:
    if d["schools"] == 0:
        return t("全县没有特殊教育学校")
    return t("{n} 所特殊教育学校，生均公用经费 {value} 元", n=d["schools"], value=num(req["value"]))


REGISTER_VALUES = {"class_register": _classes_value, "special_rooms": _rooms_value,
                   "small_school_funding": _funding_value, "training_share": _share_value,
                   "teacher_share": _share_value, "staffing_quota": _quota_value, "rotation_register": _rotation_value,
                   "consolidation": _cohort_value, "disabled_enrolment": _disabled_value,
                   "monitoring": _monitoring_value, "survey": _survey_value, "document": _document_value,
                   "special_education": _special_value}


# how a county figure reads beside its requirement, by metric: the report's own way of saying it
METRIC_VALUES = {"teacher_pay_above_civil_servants": N_("比公务员平均工资高 {value} 元")}


def requirement_value(req: dict) -> str:
    """One requirement's evidence in words: a rate with its unit (a lower bound as the report states
    it, "＞5%（报告表述）"), the largest or oversize schools, or what is missing."""
    detail = req.get("detail")
    if detail:
        if detail["kind"] == "school_size":
            if detail["over_count"]:
                names = [t("{school}（{n} 人）", school=n, n=s) for n, s in detail["over"]]
                return t("超规模：{names}", names=Verbatim(_listed(names, detail["over_count"])))
            name, students = detail["worst"]
            return t("规模最大：{school} {n} 人", school=name, n=students)
        if detail["kind"] == "needs_class_register":
            return t("无逐班数据（平均班额不能证明每个班都不超额）")
        if detail["kind"] in REGISTER_VALUES:
            return REGISTER_VALUES[detail["kind"]](req, detail)
    value = req.get("value")
    if value is None or value != value:
        return t("无数据")
    if req.get("bound") == "lower":
        return t("＞{value}{unit}（报告表述）", value=num(value), unit=tr(req.get("unit") or ""))
    if req.get("metric") in METRIC_VALUES:
        return t(METRIC_VALUES.get(req["metric"]), value=num(value))
    return f"{num(value)} {tr(req.get('unit') or '')}".strip()


def item_value(row) -> str:
    """A county item's evidence, requirement by requirement when it has more than one."""
    reqs = row.get("requirements") or []
    if len(reqs) <= 1:
        return requirement_value(reqs[0] if reqs else row)
    return t("；").join(t("{n}. {value}", n=i + 1, value=Verbatim(requirement_value(r))) for i, r in enumerate(reqs))


# the registers a requirement is judged from, by its source_ref: named by the import template's sheet
SNAPSHOT_SOURCE_TABLES = {"school_size": "school_stage_year"}


SHEETS = {table.name: table.sheet for table in SCHEMA_TABLES}  # table → the import template's sheet


def snapshot_source_text(ref: str) -> str:
    """A register as the bureau knows it: the sheet of the import template (数据快照“班级”表)."""
    return t("数据快照“{sheet}”表", sheet=SHEETS.get(SNAPSHOT_SOURCE_TABLES.get(ref, ref), ref))


def requirement_source(req: dict, citations: dict) -> str:
    kind = req.get("source_kind")
    if kind == "report":
        section, excerpt = citations.get(req["source_ref"], ("", req["source_ref"]))
        return citation(section, excerpt)
    if kind == "demo":
        return t("示例数据（“县级年度指标”表）")
    if kind == "evidence":
        return document_source(req.get("detail") or {}, req.get("demo"))
    if kind == "snapshot":
        source = snapshot_source_text(req["source_ref"])
        return t("{source}（示例数据）", source=Verbatim(source)) if req.get("demo") else source
    return t("报告与数据快照中均无此项数据")


def item_source(row, citations: dict) -> str:
    """Where a county item's evidence comes from: the report's sentence, the demo data or a snapshot table."""
    reqs = row.get("requirements") or []
    if len(reqs) <= 1:
        return requirement_source(reqs[0] if reqs else row, citations)
    sources = {requirement_source(r, citations) for r in reqs}
    if len(sources) == 1:  # both requirements from one register (G11: the rotation moves) name it once
        return sources.pop()
    return t("；").join(t("{n}. {value}", n=i + 1, value=Verbatim(requirement_source(r, citations)))
                       for i, r in enumerate(reqs))


# where the data that judges a requirement goes: the import template's sheet (or the county figure)
NEEDS = {
    "class_register": N_("导入模板“班级”表：每个班的学生数"),
    "special_rooms": N_("导入模板“音乐美术教室”表：各校音乐、美术教室间数和最小面积"),
    "small_school_funding": N_("导入模板“学校经费”表：不足 100 人的村小和教学点核定公用经费的学生数"),
    "training_share": N_("导入模板“学校经费”表：各校公用经费预算和教师培训经费"),
    "teacher_share": N_("导入模板“教师台账”表：各校持证、完成 360 学时培训的专任教师数"),
    "staffing_quota": N_("导入模板“教师台账”表：各校核定编制和岗位数；县级年度指标 staffing_quota_approved（县核定编制总额）"),
    "rotation_register": N_("导入模板“交流轮岗”表：每人次交流的派出、接收学校"),
    "consolidation": N_("导入模板“初中巩固率”表：三年前初一入学、转入转出、初三在校人数"),
    "disabled_enrolment": N_("导入模板“残疾儿童少年”表：适龄人数与随班就读、特教学校、送教上门人数"),
    "monitoring": N_("导入模板“质量监测”表：各科学业水平等级和校际差异率"),
    "survey": N_("导入模板“满意度调查”表：各类调查对象的有效样本数和认可人数"),
    "document": N_("导入模板“佐证台账”表：文件名称、发文单位、文号、日期"),
    "special_education": N_("县级年度指标 special_education_schools（特殊教育学校数）和 special_education_funds_per_student（生均公用经费）"),
    "school_size": N_("导入模板“学校分学段数据”表"),
}


def metric_named(metric: str) -> str:
    """A county metric as the template's 指标清单 sheet names it: its meaning, then the code to enter
    (in English the code alone, which is already English)."""
    meaning = KNOWN_METRICS.get(metric, ("", ""))[0]
    if i18n.english() or not meaning:
        return metric
    return t("“{meaning}”（{metric}）", meaning=meaning, metric=metric)


def what_it_needs(req: dict, rule: dict) -> str:
    """What is missing to judge a requirement (no data, partial) or to meet it (not met), in words."""
    status = req["status"]
    if status == ITEM_NOT_MET:
        return t("达标还差：{what}", what=Verbatim(requirement_value(req)))
    if status not in (ITEM_NO_DATA, ITEM_PARTIAL):
        return ""
    detail = req.get("detail") or {}
    if status == ITEM_PARTIAL and detail.get("missing_count"):
        return t("判定还缺 {n} 所学校的数据：{names}", n=detail["missing_count"],
                 names=Verbatim(_listed([tr(n) for n in detail["missing"]], detail["missing_count"])))
    if status == ITEM_PARTIAL and req.get("bound") == "lower":
        return t("报告只给出全县合计；判定需要：{needs}", needs=t(NEEDS.get("training_share")))
    kind = rule.get("evaluator", "none")
    if kind in NEEDS and kind != "county_metric":
        needs = t(NEEDS[kind])
        if kind not in ("special_education", "document", "school_size") and rule.get("metric"):
            needs = t("{needs}；或县级年度指标 {metric}", needs=Verbatim(needs), metric=Verbatim(metric_named(rule["metric"])))
    elif rule.get("metric"):
        needs = t("县级年度指标 {metric}", metric=Verbatim(metric_named(rule["metric"])))
    else:
        return t("判定需要书面佐证，可登记在导入模板“佐证台账”表")
    return t("判定需要：{needs}", needs=Verbatim(needs))


def veto_source(row, citations: dict) -> str:
    """The evidence that a non-recognition condition is absent (or present): a document or the report."""
    if row.get("source_kind") == "evidence":
        return document_source(row.get("detail") or {}, row.get("demo"))
    if row.get("source_kind") == "report" and row.get("source_ref") in citations:
        return citation(*citations[row["source_ref"]])
    return t("报告与数据快照中均无此项数据")


def precondition_source(row, citations: dict, rules: dict) -> str:
    """Where a condition for applying rests, or what to enter when nothing does yet."""
    if row["status"] == ITEM_NO_DATA:
        hint = next(c["hint"] for c in rules["preconditions"]["items"] if c["id"] == row["item"])
        return t("尚无数据：{hint}", hint=Verbatim(tr(hint)))
    if row.get("source_kind") == "evidence":
        return document_source(row.get("detail") or {}, row.get("demo"))
    if row.get("source_kind") == "report" and row.get("source_ref") in citations:
        return citation(*citations[row["source_ref"]])
    if row.get("source_kind") == "report":
        return t("县级年度指标（来源：{source}）", source=Verbatim(str(row["source_ref"])))
    return t("示例数据（“县级年度指标”表）")


def veto_status(row) -> str:
    """A non-recognition condition's mark and words (the inspection decides; demo data says so)."""
    text = f"{VETO_MARKS[row['status']]} {t(VETO_LABELS[row['status']])}"
    return t("{status}（示例数据）", status=Verbatim(text)) if row.get("demo") else text


def item_status(row) -> str:
    """The status mark and word; judged from demo data it says so."""
    label = DECLARED_MET if row["status"] == ITEM_MET and row.get("basis") == BASIS_DECLARED else ITEM_LABELS[row["status"]]
    text = f"{ITEM_MARKS[row['status']]} {t(label)}"
    return t("{status}（示例数据）", status=Verbatim(text)) if row.get("demo") else text


def describe_plan(plan: list[dict]) -> str:
    """A plan in words, e.g. 「增加 120 ㎡ 体育运动场馆面积」."""
    parts = []
    for a in plan:
        template = "增加 {amount} {what}（达到标准值的 85%）" if a["target"] == "floor" else "增加 {amount} {what}"
        parts.append(t(template, amount=num(a["amount"]), what=a["addition"]))
    return t("，并").join(parts)


def describe_lack(plans: list[list[dict]]) -> str:
    if not plans:
        return ""
    return t("{plans}，即可达到学校标准。", plans=Verbatim(t("；或").join(describe_plan(p) for p in plans)))


SNAPSHOT_PROBLEMS = {
    "bad_id": N_("快照编号“{snapshot_id}”不合法：只能使用字母、数字、点、下划线和连字符，且不能包含“..”。"),
    "outside_root": N_("快照编号“{snapshot_id}”指向数据目录之外，已拒绝。"),
    "missing_tables": N_("缺少数据表：{tables}"),
    "exists": N_("快照“{snapshot_id}”已存在；已有快照不会被覆盖，请换一个编号。"),
    "no_manifest": N_("缺少 manifest.json"),
    "manifest_unreadable": N_("manifest.json 无法读取（{detail}）"),
    "manifest_field": N_("manifest.json 缺少字段 {field}"),
    "manifest_table": N_("清单中没有数据表 {table}"),
    "missing_file": N_("缺少文件 {file}"),
    "checksum": N_("文件 {file} 的校验值与清单不符（文件已损坏或未复制完整）"),
    "row_count": N_("文件 {file} 有 {rows} 行，清单记录为 {expected} 行"),
    "not_found": N_("找不到快照“{snapshot_id}”（在 {root} 下）。"),
    "id_mismatch": N_("文件夹名“{folder}”与清单中的编号“{manifest_id}”不一致"),
    "unreadable": N_("快照“{snapshot_id}”的数据文件读取失败（{detail}），已停用；请重新导入或从备份恢复该快照"),
    "write_failed": N_("新快照没有写成（{reason}：{detail}）；已有快照没有任何改动。请腾出磁盘空间或检查数据目录的写入权限后重试"),
    "none_intact": N_("数据目录 {root} 下没有完好的快照。{skipped}请运行 python -m dashboard_core build-demo 生成示例快照，或导入统计数据。"),
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
        elif key == "reason":
            value = t(WRITE_FAILURES.get(value, WRITE_FAILURES["other"]))
        shown[key] = Verbatim(str(value))
    return t(SNAPSHOT_PROBLEMS[code], **shown)


WRITE_FAILURES = {"disk_full": N_("磁盘已满"), "permission": N_("数据目录不可写"), "other": N_("写入出错")}


def scope_label(filters, township_names: dict, school_names) -> str:
    """The part of the county in view, in words: schools, townships or the whole county."""
    if filters.schools:
        names = [tr(school_names.get(s, s)) for s in filters.schools]
        shown = t(LIST_SEPARATOR).join(names[:3])
        return t("{names} 等 {n} 所学校", names=Verbatim(shown), n=len(names)) if len(names) > 3 else shown
    if filters.townships:
        return t(LIST_SEPARATOR).join(tr(township_names.get(c, c)) for c in filters.townships)
    return t("全县")


# what a plan's action adds, and its kind
RESOURCE_LABELS = {
    "teachers_above_degree": N_("高于规定学历的专任教师"), "pe_art_teachers": N_("体育、艺术专任教师"),
    "backbone_teachers": N_("县级以上骨干教师（培养认定）"), "teaching_area_m2": N_("教学及辅助用房"),
    "sports_area_m2": N_("体育运动场馆"), "equipment_value_yuan": N_("教学仪器设备"), "multimedia_rooms": N_("网络多媒体教室"),
    "music_rooms": N_("音乐专用教室"), "art_rooms": N_("美术专用教室"), "classes": N_("新增班级（拆分超额班级）"),
    "class_pupils": N_("超额班级的学生（调入同年级其他班）"),
}
ACTION_KINDS = {"add": N_("新增"), "transfer": N_("调配"), "upgrade": N_("学历提升"), "reassign": N_("转岗"),
                "rebalance": N_("调整分班")}
BUDGET_KINDS = {"capital": N_("一次性"), "recurrent": N_("每年")}
PLAN_STATUS = {"optimal": N_("已求得最低成本方案"), "no_gaps": N_("所有学校与差异系数已达标，无需规划"),
               "infeasible": N_("按现有数据找不到能让所有学校达标的方案"),
               "needs_posts": N_("在现有空编内无法达标：方案需要新增编制")}


COUNT_UNITS = ("人", "间", "个", "班", "所", "台", "套")


def action_text(a) -> str:
    """One action of a plan in words, e.g. 「县第三小学（示例）·小学：从阔洪奇乡中心小学调配 3 人高于规定学历的专任教师」."""
    where = tr(a["school_name"]) + (t("·{stage}", stage=a["stage"]) if isinstance(a.get("stage"), str) else "")
    grade = a.get("grade")
    if grade is not None and grade == grade:
        where += t("（{grade} 年级）", grade=int(grade))
    what = t(RESOURCE_LABELS.get(a["resource"], a["resource"]))
    # in English a count goes without its unit word ("Art rooms +1", not "add 1 rooms Art rooms"): the
    # measure names the thing counted; areas and sums keep theirs ("+539 ㎡")
    counted = i18n.english() and a["unit"] in COUNT_UNITS
    amount = fmt(a["quantity"]) if counted else f"{fmt(a['quantity'])} {tr(a['unit'])}"
    kind = a["kind"]
    if kind == "transfer":
        direction = a.get("direction")
        text = t("{where}：从{source}调配 {amount}{what}", where=Verbatim(where), source=a["from_school_name"],
                 amount=Verbatim(amount), what=Verbatim(what))
        return text + (t("（{direction}）", direction=Verbatim(direction_text(direction))) if isinstance(direction, str) else "")
    if kind == "upgrade":
        return t("{where}：在职教师 {amount}提升学历（计入高于规定学历教师）", where=Verbatim(where), amount=Verbatim(amount))
    if kind == "reassign":
        return t("{where}：富余学科教师 {amount}经培训转任体育、艺术教师", where=Verbatim(where), amount=Verbatim(amount))
    if kind == "rebalance":
        return t("{where}：调整分班，{amount}调入同年级其他班（不增班、不增教师）", where=Verbatim(where), amount=Verbatim(amount))
    if a["resource"] == "pe_art_teachers":  # hired with a degree above the required: counts for both indicators
        what += t("（学历高于规定，同时计入高于规定学历教师）")
    return t("{where}：新增 {amount}{what}", where=Verbatim(where), amount=Verbatim(amount), what=Verbatim(what))


def direction_text(direction: str) -> str:
    """「城区→乡村」 in the current language (the settings are data values)."""
    return " → ".join(tr(part) for part in direction.split("→"))


def plan_money(plan) -> str:
    """A plan's cost in words: its total over the years planned for, one-off and per year apart."""
    from ..model.plan import budget_by_year

    budget = budget_by_year(plan, 0)
    one_off = sum(b["capital"] for b in budget) / 10_000
    yearly = (budget[0]["recurrent"] if budget else 0.0) / 10_000
    return t("合计 {total}（按 {years} 年计：一次性投入 {one_off}，每年经常性支出 {yearly}）",
             total=Verbatim(amount(plan.total_cost / 10_000, "万元")), years=plan.horizon,
             one_off=Verbatim(amount(one_off, "万元")), yearly=Verbatim(amount(yearly, "万元")))


def transfer_rule(rules: dict) -> str:
    """The direction rule of the rules file, in words, with its source."""
    rule = rules["resource"].get("transfers", {})
    return t("{text}。依据：{source}", text=Verbatim(tr(rule.get("text", ""))), source=Verbatim(tr(rule.get("source", ""))))


OUTSTANDING_LINES = 5  # a slide lists this many items that hold the verdict back, then counts the rest


def county_items_outstanding(items, limit: int = OUTSTANDING_LINES) -> list[str]:
    """The county items that are not (yet) met, one line each: status, code, requirement, evidence."""
    records = [r for r in items.to_dict("records") if r["status"] in (ITEM_NOT_MET, ITEM_PARTIAL, ITEM_NO_DATA)]
    order = {ITEM_NOT_MET: 0, ITEM_PARTIAL: 1, ITEM_NO_DATA: 2}
    records.sort(key=lambda r: order[r["status"]])
    lines = [t("{status} · {item} {text}：{value}", status=Verbatim(item_status(r)), item=r["item"], text=r["text"],
               value=Verbatim(item_value(r) or "—")) for r in records[:limit]]
    if len(records) > limit:
        lines.append(t("另有 {n} 项未达到或证据不全，见“达标评估”页的逐项表。", n=len(records) - limit))
    return lines


def demo_points_note(series_frame) -> str:
    """Said under a trend only when it draws demo values beside the report's."""
    return t("；空心菱形为示例数据（报告未给出该年）") if (series_frame["来源"] == "示例数据").any() else ""


def teaching_point_rule(rules: dict) -> str:
    """How this rules file counts teaching points, in words (the treatment it chose; its source beside)."""
    from ..model import standard

    treatment = standard.teaching_point_treatment(rules)
    if treatment == "with_parent":
        return t("教学点的数据并入管理它的中心校计算，差异系数与学校达标统计同样处理")
    if treatment == "own_part":
        return t("每个教学点单独作为一个学校计算，差异系数与学校达标统计同样处理")
    return t("不足 {n} 人的教学点不计入差异系数与学校达标统计，其余教学点单独计算",
             n=standard.teaching_points_left_out_under(rules))


def school_rule(rules: dict) -> dict:
    """The school rule's counts, for sentences that state it: n indicators, at least `least` met, the
    other `miss` not below `floor` % (all from the rules file)."""
    from ..model import standard

    return {"n": len(rules["resource"]["indicators"]), "least": standard.min_met(rules),
            "miss": int(rules["resource"]["may_miss"]), "floor": f"{rules['resource']['floor_share'] * 100:g}"}


def indicator_names(rules: dict, codes) -> str:
    """The short names of some indicators, listed in the rules' order."""
    short = {i["code"]: i["short"] for i in rules["resource"]["indicators"]}
    return t(LIST_SEPARATOR).join(tr(short[c]) for c in codes)
