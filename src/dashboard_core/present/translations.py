"""English wording for the dashboard, keyed by the Chinese text it replaces.

`PHRASES` are whole strings: labels, column names, status words, and the templates of the pages and of
present/words.py with their `{placeholders}`.
Rule wording (indicator and item texts) comes from the rules file, township names from `county.py`
and report facts from `facts.py`, so each English text is written once next to its Chinese original.
"""
from __future__ import annotations

from ..model import standard
from ..store import county, facts
from .i18n import catalog

_WORDS = {
    # the survey's groups (schema.SURVEY_GROUPS)
    "家长": "Parents", "教师": "Teachers", "校长": "Principals", "人大代表": "People's congress deputies",
    "政协委员": "CPPCC members", "其他群众": "Other residents",
    # stages, school types, settings, statuses
    "小学": "Primary", "初中": "Junior secondary", "九年一贯制学校": "Nine-year integrated school", "初级中学": "Junior secondary school",
    "十二年一贯制学校": "Twelve-year integrated school",
    "教学点": "Teaching point", "完全中学": "Complete secondary school", "城区": "Urban", "镇区": "Town", "乡村": "Rural",
    "未达标但不低于": "Not met, at least", "低于": "Below",  # a status after its mark, split at the space
    "无法计算": "Cannot compute",
    "✓ 达到": "✓ Met", "✗ 未达到": "✗ Not met", "… 无数据": "… No data", "全部达标": "All met", "部分未达标": "Some not met",
    "是": "Yes", "否": "No",
    "本校": "This school", "本乡镇": "Its township", "所选范围合计": "Selected area, total",
    "示例": "example",
    "金牌": "Gold", "银牌": "Silver", "铜牌": "Bronze",
    # column names and axis titles
    "学校（学段）": "School (stage)",
    "乡镇代码": "Township code", "城乡": "Setting", "学生数": "Students", "数值": "Value", "标准值": "Standard",
    "85%底线": "85% floor", "达到标准值的比例": "Share of standard", "达到标准值的比例（%）": "Share of the standard (%)",
    "状态": "Status", "标记": "Mark", "档案": "Profile", "差异系数": "CV",
    "限值": "Limit", "结果": "Result", "参与学校数": "Schools counted", "学校数": "Schools",
    "来源编号": "Source ID", "类别": "Category", "报告原文": "Report excerpt",
    "要求": "Required", "线": "Line", "行": "Row", "文本": "Text", "序": "Order", "组序": "Group order",
    "骨干教师": "Backbone teachers",
    "班级数": "Classes", "达标比例": "Share meeting the standard", "达标学校学段数": "School parts meeting the standard",
    "学校学段数": "School parts", "原": "Before", "新": "After", "原数值": "Old value", "新数值": "New value",
    "变化": "Change", "原状态": "Old status", "新状态": "New status", "原结论": "Old verdict", "新结论": "New verdict",
    "是否变化": "Changed", "县域结论": "County verdict", "差异系数达标": "CVs within limits",
    "差异系数（学生数加权）": "CV (weighted by students)",
    "在校学生（人）": "Students", "奖牌数（枚）": "Medals", "学生数 ÷ 专任教师数": "Students ÷ full-time teachers",
    "达到学校标准的学校（学段）比例（%）": "School parts meeting the school standard (%)",
    "学校类型": "School type", "部分": "Part", "编号": "No.", "一票否决": "Veto", "事项": "Item", "章节": "Section",
    "序号": "No.", "校名": "School name", "学校名称": "School name",
    "学校名称是示例": "Name is an example", "学生": "Students", "人": "people",
    "所": "schools", "个": "", "名": "people",
    "万㎡": "× 10,000 ㎡", "万人": "× 10,000 people", "公里": "km", "平方公里": "km²", "场": "events", "场次": "sessions",
    "岁": "years old", "年": "years", "座": "", "枚": "medals", "次": "times", "节": "lessons", "项": "items",
    "人/百生": "per 100 students", "间/百生": "rooms per 100 students", "间": "rooms", "人/班": "per class",
    # the rectification register (schema rectification; vocabulary.MEASURE_KINDS, PROGRESS)
    "整改台账": "rectification register", "达到学校标准的学校（学段）": "School parts meeting the school standard",
    "措施": "Measure", "责任单位": "Responsible unit", "完成时限": "Deadline", "进度": "Progress",
    "完成佐证": "Completion evidence", "未开始": "Not started", "进行中": "In progress", "已完成": "Completed",
    "提升学历": "Degree upgrade",
}

# Schools named in the demo data: the parts of a name, put together as "<place> <kind>"
_SCHOOL_KINDS = {
    "第一小学": "No. 1 Primary School", "第二小学": "No. 2 Primary School", "第三小学": "No. 3 Primary School",
    "初级中学": "Junior Secondary School", "第二初级中学": "No. 2 Junior Secondary School",
    "中心学校": "Central School", "中心小学": "Central Primary School", "中心校": "Central School",
    "教学点": "Teaching Point", "实验学校": "Experimental School",
}
_PLACES = {"县": "County", "盐城": "Yancheng", "种羊场": "Sheep Breeding Farm", "示例县": "Example County"}


