"""The cheapest plan to acceptance: it passes, nothing in it can be cut, it never costs more than fixing
each school on its own, and it moves teachers before hiring them."""
import json
import math

import pandas as pd
import pytest

from dashboard_core.model import plan, standard
from dashboard_core.model.filters import Filters
from dashboard_core.store import scorecards
from test_standard import RULES, matrix_of, school

COSTS = plan.unit_costs(plan.load_costs())


@pytest.fixture(scope="module")
def demo_plan(demo_snapshot):
    card = scorecards.compute(demo_snapshot, Filters(year=2024))
    return card, plan.optimise(card.matrix, RULES, COSTS)


def _passes(matrix, actions) -> bool:
    after = plan.apply(matrix, actions, RULES)
    results = standard.school_results(after, RULES)
    cvs = standard.cv_table(after, RULES)
    return bool(results.loc[results["has_students"], "passes"].all()) and not (cvs["status"] == "not_met").any()


def test_the_plan_passes_every_part_and_every_cv(demo_plan):
    card, result = demo_plan
    assert not card.results["passes"].all()  # the demo has failing parts to plan for
    assert result.status == "optimal" and len(result.actions)
    assert _passes(card.matrix, result.actions)
    assert result.total_cost == pytest.approx(result.actions["cost"].sum())


def test_no_action_can_be_cut(demo_plan):
    card, result = demo_plan
    for i, a in result.actions.iterrows():
        cut = result.actions.copy()
        whole = a["unit"] in ("人", "间")
        smaller = a["quantity"] - 1 if whole else math.floor(a["quantity"] * 0.9)
        if smaller <= 0:
            cut = cut.drop(index=i)
        else:
            cut.loc[i, "quantity"] = smaller
        assert not _passes(card.matrix, cut), f"{a['school_name']} {a['resource']} could be cut"


def _price(addition: dict) -> float:
    key = {"人": "teacher_year", "㎡": "building_m2", "元": "equipment_yuan", "间": "multimedia_room"}[addition["unit"]]
    if addition["indicator"] == "sports_area_per_student":
        key = "sports_m2"
    if addition["indicator"] == "backbone_teachers_per100":
        key = "backbone_training"
    return addition["amount"] * COSTS[key]


def test_never_dearer_than_fixing_each_school_on_its_own(demo_plan):
    card, result = demo_plan
    own = 0.0
    for school_id in card.results.loc[card.results["passes"] == False, "school_id"].unique():  # noqa: E712
        values = card.values_for([school_id])
        for stage in values["stage"].unique():
            ways = standard.what_it_lacks(values[values["stage"] == stage], RULES)
            if ways:
                own += min(sum(_price(a) for a in way) for way in ways)
    assert 0 < result.total_cost <= own


def test_moving_a_teacher_beats_hiring_one():
    short = school("A", pe_art_teachers=8)  # 8 of the 9 PE and art teachers 1,000 pupils need
    spare = school("B", pe_art_teachers=14)  # five above its own threshold
    matrix = matrix_of(short, spare, school("C"))
    short_only = matrix_of(school("A", pe_art_teachers=8, sports_area_m2=7000.0), spare, school("C"))
    result = plan.optimise(short_only, RULES, COSTS)
    kinds = set(zip(result.actions["kind"], result.actions["resource"]))
    assert ("transfer", "pe_art_teachers") in kinds and ("add", "pe_art_teachers") not in kinds
    moved = result.actions[result.actions["kind"] == "transfer"].iloc[0]
    assert moved["from_school_id"] in ("B", "C") and moved["school_id"] == "A"
    assert _passes(short_only, result.actions)
    hired = plan.optimise(short_only, RULES, COSTS, allow_transfers=False)
    assert hired.total_cost > result.total_cost
    assert plan.optimise(matrix, RULES, COSTS).status == "no_gaps"  # A passes already: 6 of 7 and the 7th ≥ 85 %


