"""Display tables: the frames a page shows, a chart draws and a download holds, built from the model's
codes and numbers. Headers are the Chinese column names; i18n.tr_frame gives them in English when shown.
"""
from __future__ import annotations

import pandas as pd

from ..model import measures, standard
from . import i18n, words
from .i18n import N_, t
from .charts import STATUS_MARKS
from .format import beside_threshold
from ..model.vocabulary import CV_SCOPE, SETTINGS
from .words import CV_LABELS, CV_SCOPE_LABEL, STATUS_LABELS, TARGET_LABELS


def status_grid_frame(values: pd.DataFrame, links: dict | None = None) -> pd.DataFrame:
    """The table behind the school × indicator grid."""
    frame = values.copy()
    frame["学校（学段）"] = frame["school_name"] + "（" + frame["stage"] + "）"
    frame["指标"] = frame["number"].astype(str) + " " + frame["short"]
    frame["状态"] = frame["status"].map(STATUS_LABELS)
    frame["标记"] = frame["status"].map(STATUS_MARKS)
    frame["数值"] = beside_threshold(frame["value"], frame["threshold"])
    frame["标准值"] = frame["threshold"]
    frame["85%底线"] = frame["floor"].round(3)
    frame["达到标准值的比例"] = (frame["share_of_threshold"] * 100).round(1)
    out = frame[["school_id", "学校（学段）", "stage", "指标", "数值", "标准值", "85%底线", "达到标准值的比例",
                 "状态", "标记", "unit"]].rename(columns={"school_id": "学校编号", "stage": "学段", "unit": "单位"})
    if links is not None:
        out["档案"] = out["学校编号"].map(links)
    return out


def status_grid_table(card, limit: int) -> pd.DataFrame:
    """The grid's table for the `limit` schools most in need (what its CSV holds)."""
    return status_grid_frame(card.values_for(card.ranked_school_ids(limit)))


def cv_frame(cvs: pd.DataFrame) -> pd.DataFrame:
    frame = cvs.copy()
    frame["指标"] = frame["number"].astype(str) + " " + frame["short"]
    frame["差异系数"] = frame["cv"].round(4)
    frame["限值"] = frame["limit"]
    reasons = frame["reason"] if "reason" in frame else pd.Series([None] * len(frame), index=frame.index)
    frame["结果"] = [CV_SCOPE_LABEL if r == CV_SCOPE else CV_LABELS[s] for s, r in zip(frame["status"], reasons)]
    frame["参与学校数"] = frame["schools"]
    return frame[["stage", "指标", "差异系数", "限值", "结果", "参与学校数"]].rename(columns={"stage": "学段"})


SOURCE_LABELS = {"report": N_("工作汇报"), "demo": N_("示例数据")}


def _school_label(frame: pd.DataFrame) -> pd.Series:
    return frame["school_name"] + "（" + frame["stage"] + "）"


def indicator_frame(part: pd.DataFrame, links: dict | None = None, limit: int | None = None) -> pd.DataFrame:
    """One indicator for the school parts in view (from Scorecard.indicator): value, threshold, share
    of it, status; lowest share first, at most `limit` rows."""
    out = pd.DataFrame({
        "学校编号": part["school_id"], "学校（学段）": _school_label(part), "学段": part["stage"],
        "乡镇": part.get("township_name"), "城乡": part.get("urban_rural"),
        "学生数": part["students"], "数值": beside_threshold(part["value"], part["threshold"]),
        "标准值": part["threshold"],
        "85%底线": part["floor"].round(3), "达到标准值的比例": (part["share_of_threshold"] * 100).round(1),
        "单位": part["unit"], "状态": part["status"].map(STATUS_LABELS),
    })
    out = out[out["学生数"] > 0].sort_values(["达到标准值的比例", "学段"], kind="stable")
    if limit is not None:
        out = out.head(limit)
    if links is not None:
        out["档案"] = out["学校编号"].map(links)
    return out.reset_index(drop=True)


