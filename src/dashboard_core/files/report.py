"""The self-evaluation report (自评报告) a county submits before the national inspection: built once as a
list of blocks (headings, paragraphs, quotes, tables) from the same scorecard, words and plan as the
pages, then written as DOCX (python-docx, editable in Word and WPS) or as a PDF of text (Typst).

Headings follow the official-document hierarchy 一、（一）1.; every page of a report on demo data
carries the demo mark in its header, and the title says it too.
"""
from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from ..model import standard
from ..model.filters import Filters
from ..model.vocabulary import ITEM_NO_DATA, STAGES
from ..present import tables, words
from ..present.format import amount, beside_threshold, num
from ..store import facts, queries, scorecards
from ..store.county import COUNTY_NAME
from ..store.snapshots import Snapshot

DEMO_STAMP = "示例数据 · 学校层面数字为演示用途，非本县真实统计"
CHINESE_NUMERALS = "一二三四五六七八九十"
SECTIONS = [(facts.S_LEAD, "坚持高位推动，夯实创建基础"), (facts.S_RES, "均衡资源配置，改善办学条件"),
            (facts.S_TEA, "强化队伍建设，优化师资力量"), (facts.S_QUA, "坚持五育并举，提高教育质量"),
            (facts.S_SER, "升级惠民服务，提升教育满意度")]
MARKS = {"met": "✓", "floor": "△", "below": "✗", "no_students": "—"}


@dataclass
class Block:
    kind: str  # heading / paragraph / quote / table / pagebreak
    text: str = ""
    level: int = 1
    columns: list = field(default_factory=list)
    rows: list = field(default_factory=list)
    note: str = ""
    widths: list = field(default_factory=list)  # relative column widths of a table (empty: even)


@dataclass
class Report:
    title: str
    cover: list[str]
    demo: bool
    blocks: list[Block]

    def headings(self) -> list[str]:
        return [b.text for b in self.blocks if b.kind == "heading"]


def _table(frame: pd.DataFrame, note: str = "", widths: list | None = None) -> Block:
    rows = [["" if v is None or (isinstance(v, float) and pd.isna(v)) else str(v) for v in row]
            for row in frame.itertuples(index=False)]
    return Block("table", columns=[str(c) for c in frame.columns], rows=rows, note=note, widths=widths or [])


def _value(value: float, threshold: float) -> str:
    shown = float(beside_threshold([value], [threshold])[0])
    return num(shown)


def school_part_table(card, stage: str, rules: dict) -> pd.DataFrame:
    """Every school part of a stage with its seven indicators, marks, the ≥ 6 and 85 % checks."""
    inds = rules["resource"]["indicators"]
    results = card.results.set_index(["school_id", "stage"])
    part = card.matrix[(card.matrix["stage"] == stage) & (card.matrix["students"] > 0)]
    rows = []
    for r in part.itertuples():
        row = {"学校（学段）": f"{r.school_name}（{stage}）", "学生数": int(r.students)}
        for ind in inds:
            value = getattr(r, f"val_{ind['code']}")
            status = str(getattr(r, f"st_{ind['code']}"))
            row[f"{ind['number']} {ind['short']}"] = f"{_value(value, ind['thresholds'][stage])} {MARKS[status]}"
        result = results.loc[(r.school_id, stage)]
        row["达到项数"] = int(result["met_count"])
        row[f"≥{standard.min_met(rules)}项"] = "是" if result["met_count"] >= standard.min_met(rules) else "否"
        row["其余≥85%"] = "是" if result["below_count"] == 0 else "否"
        row["结论"] = "达标" if result["passes"] else "未达标"
        rows.append(row)
    return pd.DataFrame(rows)


