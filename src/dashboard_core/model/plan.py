"""The cheapest plan that brings every school part to the school standard and every CV within its limit.

A mixed-integer programme (scipy.optimize.milp, which runs HiGHS):

- variables: teachers hired per school part (an above-degree teacher; a PE/art teacher, who holds a
  degree above the required and so counts for both), backbone teachers trained per part, floor area
  built, sports ground built, equipment bought and multimedia rooms equipped per school; the cheaper
  measures the rules name beside a purchase (`plan.measures`: serving teachers upgrading their degree,
  teachers of a subject in surplus retrained for PE or art), each bounded by what the school has; and
  teacher transfers from parts with a surplus to parts of the same stage short of them, only in the
  directions the rules allow (`resource.transfers`: 城区 → 镇区 → 乡村);
- new hires only within the county's vacant approved posts (the teacher register's staffing quota
  against its staff); where there are too few, the plan is solved again without the limit and says
  how many new posts it needs (status `needs_posts`);
- for every failing part and every indicator it does not meet, a binary "this indicator will be met";
  the part must end with at least 6 of 7 met and every indicator at or above 85 % of its threshold;
- a 九年一贯制 school's facilities reach each part by the enrolment-weighted split (1 : 1.1), so one
  addition serves both of its parts;
- a source part gives only teachers above its own threshold, so it stays passing;
- the objective is the one-off spending plus the recurrent spending (teacher-years, allowances) over
  the years planned for (`horizon`), at the unit costs given.

The coefficient of variation is not linear. It is handled by solving, checking the CVs of the plan,
and, where one is over its limit, requiring the lowest parts to reach a common level (the lowest at
which that CV falls within its limit, found by bisection), then solving again for the cheapest way to
get them there (at most `CV_ROUNDS` times). The first solve has no CV requirement, so its cost is a
lower bound of every plan that meets the CVs: the plan reports its cost beside that bound (`cv_bound`),
the proven gap of the iteration.
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
DEFAULT_HORIZON = 3  # years from the plan to the application for acceptance
ARTS_SUBJECTS = ("体育", "音乐", "美术")  # the subjects a reassigned teacher takes up (not a source of surplus)
TRANSFER_SOURCES = 8  # sources offered to each short part, those with the largest surplus


@dataclass(frozen=True)
class Measure:
    """A cheaper way than a purchase to raise an indicator's numerator, drawing on what a school has."""
    kind: str  # upgrade (a serving teacher earns the degree) / reassign (a teacher of a surplus subject retrained)
    cost_key: str
    limit: str  # what bounds it: a part's teachers below the degree, a school's surplus subject teachers


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
    measures: tuple = ()  # Measure: the cheaper ways the rules name


def resources(rules: dict) -> tuple[Resource, ...]:
    """The plan's resources, one per indicator of the rules (the registry: nothing about them is written here)."""
    out = []
    for ind in rules["resource"]["indicators"]:
        spec = ind.get("plan", {})
        out.append(Resource(ind["numerator"], ind["numerator_level"] == "stage", spec.get("cost", ind["numerator"]),
                            ind["numerator_unit"], _whole_if_whole(spec.get("step", 1)), bool(spec.get("adds_teacher", False)),
                            bool(spec.get("transfer", False)), tuple(spec.get("also_adds", ())),
                            tuple(Measure(m["kind"], m["cost"], m["limit"]) for m in spec.get("measures", ()))))
    return tuple(out)


# the limits a measure may draw on that the matrix itself gives, per school part
PART_LIMITS = {"teachers_below_degree": lambda m: m["full_time_teachers"] - m["teachers_above_degree"]}


@dataclass
class Capacity:
    """What the county has, besides money, that bounds the plan."""
    vacant_posts: float | None = None  # approved posts not filled, county-wide; None: no teacher register
    school_limits: dict = field(default_factory=dict)  # limit name → {school_id: amount}, e.g. surplus_subject_teachers


