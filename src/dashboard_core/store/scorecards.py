"""The standard applied to a snapshot: fetch the figures of a view and evaluate them (model/)."""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import pandas as pd

from ..model import plan as plan_model
from ..model import projection
from ..model import standard
from ..model.filters import Filters
from ..model.registers import LISTED, Registers, oversize_limits
from ..model.scorecard import Scorecard
from . import facts, queries, snapshots
from .snapshots import Snapshot


_POOL = ThreadPoolExecutor(max_workers=2, thread_name_prefix="county-items")

COUNTY_REGISTERS = ("rotation", "consolidation", "disabled", "monitoring", "survey", "evidence")


PLAN_REGISTERS = ("oversize_grades",)  # read only to make or apply a plan, not for every scorecard


def registers_of(snapshot: Snapshot, year: int, rules: dict, county_only: bool = False,
                 for_plan: bool = False) -> Registers:
    """What the snapshot's registers say about the year, read only for the registers it holds. With
    `county_only`, only the county-level ones (a few rows each: what the pages show beside the items),
    not the per-school answers (200,000 rows each for a country); with `for_plan`, also the oversize
    grades a plan rebalances or splits."""
    held = frozenset(snapshot.registers)
    primary_limit, junior_limit = oversize_limits(rules)
    ask = {
        "class_sizes": ("classes", lambda: queries.register_class_sizes(snapshot, year, primary_limit, junior_limit)),
        "oversize": ("classes", lambda: queries.register_oversize_classes(snapshot, year, primary_limit, junior_limit,
                                                                           LISTED)),
        "oversize_grades": ("classes", lambda: queries.register_oversize_grades(snapshot, year, primary_limit,
                                                                                 junior_limit)),
        "rotation": ("rotation", lambda: queries.register_rotation_directions(snapshot, year)),
        "consolidation": ("consolidation", lambda: queries.register_consolidation(snapshot, year)),
        "disabled": ("disabled_children", lambda: queries.register_disabled_children(snapshot, year)),
        "monitoring": ("quality_monitoring", lambda: queries.register_quality_monitoring(snapshot, year)),
        "survey": ("survey", lambda: queries.register_survey(snapshot, year)),
        "evidence": ("evidence", lambda: queries.register_evidence(snapshot, year)),
    }
    found = {key: read() for key, (table, read) in ask.items()
             if table in held and (not county_only or key in COUNTY_REGISTERS)
             and (for_plan or key not in PLAN_REGISTERS)}
    if not county_only and held & {"special_rooms", "school_finance", "teacher_register"}:
        schools = queries.register_schools(snapshot, year)  # one scan for the three per-school registers
        found.update(rooms=schools, finance=schools, teachers=schools)
    return Registers(held=held, **found)


def county_items(snapshot: Snapshot, year: int, rules: dict, actions: pd.DataFrame | None = None,
                 filters: Filters | None = None) -> pd.DataFrame:
    """The county items of the year; with a plan's `actions`, as they would be once its rooms are built
    and its classes split. In a view smaller than the county (`filters`), the requirements about every
    school are judged for the schools in view and the rest stay the county's."""
    registers = registers_of(snapshot, year, rules, for_plan=actions is not None)
    if actions is not None:
        registers = plan_model.apply_to_registers(registers, actions)
    in_view = None if filters is None or filters.is_whole_county else queries.schools_in_view(snapshot, filters)
    return standard.evaluate_county_items(rules, queries.county_series(snapshot), year,
                                          queries.school_part_sizes(snapshot, year), demo=snapshot.demo,
                                          registers=registers, in_view=in_view)


