"""The national standard engine: indicator values, the school rule, weighted CV, county items, CLI."""
import json
import math
import subprocess
import sys

import pandas as pd
import pyarrow.parquet as pq
import pytest

from cli_support import run_cli
from dashboard_core.model import standard
from dashboard_core.store import scorecards
from dashboard_core.model.filters import Filters
from dashboard_core.model.vocabulary import BELOW, FLOOR, MET, NO_STUDENTS

RULES = standard.load_rules()
INDICATORS = [i["code"] for i in RULES["resource"]["indicators"]]
REPO_SRC = str(__import__("pathlib").Path(__file__).resolve().parents[2] / "src")


def school(school_id="S1", school_type="小学", stage="小学", students=1000, primary=None, junior=None, **overrides):
    """One school part whose every indicator sits at 120% of the 小学 threshold unless overridden."""
    n = students
    row = {"school_id": school_id, "school_name": school_id, "township_code": "654022100", "township_name": "察布查尔镇",
           "school_type": school_type, "urban_rural": "城区", "stage": stage, "students": n, "classes": 25,
           "full_time_teachers": 80, "teachers_above_degree": 4.2 * 1.2 * n / 100,
           "backbone_teachers": 1.0 * 1.2 * n / 100, "pe_art_teachers": 0.9 * 1.2 * n / 100,
           "staff": 100, "teaching_area_m2": 4.5 * 1.2 * n, "sports_area_m2": 7.5 * 1.2 * n,
           "equipment_value_yuan": 2000 * 1.2 * n, "multimedia_rooms": 2.3 * 1.2 * n / 100,
           "school_primary_students": n if primary is None else primary,
           "school_junior_students": 0 if junior is None else junior}
    row.update(overrides)
    return row


def matrix_of(*rows):
    return standard.indicator_matrix(pd.DataFrame(list(rows)), RULES)


def evaluate(*rows):
    matrix = matrix_of(*rows)
    return standard.values_long(matrix, RULES), standard.school_results(matrix, RULES)


def test_rules_hold_every_part_of_the_standard():
    res = RULES["resource"]
    assert len(res["indicators"]) == 7 and res["floor_share"] == 0.85 and standard.min_met(RULES) == 6
    assert res["cv_limits"] == {"小学": 0.50, "初中": 0.45}
    items = RULES["county_items"]
    assert len(items) == 25  # the method's 15 + 9 + 1, not the requirements counted one by one
    assert [i["item"] for i in items if i["part"] == "government"] == [f"G{n:02d}" for n in range(1, 16)]
    assert [i["item"] for i in items if i["part"] == "quality"] == [f"Q{n:02d}" for n in range(1, 10)]
    assert [i["item"] for i in items if i["part"] == "recognition"] == ["R01"]
    assert standard.requirement(RULES, "R01.1")["threshold"] == 85
    g11 = standard.county_item(RULES, "G11")
    assert [r["threshold"] for r in g11["requirements"]] == [10, 20]  # one item, two requirements
    assert "均不含寄宿制学校" in standard.county_item(RULES, "G13")["text"]
    assert "岗位" in standard.county_item(RULES, "G10")["text"]
    conditions = RULES["non_recognition"]["items"]
    assert len(conditions) >= 7 and all(c["source"] for c in conditions)
    assert {"以考试方式招生", "违规择校行为突出", "设置重点学校或重点班", "有弄虚作假行为"} <= {c["text"] for c in conditions}
    thresholds = {i["code"]: i["thresholds"] for i in res["indicators"]}
    assert thresholds["sports_area_per_student"] == {"小学": 7.5, "初中": 10.2}
    assert thresholds["equipment_value_per_student"] == {"小学": 2000, "初中": 2500}


def test_weighted_cv_test_vector():
    students = pd.Series([45, 37, 89, 76, 55], dtype="float64")
    books = pd.Series([279, 137, 935, 160, 402], dtype="float64")
    x = books / students
    assert round(standard.weighted_cv(x, students), 4) == 0.5153
    unweighted = x.std(ddof=0) / x.mean()
    assert round(unweighted, 4) == 0.4888


def test_nine_year_split_by_hand():
    # 400 primary + 500 junior: weighted 400 + 1.1 × 500 = 950; shares 400/950 and 550/950.
    common = dict(school_type="九年一贯制学校", primary=400, junior=500, sports_area_m2=9500.0,
                  teaching_area_m2=0.0, equipment_value_yuan=950_000.0, multimedia_rooms=19)
    values, _ = evaluate(school(stage="小学", students=400, **common), school(stage="初中", students=500, **common))
    v = values.set_index(["stage", "indicator"])["value"]
    assert v[("小学", "sports_area_per_student")] == pytest.approx(10.0)   # 9500 × 400/950 ÷ 400
    assert v[("初中", "sports_area_per_student")] == pytest.approx(11.0)   # 9500 × 550/950 ÷ 500
    assert v[("小学", "equipment_value_per_student")] == pytest.approx(1000.0)
    assert v[("初中", "equipment_value_per_student")] == pytest.approx(1100.0)
    assert v[("小学", "multimedia_rooms_per100")] == pytest.approx(2.0)    # 19 × 400/950 = 8 rooms per 400
    assert v[("初中", "multimedia_rooms_per100")] == pytest.approx(2.2)