def transfer_allowed(rules: dict, source_setting, target_setting) -> bool:
    """The direction rule: a teacher moves from a setting to the same or a later one in the rules' order
    (城区 → 镇区 → 乡村); a school of unknown setting neither sends nor receives."""
    order = rules["resource"].get("transfers", {}).get("order")
    if not order:
        return True
    if source_setting not in order or target_setting not in order:
        return False
    return order.index(source_setting) <= order.index(target_setting)


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


def recurrent_keys(doc: dict) -> frozenset:
    """The cost keys spent every year (teacher-years, allowances), not once."""
    return frozenset(item["key"] for item in doc["items"] if item.get("budget") == "recurrent")


def horizon(doc: dict, base_year: int, target_year: int | None = None) -> int:
    """The years the recurrent costs are counted for: to the target year, else the costs file's default."""
    if target_year is not None and target_year > base_year:
        return int(target_year - base_year)
    return int(doc.get("horizon_years", DEFAULT_HORIZON))


def unit_costs(doc: dict, rules: dict | None = None) -> dict[str, float]:
    """The unit costs by key: the costs file's, and for a key only the rules know, the rules' own."""
    costs = cost_defaults(rules or standard.load_rules())
    costs.update({item["key"]: float(item["yuan"]) for item in doc["items"]})
    return costs


@dataclass
class Plan:
    actions: pd.DataFrame  # ACTION_COLUMNS
    total_cost: float  # the objective: one-off spending + recurrent spending × horizon
    status: str  # optimal / infeasible / no_gaps / needs_posts
    cv_rounds: int = 0
    notes: list = field(default_factory=list)
    horizon: int = DEFAULT_HORIZON
    cv_bound: float | None = None  # the cost of the plan without the CV requirement: a lower bound
    posts_needed: int = 0  # new hires beyond the vacant approved posts (status needs_posts)
    vacant_posts: float | None = None

    @property
    def cv_gap(self) -> float | None:
        """The cost above the proven lower bound, as a share of it: 0 is proven least-cost; None when no
        bound was proven (the solver stopped at its time limit) or it is 0 while the plan costs more."""
        if self.cv_bound is None or self.total_cost != self.total_cost:
            return None
        if self.cv_bound <= 0:
            return 0.0 if self.total_cost <= 0 else None
        return max(0.0, (self.total_cost - self.cv_bound) / self.cv_bound)


# kind: add (hire, build, buy, split a class), transfer, upgrade, reassign, rebalance; budget: capital (once)
# or recurrent (a year; `cost` counts it for `years`); direction: the settings a transfer goes between
ACTION_COLUMNS = ["kind", "school_id", "school_name", "from_school_id", "from_school_name", "stage", "grade",
                  "resource", "quantity", "unit", "unit_cost", "budget", "years", "cost", "direction"]
ACTION_KINDS = ("add", "transfer", "upgrade", "reassign", "rebalance")


def budget_by_year(plan: Plan, base_year: int) -> list[dict]:
    """The plan's spending by year: the one-off spending in the first year, the recurrent every year."""
    actions = plan.actions
    capital = float(actions.loc[actions["budget"] != "recurrent", "cost"].sum()) if len(actions) else 0.0
    recurrent = (float((actions.loc[actions["budget"] == "recurrent", "quantity"]
                        * actions.loc[actions["budget"] == "recurrent", "unit_cost"]).sum()) if len(actions) else 0.0)
    return [{"year": base_year + k, "capital": capital if k == 1 else 0.0, "recurrent": recurrent,
             "total": (capital if k == 1 else 0.0) + recurrent} for k in range(1, plan.horizon + 1)]


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