def build(snapshot: Snapshot, year: int, rules: dict | None = None, townships: tuple = ()) -> Report:
    rules = rules or standard.load_rules()
    filters = Filters(year=year, townships=tuple(townships))
    card = scorecards.compute(snapshot, filters, rules)
    s = card.summary
    citations = queries.report_citations(snapshot)
    fact_rows = queries.report_facts_all(snapshot)
    names = queries.township_list(snapshot).set_index("township_code")["township_name"]
    scope = "、".join(names.get(t, t) for t in townships) if townships else "全县"
    title = f"{COUNTY_NAME}义务教育优质均衡发展自评报告" + ("（示例数据）" if snapshot.demo else "")
    cover = [f"范围：{scope}", f"评估年度：{year} 年", f"数据快照：{snapshot.snapshot_id}（{snapshot.created_date}）",
             f"依据：{rules['document']}《{rules['name']}》", f"生成日期：{date.today().isoformat()}"]
    if snapshot.demo:
        cover.append(DEMO_STAMP)
    blocks: list[Block] = []
    add = blocks.append

    # 一、基本情况
    add(Block("heading", "一、基本情况"))
    basic = fact_rows[fact_rows["section"] == facts.S_BASIC]
    for excerpt in dict.fromkeys(basic["source_text"]):
        add(Block("quote", f"{excerpt}。", note=f"工作汇报 {facts.S_BASIC}"))
    stages = card.enrolment_by_stage()
    add(Block("paragraph", f"{scope}{year} 年数据快照：学校（学段）{int(stages['schools'].sum())} 个，在校学生 "
                           f"{int(stages['students'].sum()):,} 人，班级 {int(stages['classes'].sum()):,} 个，专任教师 "
                           f"{int(stages['full_time_teachers'].sum()):,} 人。"
                           + ("（示例数据）" if snapshot.demo else "")))

    # 二、主要做法与成效: the report's own sections, quoted with their numbers
    add(Block("heading", "二、主要做法与成效"))
    if townships:
        add(Block("paragraph", f"以下摘自全县工作汇报，说明全县的做法，不是{scope}单独的情况。"))
    for i, (section, name) in enumerate(SECTIONS):
        add(Block("heading", f"（{CHINESE_NUMERALS[i]}）{name}", level=2))
        quoted = fact_rows[fact_rows["section"] == section]["source_text"]
        for excerpt in dict.fromkeys(quoted):
            add(Block("quote", f"{excerpt}。", note=f"工作汇报 {section}"))

    # 三、评估结果
    add(Block("heading", "三、评估结果"))
    add(Block("paragraph", words.summary_sentence(s, scope, year)))
    add(Block("heading", "（一）资源配置", level=2))
    for i, stage in enumerate(STAGES, start=1):
        add(Block("heading", f"{i}. {stage}学校（学段）{len(rules['resource']['indicators'])} 项指标", level=3))
        counts = s.stages[stage]
        if counts["schools_total"]:
            add(Block("paragraph", words.stage_parts(stage, counts) + "。"))
            add(_table(school_part_table(card, stage, rules),
                       "✓ 达到标准值　△ 未达到但不低于 {floor}%　✗ 低于 {floor}%。学校标准：{n} 项中至少 {least} 项达到，"
                       "其余不低于 {floor}%。".format(**words.school_rule(rules)),
                       [3.4, 1.1] + [1.25] * 7 + [0.9, 0.8, 0.9, 1.0]))
        else:
            add(Block("paragraph", "范围内没有该学段的学校。"))
    add(Block("heading", f"{len(STAGES) + 1}. 差异系数（学生数加权）", level=3))
    cv = card.cvs
    add(_table(pd.DataFrame({"学段": cv["stage"], "指标": cv["number"].astype(str) + " " + cv["short"],
                             "差异系数": [("—" if pd.isna(x) else f"{x:.4f}") for x in cv["cv"]],
                             "限值": cv["limit"], "参与学校（学段）": cv["schools"],
                             "结果": [words.cv_status(x, r) for x, r in zip(cv["status"], cv["reason"])]})))
    items = card.county_items
    for _i, (part, heading) in enumerate((("government", "（二）政府保障程度"), ("quality", "（三）教育质量"),
                                         ("recognition", "（四）社会认可度"))):
        add(Block("heading", heading, level=2))
        rows = items[items["part"] == part]
        table = pd.DataFrame({"编号": rows["item"], "要求": rows["text"],
                              "数值": [words.item_value(r) for r in rows.to_dict("records")],
                              "状态": [words.item_status(r) for r in rows.to_dict("records")],
                              "来源": [words.item_source(r, citations) for r in rows.to_dict("records")]})
        widths = [0.7, 3, 2.6, 1.4, 3.2]
        if townships:  # which items were judged for the township's schools, which stay the county's
            table.insert(3, "范围", [f"{scope}学校" if x == "view" else "全县" for x in rows["scope"]])
            widths = [0.7, 2.7, 2.4, 1.0, 1.3, 2.8]
        add(_table(table, widths=widths))
        if part == "recognition":
            for r in rows.to_dict("records"):
                survey = next((q for q in r["requirements"] if (q.get("detail") or {}).get("kind") == "survey"), None)
                if survey:  # the same table as the standards page: samples, 95% intervals and what each settles
                    add(_table(tables.requirement_detail_frame(survey), "分调查对象的样本数、认可度与 95% 区间"))
    add(Block("heading", "（五）不予认定的情形", level=2))
    vetoes = card.vetoes
    add(_table(pd.DataFrame({"编号": vetoes["item"], "情形": vetoes["text"],
                             "状态": [words.veto_status(r) for r in vetoes.to_dict("records")],
                             "佐证": [words.veto_source(r, citations) for r in vetoes.to_dict("records")]}),
               f"依据：{rules['non_recognition']['items'][0]['source']}", [0.7, 2.5, 1.4, 4]))

    # 四、存在的问题与整改措施
    add(Block("heading", "四、存在的问题与整改措施"))
    add(Block("heading", "（一）存在的问题", level=2))
    problems = words.reasons(s, rules)
    for reason in problems or ["按现有数据未发现不达标的项目。"]:
        add(Block("paragraph", reason))
    missing = items[items["status"] == ITEM_NO_DATA]
    if len(missing):
        add(Block("paragraph", "尚缺佐证的项目：" + "；".join(f"{r.item} {r.text}" for r in missing.itertuples()) + "。"))
    add(Block("heading", "（二）整改措施与经费测算", level=2))
    plan = scorecards.plan(snapshot, year, rules)
    if len(plan.actions):
        add(Block("paragraph", f"按最低成本测算（混合整数规划，单位成本为可修改的假设，见看板“达标规划”页），全县共 {len(plan.actions)} 项措施，"
                               f"合计 {amount(round(plan.total_cost / 10_000, 2), '万元')}。"))
        shown = plan.actions
        if townships:  # the plan is the county's; a township's report lists the measures at its schools
            here = set(queries.schools_in_view(snapshot, filters))
            shown = shown[shown["school_id"].isin(here) | shown["from_school_id"].isin(here)]
            add(Block("paragraph", f"其中涉及{scope}学校的 {len(shown)} 项如下。" if len(shown)
                                   else f"其中没有涉及{scope}学校的措施。"))
        actions = shown.to_dict("records")
        if actions:
            add(_table(pd.DataFrame({"序号": range(1, len(actions) + 1), "措施": [words.action_text(a) for a in actions],
                                     "费用（万元）": [round(a["cost"] / 10_000, 2) for a in actions]}),
                       widths=[0.6, 6, 1.2]))
        after = scorecards.compute(snapshot, Filters(year=year), rules, actions=plan.actions, base=card).summary
        add(Block("paragraph", ("全县" if townships else "") + "措施实施后：" + words.verdict_text(after) + "。"))
    else:
        add(Block("paragraph", "按现有数据，所有学校（学段）与差异系数均在标准以内，暂无需要列出的整改措施。"))

    # 附件
    add(Block("pagebreak"))
    add(Block("heading", "附件 1　学校指标一览"))
    per_school = card.matrix.groupby(["school_id", "school_name", "township_name", "school_type"], sort=False).agg(
        students=("students", "sum"), teachers=("full_time_teachers", "sum")).reset_index()
    passing = card.results.groupby("school_id")["passes"].apply(lambda x: all(v is True for v in x if v is not None))
    add(_table(pd.DataFrame({"学校": per_school["school_name"], "乡镇": per_school["township_name"],
                             "类型": per_school["school_type"], "在校学生": per_school["students"],
                             "专任教师": per_school["teachers"],
                             "学校标准": ["达标" if passing.get(sid) else "未达标" for sid in per_school["school_id"]]})))
    add(Block("heading", "附件 2　佐证台账"))
    evidence = queries.register_evidence(snapshot, year) if "evidence" in snapshot.registers else pd.DataFrame()
    if len(evidence):
        add(_table(evidence[["item", "status", "document", "issuer", "document_no", "issued_on"]].rename(columns={
            "item": "编号", "status": "结论", "document": "文件名称", "issuer": "发文单位", "document_no": "文号",
            "issued_on": "日期"})))
    else:
        add(Block("paragraph", "快照中没有佐证台账。"))
    return Report(title, cover, snapshot.demo, blocks)