def test_twelve_year_and_complete_secondary_splits_by_hand():
    """The senior high part takes its share (1.32 per senior student, primary = 1) and leaves the standard."""
    # 600 primary + 400 junior + 300 senior: 600 + 1.1 × 400 + 1.32 × 300 = 1,436 weighted students
    common = dict(school_type="十二年一贯制学校", primary=600, junior=400, school_senior_students=300,
                  sports_area_m2=14_360.0, teaching_area_m2=0.0, equipment_value_yuan=1_436_000.0, multimedia_rooms=30)
    values, _ = evaluate(school(stage="小学", students=600, **common), school(stage="初中", students=400, **common))
    v = values.set_index(["stage", "indicator"])["value"]
    assert v[("小学", "sports_area_per_student")] == pytest.approx(10.0)  # 14,360 × 600/1,436 ÷ 600
    assert v[("初中", "sports_area_per_student")] == pytest.approx(11.0)  # 14,360 × 440/1,436 ÷ 400
    assert v[("初中", "equipment_value_per_student")] == pytest.approx(1100.0)
    # a 完全中学: junior : senior = 1.1 : 1.32 = 1 : 1.2; 500 junior + 500 senior, 12,100 ㎡
    complete = dict(school_type="完全中学", primary=0, junior=500, school_senior_students=500, sports_area_m2=12_100.0)
    values, _ = evaluate(school(stage="初中", students=500, **complete))
    share = 1.1 * 500 / (1.1 * 500 + 1.32 * 500)
    assert values.set_index("indicator").loc["sports_area_per_student", "value"] == pytest.approx(12_100 * share / 500)
    assert share == pytest.approx(1 / 2.2)  # 1 : 1.2


def test_school_size_limits_know_every_through_school():
    limits = standard.requirement(RULES, "G04.1")["limits"]
    assert limits["十二年一贯制学校"] == 2500 and limits["九年一贯制学校"] == 2500 and limits["完全中学"] == 2000
    from dashboard_core.model.vocabulary import SCHOOL_TYPES, TEACHING_POINT

    assert set(SCHOOL_TYPES) - {TEACHING_POINT} <= set(limits)
    parts = pd.DataFrame({"school_id": ["T", "T", "C"], "school_name": ["T", "T", "C"],
                          "school_type": ["十二年一贯制学校", "十二年一贯制学校", "完全中学"], "stage": ["小学", "初中", "初中"],
                          "students": [1500, 900, 2100], "classes": [30, 18, 42]})
    judged = standard.evaluate_county_items(RULES, pd.DataFrame(columns=["year", "metric", "value", "unit", "source"]),
                                            2024, parts).set_index("item").loc["G04"]
    assert judged["status"] == "not_met" and judged["detail"]["over"] == [("C", 2100)]  # T's 2,400 is within 2,500


@pytest.mark.parametrize("area,status,passes", [
    (7500.0, MET, True),      # exactly at the threshold
    (6375.0, FLOOR, True),    # exactly 85% of it
    (6374.9, BELOW, False),   # just below 85%
])
def test_school_rule_edges(area, status, passes):
    values, results = evaluate(school(sports_area_m2=area))
    assert values.set_index("indicator").loc["sports_area_per_student", "status"] == status
    assert results["passes"].item() is passes


def test_long_and_wide_forms_agree(demo_snapshot):
    from dashboard_core.store import queries
    from dashboard_core.model.filters import Filters

    inputs = queries.school_stage_inputs(demo_snapshot, Filters(year=2024))
    matrix = standard.indicator_matrix(inputs, RULES)
    long = standard.values_long(matrix, RULES)
    assert len(long) == len(INDICATORS) * len(matrix)
    for r in long.sample(40, random_state=1).itertuples():
        row = matrix[(matrix["school_id"] == r.school_id) & (matrix["stage"] == r.stage)].iloc[0]
        assert row[f"val_{r.indicator}"] == pytest.approx(r.value)
        assert standard.classify(r.value, r.threshold, r.floor) == r.status == str(row[f"st_{r.indicator}"])
        rule = next(i for i in RULES["resource"]["indicators"] if i["code"] == r.indicator)
        assert r.threshold == rule["thresholds"][r.stage] and r.number == rule["number"] and r.unit == rule["unit"]
    # school part by school part, in the matrix's order, the indicators in their order within each
    assert list(long["number"]) == list(range(1, 8)) * len(matrix)
    assert list(long["school_id"][::7]) == list(matrix["school_id"]) and list(long["stage"][::7]) == list(matrix["stage"])


def test_two_floors_fail_the_school_rule():
    values, results = evaluate(school(sports_area_m2=7000.0, teaching_area_m2=4000.0))
    assert results["met_count"].item() == 5 and results["floor_count"].item() == 2
    assert results["passes"].item() is False


def test_zero_students_is_reported_not_divided():
    values, results = evaluate(school(students=0, primary=0))
    assert set(values["status"]) == {NO_STUDENTS}
    assert values["value"].isna().all()
    assert results["passes"].item() is None and not results["has_students"].item()
    cvs = standard.cv_table(matrix_of(school(students=0, primary=0)), RULES)
    assert cvs["cv"].isna().all()