def optimise(matrix: pd.DataFrame, rules: dict, costs: dict[str, float], allow_transfers: bool = True,
             capacity: Capacity | None = None, recurrent: frozenset = frozenset(),
             horizon: int = DEFAULT_HORIZON) -> Plan:
    """The least-cost plan for the school parts of `matrix` (a scorecard's matrix of one year): the
    recurrent cost keys counted for `horizon` years, new hires within `capacity`'s vacant posts."""
    capacity = capacity or Capacity()
    plan = _optimise(matrix, rules, costs, allow_transfers, capacity, recurrent, horizon, capacity.vacant_posts)
    if plan.status == "infeasible" and capacity.vacant_posts is not None:
        # too few vacant posts: the plan the county could carry out with new posts, saying how many
        plan = _optimise(matrix, rules, costs, allow_transfers, capacity, recurrent, horizon, None)
        if plan.status == "optimal":
            hired = hires(plan.actions, rules)
            plan.posts_needed = int(math.ceil(hired - max(0.0, capacity.vacant_posts) - 1e-9))
            plan.status = "needs_posts"
    plan.vacant_posts = capacity.vacant_posts
    return plan


def hires(actions: pd.DataFrame, rules: dict) -> float:
    """The new teachers a plan hires (a trained backbone teacher or an upgraded one is not a hire)."""
    adds_teacher = {r.name for r in resources(rules) if r.adds_teacher}
    if actions.empty:
        return 0.0
    return float(actions.loc[(actions["kind"] == "add") & actions["resource"].isin(adds_teacher), "quantity"].sum())


def _optimise(matrix, rules, costs, allow_transfers, capacity, recurrent, horizon, hire_cap) -> Plan:
    matrix = matrix.reset_index(drop=True)
    extra: dict[tuple, dict[int, float]] = {}  # (stage, indicator) → {part row: the value it must reach}
    plan, bound = None, None
    for round_no in range(CV_ROUNDS + 1):
        plan = _solve(matrix, rules, costs, allow_transfers, extra, capacity, recurrent, horizon, hire_cap)
        plan.cv_rounds, plan.horizon = round_no, horizon
        if plan.status != "optimal":
            return plan
        if round_no == 0 and "time_limit" not in plan.notes:
            bound = plan.total_cost  # round 0 has no CV requirement: a lower bound, when solved to optimality
        plan.cv_bound = bound if "time_limit" not in plan.notes else None
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
    for row, value in zip(rows, values, strict=True):
        if value < high:
            wanted[int(row)] = max(wanted.get(int(row), 0.0), high)


