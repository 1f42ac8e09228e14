"""Chinese and English: the translation functions, and every page in English with no Chinese left
on screen except verbatim report excerpts (in quotes or in the excerpt column)."""
import io
import json
import re

import pandas as pd
import pyarrow.ipc as ipc
import pytest
from google.protobuf.json_format import MessageToDict
from streamlit.testing.v1 import AppTest

from dashboard_core.model import standard
from dashboard_core.present import i18n, words
from test_app import APP
from test_pages import ALL_PAGES

CJK = re.compile(r"[\u3400-\u9fff]")


def without_quotes(text: str) -> str:
    """The text with its “quoted” parts (verbatim excerpts, which may nest quotes) left out."""
    out, depth = [], 0
    for ch in text:
        if ch == "“":
            depth += 1
        elif ch == "”" and depth:
            depth -= 1
        elif not depth:
            out.append(ch)
    return "".join(out)

ALLOWED = set()
EXCERPT_COLUMNS = {"Report excerpt"}


def _strings(node, out: list) -> None:
    if isinstance(node, dict):
        for key, value in node.items():
            if key in EXCERPT_COLUMNS or key == "报告原文":
                continue
            _strings(key, out)
            _strings(value, out)
    elif isinstance(node, list):
        for value in node:
            _strings(value, out)
    elif isinstance(node, str):
        out.append(node)


def _arrow_frames(element) -> list[pd.DataFrame]:
    frames = []
    for dataset in getattr(element.proto, "datasets", []):
        frames.append(ipc.open_stream(io.BytesIO(dataset.data.data)).read_all().to_pandas())
    return frames


def _frame_strings(frame: pd.DataFrame, out: list) -> None:
    for column in frame.columns:
        out.append(str(column))
        if str(column) in EXCERPT_COLUMNS:
            continue
        if frame[column].dtype == object or pd.api.types.is_string_dtype(frame[column].dtype):
            out.extend(str(x) for x in frame[column].dropna().unique())


def screen_strings(at: AppTest) -> list[str]:
    """Every text the run put on screen: element protos, table cells and chart specs and data."""
    out: list[str] = []

    def walk(node):
        proto = getattr(node, "proto", None)
        kind = getattr(node, "type", "")
        if proto is not None and kind not in ("arrow_data_frame", "arrow_vega_lite_chart"):
            _strings(MessageToDict(proto), out)
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at._tree)
    for table in at.dataframe:
        _frame_strings(table.value, out)
    for chart in at.get("vega_lite_chart") if hasattr(at, "get") else []:
        spec = json.loads(chart.proto.spec)
        _strings(spec, out)
        for frame in _arrow_frames(chart):
            _frame_strings(frame, out)
    return out


def chinese_left(strings: list[str]) -> list[str]:
    left = []
    for text in strings:
        if text in ALLOWED or text.startswith("$$ID-"):  # widget ids carry Chinese keys; never shown
            continue
        stripped = without_quotes(text)
        if CJK.search(stripped):
            left.append(text)
    return sorted(set(left))


# ---- the functions -----------------------------------------------------------------------------

def test_chinese_by_default_and_templates_fill_in():
    assert i18n.language() == "zh"
    assert i18n.t("范围：{scope} · {year} 年", scope="坎乡", year=2024) == "范围：坎乡 · 2024 年"
    with i18n.using("en"):
        assert i18n.t("范围：{scope} · {year} 年", scope="坎乡", year=2024) == "Scope: Kan Township · 2024"
    assert i18n.language() == "zh"


def test_unknown_language_falls_back_to_chinese():
    assert i18n.set_language("fr") == "zh"
    assert i18n.set_language(None) == "zh"


def test_domain_sentences_and_names_translate():
    with i18n.using("en"):
        assert i18n.tr("爱新色里镇第二小学（示例）") == "Aixinseli Town No. 2 Primary School (example)"
        summary = standard.Summary(stages={}, cv_passing=14, cv_total=14, cv_not_applicable=0, county_items_met=0,
                                   county_items_not_met=0, county_items_partial=0, county_items_no_data=0,
                                   county_items_not_applicable=0, county_items_total=0, vetoes_clear=0, vetoes_present=0,
                                   vetoes_no_data=0, vetoes_total=0, verdict="not_met",
                                   failing_parts=(("县第一小学", "小学"), ("坎乡中心小学", "小学")), failing_count=2)
        assert words.reasons(summary, standard.load_rules()) == [
            "2 school parts do not meet the school standard: County No. 1 Primary School (Primary), "
            "Kan Township Central Primary School (Primary)"]
        plans = [[{"target": "floor", "amount": 120, "addition": "㎡ 体育运动场馆面积"}],
                 [{"target": "threshold", "amount": 3, "addition": "间网络多媒体教室"}]]
        lack = words.describe_lack(plans)
        assert not i18n.has_cjk(lack), lack