def test_teaching_points_count_with_their_central_school(demo_snapshot):
    """One treatment for the CV and the tallies (rules: teaching_points.treatment = with_parent)."""
    read = lambda t: pq.read_table(demo_snapshot.table_path(t)).to_pandas()  # noqa: E731
    stage = read("school_stage_year")
    stage = stage[stage["year"] == 2024].set_index("school_id")
    card = scorecards.compute(demo_snapshot, Filters(year=2024))
    assert "教学点" not in set(card.matrix["school_type"])
    kan = card.matrix.set_index("school_id").loc["DEMO-26"]
    assert kan["students"] == stage.loc["DEMO-26", "students"] + stage.loc["DEMO-29", "students"]
    assert kan["teaching_points_folded"] == 1
    primary = card.summary.stages["小学"]
    assert primary["teaching_points_folded"] == 2 and "教学点" not in primary["by_type"]
    assert card.cvs.loc[card.cvs["stage"] == "小学", "schools"].eq(primary["schools_total"]).all()
    # a province counting each teaching point as a school of its own: two more parts, in the CV as well
    own = {**RULES, "resource": {**RULES["resource"], "teaching_points": {"treatment": "own_part"}}}
    apart = scorecards.compute(demo_snapshot, Filters(year=2024), own)
    assert apart.summary.stages["小学"]["schools_total"] == primary["schools_total"] + 2
    assert apart.summary.stages["小学"]["by_type"]["教学点"] == 2
    assert apart.cvs.loc[apart.cvs["stage"] == "小学", "schools"].eq(primary["schools_total"] + 2).all()
    # choosing the teaching point chooses the unit it is judged in
    chosen = scorecards.compute(demo_snapshot, Filters(year=2024, schools=("DEMO-29",)))
    assert list(chosen.matrix["school_id"]) == ["DEMO-26"]


def test_what_it_lacks_in_concrete_units():
    # 1000 students; sports at 93.33% (floor), PE/arts 8 of 9 needed (floor): either fix passes the school.
    values, results = evaluate(school(sports_area_m2=7000.0, pe_art_teachers=8))
    assert results["passes"].item() is False
    plans = standard.what_it_lacks(values, RULES)
    flat = sorted((p[0]["indicator"], p[0]["amount"], p[0]["unit"]) for p in plans)
    assert flat == [("pe_art_teachers_per100", 1, "人"), ("sports_area_per_student", 500, "㎡")]
    from dashboard_core.present import words

    text = words.describe_lack(plans)
    assert "500 ㎡ 体育运动场馆面积" in text and "1 名体育、艺术专任教师" in text


def test_what_it_lacks_for_a_nine_year_facility_counts_the_split():
    # Junior part needs 10.2 ㎡ × 500 = 5100 ㎡ but gets 550/950 of the total: the school must add 1.727× the gap.
    common = dict(school_type="九年一贯制学校", primary=400, junior=500, sports_area_m2=8075.0)
    values, results = evaluate(school(stage="小学", students=400, **common),
                               school(stage="初中", students=500, **common, teachers_above_degree=20))
    junior = values[values["stage"] == "初中"]
    plans = standard.what_it_lacks(junior, RULES)
    sports = [a for p in plans for a in p if a["indicator"] == "sports_area_per_student" and a["target"] == "threshold"]
    gap = 10.2 * 500 - 8075.0 * 550 / 950
    assert sports[0]["amount"] == math.ceil(gap * 950 / 550)


def test_passing_school_lacks_nothing():
    values, _ = evaluate(school(sports_area_m2=7000.0))
    assert standard.what_it_lacks(values, RULES) == []


def _items(county_rows, parts=None, demo=False):
    county = pd.DataFrame(county_rows, columns=["year", "metric", "value", "unit", "source"])
    parts = parts if parts is not None else pd.DataFrame(columns=["school_id", "school_name", "school_type", "stage",
                                                                  "students", "classes"])
    return standard.evaluate_county_items(RULES, county, 2024, parts, demo=demo).set_index("item")


def test_county_items_use_sources_and_never_guess():
    parts = pd.DataFrame([{"school_id": "A", "school_name": "A", "school_type": "小学", "stage": "小学",
                           "students": 2100, "classes": 44}])
    items = _items([(2024, "rotation_rate", 9.5, "%", "f1")], parts)
    assert len(items) == 25
    g11 = items.loc["G11"]
    assert g11["status"] == "not_met"  # 9.5 % < 10 %: one requirement not met decides the item
    assert [(r["status"], r["source_kind"], r["source_ref"]) for r in g11["requirements"]] == [
        ("not_met", "report", "f1"), ("no_data", "none", None)]
    assert items.loc["G01", "source_kind"] == "none" and items.loc["G04", "source_kind"] == "snapshot"
    assert items.loc["R01", "status"] == "no_data"
    assert items.loc["G04", "status"] == "not_met"          # 2100 > 2000
    assert items.loc["G01", "status"] == "no_data"


def test_an_average_class_size_never_proves_every_class():
    # 20 students a class on average: still no data, since only per-class rows show the largest class
    parts = pd.DataFrame([{"school_id": "A", "school_name": "A", "school_type": "小学", "stage": "小学",
                           "students": 400, "classes": 20}])
    g05 = _items([], parts).loc["G05"]
    assert g05["status"] == "no_data" and pd.isna(g05["value"])


