"""The briefing of a view for circulation after a meeting: a slide deck (PPTX) and a PDF.

Each section has its key figures with their sources and its charts. In the PPTX the charts are native
PowerPoint charts (present/slide_charts.py: the bureau edits numbers and colours in PowerPoint or WPS);
in the PDF they are the pages' own Vega-Lite charts drawn as vectors with vl-convert. While the data is
demonstration data every slide carries a 示例数据 mark above everything else and in its footer.
"""
from __future__ import annotations

import io
from dataclasses import dataclass, field

from ..model import standard
from ..model.filters import Filters
from ..model.vocabulary import STAGES
from ..present import charts, i18n, slide_charts, tables, words
from ..present.format import amount, fmt
from ..present.i18n import Verbatim, t, tr
from ..store import queries, scorecards
from ..store.county import COUNTY_NAME
from ..store.facts import S_QUA, S_RES, S_SER, S_TEA
from ..store.snapshots import Snapshot

WATERMARK = "示例数据"
WATERMARK_EN = "DEMO DATA"


@dataclass
class Figure:
    label: str
    value: str
    source: str = ""


@dataclass
class ChartItem:
    title: str
    chart: object  # the Vega-Lite chart of the pages (the PDF)
    source: str
    slide: slide_charts.SlideChart | None = None  # the same numbers as a native chart (the PPTX)