def indicator_table(card, code: str) -> pd.DataFrame:
    """Every school part of a scorecard for one indicator, as indicator_frame shapes it."""
    return indicator_frame(card.indicator(code))


def county_items_frame(items: pd.DataFrame, citations: dict, with_part: bool = True) -> pd.DataFrame:
    """The county items as a table: requirement, evidence, status (mark and word, demo marked), source.
    `citations` maps a report fact id to its (section, excerpt)."""
    records = items.to_dict("records")
    out = items.assign(状态=[words.item_status(r) for r in records],
                       value_text=[words.item_value(r) for r in records],
                       source=[words.item_source(r, citations) for r in records])
    columns = (["part_name"] if with_part else []) + ["item", "text", "value_text", "状态", "source"]
    if "scope" in out and (out["scope"] == "view").any():
        # a view of some schools: say which items were judged for them and which stay the county's
        out["范围"] = [i18n.t("所选学校") if scope == "view" else i18n.t("全县") for scope in out["scope"]]
        columns.insert(columns.index("状态"), "范围")
    return out[columns].rename(columns={"part_name": "部分", "item": "编号", "text": "要求", "value_text": "数值",
                                        "source": "来源"}).fillna({"数值": "—"}).reset_index(drop=True)


def county_item_tiles_frame(items: pd.DataFrame) -> pd.DataFrame:
    """The county items as tiles, one row per part: code, mark and status word for colour, the
    requirement and evidence for the tooltip."""
    records = items.to_dict("records")
    position = items.groupby("part", sort=False).cumcount() + 1
    return pd.DataFrame({
        "部分": items["part_name"].to_numpy(), "位置": position.to_numpy(), "编号": items["item"].to_numpy(),
        "标记": [words.ITEM_MARKS[r["status"]] for r in records],
        "类别": [words.ITEM_LABELS[r["status"]] for r in records],
        "状态": [words.item_status(r) for r in records],
        "要求": items["text"].to_numpy(), "数值": [words.item_value(r) for r in records],
    }).fillna({"数值": "—"})


def requirement_detail_frame(req: dict) -> pd.DataFrame | None:
    """The rows behind a requirement's verdict, when there are any to list: the oversize classes,
    the schools short of rooms or funds, the survey by group, the evidence document."""
    d = req.get("detail") or {}
    kind = d.get("kind")
    if kind == "class_register" and d.get("classes"):
        return pd.DataFrame(d["classes"], columns=["学校", "学段", "年级", "班号", "学生数"])
    if kind == "special_rooms" and d.get("failing"):
        return pd.DataFrame(d["failing"], columns=["学校", "应各有（间）", "音乐教室（间）", "最小音乐教室（㎡）",
                                                   "美术教室（间）", "最小美术教室（㎡）"])
    if kind == "small_school_funding" and d.get("failing"):
        return pd.DataFrame(d["failing"], columns=["学校", "学生数", "核定公用经费的学生数"])
    if kind in ("training_share", "teacher_share") and d.get("failing"):
        return pd.DataFrame(d["failing"], columns=["学校", "比例（%）"]).round({"比例（%）": 1})
    if kind == "monitoring" and d.get("failing"):
        return pd.DataFrame(d["failing"], columns=["科目", "年级", "数值"])
    if kind == "survey":
        frame = pd.DataFrame([g[:5] for g in d["groups"]],
                             columns=["调查对象", "有效样本数", "认可人数", "95% 区间下限（%）", "95% 区间上限（%）"])
        frame.insert(3, "认可度（%）", (frame["认可人数"] / frame["有效样本数"] * 100).round(1))
        frame[["95% 区间下限（%）", "95% 区间上限（%）"]] = frame[["95% 区间下限（%）", "95% 区间上限（%）"]].round(1)
        frame["结论"] = [words.sample_verdict(g[5], g[6]) for g in d["groups"]]
        return frame
    return None  # a document is named in the source line itself


