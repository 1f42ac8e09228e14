"""The tables a bureau fills in: sheet names, columns, Chinese headers, types, units and examples.

One description drives the Excel template, the validation of an upload and the typed tables that
go into a snapshot, so the three can never disagree.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model.vocabulary import MEASURE_KINDS, PROGRESS, SCHOOL_TYPES, SETTINGS, STAGES

TEXT, INT, FLOAT, BOOL = "text", "int", "float", "bool"
# Longest text accepted: a name longer than these is pasted text, and would stretch every page and document
MAX_ID_CHARS, MAX_TEXT_CHARS = 32, 100
MAX_CHARS = {"school_name": 50, "township_name": 30, "document": 200, "note": 300, "source": 200}
TYPE_LABELS = {TEXT: "文本", INT: "整数", FLOAT: "数值", BOOL: "是/否"}


@dataclass(frozen=True)
class Column:
    name: str
    header: str
    kind: str
    unit: str = ""
    description: str = ""
    example: object = None
    required: bool = True
    choices: tuple = ()
    count: bool = False  # a count of people or things: whole and not negative
    signed: bool = False  # may be negative (e.g. a growth rate)
    max_chars: int = 0  # text: the longest value accepted (0: the default for its kind of column)
    identifier: bool = False  # text: an id (letters, digits, ".", "_", "-"): it goes into addresses and file names

    def __post_init__(self):
        if self.kind == TEXT:
            if self.name.endswith(("school_id", "township_code")):
                object.__setattr__(self, "identifier", True)
            if not self.max_chars:
                object.__setattr__(self, "max_chars", MAX_CHARS.get(self.name, MAX_ID_CHARS if self.identifier
                                                                     else MAX_TEXT_CHARS))

    @property
    def template_header(self) -> str:
        return f"{self.header}（{self.unit}）" if self.unit else self.header


@dataclass(frozen=True)
class Table:
    name: str
    sheet: str
    description: str
    columns: tuple[Column, ...] = field(default_factory=tuple)
    key: tuple[str, ...] = ()
    optional: bool = False  # a register the county may not keep yet: its sheet may be missing or empty

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)

    @property
    def figures(self) -> tuple[str, ...]:
        """The number columns that are not part of the key: what is summed over a school's parts."""
        return tuple(c.name for c in self.columns if c.kind in (INT, FLOAT) and c.name not in self.key)