def test_each_status_kind_of_a_county_item():
    items = _items([(2024, "rotation_rate", 16.0, "%", "r1"), (2024, "rotation_backbone_share", 31.6, "%", "r2"),
                    (2024, "teacher_pay_above_civil_servants", 2427, "元", "p"),
                    (2024, "migrant_enrolment_rate", 100, "%", "m"), (2024, "disabled_enrolment_rate", 90, "%", "d"),
                    (2024, "teacher_training_share_exceeds", 5, "%", "t")])
    assert items.loc["G11", "status"] == "met"          # both requirements evidenced and met
    assert items.loc["Q02", "status"] == "not_met"      # 90 % < 95 %
    assert items.loc["G08", "status"] == "partial"      # pay evidenced, performance pay not
    assert items.loc["G15", "status"] == "partial"      # migrant rate evidenced, left-behind care not
    assert items.loc["Q04", "status"] == "partial"      # "more than 5 %" for the county, the rule is every school
    assert items.loc["Q04", "bound"] == "lower" and items.loc["Q04", "value"] == 5
    assert items.loc["G01", "status"] == "no_data"
    assert standard.combine(["not_applicable"]) == "not_applicable"
    assert standard.combine(["met", "not_applicable"]) == "met"
    assert standard.combine(["partial", "met"]) == "partial"
    assert standard.combine(["no_data", "no_data"]) == "no_data"


def test_a_lower_bound_decides_only_when_it_reaches_the_threshold():
    below = _items([(2024, "teacher_training_share_exceeds", 3, "%", "t")]).loc["Q04"]
    assert below["status"] == "no_data"  # "more than 3 %" says nothing about 5 %
    # an exact county share under 5 % proves some school spends less: not met even with county evidence
    exact = {**RULES, "county_items": [{**i, "requirements": [{**r, "bound": None} for r in i["requirements"]]}
                                       for i in RULES["county_items"]]}
    county = pd.DataFrame([(2024, "teacher_training_share_exceeds", 4.0, "%", "t")],
                          columns=["year", "metric", "value", "unit", "source"])
    parts = pd.DataFrame(columns=["school_id", "school_name", "school_type", "stage", "students", "classes"])
    q04 = standard.evaluate_county_items(exact, county, 2024, parts).set_index("item").loc["Q04"]
    assert q04["status"] == "not_met"


def test_demo_evidence_is_marked_demo():
    parts = pd.DataFrame([{"school_id": "A", "school_name": "A（示例）", "school_type": "小学", "stage": "小学",
                           "students": 400, "classes": 20}])
    items = _items([(2024, "rotation_rate", 16.0, "%", "demo"), (2024, "migrant_enrolment_rate", 100, "%", "m")],
                   parts, demo=True)
    assert items.loc["G04", "demo"] and items.loc["G11", "demo"]
    assert not items.loc["G15", "demo"]  # the report's figure is not demo data, even inside a demo snapshot


def test_non_recognition_conditions_are_judged_on_statements():
    vetoes = standard.evaluate_non_recognition(RULES, {"no_safety_accident"}).set_index("item")
    assert vetoes.loc["V05", "status"] == "met" and vetoes.loc["V05", "source_ref"] == "no_safety_accident"
    assert (vetoes.drop("V05")["status"] == "no_data").all()
    assert standard.evaluate_non_recognition(RULES, set()).set_index("item").loc["V05", "status"] == "no_data"


def test_size_items_name_ten_schools_and_count_the_rest():
    parts = pd.DataFrame([{"school_id": f"S{i:02d}", "school_name": f"学校{i:02d}", "school_type": "小学", "stage": "小学",
                           "students": 2001 + i, "classes": 40} for i in range(15)])
    from dashboard_core.present import words

    items = _items([], parts)
    detail = items.loc["G04", "detail"]
    assert items.loc["G04", "status"] == "not_met" and detail["over_count"] == 15
    assert len(detail["over"]) == standard.REASON_NAMES
    text = words.item_value(items.reset_index().set_index("item", drop=False).loc["G04"].to_dict())
    assert text.endswith("等（共 15 个）") and text.count("学校") == standard.REASON_NAMES


def _summary_of(*rows, items=None, vetoes=None):
    matrix = matrix_of(*rows) if rows else matrix_of(school()).iloc[0:0]
    results = standard.school_results(matrix, RULES)
    cvs = standard.cv_table(matrix, RULES)
    items = items if items is not None else _items([])
    vetoes = vetoes if vetoes is not None else standard.evaluate_non_recognition(RULES, set())
    return standard.summarise(results, cvs, items.reset_index(), vetoes, RULES), cvs


def test_scope_with_no_school_says_so():
    summary, cvs = _summary_of()
    assert summary.verdict == "no_schools" and summary.schools_total == 0
    assert set(cvs["status"]) == {"not_applicable"}


def test_scope_with_one_school_has_no_cv():
    summary, cvs = _summary_of(school("A"))
    primary = cvs[cvs["stage"] == "小学"]
    assert set(primary["status"]) == {"not_applicable"} and primary["cv"].isna().all()
    assert summary.cv_passing == 0 and summary.cv_not_applicable == 14
    assert summary.verdict == "incomplete"  # never "met" on a CV that does not exist


def test_scope_with_two_schools_has_a_cv():
    summary, cvs = _summary_of(school("A"), school("B", sports_area_m2=7.5 * 2 * 1000))
    primary = cvs[cvs["stage"] == "小学"].set_index("indicator")
    assert (primary["status"] == "met").all() and primary["schools"].eq(2).all()
    assert primary.loc["sports_area_per_student", "cv"] == pytest.approx(3 / 12)  # 9 and 15 ㎡: S = 3, mean = 12
    assert summary.stages["小学"]["schools_total"] == 2