def preconditions_frame(conditions: pd.DataFrame, citations: dict, rules: dict) -> pd.DataFrame:
    """The conditions for applying, each with its status and what it rests on (or what to enter)."""
    records = conditions.to_dict("records")
    return pd.DataFrame({"编号": conditions["item"], "申报条件": conditions["text"],
                         "状态": [words.item_status(r) for r in records],
                         "依据": [words.precondition_source(r, citations, rules) for r in records]})


def vetoes_frame(vetoes: pd.DataFrame, citations: dict) -> pd.DataFrame:
    """The conditions under which a county is not recognised, each with its status and evidence."""
    records = vetoes.to_dict("records")
    status = [words.veto_status(r) for r in records]
    return pd.DataFrame({"编号": vetoes["item"], "不予认定情形": vetoes["text"], "状态": status,
                         "佐证": [words.veto_source(r, citations) for r in records]})


def lowest_rows(frame: pd.DataFrame, keys: list[str], n: int) -> pd.DataFrame:
    """The rows of the `n` groups (by `keys`) whose lowest share of the standard is lowest, in their order."""
    lowest = frame.groupby(keys, sort=False)["达到标准值的比例"].min().nsmallest(n).index
    return frame[frame.set_index(keys).index.isin(lowest)]


def group_indicator_frame(grouped: pd.DataFrame, group_col: str, group_label: str) -> pd.DataFrame:
    """Aggregated indicator values (from standard.group_values) shaped for charts and download."""
    out = pd.DataFrame({
        group_label: grouped[group_col], "学段": grouped["stage"], "指标": grouped["number"].astype(str) + " " + grouped["short"],
        "数值": beside_threshold(grouped["value"], grouped["threshold"]), "标准值": grouped["threshold"],
        "单位": grouped["unit"],
        "达到标准值的比例": (grouped["value"] / grouped["threshold"] * 100).round(1),
        "学校数": grouped["schools"], "学生数": grouped["students"],
    })
    out["状态"] = [STATUS_LABELS[s] for s in grouped["status"]]  # judged unrounded in the model
    return out


def series_frame(series: pd.DataFrame, metrics: dict[str, str]) -> pd.DataFrame:
    """County series for the chosen metrics, labelled in Chinese and by source (report or demo)."""
    part = series[series["metric"].isin(metrics)].copy()
    return pd.DataFrame({
        "年份": part["year"].astype(int), "指标": part["metric"].map(metrics), "数值": part["value"],
        "单位": part["unit"], "来源": part["source"].map(lambda s: SOURCE_LABELS["demo"] if s == "demo" else SOURCE_LABELS["report"]),
        "来源编号": part["source"],
    }).reset_index(drop=True)


def facts_frame(facts: pd.DataFrame, fact_ids: list[str], labels: dict[str, str] | None = None,
                group: dict[str, str] | None = None) -> pd.DataFrame:
    """Chosen report facts in the given order, with the category label and the verbatim source."""
    rows = facts.set_index("fact_id").loc[fact_ids].reset_index()
    labels = labels or {}
    if i18n.english():  # a page's short label when it has an English word, else the fact's English name
        names = [i18n.tr(labels[f]) if f in labels and not i18n.has_cjk(i18n.tr(labels[f])) else e
                 for f, e in zip(rows["fact_id"], rows["metric_en"])]
    else:
        names = [labels.get(f, m) for f, m in zip(rows["fact_id"], rows["metric"])]
    out = pd.DataFrame({
        "项目": names,
        "数值": rows["value"], "单位": rows["unit"], "报告原文": rows["source_text"], "fact_id": rows["fact_id"],
    })
    if group:
        out.insert(0, "类别", [group[f] for f in rows["fact_id"]])
    return out


