"""Every page for every township and every school: no exception, no empty chart; facts all on show."""
import io

import pyarrow.ipc as ipc
import pytest
from streamlit.testing.v1 import AppTest

from dashboard_core.store import queries
from test_app import APP

DOMAIN_PAGES = {"overview": "pages/overview.py", "resources": "pages/resources.py", "teachers": "pages/teachers.py",
                "quality": "pages/quality.py", "services": "pages/services.py"}
ALL_PAGES = list(DOMAIN_PAGES.values()) + ["pages/standards.py", "pages/school.py", "pages/data.py", "pages/plan.py"]


def chart_rows(element) -> int:
    """Rows across the datasets of one rendered chart (Streamlit ships them as Arrow IPC)."""
    total = 0
    for dataset in element.proto.datasets:
        total += ipc.open_stream(io.BytesIO(dataset.data.data)).read_all().num_rows
    return total


def render_all_pages(**params) -> dict:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    found = {}
    for page in ALL_PAGES:
        at.switch_page(page).run()
        assert not at.exception, (page, params, [e.value for e in at.exception])
        charts = at.get("vega_lite_chart")
        empty = [i for i, c in enumerate(charts) if chart_rows(c) == 0]
        assert not empty, (page, params, empty)
        found[page] = len(charts)
    return found


def _filter_values():
    from dashboard_core.store import snapshots
    from conftest import BUNDLED_DATA
    from tiers import sweep

    snap = snapshots.newest(BUNDLED_DATA)
    listed = queries.township_list(snap)
    townships = listed["township_name"].tolist()
    schools = queries.school_list(snap)["school_name"].tolist()
    # the sweep renders every page for every township (13 × 9 pages) and every school (30 × 9); the quick
    # tier takes the township with the most schools and one with the fewest, the first school, a
    # nine-year school and a teaching point
    by_size = listed.sort_values("schools", kind="stable")["township_name"]
    quick = {("township", by_size.iloc[-1]), ("township", by_size.iloc[0]), ("school", schools[0]),
             ("school", next(s for s in schools if "中心学校" in s)), ("school", next(s for s in schools if "教学点" in s))}
    return sweep([("township", t) for t in townships] + [("school", s) for s in schools], quick)


def test_whole_county_every_page_has_charts():
    found = render_all_pages()
    for page in ALL_PAGES:
        if page != "pages/data.py":
            assert found[page] >= 1, page


@pytest.mark.parametrize("key,value", _filter_values())
def test_every_township_and_school(key, value):
    render_all_pages(**{key: value})


@pytest.mark.parametrize("domain,page", DOMAIN_PAGES.items())
def test_every_report_fact_of_the_domain_is_on_its_page(domain, page, demo_snapshot):
    facts = queries.report_facts_for_domain(demo_snapshot, domain)
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page(page).run()
    shown = [df.value for df in at.dataframe if "报告原文" in df.value.columns]
    assert shown, "no report facts table on the page"
    table = shown[-1]
    pairs = set(zip(table["事项"], table["报告原文"]))
    missing = [f for f in facts.itertuples() if (f.metric, f.source_text) not in pairs]
    assert not missing, [m.fact_id for m in missing]
    assert len(table) == len(facts)


def test_standards_page_for_a_scope_without_schools_says_so():
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["township"] = "坎乡"
    at.query_params["stage"] = "初中"
    at.switch_page("pages/standards.py").run()
    assert not at.exception
    text = " ".join(e.value for e in at.info)
    assert "所选范围内没有学校，无从评估" in text and "按示例数据" in text
    assert "差异系数不适用" in text
    assert not any("0 / 14" in str(m.value) for m in at.metric)


def test_standards_page_explains_each_status_and_lists_the_conditions():
    at = AppTest.from_file(APP, default_timeout=60)
    at.switch_page("pages/standards.py").run()
    assert not at.exception
    shown = " ".join(m.value for m in at.markdown)
    for word in ("部分有佐证", "无数据", "不适用", "数据证明达到要求"):
        assert word in shown, word
    assert "以考试方式招生" in shown and "教育系统未发生安全责任事故" in shown
    assert "1 个班超过限额：县第二小学（示例）" in shown and "G05" in shown