def test_the_verdict_meets_only_when_everything_is_evidenced():
    everything = _items([]).assign(status="met")
    clear = standard.evaluate_non_recognition(RULES, set()).assign(status="met")
    met, _ = _summary_of(school("A"), school("B"), school("C", stage="初中", school_type="初级中学", junior=1000, primary=0,
                                                         teachers_above_degree=60, sports_area_m2=11000.0,
                                                         equipment_value_yuan=3_000_000.0, multimedia_rooms=30),
                         school("D", stage="初中", school_type="初级中学", junior=1000, primary=0,
                                teachers_above_degree=60, sports_area_m2=11000.0, equipment_value_yuan=3_000_000.0,
                                multimedia_rooms=30), items=everything, vetoes=clear)
    assert met.verdict == "met"
    one_partial = everything.copy()
    one_partial.loc["G08", "status"] = "partial"
    assert _summary_of(school("A"), school("B"), items=one_partial, vetoes=clear)[0].verdict == "incomplete"
    found = clear.copy()
    found.loc[0, "status"] = "not_met"
    assert _summary_of(school("A"), school("B"), items=everything, vetoes=found)[0].verdict == "not_met"


def test_scorecard_json_shape():
    done = run_cli("scorecard", "--json")
    assert done.returncode == 0, done.stderr
    doc = json.loads(done.stdout)
    assert set(doc) >= {"schools", "cv", "county_items", "vetoes", "summary"}
    first = doc["schools"][0]
    assert set(first) >= {"school_id", "school_name", "township_code", "stage", "indicators", "met_count", "passes"}
    assert set(first["indicators"]) == set(INDICATORS)
    assert set(first["indicators"]["sports_area_per_student"]) == {"value", "threshold", "floor", "status"}
    assert {s for school in doc["schools"] for i in school["indicators"].values() for s in [i["status"]]} <= {MET, FLOOR, BELOW}
    assert set(doc["cv"][0]) >= {"stage", "indicator", "cv", "limit", "status"}
    assert {c["status"] for c in doc["cv"]} <= {"met", "not_met", "not_applicable"}
    items = doc["county_items"]
    assert [i["item"] for i in items] == [f"G{n:02d}" for n in range(1, 16)] + [f"Q{n:02d}" for n in range(1, 10)] + ["R01"]
    assert all(set(i) >= {"part", "item", "status", "evidence", "demo"} for i in items)
    assert {i["status"] for i in items} <= {"met", "not_met", "partial", "no_data", "not_applicable"}
    by_item = {i["item"]: i for i in items}
    # the demo snapshot holds every register: no item lacks data, and each status shows
    assert not [i for i in items if i["status"] == "no_data"]
    assert by_item["G05"]["status"] == "not_met" and "县第二小学（示例）" in by_item["G05"]["evidence"]["value_text"]
    assert by_item["G03"]["status"] == "not_met" and by_item["G07"]["status"] == "not_applicable"
    assert by_item["G11"]["evidence"]["value_text"].startswith("1. 交流 117 人 ÷ 符合条件 731 人 = 16.0%")
    assert by_item["G08"]["requirements"][0]["value_text"] == "比公务员平均工资高 2,427 元"
    assert by_item["G04"]["demo"] and by_item["G11"]["demo"]
    assert {v["item"]: v["status"] for v in doc["vetoes"]}["V05"] == "met"
    assert "教育系统未发生安全责任事故" in {v["item"]: v["source"] for v in doc["vetoes"]}["V05"]
    assert doc["summary"]["verdict"] == "not_met"
    assert doc["summary"]["verdict_text"].startswith("按示例数据：")


def test_a_snapshot_without_registers_says_what_it_cannot_judge(core_only_root):
    doc = json.loads(run_cli("scorecard", "--json", "--data-dir", str(core_only_root)).stdout)
    by_item = {i["item"]: i for i in doc["county_items"]}
    assert by_item["G05"]["status"] == "no_data" and by_item["Q04"]["status"] == "partial"
    assert by_item["Q04"]["evidence"]["value_text"] == "＞5%（报告表述）"
    assert by_item["G08"]["status"] == "partial" and by_item["G15"]["status"] == "partial"
    assert by_item["G11"]["status"] == "met" and not by_item["G11"]["demo"]  # the report's 16.0 % and 31.6 %
    assert by_item["Q02"]["status"] == "met" and by_item["R01"]["status"] == "no_data"
    assert {v["item"]: v["status"] for v in doc["vetoes"]} == {
        "V01": "no_data", "V02": "no_data", "V03": "no_data", "V04": "no_data", "V05": "met", "V06": "no_data",
        "V07": "no_data"}
    assert doc["summary"]["verdict"] == "not_met"  # four invented schools fail the school rule