MEDAL_EVENTS = {
    "wrestling_national": "全国中小学国际式摔跤比赛（2025 年 1 月）",
    "wrestling_regional": "自治区摔跤比赛（先后 3 次参赛）",
    "archery": "全国射箭 U18 锦标赛（2024 年，本县承办）",
}


def medal_frame(facts: pd.DataFrame) -> pd.DataFrame:
    """The report's medal tables: one row per competition and medal."""
    ids, group, labels = [], {}, {}
    for prefix, event in MEDAL_EVENTS.items():
        for medal, name in (("gold", "金牌"), ("silver", "银牌"), ("bronze", "铜牌")):
            fid = f"{prefix}_{medal}"
            ids.append(fid)
            group[fid], labels[fid] = event, name
    return facts_frame(facts, ids, labels, group)


def standard_targets(rules: dict, rows: list[tuple]) -> pd.DataFrame:
    """Rates against requirements of the standard's county items: rows of (requirement id such as
    "G11.1", label, value, source); the required minimum comes from the rules, never from the page."""
    return target_frame([{"项目": label, "数值": float(value), "要求": float(standard.requirement(rules, rid)["threshold"]),
                          "单位": "%", "报告原文": source} for rid, label, value, source in rows])


def target_frame(rows: list[dict]) -> pd.DataFrame:
    """Rates against the standard's minimum: [{项目, 数值, 要求, 单位, 报告原文}]."""
    frame = pd.DataFrame(rows)
    frame["结果"] = [TARGET_LABELS[measures.meets_target(v, t)] for v, t in zip(frame["数值"], frame["要求"])]
    return frame


def pe_art_shortage(card) -> pd.DataFrame:
    """School parts short of PE and art teachers, and how many each lacks (measures.pe_art_shortage)."""
    return measures.pe_art_shortage(card).rename(columns={
        "school_id": "学校编号", "school_name": "学校", "stage": "学段", "students": "学生数",
        "numerator_value": "体育艺术教师", "value": "每百名学生", "threshold": "标准值", "lacking": "缺少（人）"})


def rotation_table(rotation: pd.DataFrame) -> pd.DataFrame:
    """Each school's rotation figures (the rotation_by_school query) as a table with its rate."""
    table = rotation.drop(columns="schools_in_view").assign(rate=measures.rotation_rate(rotation))
    return table.rename(columns={
        "school_id": "学校编号", "school_name": "学校", "school_type": "类型", "urban_rural": "城乡",
        "township_name": "乡镇", "exchange_eligible_teachers": "符合条件教师", "exchange_teachers": "交流轮岗教师",
        "exchange_backbone_teachers": "其中骨干教师", "rate": "交流率（%）"})


def school_ratio_frame(inputs: pd.DataFrame, links: dict | None = None) -> pd.DataFrame:
    """Students per full-time teacher, per school (measures.school_ratios), highest first."""
    per = measures.school_ratios(inputs)
    out = pd.DataFrame({"学校编号": per["school_id"], "学校": per["school_name"], "类型": per["school_type"],
                        "城乡": per["urban_rural"], "学生数": per["students"], "专任教师": per["teachers"],
                        "教职工": per["staff"], "生师比": per["ratio"]})
    if links is not None:
        out["档案"] = out["学校编号"].map(links)
    return out


def township_comparison_frame(results: pd.DataFrame, inputs: pd.DataFrame) -> pd.DataFrame:
    """Schools, students and school parts meeting the standard, per township (measures.township_pass_counts)."""
    return measures.township_pass_counts(results, inputs).rename(columns={
        "township_code": "乡镇代码", "township_name": "乡镇", "schools": "学校数", "students": "学生数",
        "parts": "学校学段数", "parts_passing": "达标学校学段数", "share_passing": "达标比例"})