def test_a_cv_over_its_limit_is_brought_within_it():
    rows = [school("A", students=1000), school("B", students=1000),
            school("C", students=1000, equipment_value_yuan=2000 * 6.0 * 1000)]  # one school far above the others
    matrix = matrix_of(*rows)
    before = standard.cv_table(matrix, RULES).set_index(["stage", "indicator"])
    assert before.loc[("小学", "equipment_value_per_student"), "status"] == "not_met"
    result = plan.optimise(matrix, RULES, COSTS)
    assert result.status == "optimal" and result.cv_rounds >= 1
    after = standard.cv_table(plan.apply(matrix, result.actions, RULES), RULES).set_index(["stage", "indicator"])
    assert after.loc[("小学", "equipment_value_per_student"), "status"] == "met"


@pytest.mark.slow  # a subprocess or many examples: runs with the browser tests
def test_the_plan_on_the_command_line_and_back(tmp_path):
    import json
    import subprocess
    import sys

    from test_standard import REPO_SRC

    env = {**__import__("os").environ, "PYTHONPATH": REPO_SRC}
    out = tmp_path / "plan.json"
    done = subprocess.run([sys.executable, "-m", "dashboard_core", "plan", "--json", "--out", str(out)],
                          capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    doc = json.loads(done.stdout)
    assert doc["actions"] and doc["total_cost"] == pytest.approx(sum(a["cost"] for a in doc["actions"]))
    assert {a["kind"] for a in doc["actions"]} <= set(plan.ACTION_KINDS)
    assert all(a["from_school_id"] for a in doc["actions"] if a["kind"] == "transfer")
    assert doc["after"]["verdict"] == "met" and doc["after"]["verdict_text"].startswith("按示例数据：")
    applied = subprocess.run([sys.executable, "-m", "dashboard_core", "scorecard", "--json", "--plan", str(out)],
                             capture_output=True, text=True, env=env)
    assert json.loads(applied.stdout)["summary"]["verdict"] == "met"
    bad = tmp_path / "bad.json"
    bad.write_text('{"actions": [{"kind": "add", "school_id": "DEMO-01", "resource": "gold", "quantity": 1}]}',
                   encoding="utf-8")
    refused = subprocess.run([sys.executable, "-m", "dashboard_core", "scorecard", "--plan", str(bad)],
                             capture_output=True, text=True, env=env)
    assert refused.returncode == 2 and "不认识" in refused.stderr


def test_enrolment_moves_up_a_grade_a_year():
    from dashboard_core.model import projection

    grades = pd.DataFrame([
        {"school_id": "P", "year": 2024, "stage": "小学", "grade": g, "students": 100 + g} for g in range(1, 7)] + [
        {"school_id": "J", "year": 2024, "stage": "初中", "grade": g, "students": 300} for g in range(7, 10)])
    none = projection.Ratios(pd.Series(dtype="float64"), pd.Series(dtype="float64"), (), "no_history")
    ahead = projection.project(grades, 2024, 2, 0.10, none).set_index(["year", "school_id", "grade"])["students"]
    assert ahead[(2025, "P", 2)] == 101 and ahead[(2025, "P", 1)] == 111  # grade 1 moved up, intake +10 %
    assert ahead[(2025, "J", 7)] == 106  # the primary leavers (grade 6: 106) go to the junior school
    assert ahead[(2026, "J", 8)] == 106 and ahead[(2026, "P", 1)] == 122
    assert (2025, "J", 10) not in ahead.index  # grade 9 leaves
    # one year of register: that year's grade ratios (grade 3 is 103/102 of grade 2; grade 7 is 300/106 of the
    # county's grade 6, so the 106 leavers come in as 300, with the pupils from outside the county)
    ratios = projection.progression_ratios(grades, 2024)
    assert ratios.method == "cross_section" and ratios.school[("P", 3)] == pytest.approx(103 / 102)
    ahead = projection.project(grades, 2024, 1, 0.0, ratios).set_index(["year", "school_id", "grade"])["students"]
    assert ahead[(2025, "P", 3)] == 103 and ahead[(2025, "J", 7)] == 300 and ahead[(2025, "J", 8)] == 300


def test_a_plan_for_a_year_ahead_passes_with_the_pupils_projected(demo_snapshot):
    from dashboard_core.model import projection
    from dashboard_core.store import queries

    rules = RULES
    grades = queries.register_grade_enrolment(demo_snapshot)
    projected = projection.project(grades, 2024, 2, projection.intake_trend(grades))
    card = scorecards.compute(demo_snapshot, Filters(year=2024))
    crossing = projection.crossings(card.matrix, projected, 2024, 2, rules)
    assert len(crossing)  # growing enrolment takes some schools below the standard
    result = scorecards.plan(demo_snapshot, 2024, target_year=2026)
    later = projection.matrix_in(card.matrix, projected, 2026, rules)
    assert _passes(later, result.actions[result.actions["resource"].isin([r.name for r in plan.resources(RULES)])])
    # every school the growing enrolment takes below the standard is in the plan for the year ahead
    crossed = set(crossing.loc[crossing["what"] == "fails_school_standard", "school_id"])
    assert crossed and crossed <= set(result.actions["school_id"])


BAD_PLANS = {
    "a fraction of a room": {"actions": [{"kind": "add", "school_id": "DEMO-01", "stage": "小学", "resource": "art_rooms",
                                          "quantity": 0.9}]},
    "a quantity as text": {"actions": [{"kind": "add", "school_id": "DEMO-01", "resource": "art_rooms", "quantity": "两间"}]},
    "a list for an action": {"actions": [["add", "DEMO-01", "art_rooms", 1]]},
    "actions as an object": {"actions": {"kind": "add"}},
    "a unit cost as text": {"actions": [{"kind": "add", "school_id": "DEMO-01", "resource": "art_rooms", "quantity": 1,
                                         "unit_cost": "很多"}]},
}
BAD_COSTS = {
    "text for a price": '{"items": [{"key": "teacher_year", "yuan": "十万"}]}',
    "NaN for a price": '{"items": [{"key": "teacher_year", "yuan": NaN}]}',
    "Infinity for a price": '{"items": [{"key": "teacher_year", "yuan": Infinity}]}',
    "missing keys": '{"items": [{"yuan": 1}]}',
    "a list": '[1, 2, 3]',
}


@pytest.mark.parametrize("case", sorted(BAD_PLANS))
def test_a_malformed_plan_file_is_refused_in_chinese(case, tmp_path, capsys):
    from dashboard_core import cli

    path = tmp_path / "plan.json"
    path.write_text(json.dumps(BAD_PLANS[case], ensure_ascii=False), encoding="utf-8")
    code = cli.main(["scorecard", "--plan", str(path)])
    err = capsys.readouterr().err
    assert code == 2 and err.startswith("错误：") and "Traceback" not in err, err


@pytest.mark.parametrize("case", sorted(BAD_COSTS))
def test_a_malformed_costs_file_is_refused_in_chinese(case, tmp_path, capsys):
    from dashboard_core import cli

    path = tmp_path / "costs.json"
    path.write_text(BAD_COSTS[case], encoding="utf-8")
    code = cli.main(["plan", "--costs", str(path)])
    err = capsys.readouterr().err
    assert code == 2 and err.startswith("错误：") and "Traceback" not in err, err


def test_a_scenario_name_is_never_overwritten_silently(tmp_path):
    from dashboard_core.files import plan_file

    doc = {"snapshot_id": "x", "year": 2024, "actions": []}
    plan_file.save_scenario(tmp_path, "预算", doc)
    with pytest.raises(plan_file.PlanFileError, match="已有名为“预算”的方案"):
        plan_file.save_scenario(tmp_path, "预算", {**doc, "year": 2025})
    plan_file.save_scenario(tmp_path, "预算", {**doc, "year": 2025}, overwrite=True)
    assert json.loads((tmp_path / "scenarios" / "预算.json").read_text(encoding="utf-8"))["year"] == 2025