def test_scorecard_filters():
    doc = json.loads(run_cli("scorecard", "--json", "--township", "654022205").stdout)
    assert {s["township_code"] for s in doc["schools"]} == {"654022205"}
    doc = json.loads(run_cli("scorecard", "--json", "--school", "DEMO-01", "--school", "DEMO-06", "--year", "2023").stdout)
    assert {s["school_id"] for s in doc["schools"]} == {"DEMO-01", "DEMO-06"}
    assert doc["filters"]["year"] == 2023
    bad = run_cli("scorecard", "--year", "1999")
    assert bad.returncode == 2 and "没有 1999 年" in bad.stderr
    bad = run_cli("scorecard", "--snapshot", "../etc")
    assert bad.returncode == 2 and "不合法" in bad.stderr
    bad = run_cli("scorecard", "--township", "999999999")
    assert bad.returncode == 2 and "999999999" in bad.stderr and "654022100" in bad.stderr and not bad.stdout
    bad = run_cli("scorecard", "--school", "NOPE")
    assert bad.returncode == 2 and "NOPE" in bad.stderr
    doc = json.loads(run_cli("scorecard", "--json", "--stage", "初中").stdout)
    assert {s["stage"] for s in doc["schools"]} == {"初中"} and doc["filters"]["stages"] == ["初中"]
    empty = json.loads(run_cli("scorecard", "--json", "--township", "654022206", "--stage", "初中").stdout)
    assert empty["summary"]["verdict"] == "no_schools" and "没有学校" in empty["summary"]["verdict_text"]
    text = run_cli("scorecard").stdout
    assert "按示例数据：" in text and "小学学段" in text and "incomplete" not in text and "not_met" not in text


def test_cv_agrees_with_an_independent_computation(demo_snapshot):
    """Recompute every CV straight from the Parquet files with the formula of standards.md."""
    read = lambda t: pq.read_table(demo_snapshot.table_path(t)).to_pandas()  # noqa: E731
    schools, stage, fac = read("schools"), read("school_stage_year"), read("school_year")
    # a teaching point's figures count with its central school (the rules' treatment)
    parent = schools.set_index("school_id")["parent_school_id"].dropna()
    stage, fac = stage[stage["year"] == 2024].copy(), fac[fac["year"] == 2024].copy()
    stage["school_id"] = stage["school_id"].replace(parent.to_dict())
    fac["school_id"] = fac["school_id"].replace(parent.to_dict())
    stage = stage.groupby(["school_id", "stage"], as_index=False).sum(numeric_only=True)
    fac = fac.groupby("school_id").sum(numeric_only=True)
    enrol = stage.pivot_table(index="school_id", columns="stage", values="students", aggfunc="sum").fillna(0)
    doc = json.loads(run_cli("scorecard", "--json").stdout)
    got = {(c["stage"], c["indicator"]): c["cv"] for c in doc["cv"]}
    for ind in RULES["resource"]["indicators"]:
        for st_name in RULES["resource"]["cv_limits"]:
            part = stage[stage["stage"] == st_name]
            xs, ps = [], []
            for r in part.itertuples():
                a = enrol.loc[r.school_id].get("小学", 0)
                b = enrol.loc[r.school_id].get("初中", 0)
                if ind["numerator_level"] == "stage":
                    num = getattr(r, ind["numerator"])
                else:
                    share = (a if st_name == "小学" else 1.1 * b) / (a + 1.1 * b)
                    num = fac.loc[r.school_id, ind["numerator"]] * share
                xs.append(num / r.students * ind["per_students"])
                ps.append(r.students)
            total = sum(ps)
            mean = sum(p * x for p, x in zip(ps, xs)) / total
            s = math.sqrt(sum(p / total * (x - mean) ** 2 for p, x in zip(ps, xs)))
            assert round(got[(st_name, ind["code"])], 4) == round(s / mean, 4), (st_name, ind["code"])


def test_a_narrowed_scorecard_equals_one_computed_for_that_view(demo_snapshot):
    whole = scorecards.compute(demo_snapshot, Filters(year=2024))
    for view in [Filters(year=2024, townships=("654022100",)), Filters(year=2024, stages=("初中",)),
                 Filters(year=2024, townships=("654022205", "654022206"), stages=("小学",)),
                 Filters(year=2024, schools=("DEMO-06", "DEMO-22"))]:
        direct = scorecards.compute(demo_snapshot, view, items=whole.county_items)
        cut = whole.narrow(view)
        pd.testing.assert_frame_equal(cut.matrix, direct.matrix, check_like=True)
        pd.testing.assert_frame_equal(cut.results, direct.results)
        pd.testing.assert_frame_equal(cut.cvs, direct.cvs)
        assert cut.summary == direct.summary


def test_enrolment_by_stage_adds_up_to_the_report(demo_snapshot):
    card = scorecards.compute(demo_snapshot, Filters(year=2024))
    stages = card.enrolment_by_stage()
    assert list(stages["stage"]) == ["小学", "初中"]
    assert stages["students"].sum() == 20486 and stages["full_time_teachers"].sum() == 1544
    nine_year = card.matrix.groupby("school_id")["stage"].nunique().gt(1).sum()
    assert stages["schools"].sum() == card.school_count + nine_year  # a 九年一贯制 school counts in both stages
    junior = scorecards.compute(demo_snapshot, Filters(year=2024, stages=("初中",))).enrolment_by_stage()
    assert list(junior["stage"]) == ["初中"] and junior["students"].item() == stages["students"].iloc[1]


@pytest.mark.slow  # a subprocess or many examples: runs with the browser tests
def test_scorecard_json_is_strict_json():
    """Parsed by a reader that refuses NaN and Infinity (what any strict JSON reader does)."""
    import json

    done = subprocess.run([sys.executable, "-m", "dashboard_core", "scorecard", "--json"], capture_output=True, text=True,
                          env={"PYTHONPATH": REPO_SRC, "PATH": "/usr/bin:/bin"}, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]

    def refuse(token):
        raise ValueError(f"not JSON: {token}")

    doc = json.loads(done.stdout, parse_constant=refuse)
    assert "已达到" not in doc["summary"]["verdict_text"]