def profile_trend_frame(values_by_year: pd.DataFrame) -> pd.DataFrame:
    frame = values_by_year.copy()
    return pd.DataFrame({"年份": frame["year"].astype(int), "学段": frame["stage"],
                         "指标": frame["number"].astype(str) + " " + frame["short"],
                         "数值": beside_threshold(frame["value"], frame["threshold"]), "标准值": frame["threshold"],
                         "单位": frame["unit"],
                         "达到标准值的比例": (frame["share_of_threshold"] * 100).round(1),
                         "状态": frame["status"].map(STATUS_LABELS)})


def comparison_frame(values: pd.DataFrame) -> pd.DataFrame:
    frame = values.copy()
    return pd.DataFrame({"学校（学段）": _school_label(frame), "学校编号": frame["school_id"],
                         "指标": frame["number"].astype(str) + " " + frame["short"],
                         "数值": beside_threshold(frame["value"], frame["threshold"]),
                         "标准值": frame["threshold"], "单位": frame["unit"],
                         "达到标准值的比例": (frame["share_of_threshold"] * 100).round(1),
                         "状态": frame["status"].map(STATUS_LABELS)})


def indicator_changes_table(changes: pd.DataFrame) -> pd.DataFrame:
    """compare.indicator_changes with its headers and status words."""
    return pd.DataFrame({
        "学校编号": changes["school_id"], "学校": changes["school_name"], "学段": changes["stage"], "指标": changes["short"],
        "原数值": changes["value_old"].round(3), "新数值": changes["value_new"].round(3), "变化": changes["change"].round(3),
        "原状态": changes["status_old"].map(STATUS_LABELS).fillna("（无）"),
        "新状态": changes["status_new"].map(STATUS_LABELS).fillna("（无）"),
    })


_PASS_WORDS = {True: N_("达标"), False: N_("未达标"), None: N_("（无）")}


def school_changes_table(changes: pd.DataFrame) -> pd.DataFrame:
    """compare.school_changes with its headers and verdict words."""
    return pd.DataFrame({"学校编号": changes["school_id"], "学校": changes["school_name"], "学段": changes["stage"],
                         "原结论": [_PASS_WORDS[p] for p in changes["passes_old"]],
                         "新结论": [_PASS_WORDS[p] for p in changes["passes_new"]]})


def summary_changes_table(rows: list[dict]) -> pd.DataFrame:
    """compare.summary_changes as a table of words."""
    names = {"verdict": "县域结论", "cv": "差异系数达标", "items": "县级指标达到"}

    def shown(value):
        return words.VERDICT_LABELS[value] if isinstance(value, str) else f"{value[0]} / {value[1]}"

    frame = pd.DataFrame([{"项目": f"{r['stage']}达标学校" if r["what"] == "schools" else names[r["what"]],
                           "原": shown(r["old"]), "新": shown(r["new"])} for r in rows])
    frame["是否变化"] = ["变化" if x != y else "" for x, y in zip(frame["原"], frame["新"])]
    return frame


def rotation_direction_frame(directions: pd.DataFrame) -> pd.DataFrame:
    """The year's rotation moves by direction (城区 / 镇区 / 乡村 → …), most moves first."""
    frame = directions.sort_values("moves", ascending=False, kind="stable")
    return pd.DataFrame({"派出学校": frame["from_setting"], "接收学校": frame["to_setting"], "交流人次": frame["moves"],
                         "其中骨干教师": frame["backbone_moves"]}).reset_index(drop=True)


def rotation_direction_bars(directions: pd.DataFrame) -> pd.DataFrame:
    """The moves by direction as bars ("城区 → 乡村"), for `charts.category_bars`."""
    frame = rotation_direction_frame(directions)
    return pd.DataFrame({"项目": frame["派出学校"] + " → " + frame["接收学校"], "数值": frame["交流人次"],
                         "单位": "人次", "报告原文": ""})