def _solve(matrix: pd.DataFrame, rules: dict, costs: dict[str, float], allow_transfers: bool, extra: dict,
           capacity: Capacity, recurrent: frozenset, horizon: int, hire_cap: float | None) -> Plan:
    results = standard.school_results(matrix, rules)
    targets = _targets(matrix, results, extra)
    if not targets.any():
        return Plan(pd.DataFrame(columns=ACTION_COLUMNS), 0.0, "optimal", horizon=horizon)
    inds = _indicators(rules)
    share = rules["resource"]["floor_share"]
    min_met = standard.min_met(rules)
    m = _Model()
    students = matrix["students"].to_numpy(dtype="float64")
    facility_share = matrix["facility_share"].to_numpy(dtype="float64")
    school_of = matrix["school_id"].to_numpy()
    stage_of = matrix["stage"].to_numpy()
    setting_of = matrix["urban_rural"].to_numpy() if "urban_rural" in matrix else np.full(len(matrix), None)
    target_rows = np.flatnonzero(targets)
    target_schools = sorted(set(school_of[target_rows]))

    def price(key: str) -> float:
        return costs[key] * (horizon if key in recurrent else 1)

    def meta(kind, school, source, stage, res, unit, key, direction=None):
        return (kind, school, source, stage, res, unit, costs[key], "recurrent" if key in recurrent else "capital",
                horizon if key in recurrent else 1, direction)

    # school-level additions: one variable per school and resource, shared by the school's parts;
    # part-level ones (hires, training): one per part and resource
    kinds = resources(rules)
    added, measured = {}, {}
    hire_vars = []
    for res in kinds:
        whole = res.step == 1  # bought in steps of more than one: solved as a continuous amount, rounded up
        if res.per_part:
            for p in target_rows:
                added[(p, res.name)] = m.var(price(res.cost_key), whole,
                                             meta("add", school_of[p], None, stage_of[p], res.name, res.unit, res.cost_key))
                if res.adds_teacher:
                    hire_vars.append(added[(p, res.name)])
            for measure in res.measures:
                _measure_vars(m, measure, res, matrix, target_rows, school_of, stage_of, capacity, price, meta, measured)
        else:
            for s in target_schools:
                added[(s, res.name)] = m.var(price(res.cost_key), whole,
                                             meta("add", s, None, None, res.name, res.unit, res.cost_key))
    if hire_cap is not None and hire_vars:
        m.row({v: 1.0 for v in hire_vars}, -np.inf, max(0.0, float(hire_cap)))
    # transfers: from parts of the same stage with teachers above their own threshold, in the allowed directions
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
                same = np.array([a for a in same if transfer_allowed(rules, setting_of[a], setting_of[p])], dtype=int)
                for a in same[np.argsort(-spare[same], kind="stable")][:TRANSFER_SOURCES] if len(same) else []:
                    v = m.var(price("transfer"), True,
                              meta("transfer", school_of[p], school_of[a], stage_of[p], res, "人", "transfer",
                                   f"{setting_of[a]}→{setting_of[p]}"), upper=spare[a])
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
            terms = _additions(p, res, school_of[p], facility_share[p], kinds, added, transfers_in, measured)
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
        return Plan(pd.DataFrame(columns=ACTION_COLUMNS), math.nan, "infeasible", horizon=horizon)
    plan = _actions(m, solved.x, matrix, {r.name: r.step for r in kinds})
    plan.horizon = horizon
    if solved.status != 0:  # a feasible plan, but the solver stopped before proving it the cheapest
        plan.notes.append("time_limit")
    return plan


def _measure_vars(m, measure, res, matrix, target_rows, school_of, stage_of, capacity, price, meta, measured):
    """A measure's variables for the target parts, bounded by a part's own limit (teachers below the
    degree) or, shared by a school's parts, by the school's (surplus subject teachers); none where the
    data to bound it is missing."""
    if measure.limit in PART_LIMITS:
        limit = np.floor(PART_LIMITS[measure.limit](matrix).to_numpy(dtype="float64") + 1e-9)
        for p in target_rows:
            if limit[p] >= 1:
                measured.setdefault((p, res.name), []).append(
                    m.var(price(measure.cost_key), True, meta(measure.kind, school_of[p], None, stage_of[p], res.name,
                                                               res.unit, measure.cost_key), upper=float(limit[p])))
        return
    by_school = capacity.school_limits.get(measure.limit, {})
    per_school: dict[str, list[int]] = {}
    for p in target_rows:
        available = math.floor(float(by_school.get(school_of[p], 0)) + 1e-9)
        if available >= 1:
            v = m.var(price(measure.cost_key), True, meta(measure.kind, school_of[p], None, stage_of[p], res.name,
                                                          res.unit, measure.cost_key), upper=float(available))
            measured.setdefault((p, res.name), []).append(v)
            per_school.setdefault(school_of[p], []).append(v)
    for school, vs in per_school.items():
        m.row({v: 1.0 for v in vs}, -np.inf, math.floor(float(by_school[school]) + 1e-9))


def _additions(p, res, school, part_share, kinds, added, transfers_in, measured):
    """The variables that add to part p's numerator of resource `res`, with their weights."""
    this = next(r for r in kinds if r.name == res)
    if not this.per_part:
        return {added[(school, res)]: part_share}
    terms = {added[(p, res)]: 1.0}
    for other in kinds:  # a hire of another kind that adds to this numerator too
        if other.per_part and res in other.also_adds:
            terms[added[(p, other.name)]] = 1.0
    for v in transfers_in.get((p, res), []) + measured.get((p, res), []):
        terms[v] = 1.0
    return terms