TABLES: tuple[Table, ...] = (
    Table("townships", "乡镇", "全县的乡镇（镇、乡、国营农牧场），每个一行", (
        Column("township_code", "乡镇代码", TEXT, "", "国家统计用区划代码，9 位", "654022100"),
        Column("township_name", "乡镇名称", TEXT, "", "乡镇全称", "察布查尔镇"),
        Column("township_type", "乡镇类型", TEXT, "", "镇、乡 或 场（国营农牧场）", "镇", choices=("镇", "乡", "场")),
    ), key=("township_code",)),
    Table("schools", "学校", "每所学校（含教学点）一行", (
        Column("school_id", "学校编号", TEXT, "", "学校标识码或本县自定编号，全表唯一", "2165012345"),
        Column("school_name", "学校名称", TEXT, "", "学校全称", "县第一小学"),
        Column("township_code", "乡镇代码", TEXT, "", "所在乡镇的代码，须在“乡镇”表中", "654022100"),
        Column("school_type", "学校类型", TEXT, "", "小学、九年一贯制学校、初级中学、教学点、十二年一贯制学校 或 完全中学", "小学", choices=SCHOOL_TYPES),
        Column("urban_rural", "城乡类别", TEXT, "", "城区、镇区 或 乡村", "城区", choices=SETTINGS),
        Column("parent_school_id", "所属中心校编号", TEXT, "", "教学点必填：管理它的中心校（小学或九年一贯制学校）的学校编号；其他学校留空",
               "", required=False),
        Column("closed", "是否停办", BOOL, "", "停办填“是”，否则留空或填“否”", "否", required=False),
    ), key=("school_id",)),
    Table("school_stage_year", "学校分学段数据", "每所学校每年每个学段一行（九年一贯制学校小学、初中各一行）；统计时点为当年 9 月 1 日", (
        Column("school_id", "学校编号", TEXT, "", "须在“学校”表中", "2165012345"),
        Column("year", "年份", INT, "年", "统计年度", 2025),
        Column("stage", "学段", TEXT, "", "小学 或 初中", "小学", choices=STAGES),
        Column("students", "在校学生数", INT, "人", "", 1200, count=True),
        Column("classes", "班级数", INT, "个", "", 27, count=True),
        Column("full_time_teachers", "专任教师数", INT, "人", "按任教学段计", 70, count=True),
        Column("teachers_above_degree", "高于规定学历教师数", INT, "人", "小学大专及以上、初中本科及以上的专任教师", 58, count=True),
        Column("backbone_teachers", "县级以上骨干教师数", INT, "人", "县级及以上认定的骨干教师", 16, count=True),
        Column("pe_art_teachers", "体育艺术专任教师数", INT, "人", "体育、音乐、美术专任教师", 13, count=True),
    ), key=("school_id", "year", "stage")),
    Table("school_year", "学校年度数据", "每所学校每年一行（全校合计，九年一贯制学校不分学段）", (
        Column("school_id", "学校编号", TEXT, "", "须在“学校”表中", "2165012345"),
        Column("year", "年份", INT, "年", "统计年度", 2025),
        Column("staff", "教职工数", INT, "人", "含专任教师", 95, count=True),
        Column("teaching_area_m2", "教学及辅助用房面积", FLOAT, "㎡", "", 6400.0),
        Column("sports_area_m2", "体育运动场馆面积", FLOAT, "㎡", "室外运动场地 + 室内体育场馆", 10500.0),
        Column("equipment_value_yuan", "教学仪器设备值", FLOAT, "元", "以元为单位（不是万元）", 2900000.0),
        Column("multimedia_rooms", "网络多媒体教室数", INT, "间", "", 31, count=True),
        Column("senior_students", "高中在校学生数", INT, "人",
               "十二年一贯制学校、完全中学的高中学生（按 1.32 折算分摊校舍和设备）；其他学校留空", 0, required=False,
               count=True),
        Column("exchange_eligible_teachers", "符合交流条件教师数", INT, "人", "", 40, required=False, count=True),
        Column("exchange_teachers", "交流轮岗教师数", INT, "人", "", 6, required=False, count=True),
        Column("exchange_backbone_teachers", "交流轮岗骨干教师数", INT, "人", "", 2, required=False, count=True),
    ), key=("school_id", "year")),
    Table("county_year", "县级年度指标", "县级数字，每年每项一行；来源填报告或文件名称", (
        Column("year", "年份", INT, "年", "", 2025),
        Column("metric", "指标", TEXT, "", "英文指标名，见数据说明，如 education_spending", "education_spending"),
        Column("value", "数值", FLOAT, "", "按“单位”一列填写", 6.7, signed=True),
        Column("unit", "单位", TEXT, "", "如 亿元、元、%、人", "亿元"),
        Column("source", "来源", TEXT, "", "数据出处，如“2025年教育统计年报”", "2025年教育经费统计", required=False),
    ), key=("year", "metric")),
)

EVIDENCE_STATUSES = ("达到", "未达到", "不存在", "存在")  # the last two for non-recognition conditions
SURVEY_GROUPS = ("学生", "家长", "教师", "校长", "人大代表", "政协委员", "其他群众")