def subject_gap_bars(gaps: pd.DataFrame) -> pd.DataFrame:
    """The subjects short of teachers, most short first, as bars for `charts.category_bars`."""
    short = gaps[gaps["short"] > 0].sort_values("short", ascending=False, kind="stable")
    return pd.DataFrame({"项目": short["subject"], "数值": short["short"], "单位": "人", "报告原文": ""})


def plan_measure_bars(actions: pd.DataFrame, most: int | None = None) -> pd.DataFrame:
    """A plan's measures as bars (the measure in words, its cost in 万元), the dearest first; `most`
    keeps that many, for a slide."""
    ordered = actions.sort_values("cost", ascending=False, kind="stable")
    if most is not None:
        ordered = ordered.head(most)
    return pd.DataFrame({"项目": [words.action_text(a) for a in ordered.to_dict("records")],
                         "数值": (ordered["cost"] / 10_000).round(2).to_numpy(), "单位": "万元", "报告原文": ""})


def subject_gap_frame(gaps: pd.DataFrame) -> pd.DataFrame:
    """Teachers by subject against the curriculum's need: the structural shortage, measured."""
    return pd.DataFrame({"学科": gaps["subject"], "实有专任教师": gaps["teachers"], "按课时应配": gaps["needed"],
                         "缺口（人）": gaps["short"], "富余（人）": gaps["surplus"],
                         "缺教师的学校数": gaps["schools_short"], "学校数": gaps["schools"]})


def monitoring_frame(monitoring: pd.DataFrame) -> pd.DataFrame:
    """The national quality monitoring results, subject by subject."""
    return pd.DataFrame({"科目": monitoring["subject"], "年级": monitoring["grade"],
                         "学业水平": [i18n.t("{level}级", level=words.LEVELS.get(int(x), str(x))) for x in monitoring["level"]],
                         "校际差异率": monitoring["difference_rate"].round(3)})


# ---- the plan ----------------------------------------------------------------------------------------

def costs_frame(doc: dict) -> pd.DataFrame:
    """The unit costs to edit: one row per cost, keyed (hidden index) by its code."""
    items = doc["items"]
    en = i18n.english()
    return pd.DataFrame({i18n.t("项目"): [i["name_en"] if en else i["name"] for i in items],
                         i18n.t("单位"): [i["unit_en"] if en else i["unit"] for i in items],
                         i18n.t("单价（元）"): [float(i["yuan"]) for i in items],
                         i18n.t("依据"): [i["source_en"] if en else i["source"] for i in items]},
                        index=[i["key"] for i in items])


def costs_from_frame(frame: pd.DataFrame, doc: dict) -> dict[str, float]:
    """The unit costs as edited (a cost left empty or negative keeps its default)."""
    defaults = {i["key"]: float(i["yuan"]) for i in doc["items"]}
    column = i18n.t("单价（元）")
    out = {}
    for key, default in defaults.items():
        value = frame[column].get(key) if key in frame.index else None
        out[key] = float(value) if value is not None and pd.notna(value) and float(value) >= 0 else default
    return out


def plan_kind_options() -> list[str]:
    return [i18n.t(label) for label in words.ACTION_KINDS.values()]


def plan_resource_options() -> list[str]:
    return [i18n.t(label) for label in words.RESOURCE_LABELS.values()]


# what a planner reads and changes first (the measure, its amount and cost), then where a teacher comes
# from, then the codes: at 1280 px the quantity and cost are in view without scrolling sideways
PLAN_COLUMNS = ("类型", "学校", "学段", "年级", "资源", "数量", "费用（元）", "单位", "单位成本（元）", "支出", "年数",
                "派出学校", "调配方向", "学校编号", "派出学校编号")


