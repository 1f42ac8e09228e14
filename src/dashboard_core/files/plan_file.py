"""A plan as a file: the JSON the command line writes and reads back (`plan --out`, `scorecard --plan`),
and the named scenarios the planning page saves beside the snapshots (never inside one)."""
from __future__ import annotations

import json
import math
import re
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd

from ..model import plan as plan_model
from ..model import standard
from ..present import words

# what a plan may change besides the indicators' resources: the county items' rooms, new classes and the
# pupils moved between a grade's classes
COUNTY_ITEM_RESOURCES = ("music_rooms", "art_rooms", "classes", "class_pupils")


def resources(rules: dict | None = None) -> tuple[str, ...]:
    return tuple(r.name for r in plan_model.resources(rules or standard.load_rules())) + COUNTY_ITEM_RESOURCES


def whole_resources(rules: dict | None = None) -> tuple[str, ...]:
    """Counted in whole people, rooms or classes: a fraction of one is a typing error."""
    return (tuple(r.name for r in plan_model.resources(rules or standard.load_rules()) if r.step == 1)
            + COUNTY_ITEM_RESOURCES)
SCENARIO_NAME = re.compile(r"^[0-9A-Za-z\u4e00-\u9fff][0-9A-Za-z\u4e00-\u9fff_.-]{0,39}$")


class PlanFileError(ValueError):
    """A plan file that cannot be read, in words for the user."""


def _clean(value):
    if value is None or (isinstance(value, float) and value != value):
        return None
    return value.item() if hasattr(value, "item") else value


def to_json(plan: plan_model.Plan, snapshot_id: str, year: int, costs: dict, summary_after=None,
            target_year: int | None = None) -> dict:
    actions = [{k: _clean(v) for k, v in row.items()} for row in plan.actions.to_dict("records")]
    for a in actions:
        if a.get("grade") is not None:
            a["grade"] = int(a["grade"])
    budget = plan_model.budget_by_year(plan, int(year))
    recurrent = budget[0]["recurrent"] if budget else 0.0
    doc = {"snapshot_id": snapshot_id, "year": int(year), "target_year": int(target_year or year),
           "status": plan.status, "cv_rounds": plan.cv_rounds,
           "costs": costs, "actions": actions, "total_cost": round(float(plan.total_cost), 2),
           "objective": {"horizon_years": plan.horizon,
                         "formula": "capital + recurrent_per_year × horizon_years"},
           "totals": {"capital": round(sum(b["capital"] for b in budget), 2), "recurrent_per_year": round(recurrent, 2)},
           "budget": [{k: (round(v, 2) if isinstance(v, float) else v) for k, v in b.items()} for b in budget],
           "cv": {"rounds": plan.cv_rounds, "lower_bound": _rounded(plan.cv_bound),
                  "gap": None if plan.cv_gap is None else round(plan.cv_gap, 6)},
           "staffing": {"vacant_posts": _rounded(plan.vacant_posts),
                        "new_hires": int(plan_model.hires(plan.actions, standard.load_rules())),
                        "posts_needed": int(plan.posts_needed)}}
    if summary_after is not None:
        doc["after"] = {"verdict": summary_after.verdict, "verdict_text": words.verdict_text(summary_after),
                        "schools_passing": summary_after.schools_passing, "schools_total": summary_after.schools_total,
                        "cv_passing": summary_after.cv_passing, "cv_total": summary_after.cv_total}
    return doc


def _rounded(value):
    return None if value is None or value != value else round(float(value), 2)


def actions_frame(rows: list[dict]) -> pd.DataFrame:
    """Actions from a file or an edited table, checked: a known resource, a whole positive quantity of
    people and rooms, a school for every action and a source school for every transfer."""
    if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
        raise PlanFileError("actions 须是一个列表，每一项是一个对象（如 {\"kind\": \"add\", \"resource\": \"art_rooms\", …}）")
    frame = pd.DataFrame(rows, columns=plan_model.ACTION_COLUMNS)
    problems = []
    known, whole = resources(), whole_resources()
    for i, r in enumerate(frame.itertuples(), start=1):
        if r.resource not in known:
            problems.append(f"第 {i} 项：资源“{r.resource}”不认识，可用：{'、'.join(known)}")
        if r.kind not in plan_model.ACTION_KINDS:
            problems.append(f"第 {i} 项：类型“{str(r.kind)[:20]}”只能是 add（新增）、transfer（调配）、upgrade（学历提升）、"
                            "reassign（转岗）或 rebalance（调整分班）")
        if r.kind == "transfer" and not r.from_school_id:
            problems.append(f"第 {i} 项：调配须写明派出学校（from_school_id）")
        quantity = _number(r.quantity)
        if quantity is None:
            problems.append(f"第 {i} 项：数量“{str(r.quantity)[:40]}”不是有效的数字")
            continue
        if quantity <= 0:
            problems.append(f"第 {i} 项：数量须大于 0")
        elif r.resource in whole and not float(quantity).is_integer():
            problems.append(f"第 {i} 项：{r.resource} 按整数计（人、间、班），数量 {quantity:g} 须为整数")
        if not _blank(r.unit_cost) and (_number(r.unit_cost) is None or _number(r.unit_cost) < 0):
            problems.append(f"第 {i} 项：单位成本“{str(r.unit_cost)[:40]}”须是不小于 0 的数字")
    if problems:
        raise PlanFileError("；".join(problems[:10]) + (f"；另有 {len(problems) - 10} 处" if len(problems) > 10 else ""))
    frame["quantity"] = frame["quantity"].astype("float64")
    frame["unit_cost"] = pd.to_numeric(frame["unit_cost"], errors="coerce").fillna(0.0)
    frame["budget"] = frame["budget"].where(frame["budget"].isin(["capital", "recurrent"]), "capital")
    years = pd.to_numeric(frame["years"], errors="coerce")
    frame["years"] = years.where(years >= 1, 1).fillna(1).astype("int64")
    frame.loc[frame["budget"] == "capital", "years"] = 1
    frame["cost"] = frame["quantity"] * frame["unit_cost"] * frame["years"]
    return frame