def test_a_group_just_under_its_threshold_is_not_met_anywhere():
    """4.198 against 4.2 is short, in the groups' table as for a school part: judged on the unrounded
    value, whatever a display rounds it to."""
    from dashboard_core.present import tables

    matrix = matrix_of(school("A", students=1000, teachers_above_degree=41.98))
    grouped = standard.group_values(matrix, ["township_name"], RULES)
    row = grouped[grouped["indicator"] == "teachers_above_degree_per100"].iloc[0]
    assert row["value"] == pytest.approx(4.198) and row["status"] == FLOOR
    shown = tables.group_indicator_frame(grouped, "township_name", "乡镇")
    first = shown[shown["指标"].str.startswith("1 ")].iloc[0]
    assert first["状态"] != tables.STATUS_LABELS[MET] and first["数值"] < first["标准值"]
    assert first["达到标准值的比例"] == 100.0  # the rounded share reads 100 %: it is not what judges


def test_the_school_rule_is_all_but_one_of_however_many_indicators():
    import copy

    rules = copy.deepcopy(RULES)
    assert standard.min_met(rules) == len(rules["resource"]["indicators"]) - 1 == 6
    extra = copy.deepcopy(rules["resource"]["indicators"][0])
    extra.update(code="extra_per100", number=8)
    rules["resource"]["indicators"].append(extra)
    assert standard.min_met(rules) == 7  # two shortfalls of eight never pass


def test_every_status_says_what_it_rests_on(demo_snapshot):
    """Each requirement, item and non-recognition condition has a basis: computed from data, declared by
    the county (its documents and its report: 自评，待核查) or decided by the inspection (the vetoes)."""
    from dashboard_core.files import scorecard_json
    from dashboard_core.present import words
    from dashboard_core.store import queries

    card = scorecards.compute(demo_snapshot, Filters(year=2024))
    doc = scorecard_json.to_json(card, queries.report_citations(demo_snapshot))
    for item in doc["county_items"]:
        kinds = {q["basis"] for q in item["requirements"] if q["status"] != "no_data"}
        assert item["basis"] in ("data", "declared", None) and kinds <= {"data", "declared"}, item["item"]
        if "declared" in kinds:
            assert item["basis"] == "declared"
            if item["status"] == "met":
                assert "自评达到（待核查）" in item["status_text"]
    documents = [q for item in doc["county_items"] for q in item["requirements"] if q["basis"] == "declared"]
    assert documents and all(q["basis"] != "data" for q in documents)
    assert {v["basis"] for v in doc["vetoes"]} == {"inspection"}
    assert not any("不存在（有佐证）" in v["status_text"] for v in doc["vetoes"])
    assert "由督导评估认定" in words.summary_sentence(card.summary, "全县", 2024)


def test_a_survey_is_judged_as_the_sample_it_is():
    """86% of 200 is not "met": its 95% interval runs below 85%. Checked against SciPy's Wilson interval."""
    from scipy.stats import binomtest

    from dashboard_core.model import registers

    for satisfied, n in ((172, 200), (5240, 5803), (9, 10), (850, 1000)):
        low, high = registers.wilson_interval(satisfied, n)
        ci = binomtest(satisfied, n).proportion_ci(confidence_level=0.95, method="wilson")
        assert (low, high) == pytest.approx((ci.low, ci.high), abs=1e-9)
    assert registers.sample_status(172, 200, 0.85) == "partial"
    assert registers.sample_status(5240, 5803, 0.85) == "met"
    assert registers.sample_status(150, 200, 0.85) == "not_met"
    more = registers.respondents_to_settle(172, 200, 0.85)
    assert more and registers.sample_status(0.86 * (200 + more), 200 + more, 0.85) == "met"
    assert registers.sample_status(0.86 * (199 + more), 199 + more, 0.85) == "partial"  # the least that settles it
    assert registers.respondents_to_settle(170, 200, 0.85) is None  # exactly on the line: no sample settles it

    reg = registers.Registers(survey=pd.DataFrame({"group": ["家长"], "respondents": [200], "satisfied": [172]}))
    req = next(q for i in RULES["county_items"] if i["item"] == "R01" for q in i["requirements"])
    judged = registers.survey(req, reg, demo=False)
    assert judged["status"] == "partial" and judged["detail"]["interval"][0] < 85 < judged["detail"]["interval"][1]


def test_a_township_is_not_an_acceptance_unit(demo_snapshot):
    """A township's school parts are shown against the school standard; its CVs are information and it
    gets no verdict of its own (the acceptance is county-wide), in words that say so."""
    from dashboard_core.present import words

    card = scorecards.compute(demo_snapshot, Filters(year=2024, townships=("654022205",)))
    assert card.summary.verdict == "not_applicable"
    assert set(card.cvs["status"]) == {"not_applicable"} and set(card.cvs["reason"]) == {"scope"}
    assert card.cvs["cv"].notna().any()  # still worked out, for information
    sentence = words.summary_sentence(card.summary, "米粮泉回族乡", 2024)
    assert "验收以县为单位" in sentence and "尚未达到" not in sentence and "在限值以内" not in sentence
    whole = scorecards.compute(demo_snapshot, Filters(year=2024))
    narrowed = whole.narrow(Filters(year=2024, townships=("654022205",)))
    assert narrowed.summary.verdict == "not_applicable" and set(narrowed.cvs["status"]) == {"not_applicable"}
    assert whole.summary.verdict != "not_applicable"


