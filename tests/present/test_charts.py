"""Chart builders: the spec encodes what it should, the data is the frame given, one theme throughout."""
import pandas as pd
import pytest

from dashboard_core.model import standard
from dashboard_core.present import charts, tables
from dashboard_core.store import scorecards
from dashboard_core.model.filters import Filters


@pytest.fixture(scope="module")
def card(demo_snapshot):
    return scorecards.compute(demo_snapshot, Filters(year=2024))


def spec_of(chart) -> dict:
    return chart.to_dict()


def data_of(spec: dict) -> list[dict]:
    rows = []
    for values in spec.get("datasets", {}).values():
        rows.extend(values)
    return rows


def layers(spec: dict) -> list[dict]:
    inner = spec.get("spec", spec)
    return inner.get("layer", [inner])


def assert_theme(spec: dict) -> None:
    assert "Noto Sans CJK SC" in spec["config"]["font"]
    assert spec["autosize"]["contains"] == "padding"


def test_status_grid_uses_status_colours_and_marks(card):
    frame = tables.status_grid_frame(card.values)
    spec = spec_of(charts.status_grid(frame))
    assert_theme(spec)
    rect, text = layers(spec)
    assert rect["mark"]["type"] == "rect" and text["mark"]["type"] == "text"
    assert rect["encoding"]["color"]["scale"]["range"][:3] == [charts.STATUS_COLORS[s] for s in ("met", "floor", "below")]
    assert text["encoding"]["text"]["field"] == "标记"
    assert len(data_of(spec)) == len(card.values) == len(card.rules["resource"]["indicators"]) * len(card.results)
    assert set(frame["标记"]) <= set(charts.STATUS_MARKS.values())


def test_a_grid_cell_opens_the_profile_from_its_colour_and_its_glyph(card):
    frame = tables.status_grid_frame(card.values)
    frame = frame.assign(档案="./school?school_id=" + frame["学校编号"].astype(str))
    rect, text = layers(spec_of(charts.status_grid(frame)))
    assert rect["encoding"]["href"]["field"] == text["encoding"]["href"]["field"] == "档案"


def test_indicator_bars_plot_share_of_threshold_with_rules(card):
    frame = tables.indicator_frame(card.indicator("sports_area_per_student"), {s: f"./school?school_id={s}" for s in card.matrix["school_id"]})
    spec = spec_of(charts.indicator_bars(frame, "t"))
    bars = layers(spec)[0]
    assert bars["encoding"]["x"]["field"] == "达到标准值的比例"
    assert bars["encoding"]["href"]["field"] == "档案"
    rows = [r for r in data_of(spec) if "学校（学段）" in r]
    assert len(rows) == len(frame)
    one = frame.iloc[0]
    assert one["达到标准值的比例"] == pytest.approx(one["数值"] / one["标准值"] * 100, abs=0.2)
    rule_values = sorted(r["x"] for r in data_of(spec) if "线" in r)
    assert rule_values == [85, 100]


def test_cv_chart_draws_the_limit(card):
    frame = tables.cv_frame(card.cvs)
    part = frame[frame["学段"] == "初中"]
    spec = spec_of(charts.cv_chart(part))
    assert {layer["mark"]["type"] for layer in layers(spec)} == {"bar", "text", "rule"}
    assert {r["限值"] for r in data_of(spec)} == {0.45}


def test_trend_chart_marks_demo_values(demo_snapshot):
    from dashboard_core.store import queries

    series = queries.county_series(demo_snapshot)
    spend = tables.series_frame(series, {"education_spending": "教育总支出"})
    assert list(spend["数值"]) == [6.39, 6.58] and list(spend["年份"]) == [2022, 2024]  # no invented 2023
    frame = tables.series_frame(series, {"students_total": "在校学生"})
    assert list(frame["来源"]) == ["示例数据", "示例数据", "工作汇报"]
    spec = spec_of(charts.trend_chart(frame, "t", "亿元"))
    points = layers(spec)[1]
    assert points["encoding"]["shape"]["field"] == "来源"


