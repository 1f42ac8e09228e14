"""The cheapest plan that brings every school part to the school standard and every CV within its limit.

A mixed-integer programme (scipy.optimize.milp, which runs HiGHS):

- variables: teachers hired per school part (an above-degree teacher; a PE/art teacher, who holds a
  degree above the required and so counts for both), backbone teachers trained per part, floor area
  built, sports ground built, equipment bought and multimedia rooms equipped per school, and teacher
  transfers from parts with a surplus to parts of the same stage short of them;
- for every failing part and every indicator it does not meet, a binary "this indicator will be met";
  the part must end with at least 6 of 7 met and every indicator at or above 85 % of its threshold;
- a 九年一贯制 school's facilities reach each part by the enrolment-weighted split (1 : 1.1), so one
  addition serves both of its parts;
- a source part gives only teachers above its own threshold, so it stays passing;
- the objective is the total cost at the unit costs given.

The coefficient of variation is not linear. It is handled by solving, checking the CVs of the plan,
and, where one is over its limit, requiring the lowest parts to reach a common level (the lowest at
which that CV falls within its limit, found by bisection), then solving again for the cheapest way to
get them there (at most `CV_ROUNDS` times).
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from . import standard
from .vocabulary import CV_NOT_MET

COSTS_FILE = Path(__file__).parent / "rules" / "costs_2024.json"
CV_ROUNDS = 5
TRANSFER_SOURCES = 8  # sources offered to each short part, those with the largest surplus


@dataclass(frozen=True)
class Resource:
    """What the plan can add to one indicator's numerator, as the rules file's `plan` block says."""
    name: str  # the numerator column
    per_part: bool  # a stage part's figure (teachers), else the school's (floor area, equipment, rooms)
    cost_key: str
    unit: str
    step: float = 1  # bought in whole units of this size (1: whole people or rooms; equipment: 100 yuan)
    adds_teacher: bool = False  # a hire is also a full-time teacher
    transfer: bool = False  # may move between schools (teachers)
    also_adds: tuple = ()  # other numerators a hire adds to (a PE/art teacher holds a degree above the required)


def resources(rules: dict) -> tuple[Resource, ...]:
    """The plan's resources, one per indicator of the rules (the registry: nothing about them is written here)."""
    out = []
    for ind in rules["resource"]["indicators"]:
        spec = ind.get("plan", {})
        out.append(Resource(ind["numerator"], ind["numerator_level"] == "stage", spec.get("cost", ind["numerator"]),
                            ind["numerator_unit"], _whole_if_whole(spec.get("step", 1)), bool(spec.get("adds_teacher", False)),
                            bool(spec.get("transfer", False)), tuple(spec.get("also_adds", ()))))
    return tuple(out)


def _whole_if_whole(x):
    return int(x) if float(x).is_integer() else float(x)


def cost_defaults(rules: dict) -> dict[str, float]:
    """Unit costs the rules file gives itself (`plan.unit_cost`), for a cost key the costs file lacks."""
    return {ind["plan"]["cost"]: float(ind["plan"]["unit_cost"]) for ind in rules["resource"]["indicators"]
            if "unit_cost" in ind.get("plan", {})}


@lru_cache(maxsize=4)
def _costs_text(path: str) -> str:
    return Path(path).read_text(encoding="utf-8")


def load_costs(path: str | Path = COSTS_FILE, rules: dict | None = None) -> dict:
    """The costs file (items with key, yuan, names, units, sources), with an item for each cost key
    only the rules know (an indicator's `plan.unit_cost`), so every page and file lists every price."""
    doc = json.loads(_costs_text(str(path)))
    known = {item["key"] for item in doc["items"]}
    for ind in (rules or standard.load_rules())["resource"]["indicators"]:
        spec = ind.get("plan", {})
        if "unit_cost" in spec and spec["cost"] not in known:
            known.add(spec["cost"])
            doc["items"].append({"key": spec["cost"], "name": ind["addition"], "name_en": ind["addition_en"],
                                 "unit": f"元/{ind['numerator_unit']}", "unit_en": "yuan each",
                                 "yuan": spec["unit_cost"], "source": spec.get("source", "规则文件中的单价"),
                                 "source_en": spec.get("source_en", "The unit cost in the rules file")})
    return doc