def test_the_conditions_for_applying_are_judged_like_items():
    county = pd.DataFrame({"year": [2016], "metric": ["basic_balance_recognised_year"], "value": [2016.0],
                           "unit": ["年"], "source": ["国务院教育督导委员会 2016 年认定名单"]})
    judged = standard.evaluate_preconditions(RULES, county, 2024).set_index("item")
    assert judged.loc["P01", "status"] == "met" and judged.loc["P01", "basis"] == "declared"
    assert judged.loc["P02", "status"] == "no_data"  # no monitoring reports in the evidence register
    recent = county.assign(value=[2022.0])
    assert standard.evaluate_preconditions(RULES, recent, 2024).set_index("item").loc["P01", "status"] == "not_met"
    assert standard.evaluate_preconditions(RULES, county.iloc[0:0], 2024).set_index("item").loc["P01", "status"] == "no_data"


def test_teaching_points_are_not_counted_as_schools(demo_snapshot):
    """The report counts 28 schools and 2 teaching points: an every-school rule says so, not "30 所学校"."""
    from dashboard_core.present import words

    card = scorecards.compute(demo_snapshot, Filters(year=2024))
    items = card.county_items.set_index("item")
    text = words.item_value(items.loc["G09"].to_dict())
    assert "28 所学校和 2 个教学点均达到" in text and "30 所学校" not in text


def test_a_teaching_point_named_on_the_command_line_says_whose_part_it_is(capsys):
    from dashboard_core import cli

    assert cli.main(["scorecard", "--school", "DEMO-29", "--json"]) == 0
    out = capsys.readouterr()
    doc = json.loads(out.out)
    assert "并入所属中心校 DEMO-26" in out.err and "并入所属中心校 DEMO-26" in doc["filters"]["notes"][0]


def test_a_townships_items_name_only_its_own_schools(demo_snapshot):
    """In a township's view the every-school requirements are judged for its schools (scope `view`):
    no school of another township appears in any item's evidence; the rest stay the county's."""
    from dashboard_core.files import scorecard_json
    from dashboard_core.store import queries

    township = Filters(year=2024, townships=("654022205",))
    whole = scorecards.compute(demo_snapshot, Filters(year=2024))
    for card in (scorecards.compute(demo_snapshot, township),
                 whole.narrow(township, scorecards.county_items(demo_snapshot, 2024, RULES, filters=township))):
        doc = scorecard_json.to_json(card, queries.report_citations(demo_snapshot))
        here = set(queries.schools_in_view(demo_snapshot, township))
        schools = queries.school_list(demo_snapshot)
        outside = schools.loc[~schools["school_id"].isin(here), "school_name"]
        evidence = json.dumps(doc["county_items"], ensure_ascii=False) + json.dumps(doc["vetoes"], ensure_ascii=False)
        assert [n for n in outside if n in evidence] == []
        scopes = {i["item"]: i["scope"] for i in doc["county_items"]}
        assert scopes["G03"] == scopes["G05"] == "view" and scopes["G10"] == scopes["R01"] == "county"
    # the county view names the county's schools over their limits (the township's do not fail G03/G05)
    assert whole.county_items.set_index("item").loc["G05", "status"] == "not_met"
    assert card.county_items.set_index("item").loc["G05", "status"] == "met"


def test_a_small_teaching_point_is_treated_by_the_rule_chosen(demo_snapshot):
    """The rules file chooses how teaching points count: with their central school (the default), each
    as its own part, or — Hebei's restatement — left out under `min_students` pupils."""
    import copy

    from dashboard_core.store import queries

    schools = queries.school_list(demo_snapshot)
    points = set(schools.loc[schools["school_type"] == "教学点", "school_id"])
    parts = queries.school_part_sizes(demo_snapshot, 2024)
    sizes = parts[parts["school_id"].isin(points)].groupby("school_id")["students"].sum()
    assert len(sizes) == 2 and sizes.max() < 50  # the demo's two teaching points are both small

    def card_with(treatment, n=50):
        rules = copy.deepcopy(RULES)
        rules["resource"]["teaching_points"].update(treatment=treatment, min_students=n)
        return scorecards.compute(demo_snapshot, Filters(year=2024), rules), rules

    folded, _ = card_with("with_parent")
    left_out, rules = card_with("leave_out_under", 50)
    own, _ = card_with("leave_out_under", int(sizes.min()))  # none under the bound: each its own part
    assert not points & set(folded.matrix["school_id"]) and folded.summary.stages["小学"]["teaching_points_folded"] == 2
    assert not points & set(left_out.matrix["school_id"])
    assert left_out.summary.stages["小学"]["teaching_points_folded"] == 0
    # left out, not folded: the pupils in the tallies are fewer by exactly the teaching points' pupils
    assert folded.matrix["students"].sum() - left_out.matrix["students"].sum() == sizes.sum()
    assert points <= set(own.matrix["school_id"])
    assert standard.teaching_points_left_out_under(rules) == 50
    with pytest.raises(ValueError):
        standard.teaching_point_treatment({"resource": {"teaching_points": {"treatment": "half"}}})