# Registers that judge the county items the core tables cannot: each optional, so that a snapshot
# without them still opens and says honestly what it cannot judge.
REGISTERS: tuple[Table, ...] = (
    Table("classes", "班级", "逐班学生数：每个班一行（判定 G05 班额：所有班级小学不超过 45 人、初中不超过 50 人）", (
        Column("school_id", "学校编号", TEXT, "", "须在“学校”表中", "2165012345"),
        Column("year", "年份", INT, "年", "统计年度", 2025),
        Column("stage", "学段", TEXT, "", "小学 或 初中", "小学", choices=STAGES),
        Column("grade", "年级", INT, "", "1—9（小学 1—6 年级，初中 7—9 年级）", 3),
        Column("class_no", "班号", INT, "", "本年级内的班号，从 1 起", 2),
        Column("students", "学生数", INT, "人", "本班在籍学生数", 44, count=True),
    ), key=("school_id", "year", "grade", "class_no"), optional=True),
    Table("special_rooms", "音乐美术教室", "每所学校每年一行（判定 G03：每 12 个班音乐、美术专用教室各 1 间以上，音乐教室≥96㎡、美术教室≥90㎡）", (
        Column("school_id", "学校编号", TEXT, "", "须在“学校”表中", "2165012345"),
        Column("year", "年份", INT, "年", "统计年度", 2025),
        Column("music_rooms", "音乐专用教室数", INT, "间", "", 2, count=True),
        Column("music_room_min_m2", "最小音乐教室面积", FLOAT, "㎡", "各间中面积最小的一间；没有则留空", 98.0, required=False),
        Column("art_rooms", "美术专用教室数", INT, "间", "", 2, count=True),
        Column("art_room_min_m2", "最小美术教室面积", FLOAT, "㎡", "各间中面积最小的一间；没有则留空", 92.0, required=False),
    ), key=("school_id", "year"), optional=True),
    Table("school_finance", "学校经费", "每所学校每年一行（判定 G06 小规模学校按 100 人核定公用经费、Q04 培训经费不低于公用经费的 5%）", (
        Column("school_id", "学校编号", TEXT, "", "须在“学校”表中", "2165012345"),
        Column("year", "年份", INT, "年", "预算年度", 2025),
        Column("public_funds_yuan", "年度公用经费预算", FLOAT, "元", "以元为单位", 1_450_000.0),
        Column("funded_students", "核定公用经费的学生数", INT, "人", "不足 100 人的村小和教学点应按 100 人核定", 1200, count=True),
        Column("training_spend_yuan", "教师培训经费", FLOAT, "元", "以元为单位", 80_000.0),
    ), key=("school_id", "year"), optional=True),
    Table("teacher_register", "教师台账", "每所学校每年一行，只填人数（不含个人信息）（判定 G09、G10、G12）", (
        Column("school_id", "学校编号", TEXT, "", "须在“学校”表中", "2165012345"),
        Column("year", "年份", INT, "年", "统计年度", 2025),
        Column("certified_teachers", "持教师资格证专任教师数", INT, "人", "", 70, count=True),
        Column("trained_360_teachers", "五年 360 学时培训完成教师数", INT, "人", "", 70, count=True),
        Column("staffing_quota", "核定编制数", INT, "人", "县级教育部门分配给本校的编制", 96, count=True),
        Column("posts_approved", "核定岗位数", INT, "个", "县级教育部门核定的本校岗位总量", 96, count=True),
    ), key=("school_id", "year"), optional=True),
    Table("teacher_subjects", "分学科教师", "每所学校每年每个学科一行：实有与按课时应配的专任教师（看结构性短缺）", (
        Column("school_id", "学校编号", TEXT, "", "须在“学校”表中", "2165012345"),
        Column("year", "年份", INT, "年", "统计年度", 2025),
        Column("subject", "学科", TEXT, "", "如 语文、数学、英语、体育、音乐、美术、科学、信息科技", "音乐"),
        Column("teachers", "实有专任教师数", INT, "人", "", 3, count=True),
        Column("needed", "按课时应配教师数", INT, "人", "按国家课程方案课时测算", 4, count=True),
    ), key=("school_id", "year", "subject"), optional=True),
    Table("rotation", "交流轮岗", "每人次交流一行（匿名，不含个人信息）（判定 G11，并看交流方向）", (
        Column("year", "年份", INT, "年", "交流年度", 2025),
        Column("move_no", "序号", INT, "", "本年度内的流水号", 1),
        Column("from_school_id", "派出学校编号", TEXT, "", "须在“学校”表中", "2165012345"),
        Column("to_school_id", "接收学校编号", TEXT, "", "须在“学校”表中", "2165012399"),
        Column("backbone", "是否骨干教师", BOOL, "", "骨干教师填“是”", "否", required=False),
    ), key=("year", "move_no"), optional=True),
    Table("consolidation", "初中巩固率", "每届初中一行（判定 Q01：初中三年巩固率≥95%）", (
        Column("year", "年份", INT, "年", "该届学生读完初三的年度", 2025),
        Column("entered", "三年前初一入学人数", INT, "人", "", 2500, count=True),
        Column("transferred_in", "转入人数", INT, "人", "", 30, count=True),
        Column("transferred_out", "转出人数", INT, "人", "按规定从分母中扣除", 40, count=True),
        Column("deceased", "死亡人数", INT, "人", "按规定从分母中扣除", 0, count=True),
        Column("completed", "初三在校人数", INT, "人", "", 2450, count=True),
    ), key=("year",), optional=True),
    Table("disabled_children", "残疾儿童少年", "每年一行（判定 Q02：适龄残疾儿童少年入学率≥95%）", (
        Column("year", "年份", INT, "年", "", 2025),
        Column("eligible", "适龄残疾儿童少年数", INT, "人", "残联与教育部门核准的人数", 250, count=True),
        Column("in_regular_schools", "随班就读人数", INT, "人", "", 150, count=True),
        Column("in_special_schools", "特殊教育学校就读人数", INT, "人", "", 60, count=True),
        Column("home_tutored", "送教上门人数", INT, "人", "", 30, count=True),
    ), key=("year",), optional=True),
    Table("quality_monitoring", "质量监测", "国家义务教育质量监测结果，每年每科一行（判定 Q09）", (
        Column("year", "年份", INT, "年", "监测年度", 2025),
        Column("subject", "科目", TEXT, "", "如 数学、语文、科学、体育与健康、艺术、德育", "数学"),
        Column("grade", "年级", INT, "", "4 或 8", 8),
        Column("level", "学业水平等级", INT, "级", "1—4（Ⅰ—Ⅳ级），Ⅲ级填 3", 3),
        Column("difference_rate", "校际差异率", FLOAT, "", "小数，如 0.12", 0.12),
    ), key=("year", "subject", "grade"), optional=True),
    Table("survey", "满意度调查", "社会认可度调查，每年每类调查对象一行（判定 R01：认可度≥85%）", (
        Column("year", "年份", INT, "年", "调查年度", 2025),
        Column("group", "调查对象", TEXT, "", "、".join(SURVEY_GROUPS), "家长", choices=SURVEY_GROUPS),
        Column("respondents", "有效样本数", INT, "人", "", 1200, count=True),
        Column("satisfied", "认可人数", INT, "人", "选“满意”或“比较满意”的人数", 1100, count=True),
    ), key=("year", "group"), optional=True),
    Table("evidence", "佐证台账", "靠文件判定的项目，每项每年一行（如 G01 布局规划、G13 就近入学、不予认定情形）", (
        Column("year", "年份", INT, "年", "评估年度", 2025),
        Column("item", "项目编号", TEXT, "", "县级指标或要求编号，如 G01、G08.2、G15.1、V01", "G01"),
        Column("status", "结论", TEXT, "", "达到、未达到；不予认定情形填 不存在、存在", "达到", choices=EVIDENCE_STATUSES),
        Column("document", "文件名称", TEXT, "", "佐证文件的标题", "察布查尔县义务教育学校布局规划（2021—2025年）"),
        Column("issuer", "发文单位", TEXT, "", "", "县人民政府", required=False),
        Column("document_no", "文号", TEXT, "", "", "察政发〔2021〕12号", required=False),
        Column("issued_on", "日期", TEXT, "", "如 2021-06-30", "2021-06-30", required=False),
        Column("department", "责任部门", TEXT, "", "", "县教育局规划股", required=False),
        Column("reviewer", "审核人", TEXT, "", "", "", required=False),
        Column("note", "备注", TEXT, "", "", "", required=False),
    ), key=("year", "item"), optional=True),
    Table("rectification", "整改台账", "整改方案的每一项措施一行：由看板的整改方案生成，再填责任单位、完成时限和进度", (
        Column("measure_no", "序号", INT, "", "措施的编号，每行不同", 1, count=True),
        Column("school_id", "学校编号", TEXT, "", "措施落在的学校", "DEMO-03"),
        Column("stage", "学段", TEXT, "", "小学 或 初中（学校整体的措施留空）", "小学", required=False, choices=STAGES),
        Column("grade", "年级", INT, "", "调整分班、增设班级的年级", 1, required=False),
        Column("measure", "措施类别", TEXT, "", "、".join(MEASURE_KINDS), "新增", choices=tuple(MEASURE_KINDS)),
        Column("resource", "资源", TEXT, "", "资源的英文名（由整改方案生成，一般不改），如 art_rooms、sports_area_m2",
               "art_rooms"),
        Column("quantity", "数量", FLOAT, "", "按“单位”一列", 1),
        Column("unit", "单位", TEXT, "", "如 间、㎡、人、元", "间"),
        Column("cost_yuan", "费用", FLOAT, "元", "方案测算的费用", 480000, required=False),
        Column("from_school_id", "调出学校编号", TEXT, "", "调配教师时的调出学校", "", required=False),
        Column("responsible", "责任单位", TEXT, "", "如 县教育局计划财务股、学校", "县教育局计划财务股", required=False),
        Column("deadline", "完成时限", TEXT, "", "如 2025-08-31", "2025-08-31", required=False),
        Column("funding_year", "资金年度", INT, "年", "安排资金的年度", 2025, required=False),
        Column("status", "进度", TEXT, "", "、".join(PROGRESS), "未开始", choices=PROGRESS),
        Column("evidence", "完成佐证", TEXT, "", "已完成时填验收或完成的文件、照片编号等", "", required=False),
    ), key=("measure_no",), optional=True),
)
TABLES = TABLES + REGISTERS
REGISTER_NAMES = tuple(t.name for t in REGISTERS)
_BY_NAME = {t.name: t for t in TABLES}