def plan_frame(actions: pd.DataFrame) -> pd.DataFrame:
    """A plan's actions as the table a user edits, in the current language."""
    t = i18n.t

    def column(name, default):
        return actions[name] if name in actions else [default] * len(actions)

    # blank, not "None", where an action has no stage, grade or sending school
    return pd.DataFrame({
        t("类型"): [t(words.ACTION_KINDS[k]) for k in actions["kind"]],
        t("学校"): [i18n.tr(n) for n in actions["school_name"]],
        t("学段"): [i18n.tr(x) if isinstance(x, str) else "" for x in actions["stage"]],
        t("年级"): [str(int(g)) if g is not None and g == g else "" for g in column("grade", None)],
        t("资源"): [t(words.RESOURCE_LABELS[r]) for r in actions["resource"]],
        t("数量"): actions["quantity"].astype("float64"), t("费用（元）"): actions["cost"].astype("float64"),
        t("单位"): [i18n.tr(u) for u in actions["unit"]],
        t("单位成本（元）"): actions["unit_cost"].astype("float64"),
        t("支出"): [t(words.BUDGET_KINDS.get(b, words.BUDGET_KINDS["capital"])) for b in column("budget", "capital")],
        t("年数"): pd.array([int(y) if y == y else 1 for y in column("years", 1)], dtype="Int64"),
        t("派出学校"): [i18n.tr(n) if isinstance(n, str) else "" for n in actions["from_school_name"]],
        t("调配方向"): [words.direction_text(d) if isinstance(d, str) else "" for d in column("direction", None)],
        t("学校编号"): actions["school_id"],
        t("派出学校编号"): [x if isinstance(x, str) else "" for x in actions["from_school_id"]],
    })


def actions_from_plan_frame(frame: pd.DataFrame) -> list[dict]:
    """The edited table back as actions (codes, not words), for plan_file.actions_frame to check."""
    t = i18n.t
    kinds = {t(label): code for code, label in words.ACTION_KINDS.items()}
    resources = {t(label): code for code, label in words.RESOURCE_LABELS.items()}
    budgets = {t(label): code for code, label in words.BUDGET_KINDS.items()}
    rows = []
    for r in frame.to_dict("records"):
        if all(v is None or v == "" or (isinstance(v, float) and pd.isna(v)) for v in r.values()):
            continue
        stage = r.get(t("学段"))
        rows.append({"kind": kinds.get(r.get(t("类型")), r.get(t("类型"))), "school_id": r.get(t("学校编号")),
                     "school_name": r.get(t("学校")) or r.get(t("学校编号")),
                     "from_school_id": r.get(t("派出学校编号")) or None, "from_school_name": r.get(t("派出学校")) or None,
                     "stage": _stage_code(stage), "resource": resources.get(r.get(t("资源")), r.get(t("资源"))),
                     "quantity": r.get(t("数量")), "unit": r.get(t("单位")) or "",
                     "unit_cost": r.get(t("单位成本（元）")), "grade": _grade(r.get(t("年级"))),
                     "direction": _direction_code(r.get(t("调配方向"))),
                     "budget": budgets.get(r.get(t("支出")), "capital"), "years": _blank_to_none(r.get(t("年数")))})
    return rows


def _grade(value):
    value = _blank_to_none(value)
    try:
        return None if value is None else int(float(value))
    except (TypeError, ValueError):
        return None


def _blank_to_none(value):
    return None if value is None or value == "" or (isinstance(value, float) and pd.isna(value)) or value is pd.NA else value


def _direction_code(shown):
    """「Urban → Rural」 or 「城区 → 乡村」 back to the data's 「城区→乡村」."""
    if not isinstance(shown, str) or not shown:
        return None
    settings = {i18n.tr(code): code for code in SETTINGS} | {code: code for code in SETTINGS}
    return "→".join(settings.get(part.strip(), part.strip()) for part in shown.split("→"))


def _stage_code(stage):
    if not isinstance(stage, str) or not stage:
        return None
    for code in ("小学", "初中"):
        if stage in (code, i18n.t(code)):
            return code
    return stage


