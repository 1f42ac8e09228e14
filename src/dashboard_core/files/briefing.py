"""The briefing of a view for circulation after a meeting: a slide deck (PPTX) and a PDF.

Each section has its key figures with their sources and its charts, rendered on the server with
vl-convert. While the data is demonstration data every slide carries a 示例数据 watermark.
"""
from __future__ import annotations

import io
from dataclasses import dataclass, field

from ..model import standard
from ..model.filters import Filters
from ..model.vocabulary import STAGES
from ..present import charts, i18n, tables, words
from ..present.format import amount
from ..present.i18n import t, tr
from ..store import queries, scorecards
from ..store.county import COUNTY_NAME
from ..store.facts import S_QUA, S_RES, S_SER, S_TEA
from ..store.snapshots import Snapshot
from .downloads import chart_png

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
    chart: object
    source: str


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
                               t("{n} 人", n=f"{int(stages['students'].sum()):,}"), snap_src)]
    towns = tables.township_comparison_frame(card.results, card.inputs)
    if len(towns):
        towns = towns.nlargest(15, "学生数").sort_values("乡镇代码")
        overview.charts.append(ChartItem("各乡镇在校学生与达标比例", charts.township_comparison(towns, t("各乡镇在校学生与达到学校标准的比例")), snap_src))
    overview.notes.append(t("达标评估：{verdict}。", verdict=words.verdict_text(s)))
    sections.append(overview)

    res = Section("办学条件")
    res.figures = [fact("investment_since_2022", "2022年以来投入"), fact("projects_since_2022", "教育项目"),
                   fact("new_floor_area", "新建校舍"), fact("new_places", "新增学位")]
    spend = tables.series_frame(series, {"education_spending": "一般公共预算内教育总支出"})
    if len(spend):
        res.charts.append(ChartItem("教育总支出", charts.trend_chart(spend, "一般公共预算内教育总支出（亿元）", "亿元"),
                                    t("工作汇报 {section}", section=S_RES) + words.demo_points_note(spend)))
    if len(card.matrix):
        frame = tables.indicator_frame(card.indicator("sports_area_per_student")).head(20)
        res.charts.append(ChartItem("生均体育运动场馆面积", charts.indicator_bars(frame, "生均体育运动场馆面积（最低的 20 个学校学段）"), snap_src))
    sections.append(res)

    tea = Section("师资队伍")
    tea.figures = [fact("rotation_teachers", "交流轮岗教师"), fact("rotation_rate", "交流率"),
                   fact("rotation_backbone_share", "骨干教师占交流教师"), fact("backbone_teachers", "骨干教师等"),
                   fact("teacher_pay_above_civil_servants", "教师工资高于公务员")]
    channels = tables.facts_frame(queries.report_facts_for_domain(snapshot, "teachers"),
                                  ["new_teachers_recruited", "sanqu_teachers", "silver_age_teachers", "aid_principals", "aid_teachers"])
    tea.charts.append(ChartItem("2024 年教师补充渠道", charts.category_bars(channels, "2024 年教师补充渠道", "人数"), t("工作汇报 {section}", section=S_TEA)))
    sections.append(tea)

    qua = Section("教育质量")
    qua.figures = [fact("clubs", "特色社团"), fact("suyi_first_prizes", "苏伊杯一等奖"), fact("outreach_lessons", "公开课、示范课"),
                   fact("football_schools", "全国足球特色学校")]
    qfacts = queries.report_facts_for_domain(snapshot, "quality")
    qua.charts.append(ChartItem("奖牌榜", charts.medal_chart(tables.medal_frame(qfacts), "奖牌榜"), t("工作汇报 {section}", section=S_QUA)))
    sections.append(qua)

    ser = Section("惠民服务")
    ser.figures = [fact("nutrition_spend", "营养改善计划投入"), fact("nutrition_students", "惠及学生"),
                   fact("migrant_enrolment_rate", "随迁子女公办学校就读"), fact("disabled_enrolment_rate", "残疾儿童少年入学率"),
                   fact("safety_drills", "应急演练")]
    equity = tables.standard_targets(rules, [
        ("G15.2", "随迁子女在公办学校就读比例", facts.loc["migrant_enrolment_rate", "value"], facts.loc["migrant_enrolment_rate", "source_text"]),
        ("Q02.1", "适龄残疾儿童少年入学率", facts.loc["disabled_enrolment_rate", "value"], facts.loc["disabled_enrolment_rate", "source_text"])])
    ser.charts.append(ChartItem("教育公平对照国家标准", charts.target_bars(equity, "对照国家标准（黑色刻度为要求）"), t("工作汇报 {section}", section=S_SER)))
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
                                        snap_src + t("；") + t("学生数加权")))
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
    section.figures = [Figure(t("方案总成本"), amount(round(result.total_cost / 10_000, 2), "万元"), source),
                       Figure(t("方案项数"), t("{n} 项", n=len(result.actions)), source),
                       Figure(t("实施后达标学校（学段）"), f"{after.schools_passing} / {after.schools_total}", source)]
    if len(result.actions):
        totals = tables.plan_totals(result.actions, "kind")
        bars = totals.rename(columns={totals.columns[0]: "项目", "费用（万元）": "数值"}).assign(单位="万元", 报告原文="")
        section.charts.append(ChartItem("方案费用（按类别）", charts.category_bars(bars, "方案费用（万元）", "万元"), source))
    largest = result.actions.sort_values("cost", ascending=False, kind="stable").head(4)
    section.notes = [t("按方案实施后：") + words.verdict_text(after), words.plan_money(result)] + [
        f"{words.action_text(a)}（{amount(round(a['cost'] / 10_000, 2), '万元')}）" for a in largest.to_dict("records")]
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