def test_category_and_medal_charts_carry_report_values(demo_snapshot):
    from dashboard_core.store import queries

    facts = queries.report_facts_for_domain(demo_snapshot, "quality")
    ids = ["wrestling_national_gold", "wrestling_national_silver", "wrestling_national_bronze"]
    frame = tables.facts_frame(facts, ids, {i: n for i, n in zip(ids, ["金牌", "银牌", "铜牌"])}, {i: "摔跤" for i in ids})
    spec = spec_of(charts.medal_chart(frame, "t"))
    assert [r["数值"] for r in data_of(spec)] == [4, 4, 2]
    assert spec["encoding"]["color"]["scale"]["range"] == list(charts.MEDAL_COLORS.values())
    bars = spec_of(charts.category_bars(frame, "t", "x"))
    assert layers(bars)[0]["encoding"]["tooltip"][-1]["field"] == "报告原文"


def test_target_bars_judge_each_rate_against_its_minimum():
    frame = tables.target_frame([{"项目": "a", "数值": 16.0, "要求": 10, "单位": "%", "来源": "s"},
                                 {"项目": "b", "数值": 9.0, "要求": 10, "单位": "%", "来源": "s"}])
    assert list(frame["结果"]) == ["达到 ✓", "未达到 ✗"]
    spec = spec_of(charts.target_bars(frame, "t"))
    assert layers(spec)[1]["encoding"]["x"]["field"] == "要求"


def test_grouped_and_grid_views_of_aggregates(card):
    grouped = standard.group_values(card.matrix, ["urban_rural"], card.rules)
    frame = tables.group_indicator_frame(grouped, "urban_rural", "城乡")
    assert set(frame["城乡"]) == {"城区", "镇区", "乡村"}
    # the group's value is its total resource over its students
    town = card.values[(card.values["urban_rural"] == "城区") & (card.values["stage"] == "小学")
                       & (card.values["indicator"] == "sports_area_per_student")]
    expected = town["numerator_value"].sum() / town["students"].sum()
    got = frame[(frame["城乡"] == "城区") & (frame["学段"] == "小学") & (frame["指标"] == "5 生均体育场馆")]["数值"].item()
    assert got == pytest.approx(expected, abs=0.01)
    spec = spec_of(charts.setting_bars(frame[frame["学段"] == "小学"], "t"))
    # the indicators are rows (their names read whole), the three settings side by side within each
    assert layers(spec)[0]["encoding"]["yOffset"]["field"] == "城乡"
    assert layers(spec)[0]["encoding"]["y"]["field"] == "指标"
    grid = spec_of(charts.group_grid(frame, "城乡", "t"))
    assert layers(grid)[0]["mark"]["type"] == "rect"


def test_township_comparison_counts(card):
    frame = tables.township_comparison_frame(card.results, card.inputs)
    assert frame["学校数"].sum() == 28  # the report's 28 schools: teaching points count with their central school
    assert frame["学生数"].sum() == 20486
    assert (frame["达标学校学段数"] <= frame["学校学段数"]).all()
    spec = spec_of(charts.township_comparison(frame, "t"))
    assert len(spec["hconcat"]) == 2