def unit_costs(doc: dict, rules: dict | None = None) -> dict[str, float]:
    """The unit costs by key: the costs file's, and for a key only the rules know, the rules' own."""
    costs = cost_defaults(rules or standard.load_rules())
    costs.update({item["key"]: float(item["yuan"]) for item in doc["items"]})
    return costs


@dataclass
class Plan:
    actions: pd.DataFrame  # kind, school_id, school_name, from_school_id, stage, resource, quantity, unit, unit_cost, cost
    total_cost: float
    status: str  # optimal / infeasible / no_gaps
    cv_rounds: int = 0
    notes: list = field(default_factory=list)


ACTION_COLUMNS = ["kind", "school_id", "school_name", "from_school_id", "from_school_name", "stage", "resource",
                  "quantity", "unit", "unit_cost", "cost"]


def _indicators(rules: dict) -> list[dict]:
    return rules["resource"]["indicators"]


def _need(matrix: pd.DataFrame, ind: dict, share: float = 1.0) -> np.ndarray:
    """The numerator a part needs for `share` of the indicator's threshold."""
    thresholds = standard.lookup(matrix["stage"], ind["thresholds"], np.nan)
    return thresholds * share * matrix["students"].to_numpy(dtype="float64") / ind["per_students"]


class _Model:
    """Columns (variables) and rows (constraints) of the programme, added as the plan needs them."""

    def __init__(self):
        self.cost: list[float] = []
        self.integer: list[int] = []
        self.upper: list[float] = []
        self.meta: list[tuple] = []
        self.rows, self.cols, self.vals, self.lo, self.hi = [], [], [], [], []
        self.n_rows = 0

    def var(self, cost: float, integer: bool, meta: tuple, upper: float = np.inf) -> int:
        self.cost.append(cost)
        self.integer.append(1 if integer else 0)
        self.upper.append(upper)
        self.meta.append(meta)
        return len(self.cost) - 1

    def row(self, terms: dict[int, float], lo: float, hi: float = np.inf) -> None:
        for col, val in terms.items():
            if val:
                self.rows.append(self.n_rows)
                self.cols.append(col)
                self.vals.append(val)
        self.lo.append(lo)
        self.hi.append(hi)
        self.n_rows += 1

    def solve(self, time_limit: float = 60.0):
        # imported here, not with the module: SciPy adds 37 MB to every server process that never plans
        from scipy.optimize import Bounds, LinearConstraint, milp
        from scipy.sparse import coo_matrix

        n = len(self.cost)
        a = coo_matrix((self.vals, (self.rows, self.cols)), shape=(self.n_rows, n)).tocsr()
        constraints = [LinearConstraint(a, self.lo, self.hi)] if self.n_rows else []
        return milp(np.array(self.cost), constraints=constraints, integrality=np.array(self.integer),
                    bounds=Bounds(np.zeros(n), np.array(self.upper)),
                    options={"time_limit": time_limit, "mip_rel_gap": 1e-6, "disp": False})


def _targets(matrix: pd.DataFrame, results: pd.DataFrame, extra: dict) -> np.ndarray:
    """The parts the plan must change: failing ones, and those the CV rounds raise."""
    failing = (results["passes"] == False).to_numpy()  # noqa: E712
    raised = np.zeros(len(matrix), dtype=bool)
    for rows in extra.values():
        raised[list(rows)] = True
    return failing | raised


def optimise(matrix: pd.DataFrame, rules: dict, costs: dict[str, float], allow_transfers: bool = True) -> Plan:
    """The least-cost plan for the school parts of `matrix` (a scorecard's matrix of one year)."""
    matrix = matrix.reset_index(drop=True)
    extra: dict[tuple, dict[int, float]] = {}  # (stage, indicator) → {part row: the value it must reach}
    plan = None
    for round_no in range(CV_ROUNDS + 1):
        plan = _solve(matrix, rules, costs, allow_transfers, extra)
        plan.cv_rounds = round_no
        if plan.status != "optimal":
            return plan
        after = apply(matrix, plan.actions, rules)
        cvs = standard.cv_table(after, rules)
        over = cvs[cvs["status"] == CV_NOT_MET]
        if over.empty:
            if plan.actions.empty:
                plan.status = "no_gaps"
            return plan
        for r in over.itertuples():
            _raise_lowest(after, r.stage, r.indicator, float(r.limit), rules, extra)
    plan.notes.append("cv_not_reached")
    return plan