def to_pptx(b: Briefing) -> bytes:
    from pptx import Presentation
    from pptx.dml.color import RGBColor
    from pptx.util import Emu, Pt

    prs = Presentation()
    prs.slide_width, prs.slide_height = Emu(12192000), Emu(6858000)  # 16:9
    blank = prs.slide_layouts[6]
    W, H = prs.slide_width, prs.slide_height

    def text(slide, x, y, w, h, content, size, bold=False, color=(17, 24, 39)):
        box = slide.shapes.add_textbox(x, y, w, h)
        frame = box.text_frame
        frame.word_wrap = True
        lines = content if isinstance(content, list) else [content]
        for i, line in enumerate(lines):
            para = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
            run = para.add_run()
            run.text = line
            run.font.size, run.font.bold = Pt(size), bold
            run.font.name = "Microsoft YaHei"
            run.font.color.rgb = RGBColor(*color)
        return box

    def watermark(slide):
        if b.demo:
            box = text(slide, int(W * 0.25), int(H * 0.38), int(W * 0.5), int(H * 0.2), mark, 80, True, (226, 232, 240))
            box.rotation = -20

    mark = WATERMARK_EN if i18n.english() else WATERMARK
    slide = prs.slides.add_slide(blank)
    watermark(slide)
    text(slide, Emu(700000), Emu(2000000), W - Emu(1400000), Emu(1000000), b.title, 36, True, (31, 78, 140))
    text(slide, Emu(700000), Emu(3200000), W - Emu(1400000), Emu(1600000),
         _title_lines(b), 18)
    for section in b.sections:
        slide = prs.slides.add_slide(blank)
        watermark(slide)
        text(slide, Emu(500000), Emu(300000), W - Emu(1000000), Emu(600000), section.title, 28, True, (31, 78, 140))
        lines = [t("{label}：{value}", label=f.label, value=f.value) for f in section.figures] + section.notes
        text(slide, Emu(500000), Emu(1000000), Emu(3600000), H - Emu(1600000), lines, 14)
        sources = sorted({f.source for f in section.figures if f.source} | {c.source for c in section.charts})
        text(slide, Emu(500000), H - Emu(650000), W - Emu(1000000), Emu(500000), t("来源：") + t("；").join(sources), 10, color=(75, 85, 99))
        n = max(1, len(section.charts))
        area_w, area_h = W - Emu(4600000), H - Emu(1800000)
        for i, item in enumerate(section.charts):
            png = chart_png(item.chart)
            slide.shapes.add_picture(io.BytesIO(png), Emu(4300000), Emu(1000000) + int(area_h / n) * i,
                                     height=int(area_h / n) - Emu(100000))
            pic = slide.shapes[-1]
            if pic.width > area_w:
                ratio = area_w / pic.width
                pic.width, pic.height = int(area_w), int(pic.height * ratio)
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