def name_in_english(text: str) -> str | None:
    """A school's name from its parts (place + kind, e.g. 坎乡中心小学 → Kan Township Central Primary
    School); None when the name is not made of known parts (it is then shown as written)."""
    example = text.endswith("（示例）")
    core = text[: -len("（示例）")] if example else text
    places = {**_PLACES, **county.TOWNSHIP_NAMES_EN}
    for kind in sorted(_SCHOOL_KINDS, key=len, reverse=True):
        if core.endswith(kind):
            place = core[: -len(kind)]
            if place in places:
                return f"{places[place]} {_SCHOOL_KINDS[kind]}" + (" (example)" if example else "")
    return None


def _from_rules() -> dict:
    rules = standard.load_rules()
    out = {rules["name"]: rules["name_en"], rules["document"]: rules["document_en"]}
    for ind in rules["resource"]["indicators"]:
        out[ind["name"]] = ind["name_en"]
        out[ind["short"]] = ind["short_en"]
        out[ind["addition"]] = ind["addition_en"]
        out[ind["unit"]] = ind["unit_en"]
    for item in rules["county_items"]:
        out[item["text"]] = item["text_en"]
        for req in item["requirements"]:
            out[req["text"]] = req["text_en"]
    veto = rules["non_recognition"]
    out[veto["note"]] = veto["note_en"]
    for cond in veto["items"]:
        out[cond["text"]] = cond["text_en"]
        out[cond["source"]] = cond["source_en"]
    conditions = rules.get("preconditions", {})
    for key in ("note", "source"):
        if key in conditions:
            out[conditions[key]] = conditions[f"{key}_en"]
    for cond in conditions.get("items", []):
        out[cond["text"]] = cond["text_en"]
        out[cond["hint"]] = cond["hint_en"]
    points = rules["resource"]["teaching_points"]
    out[points["source"]] = points["source_en"]
    out[rules["resource"]["split_source"]] = rules["resource"]["split_source_en"]
    transfers = rules["resource"].get("transfers", {})
    for key in ("text", "source"):
        if key in transfers:
            out[transfers[key]] = transfers[f"{key}_en"]
    nutrition = rules["services"]["nutrition_standard"]
    out[nutrition["text"]] = nutrition["text_en"]
    out[nutrition["source"]] = nutrition["source_en"]
    for key, name in rules["parts"].items():
        out[name] = rules["parts_en"][key]
    return out


def _from_facts() -> dict:
    frame = facts.report_facts_frame()
    out = dict(zip(frame["metric"], frame["metric_en"]))
    out.update({facts.S_BASIC: "1. Basic facts", facts.S_LEAD: "2.1 Strong leadership",
                facts.S_RES: "2.2 Balanced resources, better school conditions",
                facts.S_TEA: "2.3 Stronger teaching staff", facts.S_QUA: "2.4 All-round education, higher quality",
                facts.S_SER: "2.5 Better public services, higher satisfaction",
                facts.REPORT_TITLE: "Qapqal County work report on high-quality balanced compulsory education"})
    return out


PAGE_PHRASES: dict[str, str] = {}  # filled below, grouped by where the words appear

PHRASES: dict[str, str] = {}

# The sentences present/words.py writes from codes, keyed by their Chinese template
WORDS_TEMPLATES: dict[str, str] = {
    "工作汇报 {section}；空心菱形为示例数据": "Work report {section}; hollow diamonds are demo values",
    "{school}（{stage}，{avg:.1f}）": "{school} ({stage}, {avg:.1f})",
    "平均班额超标：{names}": "Average class size over the limit: {names}",
    "平均班额最大：{school}（{stage}）{avg:.1f} 人/班": "Largest average class: {school} ({stage}), {avg:.1f} per class",
    "数据快照 school_stage_year（学生数）": "Data snapshot school_stage_year (students)",
    "数据快照 school_stage_year（学生数÷班级数，以各校平均班额计，快照无逐班数据）":
        "Data snapshot school_stage_year (students ÷ classes, school averages; the snapshot has no per-class data)",
    "增加 {amount} {what}（达到标准值的 85%）": "add {amount} {what} (to reach 85% of the standard)",
    "增加 {amount} {what}": "add {amount} {what}",
    "；或": "; or ",
    # statuses, verdict and the parts of a stage

    # the registers' evidence
    "认可度 {value:.1f}%（{groups} 类对象共 {n} 人）": "{value:.1f}% satisfied ({n} respondents in {groups} groups)",
    "已登记的 {n} 个学校（学段）所有班级均不超额": "Every class of the {n} school parts registered is within the limit",
    "{schools}音乐、美术教室间数与面积均达到": "{schools} have enough music and art rooms of the required size",
    "{n} 所不足 100 人的村小和教学点均按 100 人核定": "{n} village schools and teaching points under 100 students funded as 100",
    "{schools}均达到": "All {schools} meet it",
    # what an item needs
}


def _build() -> None:
    from .translations_pages import PAGES

    PHRASES.update(_from_facts())
    PHRASES.update(_from_rules())
    PHRASES.update(county.TOWNSHIP_NAMES_EN)
    PHRASES[county.COUNTY_NAME] = county.COUNTY_NAME_EN
    PHRASES.update(_WORDS)  # the curated words win over a fact's or a rule's name that happens to be the same
    PHRASES.update(PAGES)
    PHRASES.update(WORDS_TEMPLATES)
    PHRASES.update(catalog())  # the pages' and sentences' templates, as tr() may meet them in a frame


_build()