def _number(value) -> float | None:
    """A finite number (not a boolean, not text, not NaN or infinity), else None."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        return None
    return float(value)


def _blank(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _refuse_constant(token: str):
    raise ValueError(f"{token} 不是 JSON 的数")


def _json_of(path: Path, what: str):
    """A JSON file read strictly (NaN and Infinity refused), or PlanFileError saying what is wrong."""
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"), parse_constant=_refuse_constant)
    except FileNotFoundError:
        raise PlanFileError(f"找不到{what} {Path(path).name}") from None
    except IsADirectoryError:
        raise PlanFileError(f"{what} {Path(path).name} 是文件夹，不是文件") from None
    except (json.JSONDecodeError, UnicodeDecodeError, ValueError) as exc:
        raise PlanFileError(f"{what} {Path(path).name} 不是有效的 JSON（{exc}）") from None


def read_costs(path: Path) -> dict:
    """A unit-costs file (the format of model/rules/costs_2024.json), checked: every item a key and a
    finite, non-negative price in yuan; the keys the plan needs all present."""
    doc = _json_of(path, "单位成本文件")
    items = doc.get("items") if isinstance(doc, dict) else None
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        raise PlanFileError("单位成本文件须有 items 列表，每项是 {\"key\": …, \"yuan\": …}")
    problems = [f"第 {n} 项（{str(i.get('key'))[:30]}）：价格“{str(i.get('yuan'))[:30]}”须是不小于 0 的数字"
                for n, i in enumerate(items, start=1) if _number(i.get("yuan")) is None or _number(i.get("yuan")) < 0]
    problems += [f"第 {n} 项：缺少 key" for n, i in enumerate(items, start=1) if not isinstance(i.get("key"), str)]
    rules = standard.load_rules()
    needed = ({r.cost_key for r in plan_model.resources(rules)} - set(plan_model.cost_defaults(rules))) | {
        i["key"] for i in plan_model.load_costs()["items"]}
    missing = sorted(needed - {i.get("key") for i in items if isinstance(i.get("key"), str)})
    if missing:
        problems.append(f"缺少这些单位成本：{'、'.join(missing)}")
    if problems:
        raise PlanFileError("单位成本文件有误：" + "；".join(problems[:10]))
    return doc


def read(path: Path, known_schools=None) -> dict:
    """A plan file, checked; with `known_schools`, every school it names (target or source) must be one."""
    doc = _json_of(path, "规划文件")
    if not isinstance(doc, dict) or not isinstance(doc.get("actions"), list):
        raise PlanFileError(f"规划文件 {path} 缺少 actions 列表")
    doc["actions_frame"] = actions_frame(doc["actions"])
    if known_schools is not None:
        frame, known = doc["actions_frame"], set(known_schools)
        named = [(i, str(v)) for i, (a, b) in enumerate(zip(frame["school_id"], frame["from_school_id"]), start=1)
                 for v in (a, b) if not _blank(v) and str(v) not in known]
        if named:
            raise PlanFileError("；".join(f"第 {i} 项：学校编号“{v[:40]}”不在快照中" for i, v in named[:10])
                                + "。学校编号见导入模板的“学校”表")
    return doc


# ---- scenarios: one JSON file each under <data root>/scenarios, beside the snapshots ---------------------

def scenarios_dir(data_root: Path) -> Path:
    return Path(data_root) / "scenarios"


def list_scenarios(data_root: Path) -> list[str]:
    folder = scenarios_dir(data_root)
    return sorted(p.stem for p in folder.glob("*.json")) if folder.is_dir() else []


def save_scenario(data_root: Path, name: str, doc: dict, overwrite: bool = False) -> Path:
    """Save a scenario under its name; a name already taken is refused unless `overwrite` says so."""
    if not SCENARIO_NAME.match(name or ""):
        raise PlanFileError("方案名称只能用汉字、字母、数字、点、下划线和连字符，最多 40 个字符")
    folder = scenarios_dir(data_root)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.json"
    if path.exists() and not overwrite:
        raise PlanFileError(f"已有名为“{name}”的方案：换一个名称，或勾选“覆盖同名方案”")
    doc = {**{k: v for k, v in doc.items() if k != "actions_frame"},
           "saved_at": datetime.now(timezone.utc).replace(microsecond=0).isoformat()}
    temp = path.with_suffix(".tmp")
    temp.write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")
    temp.replace(path)  # a scenario is replaced whole or not at all
    return path


def load_scenario(data_root: Path, name: str) -> dict:
    if not SCENARIO_NAME.match(name or ""):
        raise PlanFileError("方案名称不合法")
    return read(scenarios_dir(data_root) / f"{name}.json")