def test_report_excerpts_stay_verbatim():
    with i18n.using("en"):
        source = words.citation("一、基本情况", "全县义务教育阶段学校28所")
        assert source == "Work report 1. Basic facts: “全县义务教育阶段学校28所”"
        frame = i18n.tr_frame(pd.DataFrame({"报告原文": ["在校学生20486人"], "学段": ["小学"]}))
        assert list(frame.columns) == ["Report excerpt", "Stage"]
        assert frame.iloc[0].tolist() == ["在校学生20486人", "Primary"]


def test_a_spec_keeps_fields_and_references_consistent():
    spec = {"encoding": {"x": {"field": "达到标准值的比例"}}, "transform": [
        {"calculate": "format(datum['数值'], ',.2f') + ' ' + datum['单位']", "as": "label"}],
        "datasets": {"d": [{"达到标准值的比例": 90.0, "数值": 1.0, "单位": "人/百生", "报告原文": "原文"}]}}
    with i18n.using("en"):
        out = i18n.tr_spec(spec)
    record = out["datasets"]["d"][0]
    assert out["encoding"]["x"]["field"] in record
    assert "datum['Value']" in out["transform"][0]["calculate"] and "datum['Unit']" in out["transform"][0]["calculate"]
    assert record["Report excerpt"] == "原文" and record["Unit"] == "per 100 students"


def test_every_rule_text_has_english():
    rules = standard.load_rules()
    for indicator in rules["resource"]["indicators"]:
        for key in ("name_en", "short_en", "addition_en", "unit_en"):
            assert indicator.get(key) and not i18n.has_cjk(indicator[key]), (indicator["code"], key)
    for item in rules["county_items"]:
        assert item.get("text_en") and not i18n.has_cjk(item["text_en"]), item["item"]
        for req in item["requirements"]:
            assert req.get("text_en") and not i18n.has_cjk(req["text_en"]), req["id"]
    for cond in rules["non_recognition"]["items"]:
        for key in ("text_en", "source_en"):
            assert cond.get(key) and not i18n.has_cjk(cond[key]), (cond["id"], key)


# ---- every page in English ------------------------------------------------------------------------

@pytest.mark.parametrize("params", [{}, {"township": "Kan Township"}, {"school": "County No. 1 Primary School (example)"}],
                         ids=["county", "township", "school"])
def test_every_page_in_english_has_no_chinese_left(params):
    at = AppTest.from_file(APP, default_timeout=90)
    at.query_params["lang"] = "en"
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    problems = {}
    for page in ALL_PAGES + ["pages/guide.py"]:
        at.switch_page(page).run()
        assert not at.exception, (page, [e.value for e in at.exception])
        left = chinese_left(screen_strings(at))
        if left:
            problems[page] = left
    assert not problems, json.dumps(problems, ensure_ascii=False, indent=1)
    if params:
        assert at.session_state[next(iter(params))], "the English name in the URL did not select the filter"


def test_switching_language_keeps_the_filters():
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["township"] = "坎乡"
    at.run()
    assert at.session_state["township"] == ["654022206"]
    at.toggle(key="lang_en").set_value(True).run()
    assert not at.exception
    assert at.session_state["township"] == ["654022206"]
    assert "Kan Township" in at.caption[0].value
    assert at.query_params["lang"] in ("en", ["en"])
    at.toggle(key="lang_en").set_value(False).run()
    assert at.session_state["township"] == ["654022206"]
    assert "坎乡" in at.caption[0].value


@pytest.mark.parametrize("lang, township", [("en", "坎乡"), ("zh", "Kan Township"), ("en", "654022206")])
def test_a_link_naming_a_township_in_the_other_language_keeps_the_filter(lang, township):
    """A link copied before the language was switched names townships in the other language."""
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = lang
    at.query_params["township"] = township
    at.run()
    assert not at.exception
    assert at.session_state["township"] == ["654022206"]
    assert ("Kan Township" if lang == "en" else "坎乡") in at.caption[0].value


@pytest.mark.parametrize("lang, stage", [("en", "初中"), ("zh", "Junior secondary")])
def test_a_link_naming_a_stage_in_the_other_language_keeps_the_filter(lang, stage):
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = lang
    at.query_params["stage"] = stage
    at.run()
    assert not at.exception
    assert at.session_state["stage"] == ["初中"]


def test_a_card_that_reruns_alone_keeps_the_language():
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = "en"
    at.run()
    at.switch_page("pages/services.py").run()
    at.number_input[0].set_value(250).run()
    assert not at.exception
    assert any(m.label == "Per student per school day (250 days)" for m in at.metric)
