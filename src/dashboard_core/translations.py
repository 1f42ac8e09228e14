"""English wording for the dashboard, keyed by the Chinese text it replaces.

`PHRASES` are whole strings (labels, column names, status words, templates of the pages with their
`{placeholders}`); `PATTERNS` are sentences the domain logic composes with numbers and names in them.
Rule wording (indicator and item texts) comes from the rules file, township names from `county.py`
and report facts from `facts.py`, so each English text is written once next to its Chinese original.
"""
from __future__ import annotations

import re

from . import county, facts, standard

_WORDS = {
    # stages, school types, settings, statuses
    "小学": "Primary", "初中": "Junior secondary", "九年一贯制学校": "Nine-year school", "初级中学": "Junior secondary school",
    "教学点": "Teaching point", "完全中学": "Complete secondary school", "城区": "Urban", "镇区": "Town", "乡村": "Rural",
    "达标": "Met", "未达标": "Not met", "未达标但不低于85%": "Not met, at least 85%", "低于85%": "Below 85%",
    "无在校生": "No students", "达到": "Met", "未达到": "Not met", "无数据": "No data",
    "已达到优质均衡标准": "Meets the high-quality balanced standard",
    "尚未达到优质均衡标准": "Does not yet meet the high-quality balanced standard",
    "现有数据均达标，但仍有项目缺少数据，暂不能判定":
        "All available data meet the standard, but some items lack data: no verdict yet",
    "达标 ✓": "Met ✓", "超限 ✗": "Over limit ✗", "无法计算": "Cannot compute", "达到 ✓": "Met ✓", "未达到 ✗": "Not met ✗",
    "✓ 达到": "✓ Met", "✗ 未达到": "✗ Not met", "… 无数据": "… No data", "全部达标": "All met", "部分未达标": "Some not met",
    "（无）": "(none)", "是": "Yes", "否": "No", "（未达标）": " (not met)",
    "本校": "This school", "本乡镇": "Its township", "全县": "Whole county", "所选范围合计": "Selected area, total",
    "工作汇报": "Work report", "示例数据": "demo data", "统计数据": "statistics", "示例": "example",
    "金牌": "Gold", "银牌": "Silver", "铜牌": "Bronze",
    # column names and axis titles
    "学校编号": "School ID", "学校": "School", "学校（学段）": "School (stage)", "学段": "Stage", "乡镇": "Township",
    "乡镇代码": "Township code", "城乡": "Setting", "学生数": "Students", "数值": "Value", "标准值": "Standard",
    "85%底线": "85% floor", "达到标准值的比例": "Share of standard", "达到标准值的比例（%）": "Share of the standard (%)",
    "单位": "Unit", "状态": "Status", "标记": "Mark", "档案": "Profile", "指标": "Indicator", "差异系数": "CV",
    "限值": "Limit", "结果": "Result", "参与学校数": "Schools counted", "学校数": "Schools", "年份": "Year",
    "来源": "Source", "来源编号": "Source ID", "项目": "Item", "类别": "Category", "报告原文": "Report excerpt",
    "要求": "Required", "类型": "Type", "线": "Line", "行": "Row", "文本": "Text", "序": "Order", "组序": "Group order", "生师比": "Student–teacher ratio",
    "专任教师": "Full-time teachers", "教职工": "Staff", "骨干教师": "Backbone teachers", "在校学生": "Students",
    "班级数": "Classes", "达标比例": "Share meeting the standard", "达标学校学段数": "School parts meeting the standard",
    "学校学段数": "School parts", "原": "Before", "新": "After", "原数值": "Old value", "新数值": "New value",
    "变化": "Change", "原状态": "Old status", "新状态": "New status", "原结论": "Old verdict", "新结论": "New verdict",
    "是否变化": "Changed", "县域结论": "County verdict", "差异系数达标": "CVs within limits",
    "县级指标达到": "County items met", "差异系数（学生数加权）": "CV (weighted by students)",
    "在校学生（人）": "Students", "奖牌数（枚）": "Medals", "学生数 ÷ 专任教师数": "Students ÷ full-time teachers",
    "达到学校标准的学校（学段）比例（%）": "School parts meeting the school standard (%)",
    "学校类型": "School type", "部分": "Part", "编号": "No.", "一票否决": "Veto", "事项": "Item", "章节": "Section",
    "序号": "No.", "说明": "Note", "数据": "Data", "校名": "School name", "学校名称": "School name",
    "学校名称是示例": "Name is an example", "学生": "Students", "人": "people", "人次": "person-times",
    "所": "schools", "个": "", "名": "people", "元": "yuan", "万元": "× 10,000 yuan", "亿元": "× 100 million yuan",
    "万㎡": "× 10,000 ㎡", "万人": "× 10,000 people", "公里": "km", "平方公里": "km²", "场": "events", "场次": "sessions",
    "岁": "years old", "年": "years", "座": "", "枚": "medals", "次": "times", "节": "lessons", "项": "items",
    "人/百生": "per 100 students", "间/百生": "rooms per 100 students", "间": "rooms", "人/班": "per class",
    "示例数据（demo）": "Demo data", "报告与数据快照中均无此项数据": "Neither the report nor the data snapshot has this item",
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

# Sentences composed by the domain logic: (pattern, English, groups kept verbatim); the other groups
# are translated in turn
PATTERNS: list[tuple[re.Pattern, str, tuple]] = [
    (re.compile(p), e, tuple(keep)) for p, e, *keep in [
        (r"工作汇报 ([^：“]+)：“(.+)”", "Work report {0}: “{1}”", 1),
        (r"工作汇报原文：“(.+)”", "Report excerpt: “{0}”", 0),
        # why a snapshot was skipped (found when the data folder is scanned)
        (r"缺少 manifest\.json", "manifest.json is missing"),
        (r"manifest\.json 无法读取（(.+)）", "manifest.json cannot be read ({0})", 0),
        (r"manifest\.json 缺少字段 (.+)", "manifest.json lacks the field {0}", 0),
        (r"清单中没有数据表 (.+)", "the manifest lists no table {0}", 0),
        (r"缺少文件 (.+)", "the file {0} is missing", 0),
        (r"文件 (.+) 的校验值与清单不符（文件已损坏或未复制完整）",
         "the checksum of {0} does not match the manifest (the file is damaged or was not copied completely)", 0),
        (r"文件 (.+) 有 (\d+) 行，清单记录为 (\d+) 行", "{0} has {1} rows; the manifest records {2}", 0),
        (r"文件夹名“(.+)”与清单中的编号“(.+)”不一致", "the folder name “{0}” differs from the manifest's ID “{1}”", 0, 1),
        (r"(\d[\d,]*) 个学校（学段）未达到学校标准：(.*?)( 等（共 ([\d,]+) 个）)?",
         "{0} school parts do not meet the school standard: {1}{2}"),
        (r"\s*等（共 ([\d,]+) 个）", " and others ({0} in all)"),
        (r"(\d+) 项差异系数超过限值：(.*)", "{0} CVs over their limits: {1}"),
        (r"(\d[\d,]*) 所学校", "{0} schools"),
        (r"(小学|初中)(.+) (\d\.\d+)（限 (\d\.\d+)）", "{0} {1} {2} (limit {3})"),
        (r"(\d+) 项县级指标未达到：(.*)", "{0} county items not met: {1}"),
        (r"(\d+) 项县级指标暂无数据，需补充佐证后才能判定", "{0} county items have no data yet; evidence is needed before a verdict"),
        (r"规模最大：(.+) (\d+)人", "Largest: {0}, {1} students"),
        (r"超规模：(.+?)( 等（共 ([\d,]+) 个）)?", "Over the size limit: {0}{1}"),
        (r"([^、]+（[^、]+）)、(.+)", "{0}, {1}"),
        (r"(.+)（(\d+)人）", "{0} ({1} students)"),
        (r"(.+)（(小学|初中)，([\d.]+)）", "{0} ({1}, {2})"),
        (r"平均班额最大：(.+)（(小学|初中)）([\d.]+)人/班", "Largest average class: {0} ({1}), {2} per class"),
        (r"平均班额超标：(.+?)( 等（共 ([\d,]+) 个）)?", "Average class size over the limit: {0}{1}"),
        (r"数据快照 school_stage_year（学生数）", "Data snapshot school_stage_year (students)"),
        (r"数据快照 school_stage_year（学生数÷班级数，以各校平均班额计，快照无逐班数据）",
         "Data snapshot school_stage_year (students ÷ classes, school averages; the snapshot has no per-class data)"),
        (r"(.+)，即可达到学校标准。", "{0}: then the school meets the school standard."),
        (r"(.+?)；或(.+)", "{0}; or {1}"),
        (r"(.+?)，并(.+)", "{0} and {1}"),
        (r"增加 ([\d,.]+) (.+)（达到标准值的85%）", "add {0} {1} (to reach 85% of the standard)"),
        (r"增加 ([\d,.]+) (.+)", "add {0} {1}"),
        (r"([^“”]+?)；([^“”]+)", "{0}; {1}"),
        (r"工作汇报 (.+)", "Work report {0}"),
        (r"([\d,.]+)(%|元|人|人/班)", "{0} {1}"),
        (r"(\d+) (.+)", "{0} {1}"),
    ]
]


def _build() -> None:
    from .translations_pages import PAGES

    PHRASES.update(_from_facts())
    PHRASES.update(_from_rules())
    PHRASES.update(county.TOWNSHIP_NAMES_EN)
    PHRASES[county.COUNTY_NAME] = county.COUNTY_NAME_EN
    PHRASES.update(_WORDS)  # the curated words win over a fact's or a rule's name that happens to be the same
    PHRASES.update(PAGES)


_build()