@dataclass
class Section:
    title: str
    figures: list[Figure] = field(default_factory=list)
    charts: list[ChartItem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class Briefing:
    title: str
    scope: str
    snapshot: Snapshot
    year: int
    demo: bool
    sections: list[Section]


def build(snapshot: Snapshot, filters: Filters, scope: str, rules: dict | None = None) -> Briefing:
    """What the briefing says about one view: the same numbers and charts as the pages."""
    rules = rules or standard.load_rules()
    card = scorecards.compute(snapshot, filters, rules)
    facts = queries.report_facts_all(snapshot).set_index("fact_id")
    series = queries.county_series(snapshot)
    snap_src = (t("数据快照 {id}（{date}，示例数据）", id=snapshot.snapshot_id, date=snapshot.created_date)
                if snapshot.demo else t("数据快照 {id}（{date}）", id=snapshot.snapshot_id, date=snapshot.created_date))

    def fact(fid: str, label: str | None = None) -> Figure:
        r = facts.loc[fid]
        name = r["metric_en"] if i18n.english() else (label or r["metric"])
        return Figure(name, amount(r["value"], r["unit"]), t("工作汇报 {section}", section=r["section"]))

    s = card.summary
    sections = []

    overview = Section("总览")
    stages = card.enrolment_by_stage()
    overview.figures = [fact("schools_total"), fact("students_total"), fact("staff_total"), fact("teachers_total"),
                        Figure(t("所选范围在校学生（{year}）", year=filters.year),
                               t("{n} 人", n=fmt(stages["students"].sum())), snap_src)]
    towns = tables.township_comparison_frame(card.results, card.inputs)
    if len(towns):
        towns = towns.nlargest(15, "学生数").sort_values("乡镇代码")
        overview.charts.append(ChartItem("各乡镇在校学生与达标比例", charts.township_comparison(towns, t("各乡镇在校学生与达到学校标准的比例")), snap_src,
                                         slide_charts.township_pass_shares(towns, t("各乡镇达到学校标准的比例（括号内为在校学生）"))))
    overview.notes.append(t("达标评估：{verdict}。", verdict=words.verdict_text(s)))
    sections.append(overview)

    res = Section("办学条件")
    res.figures = [fact("investment_since_2022", "2022年以来投入"), fact("projects_since_2022", "教育项目"),
                   fact("new_floor_area", "新建校舍"), fact("new_places", "新增学位")]
    spend = tables.series_frame(series, {"education_spending": "一般公共预算内教育总支出"})
    if len(spend):
        res.charts.append(ChartItem("教育总支出", charts.trend_chart(spend, "一般公共预算内教育总支出（亿元）", "亿元"),
                                    t("工作汇报 {section}", section=S_RES) + words.demo_points_note(spend),
                                    slide_charts.trend(spend, t("一般公共预算内教育总支出（亿元）"), "亿元")))
    if len(card.matrix):
        frame = tables.indicator_frame(card.indicator("sports_area_per_student")).head(20)
        lowest = frame.head(10)  # ten bars a slide can label legibly; the PDF keeps twenty
        res.charts.append(ChartItem("生均体育运动场馆面积", charts.indicator_bars(frame, "生均体育运动场馆面积（最低的 20 个学校学段）"), snap_src,
                                    slide_charts.indicator_shares(lowest, t("生均体育运动场馆面积：最低的 10 个学校学段"))))
    sections.append(res)

    tea = Section("师资队伍")
    tea.figures = [fact("rotation_teachers", "交流轮岗教师"), fact("rotation_rate", "交流率"),
                   fact("rotation_backbone_share", "骨干教师占交流教师"), fact("backbone_teachers", "骨干教师等"),
                   fact("teacher_pay_above_civil_servants", "教师工资高于公务员")]
    channels = tables.facts_frame(queries.report_facts_for_domain(snapshot, "teachers"),
                                  ["new_teachers_recruited", "sanqu_teachers", "silver_age_teachers", "aid_principals", "aid_teachers"])
    tea.charts.append(ChartItem("2024 年教师补充渠道", charts.category_bars(channels, "2024 年教师补充渠道", "人数"), t("工作汇报 {section}", section=S_TEA),
                                slide_charts.category_bars(channels, t("2024 年教师补充渠道（人）"), "人")))
    sections.append(tea)

    qua = Section("教育质量")
    qua.figures = [fact("clubs", "特色社团"), fact("suyi_first_prizes", "苏伊杯一等奖"), fact("outreach_lessons", "公开课、示范课"),
                   fact("football_schools", "全国足球特色学校")]
    qfacts = queries.report_facts_for_domain(snapshot, "quality")
    medal_frame = tables.medal_frame(qfacts)
    qua.charts.append(ChartItem("奖牌榜", charts.medal_chart(medal_frame, "奖牌榜"), t("工作汇报 {section}", section=S_QUA),
                                slide_charts.medals(medal_frame, t("奖牌榜"))))
    sections.append(qua)

    ser = Section("惠民服务")
    ser.figures = [fact("nutrition_spend", "营养改善计划投入"), fact("nutrition_students", "惠及学生"),
                   fact("migrant_enrolment_rate", "随迁子女公办学校就读"), fact("disabled_enrolment_rate", "残疾儿童少年入学率"),
                   fact("safety_drills", "应急演练")]
    equity = tables.standard_targets(rules, [
        ("G15.2", "随迁子女在公办学校就读比例", facts.loc["migrant_enrolment_rate", "value"], facts.loc["migrant_enrolment_rate", "source_text"]),
        ("Q02.1", "适龄残疾儿童少年入学率", facts.loc["disabled_enrolment_rate", "value"], facts.loc["disabled_enrolment_rate", "source_text"])])
    ser.charts.append(ChartItem("教育公平对照国家标准", charts.target_bars(equity, "对照国家标准（黑色刻度为要求）"), t("工作汇报 {section}", section=S_SER),
                                slide_charts.targets(equity, t("教育公平对照国家标准"))))
    sections.append(ser)

    sta = Section("达标评估")
    sta.figures = [Figure(t("{stage}学段达标", stage=stage),
                          t("{passing} / {total} 个", passing=c["schools_passing"], total=c["schools_total"]), snap_src)
                   for stage, c in s.stages.items()]
    applicable = s.cv_total - s.cv_not_applicable
    sta.figures += [Figure(t("差异系数在限值内"), f"{s.cv_passing} / {applicable}" if applicable else t("不适用"), snap_src),
                    Figure(t("县级指标达到"), f"{s.county_items_met} / {s.county_items_total}", "工作汇报与数据快照")]
    cv = tables.cv_frame(card.cvs)
    for stage in STAGES:
        part = cv[cv["学段"] == stage]
        if part["差异系数"].notna().any():
            sta.charts.append(ChartItem(t("{stage}差异系数", stage=stage), charts.cv_chart(part),
                                        snap_src + t("；") + t("学生数加权"),
                                        slide_charts.cvs(part, t("{stage}差异系数", stage=stage))))
    # the figures beside it count the parts; a slide holds the verdict and the two main reasons
    sta.notes = [t("结论：{verdict}。", verdict=words.verdict_text(s))] + words.reasons(s, rules)[:2]
    sections.append(sta)

    sections.append(_plan_section(snapshot, filters.year, rules, snap_src, card))

    scope_text = t("{scope} · {year} 年", scope=scope, year=filters.year) + (
        " · " + t("、").join(tr(s) for s in filters.stages) if filters.stages else "")
    briefing = Briefing(f"{COUNTY_NAME}义务教育优质均衡发展简报", scope_text, snapshot, filters.year, snapshot.demo, sections)
    return _in_language(briefing) if i18n.english() else briefing


def _plan_section(snapshot: Snapshot, year: int, rules: dict, source: str, card) -> Section:
    """整改计划: the least-cost plan to acceptance for the whole county, its cost and main actions
    (`card`, the briefing's own scorecard, is reused when it is the whole county's)."""
    section = Section("整改计划")
    result = scorecards.plan(snapshot, year, rules, base=card)
    after = scorecards.compute(snapshot, Filters(year=year), rules, actions=result.actions, base=card).summary
    section.figures = [Figure(t("方案总成本"), amount(result.total_cost / 10_000, "万元"), source),
                       Figure(t("方案项数"), t("{n} 项", n=len(result.actions)), source),
                       Figure(t("实施后达标学校（学段）"), f"{after.schools_passing} / {after.schools_total}", source)]
    if len(result.actions):
        totals = tables.plan_totals(result.actions, "kind")
        bars = totals.rename(columns={totals.columns[0]: "项目", "费用（万元）": "数值"}).assign(单位="万元", 报告原文="")
        section.charts.append(ChartItem("方案费用（按类别）", charts.category_bars(bars, "方案费用（万元）", "万元"), source,
                                        slide_charts.category_bars(bars, t("方案费用（万元）"), "万元")))
    largest = result.actions.sort_values("cost", ascending=False, kind="stable").head(4)
    section.notes = [t("按方案实施后：") + words.verdict_text(after), words.plan_money(result)] + [
        t("{action}（{cost}）", action=Verbatim(words.action_text(a)), cost=Verbatim(amount(a["cost"] / 10_000, "万元")))
        for a in largest.to_dict("records")]
    return section


def _in_language(b: Briefing) -> Briefing:
    """The briefing's words in the language of the run (chart specs are translated when drawn)."""
    for section in b.sections:
        section.title = tr(section.title)
        section.notes = [tr(n) for n in section.notes]
        for f in section.figures:
            f.label, f.value, f.source = tr(f.label), tr(f.value), tr(f.source)
        for c in section.charts:
            c.title, c.source = tr(c.title), tr(c.source)
    b.title, b.scope = tr(b.title), tr(b.scope)
    return b


# ---- rendering ------------------------------------------------------------------------------

def _title_lines(b: Briefing) -> list[str]:
    return [t("范围：{scope}", scope=b.scope),
            t("数据快照：{id}（{date}）", id=b.snapshot.snapshot_id, date=b.snapshot.created_date),
            t("示例数据：学校层面数字为演示用途，非真实统计") if b.demo else t("数据来源：本县教育统计")]


def slide_count(b: Briefing) -> int:
    """The deck's slides: a cover, a slide per section, and one more for each chart past a section's first."""
    return 1 + sum(1 + max(0, len([c for c in s.charts if c.slide is not None]) - 1) for s in b.sections)


FONT = "Microsoft YaHei"  # Latin and East Asian alike: Office and WPS have it; LibreOffice falls back to Noto CJK
BUREAU = "察布查尔锡伯自治县教育局"
TITLE_COLOR, TEXT_COLOR, MUTED_COLOR, MARK_COLOR = (31, 78, 140), (17, 24, 39), (75, 85, 99), (185, 28, 28)


def _east_asian(properties, face: str = FONT) -> None:
    """Give a run's (or a chart text's default) properties an East Asian font beside the Latin one: with
    only a Latin font, PowerPoint and WPS draw the Chinese in the theme's font."""
    from lxml import etree
    from pptx.oxml.ns import qn

    latin = properties.get_or_add_latin()
    latin.set("typeface", face)
    ea = properties.find(qn("a:ea"))
    if ea is None:
        ea = etree.SubElement(properties, qn("a:ea"))
        latin.addnext(ea)
    ea.set("typeface", face)


def _chart_fonts(chart, size: int) -> None:
    """Every text of a chart (axes, labels, legend, title) in the deck's font at a size a room reads."""
    from pptx.util import Pt

    chart.font.size = Pt(size)
    _east_asian(chart.font._rPr)
    chart.font.color.rgb = _rgb(TEXT_COLOR)


def _rgb(color):
    from pptx.dml.color import RGBColor

    if isinstance(color, str):
        return RGBColor.from_string(color.lstrip("#"))
    return RGBColor(*color)


def _text_height(lines: list[str], size: int, width_pt: float) -> float:
    """The height (pt) the lines take at a font size, estimated from their characters: a Chinese character
    is as wide as the size, a Latin letter about half."""
    import math

    used = 0.0
    for line in lines:
        ems = sum(1.0 if ord(ch) > 0x2E7F else 0.55 for ch in line)
        used += max(1, math.ceil(ems * size / (width_pt * 0.95))) * size * 1.2 + size * 0.4
    return used


def _fitting(lines: list[str], width, height, largest: int = 18, smallest: int = 12) -> tuple[int, list[str]]:
    """The largest font size (pt) at which the lines fit the box, and the lines shown: no text runs under the
    sources. Never below `smallest` (2.2% of the slide's height, legible from the back of a room): lines
    that do not fit at it give way to a pointer to the speaker notes, which hold every line in full."""
    width_pt, height_pt = width / 12700, height / 12700
    for size in range(largest, smallest - 1, -1):
        if _text_height(lines, size, width_pt) <= height_pt:
            return size, lines
    more = t("（其余内容见备注）")
    shown = list(lines)
    while len(shown) > 1 and _text_height(shown + [more], smallest, width_pt) > height_pt:
        shown.pop()
    return smallest, shown + [more]


def _titled(frame, text: str, size: int, bold: bool) -> None:
    """A chart's or an axis's title: the text, its size and weight, and the East Asian font."""
    from pptx.util import Pt

    frame.text = text
    for paragraph in frame.paragraphs:
        for run in paragraph.runs:
            run.font.size, run.font.bold = Pt(size), bold
            _east_asian(run.font._rPr)


def _label_every_category(axis) -> None:
    """Every category named (an office program otherwise skips every other label it finds crowded)."""
    from lxml import etree
    from pptx.oxml.ns import qn

    element = axis._element
    skip = element.find(qn("c:tickLblSkip"))
    if skip is None:
        skip = etree.SubElement(element, qn("c:tickLblSkip"))
        after = element.find(qn("c:noMultiLvlLbl"))
        if after is not None:
            after.addprevious(skip)
    skip.set("val", "1")


def _add_chart(slide, item: ChartItem, x, y, w, h) -> None:
    """One native chart: its numbers in the chart's own sheet, each series in its colour, value labels,
    a legend when there are several series, and alt text that says what it shows."""
    from pptx.chart.data import CategoryChartData
    from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION, XL_TICK_LABEL_POSITION
    from pptx.oxml.ns import qn
    from pptx.util import Pt

    spec = item.slide
    data = CategoryChartData(number_format=spec.number_format)
    data.categories = spec.categories
    for name, values in spec.series:
        data.add_series(name, values)
    kind = {slide_charts.BAR: XL_CHART_TYPE.BAR_CLUSTERED, slide_charts.STACKED: XL_CHART_TYPE.BAR_STACKED,
            slide_charts.LINE: XL_CHART_TYPE.LINE_MARKERS}[spec.kind]
    frame = slide.shapes.add_chart(kind, x, y, w, h, data)
    frame.name = spec.title
    frame._element.nvGraphicFramePr.cNvPr.set("descr", spec.description or spec.title)
    chart = frame.chart
    _chart_fonts(chart, 14)
    chart.has_title = True
    _titled(chart.chart_title.text_frame, spec.title, 16, bold=True)
    chart.has_legend = spec.legend
    if spec.legend:
        chart.legend.position = XL_LEGEND_POSITION.TOP
        chart.legend.include_in_layout = False
    plot = chart.plots[0]
    if spec.kind != slide_charts.LINE:
        plot.gap_width = 50
        if spec.overlap or spec.kind == slide_charts.STACKED:
            plot.overlap = 100
    for series, color in zip(plot.series, spec.colors, strict=True):
        if spec.kind == slide_charts.LINE:
            series.format.line.color.rgb = _rgb(color)
            series.format.line.width = Pt(3)
            series.marker.format.fill.solid()
            series.marker.format.fill.fore_color.rgb = _rgb(color)
            series.smooth = False
        else:
            series.format.fill.solid()
            series.format.fill.fore_color.rgb = _rgb(color)
    if spec.labels:
        plot.has_data_labels = True
        labels = plot.data_labels
        labels.number_format, labels.number_format_is_linked = spec.number_format, False
        labels.show_value = True
        labels.font.size = Pt(13)
        _east_asian(labels.font._rPr)
    categories = chart.category_axis
    categories.tick_label_position = XL_TICK_LABEL_POSITION.LOW
    crowded = len(spec.categories) > 10 or max(map(len, spec.categories), default=0) > 30
    categories.tick_labels.font.size = Pt(12 if crowded else 14)
    _east_asian(categories.tick_labels.font._rPr)
    _label_every_category(categories)
    if spec.kind != slide_charts.LINE:
        categories.reverse_order = True  # the first category on top, as on the page…
        # …and the value axis kept at the foot: it crosses the reversed category axis at its last category
        # (written by hand: python-pptx 1.0.2's `crosses` setter leaves "autoZero")
        chart.value_axis._element.find(qn("c:crosses")).set("val", "max")
    values = chart.value_axis
    values.has_major_gridlines = True
    values.major_gridlines.format.line.color.rgb = _rgb((229, 231, 235))
    values.tick_labels.number_format, values.tick_labels.number_format_is_linked = spec.axis_format, False
    if spec.axis_max is not None:
        values.maximum_scale = spec.axis_max
        if spec.axis_max == 100:
            values.major_unit = 20
    values.minimum_scale = 0
    if spec.axis_title:
        values.has_title = True
        _titled(values.axis_title.text_frame, spec.axis_title, 13, bold=False)


def to_pptx(b: Briefing) -> bytes:
    """The deck: a cover and a slide per section (figures left, native charts right, sources at the foot),
    the speaker notes holding each slide's sources and key sentences; on demonstration data a mark above
    everything else on every slide and in its footer."""
    import datetime as dt

    from pptx import Presentation
    from pptx.oxml.ns import qn
    from pptx.util import Emu, Pt

    prs = Presentation()
    prs.slide_width, prs.slide_height = Emu(12192000), Emu(6858000)  # 16:9 (13.33 × 7.5 in)
    prs.part._element.find(qn("p:sldSz")).attrib.pop("type", None)  # the template's "screen4x3" would say 4:3
    blank = prs.slide_layouts[6]
    W, H = prs.slide_width, prs.slide_height
    english = i18n.english()
    mark = WATERMARK_EN if english else WATERMARK

    def text(slide, x, y, w, h, content, size, bold=False, color=TEXT_COLOR, name=None):
        box = slide.shapes.add_textbox(x, y, w, h)
        if name:
            box.name = name
        frame = box.text_frame
        frame.word_wrap = True
        lines = content if isinstance(content, list) else [content]
        for i, line in enumerate(lines):
            para = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
            para.space_after = Pt(size * 0.4)
            run = para.add_run()
            run.text = line
            run.font.size, run.font.bold = Pt(size), bold
            _east_asian(run.font._rPr)
            run.font.color.rgb = _rgb(color)
        return box

    def demo_mark(slide):
        """Added last, so it lies above every chart and text; the footer says it again."""
        if not b.demo:
            return
        from pptx.enum.shapes import MSO_SHAPE
        from pptx.enum.text import PP_ALIGN

        badge = slide.shapes.add_shape(MSO_SHAPE.ROUNDED_RECTANGLE, W - Emu(2650000), Emu(230000),
                                       Emu(2350000), Emu(520000))
        badge.name = "demo-mark"
        badge.fill.solid()
        badge.fill.fore_color.rgb = _rgb((254, 242, 242))
        badge.line.color.rgb = _rgb(MARK_COLOR)
        badge.line.width = Pt(2)
        frame = badge.text_frame
        frame.word_wrap = False
        para = frame.paragraphs[0]
        para.alignment = PP_ALIGN.CENTER
        run = para.add_run()
        run.text = mark
        run.font.size, run.font.bold = Pt(20), True
        run.font.color.rgb = _rgb(MARK_COLOR)
        _east_asian(run.font._rPr)

    def notes(slide, lines):
        frame = slide.notes_slide.notes_text_frame
        frame.text = lines[0] if lines else ""
        for line in lines[1:]:
            frame.add_paragraph().text = line
        for paragraph in frame.paragraphs:
            for run in paragraph.runs:
                _east_asian(run.font._rPr)

    footer = t("示例数据，非真实统计") if b.demo else b.scope

    def finish(slide, source_line, number, said):
        """The foot of a slide (its sources, the footer with the slide's number), its speaker notes (what the
        slide says and where it comes from) and the demo mark, last so it lies above everything."""
        text(slide, Emu(500000), H - Emu(800000), W - Emu(1000000), Emu(420000), source_line, 12, color=MUTED_COLOR,
             name="sources")
        text(slide, Emu(500000), H - Emu(400000), W - Emu(1000000), Emu(330000), f"{footer} · {number}", 12,
             color=MARK_COLOR if b.demo else MUTED_COLOR, name="footer")
        notes(slide, [line for line in said if line] + [source_line])
        demo_mark(slide)
    slide = prs.slides.add_slide(blank)
    text(slide, Emu(700000), Emu(1300000), W - Emu(1400000), Emu(1900000), b.title, 32 if english else 36, True,
         TITLE_COLOR)
    text(slide, Emu(700000), Emu(3500000), W - Emu(1400000), Emu(2000000), _title_lines(b), 20)
    notes(slide, _title_lines(b))
    demo_mark(slide)
    number = 1
    for section in b.sections:
        number += 1
        slide = prs.slides.add_slide(blank)
        text(slide, Emu(500000), Emu(250000), W - Emu(3400000), Emu(650000), section.title, 30, True, TITLE_COLOR)
        lines = [t("{label}：{value}", label=f.label, value=f.value) for f in section.figures] + section.notes
        column_w, column_h = Emu(3900000), H - Emu(1950000)
        size, fitted = _fitting(lines, column_w, column_h)
        text(slide, Emu(500000), Emu(1050000), column_w, column_h, fitted, size)
        sources = sorted({f.source for f in section.figures if f.source} | {c.source for c in section.charts})
        source_line = t("来源：") + t("；").join(sources)
        shown = [c for c in section.charts if c.slide is not None]
        area_y, area_h = Emu(1000000), H - Emu(1900000)
        if shown:  # the first chart beside the figures, each further one on a slide of its own
            _add_chart(slide, shown[0], Emu(4600000), area_y, W - Emu(5000000), area_h)
        finish(slide, source_line, number, [section.title] + lines + [shown[0].slide.description if shown else ""])
        for item in shown[1:]:
            number += 1
            slide = prs.slides.add_slide(blank)
            text(slide, Emu(500000), Emu(250000), W - Emu(3400000), Emu(650000), t("{title}（续）", title=section.title),
                 30, True, TITLE_COLOR)
            _add_chart(slide, item, Emu(500000), area_y, W - Emu(1000000), area_h)
            finish(slide, t("来源：") + item.source, number, [item.slide.title, item.slide.description])
    now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0, tzinfo=None)
    props = prs.core_properties
    props.title, props.author, props.last_modified_by = b.title, tr(BUREAU), tr(BUREAU)
    props.subject = b.scope
    props.keywords = mark if b.demo else ""
    props.comments = t("数据快照 {id}（{date}）", id=b.snapshot.snapshot_id, date=b.snapshot.created_date)
    props.language = "en-GB" if english else "zh-CN"
    props.created = props.modified = now
    props.revision = 1
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()


def to_pdf(b: Briefing) -> bytes:
    """The briefing as a PDF of text (Typst): a 16:9 page per slide, fonts embedded, charts as vectors."""
    from . import typeset
    from .downloads import chart_svg

    images, sections = {}, []
    for i, section in enumerate(b.sections):
        charts = []
        for j, item in enumerate(section.charts):
            name = f"chart-{i}-{j}.svg"
            images[name] = chart_svg(item.chart)
            charts.append({"file": name, "height": round(13.5 / max(1, len(section.charts)), 2)})
        sources = sorted({f.source for f in section.figures if f.source} | {c.source for c in section.charts})
        sections.append({"title": section.title, "charts": charts, "notes": section.notes,
                         "figures": [{"label": f.label, "value": f.value} for f in section.figures],
                         "sources": t("来源：") + t("；").join(sources)})
    content = {"title": b.title, "title_lines": _title_lines(b), "sections": sections, "demo": b.demo,
               "watermark": WATERMARK_EN if i18n.english() else WATERMARK, "lang": "en" if i18n.english() else "zh",
               "footer": b.title + (" · " + (WATERMARK_EN if i18n.english() else WATERMARK) if b.demo else "")}
    return typeset.render("briefing", content, images)