def conditions(snapshot: Snapshot, year: int, rules: dict) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The non-recognition conditions (the evidence register, else the report's statements) and the
    conditions for applying (the recognition year, the monitoring since), from one read of the register."""
    registers = Registers(held=frozenset(snapshot.registers),
                          evidence=queries.register_evidence(snapshot, year) if "evidence" in snapshot.registers else None)
    vetoes = standard.evaluate_non_recognition(rules, set(facts.STATEMENTS), registers, demo=snapshot.demo)
    applying = standard.evaluate_preconditions(rules, queries.county_series(snapshot), year, registers,
                                               demo=snapshot.demo)
    return vetoes, applying


def projection_of(snapshot: Snapshot, year: int, years_ahead: int, intake_rate: float | None, rules: dict):
    """Pupils per school and grade projected from the class register: (projected rows, intake rate
    used); no rows when the snapshot has no class register for the year."""
    if "classes" not in snapshot.registers:
        return pd.DataFrame(columns=["school_id", "year", "stage", "grade", "students"]), 0.0
    grades = queries.register_grade_enrolment(snapshot, standard.folds_teaching_points(rules))
    rate = projection.intake_trend(grades) if intake_rate is None else intake_rate
    if year not in set(grades["year"]):
        return pd.DataFrame(columns=["school_id", "year", "stage", "grade", "students"]), rate
    return projection.project(grades, year, years_ahead, rate), rate


def backtest_of(snapshot: Snapshot, year: int, rules: dict) -> dict | None:
    """The projection's back-test ending in `year`: projected from the earliest year of the register the
    ratios can be estimated from (its history, or with one year only that year's grade ratios), against what
    the register holds for `year`; None without it."""
    if "classes" not in snapshot.registers:
        return None
    grades = queries.register_grade_enrolment(snapshot, standard.folds_teaching_points(rules))
    held = sorted(int(y) for y in set(grades["year"]) if y < year)
    for start in held:  # the longest back-test the register allows
        if projection.progression_ratios(grades, start).method != "no_history":
            return projection.backtest(grades, start, year)
    return None


def _whole(snapshot: Snapshot, year: int, rules: dict, base: Scorecard | None) -> Scorecard:
    """The whole county's scorecard of the year: `base` when it is that one, else computed."""
    whole = Filters(year=year)
    return base if base is not None and base.filters == whole else compute(snapshot, whole, rules)


def _pupils_in(snapshot: Snapshot, matrix: pd.DataFrame, year: int, target_year: int | None,
               intake_rate: float | None, rules: dict) -> pd.DataFrame:
    """The matrix with the pupils projected to `target_year` (as it is for the year itself or without
    a class register)."""
    if target_year is None or target_year <= year:
        return matrix
    projected, _ = projection_of(snapshot, year, target_year - year, intake_rate, rules)
    return projection.matrix_in(matrix, projected, target_year, rules) if len(projected) else matrix


def capacity_of(snapshot: Snapshot, year: int, matrix: pd.DataFrame) -> plan_model.Capacity:
    """The county's vacant approved posts (its schools' staffing quotas less their staff: posts are
    pooled across schools, as the county's report says it does) and each school's surplus teachers of
    other subjects, from the teacher and teacher-subject registers; unknown where they are missing."""
    held = set(snapshot.registers)
    frame = queries.plan_capacity(snapshot, year, list(plan_model.ARTS_SUBJECTS))
    in_plan = frame[frame["school_id"].isin(set(matrix["school_id"]))]
    vacant = None
    if "teacher_register" in held and frame["quota_registered"].any():
        registered = frame[frame["quota_registered"].astype(bool)]  # every school's posts: the county pools them
        vacant = float(registered["staffing_quota"].sum() - registered["staff"].sum())
    limits = {}
    if "teacher_subjects" in held:
        limits["surplus_subject_teachers"] = dict(zip(in_plan["school_id"], in_plan["surplus_subject_teachers"],
                                                      strict=True))
    return plan_model.Capacity(vacant_posts=vacant, school_limits=limits)


def plan(snapshot: Snapshot, year: int, rules: dict | None = None, costs: dict | None = None,
         allow_transfers: bool = True, target_year: int | None = None, intake_rate: float | None = None,
         base: Scorecard | None = None, cost_doc: dict | None = None) -> plan_model.Plan:
    """The cheapest plan to acceptance for the whole county: for `year` as it is, or for a target year
    ahead with the pupils projected from the class register; with the county items' rooms and class
    fixes the registers call for. `base`: the county's scorecard of the year, when the caller has it;
    `cost_doc`: the costs file (which costs recur each year, the years planned for)."""
    rules = rules or standard.load_rules()
    cost_doc = cost_doc or plan_model.load_costs(rules=rules)
    costs = costs or plan_model.unit_costs(cost_doc, rules)
    matrix = _pupils_in(snapshot, _whole(snapshot, year, rules, base).matrix, year, target_year, intake_rate, rules)
    result = plan_model.optimise(matrix, rules, costs, allow_transfers, capacity=capacity_of(snapshot, year, matrix),
                                 recurrent=plan_model.recurrent_keys(cost_doc),
                                 horizon=plan_model.horizon(cost_doc, year, target_year))
    extra = plan_model.county_item_actions(registers_of(snapshot, year, rules, for_plan=True), costs)
    if len(extra):
        result.actions = pd.concat([result.actions, extra], ignore_index=True) if len(result.actions) else extra
        if result.cv_bound is not None:
            result.cv_bound += float(extra["cost"].sum())
        result.total_cost = float(result.actions["cost"].sum())
    return result


def compute(snapshot: Snapshot, filters: Filters, rules: dict | None = None,
            items: pd.DataFrame | None = None, actions: pd.DataFrame | None = None,
            target_year: int | None = None, intake_rate: float | None = None,
            base: Scorecard | None = None) -> Scorecard:
    """The scorecard of a view; with a plan's `actions`, as it would be once the plan is carried out
    (in `target_year`, with the pupils projected to it, when that is a year ahead). `base`: the
    county's scorecard of the year, when the caller has it (not read and evaluated again)."""
    rules = rules or standard.load_rules()
    if actions is not None:
        matrix = _pupils_in(snapshot, _whole(snapshot, filters.year, rules, base).matrix, filters.year, target_year,
                            intake_rate, rules)
        matrix = plan_model.apply(matrix, actions, rules)
        items = county_items(snapshot, filters.year, rules, actions)
        card = _card(snapshot, Filters(year=filters.year), rules, matrix, items)
        if filters == Filters(year=filters.year):
            return card
        return card.narrow(filters, county_items(snapshot, filters.year, rules, actions, filters))
    # The county items read the registers while the schools are read and evaluated: DuckDB works
    # outside the GIL and each query has its own cursor, so on two cores the two overlap (a country's
    # whole-area scorecard 2.1 s → see docs/performance.md).
    pending = _POOL.submit(county_items, snapshot, filters.year, rules, None, filters) if items is None else None
    # evaluated batch by batch: a country's school parts never exist twice in memory (raw and evaluated)
    matrix = queries.school_stage_inputs(snapshot, filters, each=lambda inputs: standard.indicator_matrix(inputs, rules),
                                         fold_teaching_points=standard.folds_teaching_points(rules),
                                         leave_out_under=standard.teaching_points_left_out_under(rules))
    items = pending.result() if pending is not None else items
    return _card(snapshot, filters, rules, matrix, items)


def _card(snapshot: Snapshot, filters: Filters, rules: dict, matrix: pd.DataFrame, items: pd.DataFrame) -> Scorecard:
    results = standard.school_results(matrix, rules)
    county = filters.is_whole_county  # the acceptance unit: a township or a few schools get no verdict
    cvs = standard.cv_table(matrix, rules, acceptance_unit=county)
    vetoes, applying = conditions(snapshot, filters.year, rules)
    summary = standard.summarise(results, cvs, items, vetoes, rules, demo=snapshot.demo, acceptance_unit=county)
    return Scorecard(filters, snapshot, rules, matrix, results, cvs, items, vetoes, summary, applying)


@dataclass
class RectificationStates:
    """The county as it is, with the register's completed measures carried out, and with all of them."""
    register: pd.DataFrame  # the 整改台账 rows, with `overdue`
    now: Scorecard
    completed: Scorecard
    planned: Scorecard


def rectification(snapshot: Snapshot, year: int, rules: dict | None = None, base: Scorecard | None = None,
                  today=None) -> RectificationStates | None:
    """The three states of the rectification register of a snapshot (None when it has no register rows):
    now, with the measures marked 已完成 carried out, with every measure of the register carried out;
    each measure flagged when past its deadline and not completed."""
    import datetime as dt

    from ..model.vocabulary import COMPLETED

    if "rectification" not in snapshot.tables:
        return None
    register = snapshots.read_table(snapshot, "rectification", [])
    if register.empty:
        return None
    rules = rules or standard.load_rules()
    now = base if base is not None and base.filters == Filters(year=year) else compute(snapshot, Filters(year=year), rules)
    names = dict(zip(now.matrix["school_id"], now.matrix["school_name"], strict=False))
    register = register.assign(overdue=plan_model.overdue(register, today or dt.date.today()).to_numpy())
    done = plan_model.register_actions(register, names, (COMPLETED,))
    every = plan_model.register_actions(register, names)
    completed = compute(snapshot, Filters(year=year), rules, actions=done, base=now)
    planned = compute(snapshot, Filters(year=year), rules, actions=every, base=now)
    return RectificationStates(register, now, completed, planned)