# ---- DOCX -------------------------------------------------------------------------------------------

def _east_asian(run, font: str) -> None:
    from docx.oxml.ns import qn

    run.font.name = font
    properties = run._element.get_or_add_rPr()
    fonts = properties.find(qn("w:rFonts"))
    if fonts is None:
        fonts = properties.makeelement(qn("w:rFonts"), {})
        properties.append(fonts)
    fonts.set(qn("w:eastAsia"), font)


def _page_number(paragraph) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)


def to_docx(report: Report) -> bytes:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.shared import Cm, Pt, RGBColor

    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(3.7), Cm(3.5)
    section.left_margin, section.right_margin = Cm(2.8), Cm(2.6)
    header = section.header.paragraphs[0]
    header.text = DEMO_STAMP if report.demo else report.title
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for run in header.runs:
        _east_asian(run, "宋体")
        run.font.size = Pt(9)
        if report.demo:
            run.font.color.rgb = RGBColor(0xB4, 0x53, 0x09)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _page_number(footer)

    normal = doc.styles["Normal"]
    normal.font.size = Pt(12)
    normal.font.name = "宋体"
    normal.element.rPr.rFonts.set("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia", "宋体")
    fonts = {1: ("黑体", 16), 2: ("楷体", 15), 3: ("仿宋", 14)}

    def paragraph(text, size=12, bold=False, font="宋体", align=None, color=None):
        p = doc.add_paragraph()
        run = p.add_run(text)
        _east_asian(run, font)
        run.font.size, run.font.bold = Pt(size), bold
        if color:
            run.font.color.rgb = RGBColor(*color)
        if align:
            p.alignment = align
        return p

    paragraph(report.title, 22, True, "宋体", WD_ALIGN_PARAGRAPH.CENTER)
    for line in report.cover:
        paragraph(line, 14, False, "仿宋", WD_ALIGN_PARAGRAPH.CENTER)
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    for block in report.blocks:
        if block.kind == "heading":
            font, size = fonts[block.level]
            h = doc.add_heading(level=block.level)
            run = h.add_run(block.text)
            _east_asian(run, font)
            run.font.size, run.font.bold = Pt(size), True
            run.font.color.rgb = RGBColor(0, 0, 0)
        elif block.kind == "paragraph":
            paragraph(block.text)
        elif block.kind == "quote":
            p = paragraph(f"“{block.text}”", 11, False, "仿宋")
            run = p.add_run(f"（{block.note}）")
            _east_asian(run, "宋体")
            run.font.size = Pt(9)
            p.paragraph_format.left_indent = Cm(0.8)
        elif block.kind == "table":
            table = doc.add_table(rows=1, cols=len(block.columns))
            table.style = "Table Grid"
            for cell, name in zip(table.rows[0].cells, block.columns):
                cell.text = ""
                run = cell.paragraphs[0].add_run(name)
                _east_asian(run, "黑体")
                run.font.size, run.font.bold = Pt(9), True
            for row in block.rows:
                cells = table.add_row().cells
                for cell, value in zip(cells, row):
                    run = cell.paragraphs[0].add_run(value)
                    _east_asian(run, "宋体")
                    run.font.size = Pt(9)
            if block.note:
                paragraph(block.note, 9, color=(75, 85, 99))
        elif block.kind == "pagebreak":
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def to_pdf(report: Report) -> bytes:
    from . import typeset

    content = {"title": report.title, "cover": report.cover, "demo": report.demo, "stamp": DEMO_STAMP,
               "blocks": [b.__dict__ for b in report.blocks]}
    return typeset.render("report", content)
