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
from ..model.vocabulary import COMPLETED, ITEM_NO_DATA, STAGES, TEACHING_POINT
from ..present import tables, words
from ..present.format import beside_threshold, fmt, num
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
    kind: str  # heading / paragraph / quote / table / signature (right-aligned: the seal and date) / pagebreak
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


def school_figures(card, rules: dict, group: str) -> pd.DataFrame:
    """Each school's raw figures behind one group of indicators (the registry's numerators, headed as in
    the import template): teachers summed over the school's parts, school-level figures taken once. One
    table per group, so that each fits the page's width with its numbers on one line."""
    from ..store.schema import TABLES

    headers = {c.name: c.header for table in TABLES for c in table.columns}
    keys = ["school_id", "school_name", "township_name", "school_type"]
    spec = {"students": ("students", "sum")}
    if group == "teachers":
        spec["full_time_teachers"] = ("full_time_teachers", "sum")
    for ind in rules["resource"]["indicators"]:
        if ind.get("group") == group:
            spec[ind["numerator"]] = (ind["numerator"], "sum" if ind["numerator_level"] == "stage" else "first")
    per_school = card.matrix.groupby(keys, sort=False).agg(**spec).reset_index()
    passing = card.results.groupby("school_id")["passes"].apply(lambda x: all(v is True for v in x if v is not None))
    out = pd.DataFrame({"学校": per_school["school_name"]})  # township and type: in the school-part tables
    for column in spec:
        unit = next((i["numerator_unit"] for i in rules["resource"]["indicators"] if i["numerator"] == column), "人")
        values = per_school[column]
        out[f"{headers.get(column, column)}（{unit}）"] = [num(v) if pd.notna(v) else "—" for v in values]
    if group == "teachers":
        out["学校标准"] = ["达标" if passing.get(sid) else "未达标" for sid in per_school["school_id"]]
    return out


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