def _layout_cases(card):
    """Pairs of frames of the same shape for each chart built from a cached layout."""
    towns = tables.township_comparison_frame(card.results, card.inputs)
    bars = tables.indicator_frame(card.indicator("sports_area_per_student"))
    bars_b = tables.indicator_frame(card.indicator("equipment_value_per_student"))
    ratio = tables.school_ratio_frame(card.inputs)
    rules = standard.load_rules()
    grouped = tables.group_indicator_frame(
        standard.group_values(card.matrix, ["township_code", "township_name"], rules), "township_name", "乡镇")
    names = list(dict.fromkeys(grouped["乡镇"]))
    one_stage = card.matrix.groupby("school_id")["stage"].nunique().loc[lambda n: n == 1].index
    grid = tables.status_grid_frame(card.values_for(one_stage[:10]))
    cv = tables.cv_frame(card.cvs)
    settings = tables.group_indicator_frame(standard.group_values(card.matrix, ["urban_rural"], rules), "urban_rural", "城乡")
    return [
        (charts.township_comparison, towns.iloc[:3], towns.iloc[3:6].assign(学生数=lambda f: f["学生数"] + 1), ("t",)),
        (charts.township_comparison, towns.iloc[:2], towns.iloc[2:9], ("t",)),
        (charts.indicator_bars, bars.head(8), bars_b.head(8), ("t",)),
        (charts.indicator_bars, bars.head(3), bars_b.head(12), ("t2",)),  # another height
        (charts._ratio_bars, ratio.iloc[:10].assign(所选范围合计=13.3), ratio.iloc[10:20].assign(所选范围合计=12.1), ("t",)),
        (charts._ratio_bars, ratio.iloc[:4].assign(所选范围合计=13.3), ratio.iloc[4:20].assign(所选范围合计=9.0), ("t",)),
        (charts.group_grid, grouped[grouped["乡镇"].isin(names[:2])], grouped[grouped["乡镇"].isin(names[2:4])], ("乡镇", "t")),
        (charts.status_grid, grid[grid["学校编号"].isin(one_stage[:5])], grid[grid["学校编号"].isin(one_stage[5:10])], ()),
        (charts.status_grid, grid[grid["学校编号"].isin(one_stage[:2])], grid[grid["学校编号"].isin(one_stage[2:10])], ()),
        (charts.cv_chart, cv[cv["学段"] == "小学"], cv[cv["学段"] == "初中"], ()),
        (charts.grouped_bars, settings[settings["学段"] == "小学"], settings[settings["学段"] == "初中"],
         ("城乡", "t", charts.SETTING_COLORS)),
    ]


def test_charts_from_a_cached_layout_equal_fresh_builds(card):
    """A spec filled with another frame's rows is exactly the spec built from that frame."""
    for builder, first, second, args in _layout_cases(card):
        assert len(first) and len(second), builder.__name__
        builder(first, *args)  # builds the layout
        filled = spec_of(builder(second, *args))
        fresh = charts.finish(charts._build(builder.__wrapped__, (second,) + args, {}))
        assert filled == fresh, builder.__name__
        assert len(data_of(filled)) >= len(second), builder.__name__


def test_township_chart_takes_its_order_from_the_data(card):
    frame = tables.township_comparison_frame(card.results, card.inputs)
    spec = spec_of(charts.township_comparison(frame, "t"))
    (name,) = spec["datasets"]
    assert spec["data"] == {"name": name}
    assert spec["hconcat"][0]["layer"][0]["encoding"]["y"]["sort"] == {"field": "乡镇代码", "op": "min"}


def test_ratio_and_profile_charts(card):
    frame = tables.school_ratio_frame(card.inputs)
    assert (frame["生师比"] > 0).all() and frame["专任教师"].sum() == 1544
    spec = spec_of(charts.ratio_bars(frame, "t", 13.3))
    assert layers(spec)[0]["encoding"]["x"]["field"] == "生师比"
    trend = tables.profile_trend_frame(card.values.assign(year=2024))
    assert len(trend) == len(card.values)
    comp = tables.comparison_frame(card.values[card.values["school_id"].isin(["DEMO-01", "DEMO-02"])])
    assert len(spec_of(charts.comparison_chart(comp, "t"))["datasets"]) >= 1
    assert isinstance(comp, pd.DataFrame)


def _on_screen(size, window_height: int) -> float:
    """A font size of a slide's spec as Vega works it out on a window `window_height` px high."""
    if isinstance(size, dict):
        expression = size["expr"].replace("windowSize()[1]", str(window_height))
        return eval(expression, {"__builtins__": {}}, {"max": max, "round": round})
    return size


