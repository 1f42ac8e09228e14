"""The tables a bureau fills in: sheet names, columns, Chinese headers, types, units and examples.

One description drives the Excel template, the validation of an upload and the typed tables that
go into a snapshot, so the three can never disagree.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model.vocabulary import SCHOOL_TYPES, SETTINGS, STAGES

TEXT, INT, FLOAT, BOOL = "text", "int", "float", "bool"
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

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)



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
        Column("school_type", "学校类型", TEXT, "", "小学、九年一贯制学校、初级中学 或 教学点", "小学", choices=SCHOOL_TYPES),
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

FIELD_SHEET = "字段说明"