def budget_frame(budget: list[dict]) -> pd.DataFrame:
    """A plan's spending by year (万元), in the current language."""
    t = i18n.t
    return pd.DataFrame({t("年份"): [str(b["year"]) for b in budget],
                         t("一次性投入（万元）"): [round(b["capital"] / 10_000, 2) for b in budget],
                         t("经常性支出（万元）"): [round(b["recurrent"] / 10_000, 2) for b in budget],
                         t("合计（万元）"): [round(b["total"] / 10_000, 2) for b in budget]})


def plan_totals(actions: pd.DataFrame, by: str, matrix: pd.DataFrame | None = None) -> pd.DataFrame:
    """A plan's cost summed by school, township (the `matrix` names each school's) or kind of action."""
    if actions.empty:
        return pd.DataFrame({"费用（元）": []})
    frame = actions.copy()
    if by == "school":
        frame["key"] = frame["school_name"]
        label = "学校"
    elif by == "township":
        frame["key"] = frame["school_id"].map(dict(zip(matrix["school_id"], matrix["township_name"]))).fillna("—")
        label = "乡镇"
    else:
        frame["key"] = [words.RESOURCE_LABELS[r] if k in ("add", "transfer") else words.ACTION_KINDS[k]
                        for r, k in zip(frame["resource"], frame["kind"], strict=True)]
        label = "资源"
    out = frame.groupby("key", sort=False).agg(措施数=("cost", "size"), 费用=("cost", "sum")).reset_index()
    out = out.sort_values("费用", ascending=False, kind="stable")
    out["费用（万元）"] = (out["费用"] / 10_000).round(1)
    return out.drop(columns="费用").rename(columns={"key": label}).reset_index(drop=True)


CROSSING_WORDS = {"fails_school_standard": N_("跌破学校标准"), "over_size_cap": N_("超过学校规模上限")}


def crossings_frame(crossings: pd.DataFrame) -> pd.DataFrame:
    """School parts that cross a threshold in a year ahead, as the planning page lists them."""
    return pd.DataFrame({"年份": crossings["year"].astype(int), "学校": crossings["school_name"],
                         "学段": crossings["stage"].fillna("—"),
                         "变化": [i18n.t(CROSSING_WORDS[w]) for w in crossings["what"]],
                         "预测学生数": crossings["students"].astype(int)})


def rectification_states_table(states) -> pd.DataFrame:
    """The county now, with the register's completed measures, and with every measure: what each state
    meets (school parts, CVs, county items), judged by the same scorecard."""
    rows = []
    for label, card in ((N_("现状"), states.now), (N_("已完成的措施落实后"), states.completed),
                        (N_("全部措施落实后"), states.planned)):
        s = card.summary
        applicable = s.cv_total - s.cv_not_applicable
        rows.append({"状态": t(label), "达到学校标准的学校（学段）": f"{s.schools_passing} / {s.schools_total}",
                     "差异系数在限值内": f"{s.cv_passing} / {applicable}" if applicable else t("不适用"),
                     "县级指标达到": f"{s.county_items_met} / {s.county_items_total}"})
    return pd.DataFrame(rows)


def rectification_table(register: pd.DataFrame, names: dict) -> pd.DataFrame:
    """The rectification register for reading: school names, an overdue flag, the measures in order."""
    frame = register.sort_values("measure_no", kind="stable")
    return pd.DataFrame({
        "序号": frame["measure_no"], "学校": [names.get(i, i) for i in frame["school_id"]], "学段": frame["stage"],
        "措施": frame["measure"], "资源": [t(words.RESOURCE_LABELS[r]) if r in words.RESOURCE_LABELS else r
                                        for r in frame["resource"]],
        "数量": frame["quantity"], "单位": frame["unit"], "费用（元）": frame["cost_yuan"],
        "责任单位": frame["responsible"], "完成时限": frame["deadline"], "进度": frame["status"],
        "逾期": [t("逾期") if late else "" for late in frame["overdue"]], "完成佐证": frame["evidence"]})