def test_plan_page_shows_the_plan_and_recomputes_when_edited(demo_snapshot):
    at = AppTest.from_file(APP, default_timeout=60)
    at.switch_page("pages/plan.py").run()
    assert not at.exception, [e.value for e in at.exception]
    shown = " ".join(str(m.value) for m in at.success)
    assert "按方案实施后：" in shown and "自评达到优质均衡标准" in shown
    metrics = {m.label: m.value for m in at.metric}
    from dashboard_core.model.filters import Filters
    from dashboard_core.store import scorecards

    parts = scorecards.compute(demo_snapshot, Filters(year=2024)).summary
    expected = scorecards.plan(demo_snapshot, 2024)
    from dashboard_core.present.format import amount

    assert metrics["方案总成本（3 年）"] == amount(round(expected.total_cost / 10_000, 2), "万元")
    assert metrics["实施后达标学校（学段）"] == f"{parts.schools_total} / {parts.schools_total}"


def test_a_saved_plan_reopens_and_compares(tmp_path, data_copy):
    import os

    from dashboard_core.files import plan_file
    from dashboard_core.model import plan as plan_model
    from dashboard_core.store import scorecards, snapshots

    snap = snapshots.newest(data_copy)
    result = scorecards.plan(snap, 2024)
    cheaper = plan_model.Plan(result.actions.head(2), float(result.actions.head(2)["cost"].sum()), "edited")
    plan_file.save_scenario(data_copy, "两项", plan_file.to_json(cheaper, snap.snapshot_id, 2024, {}))
    os.environ["DASHBOARD_DATA_DIR"] = str(data_copy)
    try:
        at = AppTest.from_file(APP, default_timeout=60)
        at.switch_page("pages/plan.py").run()
        at.selectbox(key="plan_opened").set_value("两项").run()
        assert not at.exception
        from dashboard_core.present.format import amount

        metrics = {m.label: m.value for m in at.metric}
        assert metrics["方案总成本（3 年）"] == amount(round(cheaper.total_cost / 10_000, 2), "万元")
        assert metrics["实施后达标学校（学段）"] != "34 / 34"
        at.multiselect(key="scenarios_compared").set_value(["两项"]).run()
        assert not at.exception and any("两项" in str(df.value) for df in at.dataframe)
    finally:
        del os.environ["DASHBOARD_DATA_DIR"]


def test_profile_links_keep_the_language_year_and_township():
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = "en"
    at.query_params["township"] = "坎乡"
    at.query_params["year"] = "2023"
    at.switch_page("pages/teachers.py").run()
    assert not at.exception
    links = [str(v) for df in at.dataframe for column in df.value.columns for v in df.value[column]
             if isinstance(v, str) and v.startswith("./school?school_id=")]
    assert links, "no profile links on the page"
    for link in links:
        # the township as the English picker writes it: the profile opens in one run, with no second
        # run to turn a code into the picker's label
        assert "lang=en" in link and "year=2023" in link and "township=Kan+Township" in link, link


def test_a_charts_data_and_downloads_are_built_when_opened():
    """A chart's downloads and table are not sent until its fold is opened; opened, the fold holds the
    four downloads (CSV, Excel, PNG, SVG) and the chart's data, and the other charts' folds stay empty."""
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page("pages/teachers.py").run()
    folds = [e for e in at.expander if e.label.startswith("图表数据与下载")]
    assert len(folds) == len(at.get("vega_lite_chart")) > 0
    assert all(not f.get("download_button") and not f.get("dataframe") for f in folds)
    at.session_state[folds[0].key] = True
    at.run()
    assert not at.exception
    opened = next(e for e in at.expander if e.key == folds[0].key)
    assert [b.proto.label for b in opened.get("download_button")] == ["CSV", "Excel", "PNG", "SVG"]
    assert opened.get("dataframe")
    others = [e for e in at.expander if e.label.startswith("图表数据与下载") and e.key != folds[0].key]
    assert others and all(not f.get("download_button") for f in others)
