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
    "教学点的数据并入管理它的中心校计算，差异系数与学校达标统计同样处理":
        "A teaching point's figures are counted with the central school that runs it, for the CVs and the school tallies alike",
    "每个教学点单独作为一个学校计算，差异系数与学校达标统计同样处理":
        "Each teaching point counts as a school of its own, for the CVs and the school tallies alike",
    "不足 {n} 人的教学点不计入差异系数与学校达标统计，其余教学点单独计算":
        "Teaching points of fewer than {n} pupils are left out of the CVs and the school tallies; the others count as schools of their own",
    "一贯制学校的分摊与教学点的计法（依据）": "How through-schools are split and teaching points counted (sources)",
    "这是一个不足 {n} 人的教学点：按评估规则（{rule}）不计入学校达标统计和差异系数。":
        "This is a teaching point of fewer than {n} pupils: under the rules ({rule}) it is left out of the school tallies and the CVs.",
    # the survey's groups (schema.SURVEY_GROUPS)
    "家长": "Parents", "教师": "Teachers", "校长": "Principals", "人大代表": "People's congress deputies",
    "政协委员": "CPPCC members", "其他群众": "Other residents",
    # stages, school types, settings, statuses
    "小学": "Primary", "初中": "Junior secondary", "九年一贯制学校": "Nine-year integrated school", "初级中学": "Junior secondary school",
    "十二年一贯制学校": "Twelve-year integrated school",
    "教学点": "Teaching point", "完全中学": "Complete secondary school", "城区": "Urban", "镇区": "Town", "乡村": "Rural",
    "达标": "Met", "未达标": "Not met", "未达标但不低于 85%": "Not met, at least 85%", "低于 85%": "Below 85%",
    "未达标但不低于": "Not met, at least", "低于": "Below",  # a status after its mark, split at the space
    "无在校生": "No students", "达到": "Met", "未达到": "Not met", "无数据": "No data",
    "自评达到优质均衡标准（以国家督导评估认定为准）":
        "Self-evaluated as meeting the high-quality balanced standard (the national inspection decides)",
    "自评尚未达到优质均衡标准": "Self-evaluated as not yet meeting the high-quality balanced standard",
    "验收以县为单位，乡镇或学校不单独作结论": "The acceptance is county-wide: a township or a school gets no verdict of its own",
    "仅供参考（差异系数按全县评估）": "For information (CVs are judged county-wide)",
    "逐校的县级要求按这里的学校判定；差异系数、其余县级要求和不予认定情形按全县评估，这里的差异系数只供参考；全县的结论见全县视图。":
        " County requirements about every school are judged for the schools here; CVs, the other county requirements and the non-recognition conditions are judged county-wide (the CVs here are for information only), and the county's verdict is in the whole-county view.",
    "现有数据均达标，但仍有项目缺少数据，暂不能判定":
        "All available data meet the standard, but some items lack data: no verdict yet",
    "达标 ✓": "Met ✓", "超限 ✗": "Over limit ✗", "无法计算": "Cannot compute", "达到 ✓": "Met ✓", "未达到 ✗": "Not met ✗",
    "✓ 达到": "✓ Met", "✗ 未达到": "✗ Not met", "… 无数据": "… No data", "全部达标": "All met", "部分未达标": "Some not met",
    "（无）": "(none)", "是": "Yes", "否": "No", "（未达标）": " (not met)",
    "本校": "This school", "本乡镇": "Its township", "全县": "Whole county", "所选学校": "Schools in view", "所选范围合计": "Selected area, total",
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
    "工作汇报 {section}：“{excerpt}”": "Work report {section}: “{excerpt}”",
    "工作汇报 {section}": "Work report {section}",
    "工作汇报 {section}；空心菱形为示例数据": "Work report {section}; hollow diamonds are demo values",
    " 等（共 {n:,} 个）": " and others ({n:,} in all)",
    "{school}（{stage}）": "{school} ({stage})",
    "{n} 个学校（学段）未达到学校标准：{names}": "{n} school parts do not meet the school standard: {names}",
    "{stage}{indicator} {cv:.3f}（限 {limit:.2f}）": "{stage} {indicator} {cv:.3f} (limit {limit:.2f})",
    "{n} 项差异系数超过限值：{names}": "{n} CVs over their limits: {names}",
    "{n} 项县级指标未达到：{items}": "{n} county items not met: {items}",
    "{n} 项县级指标暂无数据，需补充佐证后才能判定": "{n} county items have no data yet; evidence is needed before a verdict",
    "{school}（{n} 人）": "{school} ({n} students)",
    "超规模：{names}": "Over the size limit: {names}",
    "规模最大：{school} {n} 人": "Largest: {school}, {n} students",
    "{school}（{stage}，{avg:.1f}）": "{school} ({stage}, {avg:.1f})",
    "平均班额超标：{names}": "Average class size over the limit: {names}",
    "平均班额最大：{school}（{stage}）{avg:.1f} 人/班": "Largest average class: {school} ({stage}), {avg:.1f} per class",
    "数据快照 school_stage_year（学生数）": "Data snapshot school_stage_year (students)",
    "数据快照 school_stage_year（学生数÷班级数，以各校平均班额计，快照无逐班数据）":
        "Data snapshot school_stage_year (students ÷ classes, school averages; the snapshot has no per-class data)",
    "增加 {amount} {what}（达到标准值的 85%）": "add {amount} {what} (to reach 85% of the standard)",
    "增加 {amount} {what}": "add {amount} {what}",
    "，并": " and ", "；或": "; or ", "；": "; ",
    "{plans}，即可达到学校标准。": "{plans}: then the school meets the school standard.",
    "快照编号“{snapshot_id}”不合法：只能使用字母、数字、点、下划线和连字符，且不能包含“..”。":
        "The snapshot ID “{snapshot_id}” is not valid: use only letters, digits, dots, underscores and hyphens, and no “..”.",
    "快照编号“{snapshot_id}”指向数据目录之外，已拒绝。": "The snapshot ID “{snapshot_id}” points outside the data folder: refused.",
    "缺少数据表：{tables}": "Tables missing: {tables}",
    "快照“{snapshot_id}”已存在；已有快照不会被覆盖，请换一个编号。":
        "The snapshot “{snapshot_id}” exists already; existing snapshots are never overwritten: choose another ID.",
    "缺少 manifest.json": "manifest.json is missing",
    "manifest.json 无法读取（{detail}）": "manifest.json cannot be read ({detail})",
    "manifest.json 缺少字段 {field}": "manifest.json lacks the field {field}",
    "清单中没有数据表 {table}": "the manifest lists no table {table}",
    "缺少文件 {file}": "the file {file} is missing",
    "新快照没有写成（{reason}：{detail}）；已有快照没有任何改动。请腾出磁盘空间或检查数据目录的写入权限后重试":
        "the new snapshot was not written ({reason}: {detail}); no existing snapshot was changed. Free disk space or check that the data folder can be written, then try again",
    "磁盘已满": "disk full", "数据目录不可写": "data folder not writable", "写入出错": "write error",
    "文件 {file} 的校验值与清单不符（文件已损坏或未复制完整）":
        "the checksum of {file} does not match the manifest (the file is damaged or was not copied completely)",
    "文件 {file} 有 {rows} 行，清单记录为 {expected} 行": "{file} has {rows} rows; the manifest records {expected}",
    "找不到快照“{snapshot_id}”（在 {root} 下）。": "No snapshot “{snapshot_id}” (under {root}).",
    "文件夹名“{folder}”与清单中的编号“{manifest_id}”不一致": "the folder name “{folder}” differs from the manifest's ID “{manifest_id}”",
    "数据目录 {root} 下没有完好的快照。{skipped}请运行 python -m dashboard_core build-demo 生成示例快照，或导入统计数据。":
        "No intact snapshot under {root}. {skipped}Run python -m dashboard_core build-demo to build the demo snapshot, "
        "or import statistics.",
    "已跳过：{detail}。": "Skipped: {detail}. ",
    "快照“{snapshot_id}”的数据文件读取失败（{detail}），已停用；请重新导入或从备份恢复该快照":
        "A data file of the snapshot “{snapshot_id}” could not be read ({detail}): it is set aside; import it again "
        "or restore it from a backup",
    # statuses, verdict and the parts of a stage
    "部分有佐证": "Partly evidenced", "不适用": "Not applicable", "不适用（不足 2 所学校）": "Not applicable (fewer than 2 schools)",
    "自查未发现（由督导评估认定）": "Not found by the county's own check (the inspection decides)", "存在": "Present",
    "无佐证（由督导评估认定）": "No evidence (the inspection decides)",
    "自评达到（待核查）": "Met by self-evaluation (to be checked)",

    "数据证明达到要求": "The data prove the requirement is met",
    "数据证明未达到要求": "The data prove the requirement is not met",
    "只有一部分要求有佐证（例如“所有学校”的要求只有全县合计，或两项要求只有一项有数据），还不能算达到":
        "Only part of the requirement has evidence (e.g. a county total for an “every school” rule, or one of two "
        "requirements): not yet met",
    "工作汇报和数据快照中都没有能判定此项的数据，不作推测": "Neither the work report nor the data snapshot can decide it: no guess is made",
    "此问题在本范围内不发生（例如某学段不足 2 所学校，谈不上校际差异）":
        "The question does not arise here (e.g. fewer than 2 schools in a stage: there is no spread between schools)",
    "所选范围内没有学校，无从评估": "No schools in the selected area: nothing to evaluate",
    "按示例数据：{verdict}": "On demo data: {verdict}",
    "{status}（示例数据）": "{status} (demo data)", "{source}（示例数据）": "{source} (demo data)",
    "小学学段": "primary-stage", "初中学段": "junior-secondary-stage",
    "小学 {n} 所": "{n} primary schools", "九年一贯制学校小学部 {n} 个": "{n} primary sections of nine-year integrated schools",
    "十二年一贯制学校小学部 {n} 个": "{n} primary sections of twelve-year integrated schools",
    "十二年一贯制学校初中部 {n} 个": "{n} junior sections of twelve-year integrated schools",
    "完全中学初中部 {n} 个": "{n} junior sections of complete secondary schools",
    "教学点 {n} 个": "{n} teaching points", "初级中学 {n} 所": "{n} junior secondary schools",
    "九年一贯制学校初中部 {n} 个": "{n} junior sections of nine-year integrated schools", "{kind} {n} 个": "{n} {kind}",
    "；另有 {n} 个教学点并入中心校计算": "; {n} teaching points counted with their central schools",
    "{stage} {total} 个（{inside}）中 {passing} 个达到学校标准":
        "{passing} of {total} {stage} parts meet the school standard ({inside})",
    "{scope} {year} 年：{verdict}。": "{scope}, {year}: {verdict}. ",
    "差异系数 {total} 项中 {passing} 项在限值以内": "{passing} of {total} CVs within their limits",
    "（另有 {n} 项不适用：该学段不足 2 所学校）": " ({n} more not applicable: fewer than 2 schools in the stage)",
    "差异系数不适用（各学段都不足 2 所学校，谈不上校际差异）":
        "CVs not applicable (fewer than 2 schools in each stage: there is no spread between schools)",
    "县级指标 {total} 项中 {met} 项达到（其中 {declared} 项为县自评，待核查）、{not_met} 项未达到、{partial} 项部分有佐证、{no_data} 项无数据":
        "of {total} county items {met} met ({declared} of them by the county's own declaration, to be checked), {not_met} not met, {partial} partly evidenced and {no_data} without data",
    "不予认定情形 {total} 项由督导评估认定：自查 {clear} 项未发现、{present} 项存在、{no_data} 项无佐证":
        "the {total} non-recognition conditions are decided by the inspection: the county's own check found {clear} absent, {present} present, {no_data} without evidence",
    "。": ".",
    "存在不予认定情形：{items}": "Non-recognition conditions present: {items}",
    "{n} 项县级指标只有部分佐证，需补齐后才能判定": "{n} county items are only partly evidenced; the rest is needed before a verdict",
    "{n} 项不予认定情形尚无佐证": "{n} non-recognition conditions have no evidence yet",
    "比公务员平均工资高 {value} 元": "{value} yuan above civil servants' average pay",
    "＞{value}{unit}（报告表述）": "> {value}{unit} (as the report states it)",
    "无逐班数据（平均班额不能证明每个班都不超额）": "No per-class data (an average class size cannot prove that every class is within the limit)",
    "数据快照 school_stage_year（各校学生数）": "Data snapshot school_stage_year (students of each school)",
    "{n}. {value}": "{n}. {value}",
    # the registers' evidence
    "{n} 个班超过限额：{names}": "{n} classes over the limit: {names}",
    "{n} 个科目均达到Ⅲ级以上（最低 {level}级）": "All {n} subjects at level III or above (lowest: level {level})",
    "{n} 个科目差异率均低于 0.15（最大 {rate:.3f}）": "All {n} subjects below 0.15 (highest: {rate:.3f})",
    "{n} 所特殊教育学校，生均公用经费 {value} 元": "{n} special-education schools, {value} yuan public funds per student",
    "{school}（{stage}，{n} 个班超额，最大 {largest} 人）": "{school} ({stage}, {n} classes over, largest {largest})",
    "{school}（{students} 人，按 {funded} 人核定）": "{school} ({students} students, funded as {funded})",
    "{school}（应各 {needed} 间：音乐 {music} 间、美术 {art} 间）":
        "{school} ({needed} of each needed: {music} music, {art} art rooms)",
    "{subject}（{grade} 年级，{level}级）": "{subject} (grade {grade}, level {level})",
    "{subject}（{grade} 年级，{rate:.3f}）": "{subject} (grade {grade}, {rate:.3f})",
    "交流 {moves} 人 ÷ 符合条件 {eligible} 人 = {value:.1f}%": "{moves} rotated ÷ {eligible} eligible = {value:.1f}%",
    "骨干 {backbone} 人 ÷ 交流 {moves} 人 = {value:.1f}%": "{backbone} backbone ÷ {moves} rotated = {value:.1f}%",
    "佐证台账：《{title}》": "Evidence register: “{title}”",
    "佐证台账：《{title}》（{parts}）": "Evidence register: “{title}”, “{parts}”",
    "入学 {enrolled} 人（含送教上门 {home} 人）÷ 适龄 {eligible} 人 = {value:.1f}%":
        "{enrolled} enrolled (incl. {home} taught at home) ÷ {eligible} of school age = {value:.1f}%",
    "全县没有特殊教育学校": "The county has no special-education school",
    "初三在校 {completed} 人 ÷ 应在校 {base} 人 = {value:.1f}%": "{completed} in grade 9 ÷ {base} expected = {value:.1f}%",
    "各校核定编制合计 {n} 人，县核定总额 {approved} 人": "Schools' quotas total {n}; county approved total {approved}",
    "各校核定编制合计 {n} 人；县核定编制总额无数据": "Schools' quotas total {n}; no data on the county's approved total",
    "差异率不低于 0.15：{names}": "Difference rate 0.15 or more: {names}",
    "数据快照 classes（逐班学生数）": "Data snapshot classes (pupils in every class)",
    "数据快照 consolidation（初中巩固率）": "Data snapshot consolidation (junior cohorts)",
    "数据快照 disabled_children（残疾儿童少年）": "Data snapshot disabled_children",
    "数据快照 quality_monitoring（质量监测）": "Data snapshot quality_monitoring",
    "数据快照 rotation（交流轮岗逐人次）": "Data snapshot rotation (every move)",
    "数据快照 school_finance（学校经费）": "Data snapshot school_finance",
    "数据快照 special_rooms（音乐美术教室）": "Data snapshot special_rooms (music and art rooms)",
    "数据快照 survey（满意度调查）": "Data snapshot survey",
    "数据快照 teacher_register（教师台账）": "Data snapshot teacher_register",
    "有文件佐证": "Documented", "未达到Ⅲ级：{names}": "Below level III: {names}", "未达到：{names}": "Not met: {names}",
    "没有不足 100 名学生的村小或教学点": "No village school or teaching point under 100 students",
    "认可度 {value:.1f}%（{groups} 类对象共 {n} 人）": "{value:.1f}% satisfied ({n} respondents in {groups} groups)",
    "（最低 {share:.1f}%）": " (lowest {share:.1f}%)", "；最大班 {n} 人": "; largest class {n}",
    "；缺 {n} 所学校的数据：{names}": "; no data for {n} schools: {names}",
    "已登记的 {n} 个学校（学段）所有班级均不超额": "Every class of the {n} school parts registered is within the limit",
    "{schools}音乐、美术教室间数与面积均达到": "{schools} have enough music and art rooms of the required size",
    "{schools} 所学校和 {points} 个教学点": "{schools} schools and {points} teaching points", "{schools} 所学校": "{schools} schools",
    "{n} 所不足 100 人的村小和教学点均按 100 人核定": "{n} village schools and teaching points under 100 students funded as 100",
    "{schools}均达到": "All {schools} meet it",
    # what an item needs
    "{needs}；或县级年度指标 {metric}": "{needs}; or the county figure {metric}",
    "判定还缺 {n} 所学校的数据：{names}": "To judge it, data are missing for {n} schools: {names}",
    "判定需要书面佐证，可登记在导入模板“佐证台账”表": "To judge it, written evidence is needed: enter it in the “佐证台账” (evidence register) sheet of the import template",
    "判定需要：{needs}": "To judge it: {needs}",
    "县级年度指标 special_education_schools（特殊教育学校数）和 special_education_funds_per_student（生均公用经费）":
        "county figures special_education_schools and special_education_funds_per_student",
    "县级年度指标 {metric}": "the county figure {metric}",
    "导入模板“交流轮岗”表：每人次交流的派出、接收学校": "the “交流轮岗” (rotation) sheet: sending and receiving school of every move",
    "导入模板“佐证台账”表：文件名称、发文单位、文号、日期": "the “佐证台账” (evidence) sheet: title, issuer, number and date of the document",
    "导入模板“初中巩固率”表：三年前初一入学、转入转出、初三在校人数": "the “初中巩固率” (cohorts) sheet: entered grade 7, transfers, in grade 9",
    "导入模板“学校分学段数据”表": "the “学校分学段数据” (school parts) sheet",
    "导入模板“学校经费”表：不足 100 人的村小和教学点核定公用经费的学生数":
        "the “学校经费” (school funds) sheet: the students small village schools and teaching points are funded for",
    "导入模板“学校经费”表：各校公用经费预算和教师培训经费": "the “学校经费” (school funds) sheet: each school's public funds and training spending",
    "导入模板“教师台账”表：各校持证、完成 360 学时培训的专任教师数":
        "the “教师台账” (teacher register) sheet: certified and 360-hour-trained teachers of each school",
    "导入模板“教师台账”表：各校核定编制和岗位数；县级年度指标 staffing_quota_approved（县核定编制总额）":
        "the “教师台账” (teacher register) sheet: each school's quota and posts; the county figure staffing_quota_approved",
    "导入模板“残疾儿童少年”表：适龄人数与随班就读、特教学校、送教上门人数":
        "the “残疾儿童少年” (children with disabilities) sheet: of school age, in regular and special schools, taught at home",
    "导入模板“满意度调查”表：各类调查对象的有效样本数和认可人数": "the “满意度调查” (survey) sheet: respondents and satisfied per group",
    "导入模板“班级”表：每个班的学生数": "the “班级” (classes) sheet: the pupils of every class",
    "导入模板“质量监测”表：各科学业水平等级和校际差异率": "the “质量监测” (monitoring) sheet: level and difference rate per subject",
    "导入模板“音乐美术教室”表：各校音乐、美术教室间数和最小面积": "the “音乐美术教室” (music and art rooms) sheet: rooms and smallest area per school",
    "报告只给出全县合计；判定需要：{needs}": "The report gives only a county total; to judge it: {needs}",
    "达标还差：{what}": "To meet it: {what}",
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