def _font_sizes(node, window_height: int):
    """Every font size a spec sets (its theme, its marks, its axes), on a window of that height."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key.endswith("FontSize") or key == "fontSize":
                yield _on_screen(value, window_height)
            elif key not in ("datasets", "data"):
                yield from _font_sizes(value, window_height)
    elif isinstance(node, list):
        for value in node:
            yield from _font_sizes(value, window_height)


def test_a_chart_on_a_slide_takes_the_box_and_larger_text(card):
    frame = tables.indicator_frame(card.indicator("sports_area_per_student"))
    spec = spec_of(charts.indicator_bars(frame, "t"))
    slide = charts.for_slide(spec, 0.5)
    assert slide["height"] == "container" and slide["autosize"]["type"] == "fit"  # axes and title inside the box
    for height in (720, 1080):  # every text at least 2.2% of the screen height, titles larger
        sizes = list(_font_sizes(slide, height))
        assert sizes and min(sizes) >= 0.022 * height, (height, sizes)
        assert _on_screen(slide["config"]["title"]["fontSize"], height) > _on_screen(
            slide["config"]["axis"]["labelFontSize"], height)
    assert slide["config"]["legend"]["orient"] == "right"
    for height in (720, 1080):  # beside the plot, clear of the value label at the end of the longest bar
        assert _on_screen(slide["config"]["legend"]["offset"], height) >= 3 * _on_screen(
            slide["config"]["axis"]["labelFontSize"], height) - 1
    assert spec["height"] != "container"  # the page's spec is left as it was
    township = spec_of(charts.township_comparison(tables.township_comparison_frame(card.results, card.inputs), "t"))
    sized = charts.for_slide(township, 0.5)  # side by side: sized for a 720 px screen
    assert all(v["height"] == int(0.5 * charts.SLIDE_BASE_HEIGHT) - 90 for v in sized["hconcat"])
    assert not charts.fills_box(sized) and charts.fills_box(slide)


def test_a_long_title_keeps_its_name_and_moves_its_explanation_below():
    long = {"title": "Student–teacher ratio by school (students ÷ full-time teachers; dashed line: selected scope overall)"}
    assert charts.title_with_subtitle(long)["title"] == {
        "text": "Student–teacher ratio by school",
        "subtitle": "(students ÷ full-time teachers; dashed line: selected scope overall)"}
    short = {"title": "各校生师比（学生数 ÷ 专任教师数）"}
    assert charts.title_with_subtitle(short) == short  # a title that fits stays as it is


def test_category_colours_never_reuse_a_status_colour():
    """A colour says a status (met, floor, below, no pupils) or a category (城乡, this school / township /
    county), never both: 乡村 in amber read as 未达标但不低于 85%."""
    status = {c.lower() for c in charts.STATUS_COLORS.values()} | {c.lower() for c in charts.ITEM_COLORS.values()}
    for palette in (charts.SETTING_COLORS, charts.LEVEL_COLORS, dict(enumerate(charts.CATEGORY_COLORS))):
        assert not status & {c.lower() for c in palette.values()}, palette
        for colour in palette.values():  # nor one a projector would show as the same hue
            r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
            for other in status:
                r2, g2, b2 = (int(other[i:i + 2], 16) for i in (1, 3, 5))
                assert abs(r - r2) + abs(g - g2) + abs(b - b2) > 90, (colour, other)


def test_value_labels_are_drawn_over_the_reference_lines_on_a_halo(card):
    """A value just short of a chart's line (98% beside 100%, a ratio of 9.8 beside 10.0) is read, not
    crossed out: its label comes after the line, over a white copy of itself."""
    code = standard.load_rules()["resource"]["indicators"][0]["code"]
    cvs = tables.cv_frame(card.cvs)
    specs = {"indicator": spec_of(charts.indicator_bars(tables.indicator_frame(card.indicator(code, lowest=20)), "t")),
             "cv": spec_of(charts.cv_chart(cvs[cvs["学段"] == "初中"])),
             "ratio": spec_of(charts.ratio_bars(tables.school_ratio_frame(card.inputs), "t", 13.3))}
    for name, spec in specs.items():
        kinds = [layer["mark"]["type"] for layer in layers(spec)]
        assert kinds[-2:] == ["text", "text"] and kinds.index("rule") < len(kinds) - 2, (name, kinds)
        halo, label = layers(spec)[-2:]
        assert halo["mark"]["stroke"] == "white" and "stroke" not in label["mark"], name
        assert halo["encoding"]["text"] == label["encoding"]["text"], name