def _raise_lowest(after: pd.DataFrame, stage: str, code: str, limit: float, rules: dict, extra: dict) -> None:
    """Ask the lowest parts to reach a common level, the lowest level at which the CV (their values
    raised to it, the others as they are) falls within the limit: found by bisection, since raising
    the lowest parts only lowers the spread."""
    rows = np.flatnonzero((after["stage"] == stage).to_numpy() & (after["students"] > 0).to_numpy())
    values = after[f"val_{code}"].to_numpy(dtype="float64")[rows]
    weights = after["students"].to_numpy(dtype="float64")[rows]

    def cv_if(level: float) -> float:
        raised = np.maximum(values, level)
        mean = (raised * weights).sum() / weights.sum()
        return math.sqrt(((weights / weights.sum()) * (raised - mean) ** 2).sum()) / mean if mean else 0.0

    low, high = float(values.min()), float(values.max())
    goal_cv = limit * 0.995  # a little inside the limit, so the whole numbers of the plan do not land on it
    for _ in range(60):
        middle = (low + high) / 2
        low, high = (middle, high) if cv_if(middle) > goal_cv else (low, middle)
    wanted = extra.setdefault((stage, code), {})
    for row, value in zip(rows, values):
        if value < high:
            wanted[int(row)] = max(wanted.get(int(row), 0.0), high)


def _solve(matrix: pd.DataFrame, rules: dict, costs: dict[str, float], allow_transfers: bool,
           extra: dict) -> Plan:
    results = standard.school_results(matrix, rules)
    targets = _targets(matrix, results, extra)
    if not targets.any():
        return Plan(pd.DataFrame(columns=ACTION_COLUMNS), 0.0, "optimal")
    inds = _indicators(rules)
    share = rules["resource"]["floor_share"]
    min_met = standard.min_met(rules)
    m = _Model()
    students = matrix["students"].to_numpy(dtype="float64")
    facility_share = matrix["facility_share"].to_numpy(dtype="float64")
    school_of = matrix["school_id"].to_numpy()
    stage_of = matrix["stage"].to_numpy()
    target_rows = np.flatnonzero(targets)
    target_schools = sorted(set(school_of[target_rows]))

    # school-level additions: one variable per school and resource, shared by the school's parts;
    # part-level ones (hires, training): one per part and resource
    kinds = resources(rules)
    added = {}
    for res in kinds:
        whole = res.step == 1  # bought in steps of more than one: solved as a continuous amount, rounded up
        if res.per_part:
            for p in target_rows:
                added[(p, res.name)] = m.var(costs[res.cost_key], whole, ("add", school_of[p], None, stage_of[p],
                                                                          res.name, res.unit, costs[res.cost_key]))
        else:
            for s in target_schools:
                added[(s, res.name)] = m.var(costs[res.cost_key], whole, ("add", s, None, None, res.name, res.unit,
                                                                          costs[res.cost_key]))
    # transfers: from parts of the same stage with teachers above their own threshold
    transfers_in: dict[tuple, list[int]] = {}
    transfers_out: dict[tuple, list[int]] = {}
    surplus = {}
    if allow_transfers:
        by_code = {i["numerator"]: i for i in inds}
        for res in (r.name for r in kinds if r.transfer):
            ind = by_code[res]
            have = matrix[f"num_{ind['code']}"].to_numpy(dtype="float64")
            spare = np.floor(have - _need(matrix, ind) + 1e-9)
            spare = np.where((students > 0) & ~targets, spare, 0)
            surplus[res] = spare
            need = _need(matrix, ind)
            for p in target_rows:
                if have[p] >= need[p] - 1e-9:
                    continue  # not short of this resource
                same = np.flatnonzero((stage_of == stage_of[p]) & (spare >= 1) & (school_of != school_of[p]))
                for a in same[np.argsort(-spare[same], kind="stable")][:TRANSFER_SOURCES]:
                    v = m.var(costs["transfer"], True, ("transfer", school_of[p], school_of[a], stage_of[p], res, "人",
                                                        costs["transfer"]), upper=spare[a])
                    transfers_in.setdefault((p, res), []).append(v)
                    transfers_out.setdefault((a, res), []).append(v)
        for (a, res), vs in transfers_out.items():
            m.row({v: 1.0 for v in vs}, 0.0, float(surplus[res][a]))

    # the school rule for every target part, and the values the CV rounds ask for
    for p in target_rows:
        met_now, met_vars = 0, {}
        for ind in inds:
            code, res = ind["code"], ind["numerator"]
            have = float(matrix.at[p, f"num_{code}"])
            factor = students[p] / ind["per_students"]
            threshold = float(ind["thresholds"][stage_of[p]])
            need_full, need_floor = threshold * factor, threshold * share * factor
            terms = _additions(p, res, school_of[p], facility_share[p], kinds, added, transfers_in)
            goal = extra.get((stage_of[p], code), {}).get(int(p))
            if goal is not None:
                m.row(terms, goal * factor - have)
            if have >= need_full - 1e-9:
                met_now += 1
                continue
            y = m.var(0.0, True, ("met", p, code), upper=1.0)
            met_vars[y] = 1.0
            # value ≥ floor always; ≥ threshold when y = 1
            m.row({**terms, y: -(need_full - need_floor)}, need_floor - have)
        if met_now < min_met:
            m.row(met_vars, float(min_met - met_now))
    solved = m.solve()
    if solved.x is None:
        return Plan(pd.DataFrame(columns=ACTION_COLUMNS), math.nan, "infeasible")
    return _actions(m, solved.x, matrix, {r.name: r.step for r in kinds})


