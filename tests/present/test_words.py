"""Sentences and numbers read out from codes: the verdict, parts, evidence, values beside thresholds."""
import pandas as pd

from dashboard_core.model import standard
from dashboard_core.present import i18n, tables, words
from dashboard_core.present.format import beside_threshold


def _summary(verdict="incomplete", demo=True, **counts):
    base = dict(stages={}, cv_passing=0, cv_total=14, cv_not_applicable=14, county_items_met=0,
                county_items_not_met=0, county_items_partial=0, county_items_no_data=0, county_items_not_applicable=0,
                county_items_total=25, vetoes_clear=0, vetoes_present=0, vetoes_no_data=7, vetoes_total=7)
    base.update(counts)
    return standard.Summary(verdict=verdict, demo=demo, **base)


def test_a_value_never_rounds_onto_its_threshold():
    shown = beside_threshold([0.8955, 0.9049, 1.2345, 4.19999, 2000.4], [0.9, 0.9, 0.9, 4.2, 2000])
    assert list(shown) == [0.896, 0.9, 1.23, 4.19999, 2000.4]
    values = pd.DataFrame({"school_id": ["A"], "school_name": ["种羊场中心校（示例）"], "stage": ["小学"], "number": [3],
                           "short": ["体育艺术教师"], "value": [0.8955], "threshold": [0.9], "floor": [0.765],
                           "share_of_threshold": [0.995], "status": ["floor"], "unit": ["人/百生"]})
    row = tables.status_grid_frame(values).iloc[0]
    assert row["数值"] == 0.896 and row["数值"] < row["标准值"] and row["状态"] == "未达标但不低于 85%"


def test_demo_verdict_says_so_in_both_languages():
    assert words.verdict_text(_summary()) .startswith("按示例数据：")
    assert words.verdict_text(_summary(demo=False)) == "现有数据均达标，但仍有项目缺少数据，暂不能判定"
    with i18n.using("en"):
        assert words.verdict_text(_summary()).startswith("On demo data: ")


def test_parts_are_counted_as_parts():
    counts = {"schools_passing": 24, "schools_total": 28, "teaching_points_folded": 2,
              "by_type": {"小学": 20, "九年一贯制学校": 6, "教学点": 2}}
    assert words.stage_parts("小学", counts) == (
        "小学学段 28 个（小学 20 所、九年一贯制学校小学部 6 个、教学点 2 个；另有 2 个教学点并入中心校计算）中 24 个达到学校标准")
    with i18n.using("en"):
        text = words.stage_parts("小学", counts)
        assert text.startswith("24 of 28 primary-stage parts meet the school standard")
        assert "nine-year integrated schools" in text and not i18n.has_cjk(text)


def test_no_schools_and_no_cv_are_said_plainly():
    empty = _summary(verdict="no_schools", stages={"小学": {"schools_passing": 0, "schools_total": 0, "by_type": {}}})
    sentence = words.summary_sentence(empty, "坎乡", 2024)
    assert "没有学校" in sentence and "0/14" not in sentence and "均达标" not in sentence
    one = _summary(stages={"小学": {"schools_passing": 1, "schools_total": 1, "by_type": {"小学": 1}}})
    sentence = words.summary_sentence(one, "坎乡", 2024)
    assert "差异系数不适用" in sentence and "14 项中 0 项" not in sentence


def test_evidence_reads_as_the_report_says_it():
    lower = {"value": 5.0, "bound": "lower", "unit": "%", "metric": "teacher_training_share_exceeds"}
    assert words.requirement_value(lower) == "＞5%（报告表述）"
    pay = {"value": 2427.0, "bound": None, "unit": "元", "metric": "teacher_pay_above_civil_servants"}
    assert words.requirement_value(pay) == "比公务员平均工资高 2,427 元"
    row = {"status": "partial", "demo": True}
    assert words.item_status(row) == "◐ 部分有佐证（示例数据）"


def test_the_verdict_uses_self_evaluation_words_in_both_languages():
    from dashboard_core.model.vocabulary import VERDICT_MET, VERDICT_NOT_MET

    for verdict in (VERDICT_MET, VERDICT_NOT_MET):
        for demo in (True, False):
            summary = _summary(verdict=verdict, demo=demo)
            zh = words.verdict_text(summary)
            assert "已达到" not in zh and zh.replace("按示例数据：", "").startswith("自评"), zh
            with i18n.using("en"):
                en = words.verdict_text(summary)
            assert "Self-evaluated" in en and not en.lower().startswith("meets"), en