def _actions(m: _Model, x: np.ndarray, matrix: pd.DataFrame, steps: dict) -> Plan:
    names = dict(zip(matrix["school_id"], matrix["school_name"], strict=True))
    rows = []
    for value, meta in zip(x, m.meta, strict=True):
        if meta[0] not in ACTION_KINDS or value < 1e-6:
            continue
        kind, school, source, stage, res, unit, unit_cost, budget, years, direction = meta
        step = steps.get(res, 1)
        if step != 1:
            quantity = math.ceil(value / step - 1e-9) * step
        else:
            quantity = int(round(value))
            if quantity == 0:
                continue
        rows.append({"kind": kind, "school_id": school, "school_name": names.get(school, school),
                     "from_school_id": source, "from_school_name": names.get(source) if source else None,
                     "stage": stage, "grade": None, "resource": res, "quantity": quantity, "unit": unit,
                     "unit_cost": unit_cost, "budget": budget, "years": years, "cost": quantity * unit_cost * years,
                     "direction": direction})
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
                continue  # rooms and classes do not change the indicators
            if not res.per_part:
                inputs.loc[inputs["school_id"] == a.school_id, a.resource] += quantity
                continue
            target = key == f"{a.school_id}|{a.stage}"
            inputs.loc[target, a.resource] += quantity  # upgrade, reassign: the same teachers, now counted
            if a.kind == "transfer" or (a.kind == "add" and res.adds_teacher):  # a trained backbone adds no one
                inputs.loc[target, "full_time_teachers"] += quantity
            if a.kind == "add":
                for other in res.also_adds:
                    inputs.loc[target, other] += quantity
            if a.kind == "transfer":
                source = key == f"{a.from_school_id}|{a.stage}"
                inputs.loc[source, a.resource] -= quantity
                inputs.loc[source, "full_time_teachers"] -= quantity
    return standard.indicator_matrix(inputs, rules)


def _action(kind, school_id, school_name, stage, grade, resource, quantity, unit, unit_cost) -> dict:
    return {"kind": kind, "school_id": school_id, "school_name": school_name, "from_school_id": None,
            "from_school_name": None, "stage": stage, "grade": grade, "resource": resource, "quantity": quantity,
            "unit": unit, "unit_cost": unit_cost, "budget": "capital", "years": 1, "cost": quantity * unit_cost,
            "direction": None}


def county_item_actions(registers, costs: dict[str, float]) -> pd.DataFrame:
    """The fixes of the county items the registers judge school by school: the music and art rooms
    missing (G03), and for every grade with a class over its limit (G05) the pupils moved between its
    parallel classes (no cost) where the grade's classes hold them all, else the new classes it needs."""
    rows = []
    rooms = getattr(registers, "rooms", None)
    if rooms is not None and "rooms_registered" in rooms:
        frame = rooms[rooms["rooms_registered"].astype(bool) & (rooms["school_type"] != "教学点")]
        needed = np.maximum(1, np.ceil(frame["classes"].fillna(0) / 12))
        for (r, n) in zip(frame.itertuples(), needed, strict=True):
            for res, have, area, least in (("music_rooms", r.music_rooms, r.music_room_min_m2, 96),
                                           ("art_rooms", r.art_rooms, r.art_room_min_m2, 90)):
                missing = int(n - (have or 0))
                if have and (area is None or (isinstance(area, float) and math.isnan(area)) or area < least):
                    missing = max(missing, 1)  # a room too small is rebuilt
                if missing > 0:
                    rows.append(_action("add", r.school_id, r.school_name, None, None, res, missing, "间",
                                        costs["special_room"]))
    grades = getattr(registers, "oversize_grades", None)
    sizes = getattr(registers, "class_sizes", None)
    if grades is not None:
        for r in grades.itertuples():
            new_classes = max(0, math.ceil(int(r.pupils) / int(r.limit)) - int(r.classes))
            if new_classes:
                rows.append(_action("add", r.school_id, r.school_name, r.stage, int(r.grade), "classes", new_classes,
                                    "个", costs["class_split"]))
            rows.append(_action("rebalance", r.school_id, r.school_name, r.stage, int(r.grade), "class_pupils",
                                int(r.excess), "人", costs.get("class_rebalance", 0.0)))
    elif sizes is not None:
        for r in sizes[sizes["over_limit"].fillna(0) > 0].itertuples():
            rows.append(_action("add", r.school_id, r.school_name, r.stage, None, "classes", int(r.over_limit), "个",
                                costs["class_split"]))
    return pd.DataFrame(rows, columns=ACTION_COLUMNS)