def _additions(p, res, school, part_share, kinds, added, transfers_in):
    """The variables that add to part p's numerator of resource `res`, with their weights."""
    this = next(r for r in kinds if r.name == res)
    if not this.per_part:
        return {added[(school, res)]: part_share}
    terms = {added[(p, res)]: 1.0}
    for other in kinds:  # a hire of another kind that adds to this numerator too
        if other.per_part and res in other.also_adds:
            terms[added[(p, other.name)]] = 1.0
    for v in transfers_in.get((p, res), []):
        terms[v] = 1.0
    return terms


def _actions(m: _Model, x: np.ndarray, matrix: pd.DataFrame, steps: dict) -> Plan:
    names = dict(zip(matrix["school_id"], matrix["school_name"]))
    rows = []
    for value, meta in zip(x, m.meta):
        if meta[0] not in ("add", "transfer") or value < 1e-6:
            continue
        kind, school, source, stage, res, unit, unit_cost = meta
        step = steps.get(res, 1)
        if step != 1:
            quantity = math.ceil(value / step - 1e-9) * step
        else:
            quantity = int(round(value))
            if quantity == 0:
                continue
        rows.append({"kind": kind, "school_id": school, "school_name": names.get(school, school),
                     "from_school_id": source, "from_school_name": names.get(source) if source else None,
                     "stage": stage, "resource": res, "quantity": quantity, "unit": unit, "unit_cost": unit_cost,
                     "cost": quantity * unit_cost})
    actions = pd.DataFrame(rows, columns=ACTION_COLUMNS)
    return Plan(actions, float(actions["cost"].sum()) if len(actions) else 0.0, "optimal")


def apply(matrix: pd.DataFrame, actions: pd.DataFrame, rules: dict) -> pd.DataFrame:
    """The matrix as it would be with the plan carried out: the raw figures changed, the indicators
    evaluated again (so every figure after the plan comes from the same code as before it)."""
    inputs = matrix.copy()
    kinds = {r.name: r for r in resources(rules)}
    if actions is not None and len(actions):
        key = inputs["school_id"].astype(str) + "|" + inputs["stage"].astype(str)
        for a in actions.itertuples():
            quantity = float(a.quantity)
            res = kinds.get(a.resource)
            if res is None:
                continue  # rooms and class splits do not change the indicators
            if not res.per_part:
                inputs.loc[inputs["school_id"] == a.school_id, a.resource] += quantity
                continue
            target = key == f"{a.school_id}|{a.stage}"
            inputs.loc[target, a.resource] += quantity
            if a.kind == "transfer" or res.adds_teacher:  # training a backbone teacher adds no teacher
                inputs.loc[target, "full_time_teachers"] += quantity
            if a.kind == "add":
                for other in res.also_adds:
                    inputs.loc[target, other] += quantity
            if a.kind == "transfer":
                source = key == f"{a.from_school_id}|{a.stage}"
                inputs.loc[source, a.resource] -= quantity
                inputs.loc[source, "full_time_teachers"] -= quantity
    return standard.indicator_matrix(inputs, rules)