def trend_table(snapshot: Snapshot, year: int, rules: dict, filters: Filters, card) -> pd.DataFrame:
    """The years of the snapshot up to the report's, each evaluated as its own year: schools, pupils,
    classes, teachers, school parts meeting the school standard and (for the county) CVs within limits."""
    rows = []
    for each in (y for y in queries.available_years(snapshot) if y <= year):
        scoped = Filters(year=each, townships=filters.townships)
        that = card if each == year else scorecards.compute(snapshot, scoped, rules)
        stages, s = that.enrolment_by_stage(), that.summary
        applicable = s.cv_total - s.cv_not_applicable
        rows.append({"年份": each, "学校（学段）": int(stages["schools"].sum()), "在校学生": fmt(stages["students"].sum()),
                     "班级": fmt(stages["classes"].sum()), "专任教师": fmt(stages["full_time_teachers"].sum()),
                     "达到学校标准": f"{s.schools_passing} / {s.schools_total}",
                     "差异系数在限值内": f"{s.cv_passing} / {applicable}" if applicable and filters.is_whole_county else "—"})
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
                           f"{fmt(stages['students'].sum())} 人，班级 {fmt(stages['classes'].sum())} 个，专任教师 "
                           f"{fmt(stages['full_time_teachers'].sum())} 人。"
                           + ("（示例数据）" if snapshot.demo else "")))

    trend = trend_table(snapshot, year, rules, filters, card)
    if len(trend) > 1:
        add(Block("paragraph", f"{scope}近 {len(trend)} 年的主要数字（数据快照，每年同一套评估）："))
        add(_table(trend, "学校标准与差异系数每年按当年数据评估；差异系数只对全县评估。"
                   + ("示例数据。" if snapshot.demo else "")))

    # 二、主要做法与成效: the report's own sections, quoted with their numbers
    add(Block("heading", "二、主要做法与成效"))
    if townships:
        add(Block("paragraph", f"以下摘自全县工作汇报，说明全县的做法，不是{scope}单独的情况。"))
    add(Block("paragraph", "工作汇报列出的县级文件：" + "、".join(name for name, _ in facts.NAMED_DOCUMENTS)
                           + "（文件本身作为佐证材料另附）。"))
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
                       "其余不低于 {floor}%。".format(**words.school_rule(rules))))
        else:
            add(Block("paragraph", "范围内没有该学段的学校。"))
    add(Block("heading", f"{len(STAGES) + 1}. 差异系数（学生数加权）", level=3))
    cv = card.cvs
    units = {i["code"]: i["unit"] for i in rules["resource"]["indicators"]}
    add(_table(pd.DataFrame({"学段": cv["stage"], "指标": cv["number"].astype(str) + " " + cv["short"],
                             # the student-weighted mean the CV is measured against, as inspectors' tables show it
                             ("全县平均值" if not townships else f"{scope}平均值"): [("—" if pd.isna(m) else f"{num(m)} {units.get(code, '')}".strip())
                                         for m, code in zip(cv["mean"], cv["indicator"])],
                             "差异系数": [("—" if pd.isna(x) else fmt(x, 4)) for x in cv["cv"]],
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
        widths = [1.0, 2.9, 2.5, 1.4, 3.1]  # 编号 holds "G15.1" on one line
        if townships:  # which items were judged for the township's schools, which stay the county's
            table.insert(3, "范围", [f"{scope}学校" if x == "view" else "全县" for x in rows["scope"]])
            widths = [1.0, 2.6, 2.3, 1.0, 1.3, 2.6]
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
               f"依据：{rules['non_recognition']['items'][0]['source']}", [0.9, 2.4, 1.4, 3.9]))

    # 四、存在的问题与整改措施
    add(Block("heading", "四、存在的问题与整改措施"))
    add(Block("heading", "（一）存在的问题", level=2))
    add(Block("paragraph", "工作汇报自述的问题："))
    add(Block("quote", f"{facts.OWN_PROBLEMS}。", note=f"工作汇报 {facts.S_CLOSING}"))
    problems = words.reasons(s, rules)
    add(Block("paragraph", "按数据核算：" + ("".join(problems) if problems else "按现有数据未发现不达标的项目。")))
    missing = items[items["status"] == ITEM_NO_DATA]
    if len(missing):
        add(Block("paragraph", "尚缺佐证的项目：" + "；".join(f"{r.item} {r.text}" for r in missing.itertuples()) + "。"))
    add(Block("heading", "（二）整改措施与经费测算", level=2))
    plan = scorecards.plan(snapshot, year, rules)
    if len(plan.actions):
        add(Block("paragraph", f"按最低成本测算（混合整数规划，单位成本为可修改的假设，见看板“达标规划”页），全县共 {len(plan.actions)} 项措施，"
                               f"{words.plan_money(plan)}。"))
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

    states = scorecards.rectification(snapshot, year, rules, base=card)
    if states is not None:
        add(Block("heading", "（三）整改落实情况（整改台账）", level=2))
        done = int((states.register["status"] == COMPLETED).sum())
        late = int(states.register["overdue"].sum())
        add(Block("paragraph", f"整改台账共 {len(states.register)} 项措施，已完成 {done} 项"
                               + (f"，{late} 项已过完成时限仍未完成" if late else "") + "。以下三种状态用同一套评估（全县）；"
                               "措施是否完成以完成佐证为准，由督导核查。"))
        add(_table(tables.rectification_states_table(states)))

    # 五、下一步打算 and the closing: the conclusion in self-evaluation words, the seal and the 公示
    add(Block("heading", "五、下一步打算"))
    add(Block("quote", f"{facts.NEXT_STEPS}。", note=f"工作汇报 {facts.S_CLOSING}"))
    add(Block("heading", "六、自评结论"))
    add(Block("paragraph", words.summary_sentence(s, scope, year)))
    add(Block("paragraph", "以上为自评结论，是否达到优质均衡发展标准以国家督导评估认定为准。"))
    add(Block("signature", f"{COUNTY_NAME}人民政府（盖章）"))
    add(Block("signature", f"{date.today().year} 年 {date.today().month} 月 {date.today().day} 日"))
    add(Block("paragraph", "公示：本报告及佐证材料目录在县人民政府门户网站公示，公示期为＿个工作日；公示期间对报告内容有异议的，"
                           "请向县人民政府教育督导室书面反映（电话：＿＿＿＿）。"))

    # 附件
    add(Block("pagebreak"))
    add(Block("heading", "附件 1　学校指标一览"))
    add(Block("paragraph", "各校的原始数字（本快照），供逐项复核指标：教师按任教学段合计，校舍、场馆、设备和教室为全校数"
                           "（九年一贯制学校按学段加权学生数拆分后计入指标）。"))
    for group, name in (("teachers", "学生与教师"), ("facilities", "校舍、场馆、设备与教室")):
        add(_table(school_figures(card, rules, group), f"附件 1 之{'一' if group == 'teachers' else '二'}：{name}"))
    schools = queries.school_list(snapshot)
    points = schools[schools["school_type"] == TEACHING_POINT]
    if townships:
        points = points[points["township_code"].isin(list(townships))]
    if len(points):
        add(Block("paragraph", f"教学点（{words.teaching_point_rule(rules)}）："))
        sizes = queries.school_part_sizes(snapshot, year).groupby("school_id")["students"].sum()
        parents = schools.set_index("school_id")["school_name"]
        infos = {sid: queries.school_info(snapshot, sid) for sid in points["school_id"]}
        add(_table(pd.DataFrame({
            "教学点": points["school_name"].to_numpy(), "乡镇": points["township_name"].to_numpy(),
            "在校学生": [int(sizes.get(sid, 0)) for sid in points["school_id"]],
            "所属中心校": [parents.get(infos[sid].iloc[0]["parent_school_id"], "—") if len(infos[sid]) else "—"
                        for sid in points["school_id"]]})))
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

# 公文 (GB/T 9704) fonts by name: the reader's Word or WPS supplies them; where one is missing the office
# program substitutes its own 宋体/黑体 (LibreOffice: Noto Serif/Sans CJK)
TITLE_FONT, BODY_FONT, HEADING_FONTS = "方正小标宋简体", "仿宋_GB2312", {1: "黑体", 2: "楷体_GB2312", 3: "仿宋_GB2312"}
TABLE_FONT, TABLE_HEAD_FONT = "宋体", "黑体"
TABLE_PT, DENSE_PT = 10.5, 8  # 五号; the tables of more than six columns
BUREAU = f"{COUNTY_NAME}教育局"
TEXT_WIDTH_CM = 21.0 - 2.8 - 2.6  # A4 less the 公文 margins
LANDSCAPE_WIDTH_CM = 29.7 - 2.8 - 2.6  # a wide table's pages turned: the same margins on the long side
WIDE_TABLE_COLUMNS = 9  # from this many columns a table gets landscape pages of its own (附表 as counties print them)


def _fonts(style_or_run_element, font: str, size_pt: float | None = None, bold: bool | None = None) -> None:
    """A style's or run's font for Latin and East Asian text alike, in Chinese (zh-CN)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = style_or_run_element.get_or_add_rPr()
    fonts = properties.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        properties.insert(0, fonts)
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), font)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)  # a theme font (Calibri Light) would win over the name
    language = properties.find(qn("w:lang"))
    if language is None:
        language = OxmlElement("w:lang")
        properties.append(language)
    language.set(qn("w:val"), "zh-CN")
    language.set(qn("w:eastAsia"), "zh-CN")


def _style(doc, name: str, base: str | None, font: str, size: float, bold: bool = False, indent_chars: float = 0,
           align=None, line_pt: float | None = None, space_before: float = 0, space_after: float = 0,
           color=(0, 0, 0), keep_with_next: bool = False):
    """A named paragraph style (an editor changes the look of all its paragraphs in one place)."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import Pt, RGBColor

    styles = doc.styles
    style = styles[name] if name in [s.name for s in styles] else styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    if base:
        style.base_style = styles[base]
    style.font.size, style.font.bold = Pt(size), bold
    style.font.color.rgb = RGBColor(*color)
    _fonts(style.element, font)
    fmt = style.paragraph_format
    fmt.first_line_indent = Pt(size * indent_chars) if indent_chars else Pt(0)
    fmt.space_before, fmt.space_after = Pt(space_before), Pt(space_after)
    if line_pt:
        from docx.enum.text import WD_LINE_SPACING

        fmt.line_spacing_rule, fmt.line_spacing = WD_LINE_SPACING.EXACTLY, Pt(line_pt)
    if align is not None:
        fmt.alignment = align
    fmt.keep_with_next = keep_with_next
    return style


def _page_number(paragraph) -> None:
    """"— 1 —": the 公文 page number, a field Word and WPS fill in."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    paragraph.add_run("— ")
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
    paragraph.add_run(" —")


def _row_flags(row, header: bool) -> None:
    """A row kept whole on one page; the header row repeated on every page the table runs onto."""
    from docx.oxml import OxmlElement

    properties = row._tr.get_or_add_trPr()
    properties.append(OxmlElement("w:cantSplit"))
    if header:
        properties.append(OxmlElement("w:tblHeader"))


def _display_width(text: str) -> float:
    """Width in half-ems: a CJK character or a mark (✓ △ ✗, drawn full width by CJK fonts) two, a digit or a
    Latin letter a little over one (proportional figures)."""
    return sum(2 if ord(ch) > 0x2E7F or 0x2190 <= ord(ch) <= 0x27BF else 1.1 for ch in text)


CELL_PADDING_CM = 0.45  # Word's and LibreOffice's default left and right cell margins together, with a little air
CM_PER_PT = 2.54 / 72


def column_widths(block: Block, font_pt: float = 10.5, width_cm: float | None = None) -> list[float]:
    """Each column's share of the text width: the table's own (relative) widths, else from its entries at
    the table's font size (a unit is half an em; a CJK character counts two). Every column but the first
    gets at least its longest entry on one line (a number never breaks: "1770" read as "177 / 0"); headers
    may wrap. When the entries need more than the width, the first column (the names, which wrap) gives
    way; room left goes to the names first, then to the headers that would wrap, then to every column alike."""
    if block.widths and len(block.widths) == len(block.columns):
        raw = [float(w) for w in block.widths]
        total = sum(raw)
        return [w / total for w in raw]
    unit_cm = font_pt / 2 * CM_PER_PT
    available = (width_cm or TEXT_WIDTH_CM) / unit_cm
    padding = CELL_PADDING_CM / unit_cm
    n = len(block.columns)
    longest = [max([_display_width(r[i]) for r in block.rows] or [0]) for i in range(n)]
    header = [_display_width(block.columns[i]) for i in range(n)]
    cap = 40 if n <= 6 else 24  # a long text column wraps rather than take the table
    need = [min(longest[i], cap) + padding for i in range(n)]
    need[0] = min(need[0], 10 + padding)  # the names wrap onto two or three lines
    want = [min(max(longest[i], header[i] / 2), cap) + padding for i in range(n)]
    want[0] = min(longest[0], 40) + padding  # a school's name and stage on one line where the page allows
    if sum(need) >= available:
        widths = list(need)
        widths[0] = max(8 + padding, available - sum(need[1:]))
    else:
        widths = list(need)
        widths[0] = min(want[0], available - sum(need[1:]))  # the names on one line first, where they fit
        spare = available - sum(widths)
        extra = [max(0.0, w - nd) for w, nd in zip(want, widths, strict=True)]
        if sum(extra) > 0:
            take = min(1.0, spare / sum(extra))
            widths = [w + e * take for w, e in zip(widths, extra, strict=True)]
        spare = available - sum(widths)
        widths = [w + spare * w / sum(widths) for w in widths]
    total = sum(widths)
    return [w / total for w in widths]


def _title_lines(title: str) -> list[str]:
    """The title broken where a reader would (…发展 / 自评报告), not wherever the line runs out."""
    cut = title.find("发展")
    return [title[:cut + 2], title[cut + 2:]] if cut > 0 and title[cut + 2:] else [title]


def _landscape_blocks(blocks: list[Block]) -> list[bool]:
    """Which blocks go on turned pages: each wide table with the heading and paragraphs just before it (so a
    heading never stands alone on a portrait page); consecutive wide tables share the turned pages."""
    turned = [False] * len(blocks)
    for i, block in enumerate(blocks):
        if block.kind == "table" and len(block.columns) >= WIDE_TABLE_COLUMNS:
            turned[i] = True
            j = i - 1
            while j >= 0 and i - j <= 3 and blocks[j].kind in ("heading", "paragraph") and not turned[j]:
                turned[j] = True
                if blocks[j].kind == "heading":
                    if j > 0 and blocks[j - 1].kind == "heading" and not turned[j - 1]:
                        turned[j - 1] = True  # a section heading directly above goes along
                    break
                j -= 1
            else:
                if j < i - 1 and blocks[j + 1].kind != "heading":  # no heading within reach: the table alone turns
                    for k in range(j + 1, i):
                        turned[k] = False
    return turned


def _turn_page(doc, landscape: bool) -> None:
    """A new section on a new page, turned for a wide table (or back): the same margins on each side of the
    paper, the header and the "— n —" footer continued, numbering unbroken."""
    from docx.enum.section import WD_ORIENT, WD_SECTION
    from docx.shared import Cm

    section = doc.add_section(WD_SECTION.NEW_PAGE)
    section.different_first_page_header_footer = False  # only the cover goes without header and number
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (Cm(29.7), Cm(21.0)) if landscape else (Cm(21.0), Cm(29.7))
    if landscape:
        section.top_margin, section.bottom_margin = Cm(2.8), Cm(2.6)
        section.left_margin, section.right_margin = Cm(2.8), Cm(2.6)
    else:
        section.top_margin, section.bottom_margin = Cm(3.7), Cm(3.5)
        section.left_margin, section.right_margin = Cm(2.8), Cm(2.6)


def to_docx(report: Report) -> bytes:
    from datetime import datetime, timezone

    from docx import Document
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.shared import Cm, Pt

    doc = Document()
    center = WD_ALIGN_PARAGRAPH.CENTER
    _style(doc, "Normal", None, BODY_FONT, 16, indent_chars=2, line_pt=28)  # 仿宋 三号, 28 pt lines
    _style(doc, "报告标题", "Normal", TITLE_FONT, 22, align=center, line_pt=36, space_before=150, space_after=24)  # 小标宋 二号
    _style(doc, "封面信息", "Normal", BODY_FONT, 16, align=center)
    for level, size in ((1, 16), (2, 16), (3, 16)):
        _style(doc, f"Heading {level}", "Normal", HEADING_FONTS[level], size, bold=level == 3, indent_chars=2,
               line_pt=28, keep_with_next=True)
    _style(doc, "引文", "Normal", BODY_FONT, 14, indent_chars=2, line_pt=24)
    _style(doc, "表格文字", "Normal", TABLE_FONT, TABLE_PT, line_pt=14)
    _style(doc, "表格标题行", "表格文字", TABLE_HEAD_FONT, TABLE_PT, bold=True, align=center)
    _style(doc, "表格文字（密）", "表格文字", TABLE_FONT, DENSE_PT, line_pt=11)
    _style(doc, "表格标题行（密）", "表格文字（密）", TABLE_HEAD_FONT, DENSE_PT, bold=True, align=center)
    _style(doc, "注释", "Normal", TABLE_FONT, 10.5, line_pt=16, space_after=6, color=(75, 85, 99))
    cited = doc.styles.add_style("引文出处", WD_STYLE_TYPE.CHARACTER)  # where a quote comes from, 五号 after it
    cited.font.size = Pt(10.5)
    _fonts(cited.element, BODY_FONT)
    _style(doc, "落款", "Normal", BODY_FONT, 16, align=WD_ALIGN_PARAGRAPH.RIGHT, line_pt=28)
    _style(doc, "页码", "Normal", TABLE_FONT, 14, align=center)
    _style(doc, "页眉", "Normal", TABLE_FONT, 9, align=center, color=(0xB4, 0x53, 0x09))

    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(3.7), Cm(3.5)
    section.left_margin, section.right_margin = Cm(2.8), Cm(2.6)
    section.different_first_page_header_footer = True  # the cover has no header and no page number
    if report.demo:  # every page but the cover says it is demo data (the cover says it in its lines)
        header = section.header.paragraphs[0]
        header.text, header.style = DEMO_STAMP, doc.styles["页眉"]
    footer = section.footer.paragraphs[0]
    footer.style = doc.styles["页码"]
    _page_number(footer)

    properties = doc.core_properties
    properties.title, properties.author, properties.last_modified_by = report.title, BUREAU, BUREAU
    properties.subject, properties.language = "义务教育优质均衡发展自评报告", "zh-CN"
    properties.comments = DEMO_STAMP if report.demo else ""
    properties.created = properties.modified = datetime.now(timezone.utc).replace(tzinfo=None)
    properties.revision = 1

    ids = {style.name: style.style_id for style in doc.styles}
    title = _paragraph(doc, ids, "报告标题")
    for i, line in enumerate(_title_lines(report.title)):
        if i:
            title.add_run().add_break()
        title.add_run(line)
    for line in report.cover:
        _paragraph(doc, ids, "封面信息", line)
    _paragraph(doc, ids, "封面信息").add_run().add_break(WD_BREAK.PAGE)
    landscape = _landscape_blocks(report.blocks)
    turned = False
    for index, block in enumerate(report.blocks):
        if landscape[index] != turned:
            turned = landscape[index]
            _turn_page(doc, landscape=turned)
        if block.kind == "heading":
            _paragraph(doc, ids, f"Heading {block.level}", block.text)
        elif block.kind == "paragraph":
            doc.add_paragraph(block.text)
        elif block.kind == "quote":
            p = _paragraph(doc, ids, "引文", f"“{block.text}”")
            p.add_run(f"（{block.note}）", style="引文出处")
        elif block.kind == "table":
            wide = turned
            table = doc.add_table(rows=1, cols=len(block.columns))
            table.style, table.alignment, table.autofit = "Table Grid", WD_TABLE_ALIGNMENT.CENTER, False
            dense = len(block.columns) > 6  # the wide tables: a smaller size, so the numbers stay on one line
            width_cm = LANDSCAPE_WIDTH_CM if wide else TEXT_WIDTH_CM
            widths = [Cm(width_cm * share) for share in column_widths(block, DENSE_PT if dense else TABLE_PT, width_cm)]
            text_style, head_style = (("表格文字（密）", "表格标题行（密）") if dense else ("表格文字", "表格标题行"))
            text_id, head_id = ids[text_style], ids[head_style]
            head_cells = table.rows[0].cells
            for i, name in enumerate(block.columns):
                table.columns[i].width = widths[i]  # the grid (LibreOffice reads it) and every cell (Word does)
                head_cells[i].width = widths[i]
                _cell_text(head_cells[i], name, head_id)
            _row_flags(table.rows[0], header=True)
            for values in block.rows:
                row = table.add_row()
                _row_flags(row, header=False)
                for cell, width, value in zip(row.cells, widths, values, strict=True):
                    cell.width = width
                    _cell_text(cell, value, text_id)
            if block.note:
                _paragraph(doc, ids, "注释", block.note)
        elif block.kind == "signature":
            _paragraph(doc, ids, "落款", block.text)
        elif block.kind == "pagebreak":
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _paragraph(doc, ids: dict, style: str, text: str = ""):
    paragraph = doc.add_paragraph(text)
    paragraph._p.style = ids[style]  # by id, for the reason given under _cell_text
    return paragraph


def _cell_text(cell, text: str, style_id: str) -> None:
    """A table cell's text in a paragraph style given by its id. Set on the XML, since python-docx's
    `paragraph.style = …` scans every style of the document for the default on each assignment (half of
    the county report's 5 s of writing); `row.cells` is taken once per row for the same reason."""
    paragraph = cell.paragraphs[0]
    paragraph.text = text
    paragraph._p.style = style_id


def to_pdf(report: Report) -> bytes:
    from . import typeset

    content = {"title": report.title, "cover": report.cover, "demo": report.demo, "stamp": DEMO_STAMP,
               "blocks": [b.__dict__ for b in report.blocks]}
    return typeset.render("report", content)