def _fixed_grades(grades: pd.DataFrame, actions: pd.DataFrame) -> pd.DataFrame:
    """The oversize grades the plan puts right: its pupils rebalanced within classes that hold them all
    (the grade's classes and the new ones)."""
    def of(kind, resource):
        done = actions[(actions["kind"] == kind) & (actions["resource"] == resource)].dropna(subset=["grade"])
        return done.groupby([done["school_id"], done["stage"], done["grade"].astype(int)])["quantity"].sum()

    rebalanced, split = of("rebalance", "class_pupils"), of("add", "classes")
    fixed = []
    for r in grades.itertuples():
        at = (r.school_id, r.stage, int(r.grade))
        classes = int(r.classes) + int(split.get(at, 0))
        moved = float(rebalanced.get(at, 0))
        fixed.append(moved >= int(r.excess) and int(r.pupils) <= classes * int(r.limit))
    return grades[np.array(fixed, dtype=bool)] if len(grades) else grades


def apply_to_registers(registers, actions: pd.DataFrame):
    """The registers as they would be with the plan's rooms built and its oversize grades put right."""
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
    grades = getattr(registers, "oversize_grades", None)
    if "grade" not in actions:
        actions = actions.assign(grade=None)
    split = actions[(actions["resource"] == "classes") & (actions["kind"] == "add")]
    if sizes is not None and grades is not None and len(actions[actions["resource"].isin(["classes", "class_pupils"])]):
        fixed = _fixed_grades(grades, actions)
        sizes = sizes.copy()
        for (school, stage), part in fixed.groupby(["school_id", "stage"]):
            at = (sizes["school_id"] == school) & (sizes["stage"] == stage)
            sizes.loc[at, "over_limit"] = (sizes.loc[at, "over_limit"] - int(part["over_classes"].sum())).clip(lower=0)
        for a in split.itertuples():
            at = (sizes["school_id"] == a.school_id) & (sizes["stage"] == a.stage)
            sizes.loc[at, "register_classes"] += a.quantity
        grade_key = ["school_id", "stage", "grade"]
        done = fixed.set_index(grade_key).index
        oversize = registers.oversize
        if oversize is not None and len(fixed):
            oversize = oversize[~oversize.set_index(grade_key).index.isin(done)]
        changes.update(class_sizes=sizes, oversize_grades=grades[~grades.set_index(grade_key).index.isin(done)],
                       oversize=oversize)
    elif sizes is not None and len(split):
        sizes = sizes.copy()
        for a in split.itertuples():
            at = (sizes["school_id"] == a.school_id) & (sizes["stage"] == a.stage)
            sizes.loc[at, "over_limit"] = (sizes.loc[at, "over_limit"] - a.quantity).clip(lower=0)
            sizes.loc[at, "register_classes"] += a.quantity
        changes.update(class_sizes=sizes, oversize=registers.oversize.iloc[0:0] if registers.oversize is not None else None)
    return replace(registers, **changes) if changes else registers