def table(name: str) -> Table:
    return _BY_NAME[name]

FIELD_SHEET = "字段说明"
# a hidden sheet in a workbook exported from a demo snapshot: its import stays demo data
DEMO_SHEET = "示例数据标记"
DEMO_SHEET_TEXT = "本工作簿由示例数据快照导出，不是统计数据；导入后仍标为示例数据。"

# The largest value a cell can hold before it is refused as a typing or unit error, in one place.
# Each is far above any real school's (the largest Chinese schools have about 10,000 pupils), so a
# value over it is an extra digit, 万 read as 1, or a number pasted into the wrong column.
PLAUSIBLE_MAX = {
    ("school_stage_year", "students"): (12_000, "一所学校一个学段超过 1.2 万名学生"),
    ("school_stage_year", "classes"): (250, "一所学校一个学段超过 250 个班"),
    ("school_stage_year", "full_time_teachers"): (1_500, "一所学校一个学段超过 1,500 名专任教师"),
    ("school_year", "staff"): (2_500, "一所学校超过 2,500 名教职工"),
    ("school_year", "teaching_area_m2"): (300_000, "一所学校的教学及辅助用房超过 30 万㎡"),
    ("school_year", "sports_area_m2"): (500_000, "一所学校的体育场馆超过 50 万㎡"),
    ("school_year", "equipment_value_yuan"): (300_000_000, "一所学校的仪器设备值超过 3 亿元"),
    ("school_year", "multimedia_rooms"): (600, "一所学校超过 600 间多媒体教室"),
}
STUDENTS_PER_TEACHER_WARN = 60  # above it a school part is flagged: a teacher count left out or mistyped
TOTALS_TOLERANCE = 0.01  # the schools' sum may differ from the county's own total by this share before a warning
# the county figures the dashboard reads (county_year.metric), with what each is and its usual unit (the
# template lists them on a sheet of their own and offers them in a drop-down); others are kept but never shown
KNOWN_METRICS: dict[str, tuple[str, str]] = {
    "education_spending": ("一般公共预算教育总支出", "亿元"),
    "per_student_spending_primary": ("小学生均一般公共预算教育支出", "元"),
    "per_student_spending_junior": ("初中生均一般公共预算教育支出", "元"),
    "teacher_pay_above_civil_servants": ("教师平均工资收入高于当地公务员的数额", "元"),
    "teacher_training_spend": ("教师培训经费", "万元"),
    "teacher_training_share_exceeds": ("教师培训经费占公用经费的比例（报告所述下限）", "%"),
    "rotation_rate": ("教师交流轮岗比例", "%"),
    "rotation_backbone_share": ("交流轮岗教师中骨干教师比例", "%"),
    "migrant_enrolment_rate": ("随迁子女在公办学校就读比例", "%"),
    "disabled_enrolment_rate": ("适龄残疾儿童少年入学率", "%"),
    "nutrition_spend": ("营养改善计划投入", "万元"),
    "teachers_reallocated": ("县域内调配教师", "人"),
    "new_teachers_recruited": ("招聘新教师", "人"),
    "students_total": ("义务教育在校学生", "人"),
    "students_primary": ("小学在校学生", "人"),
    "students_junior": ("初中在校学生", "人"),
    "staff_total": ("教职工", "人"),
    "teachers_total": ("专任教师", "人"),
    "public_satisfaction_rate": ("社会认可度", "%"),
    "special_education_schools": ("特殊教育学校", "所"),
    "special_education_funds_per_student": ("特殊教育生均公用经费", "元"),
    "staffing_quota_approved": ("核定教职工编制总数", "人"),
    "basic_balance_recognised_year": ("通过基本均衡国家认定的年份", "年"),
    "nearby_enrolment_primary_rate": ("小学就近划片入学比例", "%"),
    "nearby_enrolment_junior_rate": ("初中就近划片入学比例", "%"),
    "quality_high_school_quota_share": ("优质高中招生名额分配到初中的比例", "%"),
}
METRIC_SHEET = "指标清单"
# the county figures that are shares of a whole, in %: between 0 and 100
SHARE_METRICS = ("rotation_rate", "rotation_backbone_share", "migrant_enrolment_rate", "disabled_enrolment_rate",
                 "public_satisfaction_rate", "teacher_training_share_exceeds", "nearby_enrolment_primary_rate",
                 "nearby_enrolment_junior_rate", "quality_high_school_quota_share")