def county_item_actions(registers, costs: dict[str, float]) -> pd.DataFrame:
    """The fixes of the county items the registers judge school by school, one way each: the music and
    art rooms missing (G03) and a new class for every class over its limit (G05)."""
    rows = []
    rooms = getattr(registers, "rooms", None)
    if rooms is not None and "rooms_registered" in rooms:
        frame = rooms[rooms["rooms_registered"].astype(bool) & (rooms["school_type"] != "教学点")]
        needed = np.maximum(1, np.ceil(frame["classes"].fillna(0) / 12))
        for (r, n) in zip(frame.itertuples(), needed):
            for res, have, area, least in (("music_rooms", r.music_rooms, r.music_room_min_m2, 96),
                                           ("art_rooms", r.art_rooms, r.art_room_min_m2, 90)):
                missing = int(n - (have or 0))
                if have and (area is None or (isinstance(area, float) and math.isnan(area)) or area < least):
                    missing = max(missing, 1)  # a room too small is rebuilt
                if missing > 0:
                    rows.append({"kind": "add", "school_id": r.school_id, "school_name": r.school_name,
                                 "from_school_id": None, "from_school_name": None, "stage": None, "resource": res,
                                 "quantity": missing, "unit": "间", "unit_cost": costs["special_room"],
                                 "cost": missing * costs["special_room"]})
    sizes = getattr(registers, "class_sizes", None)
    if sizes is not None:
        for r in sizes[sizes["over_limit"].fillna(0) > 0].itertuples():
            rows.append({"kind": "add", "school_id": r.school_id, "school_name": r.school_name, "from_school_id": None,
                         "from_school_name": None, "stage": r.stage, "resource": "classes", "quantity": int(r.over_limit),
                         "unit": "个", "unit_cost": costs["class_split"], "cost": int(r.over_limit) * costs["class_split"]})
    return pd.DataFrame(rows, columns=ACTION_COLUMNS)


def apply_to_registers(registers, actions: pd.DataFrame):
    """The registers as they would be with the plan's rooms built and oversize classes split."""
    from dataclasses import replace

    if actions is None or actions.empty or registers is None:
        return registers
    changes = {}
    rooms = getattr(registers, "rooms", None)
    built = actions[actions["resource"].isin(["music_rooms", "art_rooms"])]
    if rooms is not None and len(built):
        rooms = rooms.copy()
        for a in built.itertuples():
            at = rooms["school_id"] == a.school_id
            rooms.loc[at, a.resource] = rooms.loc[at, a.resource].fillna(0) + a.quantity
            area = "music_room_min_m2" if a.resource == "music_rooms" else "art_room_min_m2"
            least = 96.0 if a.resource == "music_rooms" else 90.0
            rooms.loc[at, area] = rooms.loc[at, area].fillna(least).clip(lower=least)
        changes.update(rooms=rooms, finance=rooms if registers.finance is registers.rooms else registers.finance,
                       teachers=rooms if registers.teachers is registers.rooms else registers.teachers)
    sizes = getattr(registers, "class_sizes", None)
    split = actions[actions["resource"] == "classes"]
    if sizes is not None and len(split):
        sizes = sizes.copy()
        for a in split.itertuples():
            at = (sizes["school_id"] == a.school_id) & (sizes["stage"] == a.stage)
            sizes.loc[at, "over_limit"] = (sizes.loc[at, "over_limit"] - a.quantity).clip(lower=0)
            sizes.loc[at, "register_classes"] += a.quantity
        changes.update(class_sizes=sizes, oversize=registers.oversize.iloc[0:0] if registers.oversize is not None else None)
    return replace(registers, **changes) if changes else registers