# ---- the rectification register (整改台账) ----------------------------------------------------------

COUNTY_ITEM_RESOURCES = ("music_rooms", "art_rooms", "classes", "class_pupils")  # county-item fixes (G03, G05)


def known_resources(rules: dict) -> tuple[str, ...]:
    """What a measure of the register may add or move: the indicators' numerators and the county-item fixes."""
    return tuple(r.name for r in resources(rules)) + COUNTY_ITEM_RESOURCES


def register_rows(actions: pd.DataFrame, responsible: str | None = None, deadline: str | None = None,
                  funding_year: int | None = None) -> pd.DataFrame:
    """A plan's actions as the rows of a rectification register: one measure a row, numbered, not started,
    its responsible unit, deadline and funding year as given (each left for the bureau to fill otherwise)."""
    from .vocabulary import MEASURE_KINDS, NOT_STARTED

    label = {kind: name for name, kind in MEASURE_KINDS.items()}
    rows = []
    for number, a in enumerate(actions.to_dict("records"), start=1):
        grade = a.get("grade")
        rows.append({
            "measure_no": number, "school_id": a["school_id"],
            "stage": a["stage"] if isinstance(a.get("stage"), str) else None,
            "grade": int(grade) if grade is not None and grade == grade else None,
            "measure": label[a["kind"]], "resource": a["resource"], "quantity": float(a["quantity"]),
            "unit": a["unit"], "cost_yuan": float(a["cost"]),
            "from_school_id": a["from_school_id"] if isinstance(a.get("from_school_id"), str) else None,
            "responsible": responsible, "deadline": deadline, "funding_year": funding_year,
            "status": NOT_STARTED, "evidence": None})
    return pd.DataFrame(rows, columns=["measure_no", "school_id", "stage", "grade", "measure", "resource", "quantity",
                                       "unit", "cost_yuan", "from_school_id", "responsible", "deadline",
                                       "funding_year", "status", "evidence"])


def register_actions(register: pd.DataFrame, names: dict[str, str] | None = None,
                     statuses: tuple[str, ...] | None = None) -> pd.DataFrame:
    """The measures of a register as plan actions (the columns `apply` reads), those of the given progress
    states only (all when None): what the scorecard "with completed measures" applies."""
    from .vocabulary import MEASURE_KINDS

    names = names or {}
    chosen = register if statuses is None else register[register["status"].isin(statuses)]
    rows = []
    for r in chosen.to_dict("records"):
        grade = r.get("grade")
        cost = r.get("cost_yuan")
        cost = float(cost) if cost is not None and cost == cost else 0.0
        quantity = float(r["quantity"])
        source = r.get("from_school_id") if isinstance(r.get("from_school_id"), str) else None
        rows.append({"kind": MEASURE_KINDS[r["measure"]], "school_id": r["school_id"],
                     "school_name": names.get(r["school_id"], r["school_id"]),
                     "from_school_id": source, "from_school_name": names.get(source) if source else None,
                     "stage": r["stage"] if isinstance(r.get("stage"), str) else None,
                     "grade": int(grade) if grade is not None and grade == grade else None,
                     "resource": r["resource"], "quantity": quantity, "unit": r["unit"],
                     "unit_cost": cost / quantity if quantity else 0.0, "budget": "capital", "years": 1,
                     "cost": cost, "direction": None})
    return pd.DataFrame(rows, columns=ACTION_COLUMNS)


def overdue(register: pd.DataFrame, today) -> pd.Series:
    """The measures past their deadline and not completed (a deadline is a YYYY-MM-DD date)."""
    from .vocabulary import COMPLETED

    if register.empty:
        return pd.Series([], dtype=bool)
    deadlines = pd.to_datetime(register["deadline"], format="%Y-%m-%d", errors="coerce")
    return (deadlines.notna() & (deadlines.dt.date < today) & (register["status"] != COMPLETED)).rename("overdue")
