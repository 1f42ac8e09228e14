"""The Chinese values the data itself carries, defined once: stages, school types, settings, and the
status codes every judgement returns. Everything else in the code refers to these names; the words a
reader sees are written by `present/` from the codes.
"""
from __future__ import annotations

# Stages (学段) as stored in the snapshot's `stage` columns and keyed in the rules' thresholds
PRIMARY = "小学"
JUNIOR = "初中"
STAGES = (PRIMARY, JUNIOR)
STAGE_ORDER = {PRIMARY: 0, JUNIOR: 1}

# School types (学校类型) as stored in `schools.school_type`
PRIMARY_SCHOOL = "小学"
NINE_YEAR_SCHOOL = "九年一贯制学校"
JUNIOR_SCHOOL = "初级中学"
TEACHING_POINT = "教学点"
TWELVE_YEAR_SCHOOL = "十二年一贯制学校"  # primary, junior and senior high: only the first two are compulsory
COMPLETE_SECONDARY = "完全中学"  # junior and senior high
SCHOOL_TYPES = (PRIMARY_SCHOOL, NINE_YEAR_SCHOOL, JUNIOR_SCHOOL, TEACHING_POINT, TWELVE_YEAR_SCHOOL, COMPLETE_SECONDARY)
PRIMARY_TYPES = (PRIMARY_SCHOOL, NINE_YEAR_SCHOOL, TEACHING_POINT, TWELVE_YEAR_SCHOOL)  # may have primary pupils
JUNIOR_TYPES = (NINE_YEAR_SCHOOL, JUNIOR_SCHOOL, TWELVE_YEAR_SCHOOL, COMPLETE_SECONDARY)  # may have junior pupils

# Settings (城乡) as stored in `schools.urban_rural`
URBAN, TOWN, RURAL = "城区", "镇区", "乡村"
SETTINGS = (URBAN, TOWN, RURAL)

# the rectification register (整改台账): each measure of a plan by its kind, and how far it has got
MEASURE_KINDS = {"新增": "add", "调配": "transfer", "提升学历": "upgrade", "转岗": "reassign", "调整分班": "rebalance"}
NOT_STARTED, IN_PROGRESS, COMPLETED = "未开始", "进行中", "已完成"
PROGRESS = (NOT_STARTED, IN_PROGRESS, COMPLETED)

# A school part's standing on one indicator
MET, FLOOR, BELOW, NO_STUDENTS = "met", "floor", "below", "no_students"
STATUS_CODES = (MET, FLOOR, BELOW, NO_STUDENTS)

# A county item's (or a requirement's, or a non-recognition condition's) standing: met / not_met when
# the data decides, partial when only part of it has evidence, no_data when nothing decides it,
# not_applicable when the question does not arise. For a non-recognition condition "met" means the
# evidence shows the condition is absent.
ITEM_MET, ITEM_NOT_MET, ITEM_PARTIAL, ITEM_NO_DATA, ITEM_NOT_APPLICABLE = (
    "met", "not_met", "partial", "no_data", "not_applicable")
ITEM_CODES = (ITEM_MET, ITEM_NOT_MET, ITEM_PARTIAL, ITEM_NO_DATA, ITEM_NOT_APPLICABLE)

# What a status rests on (its basis): `data` — computed from register or statistics rows; `declared` —
# the county's own document or statement (its work report, its evidence register): at most 自评, to be
# checked; `inspection` — only the national inspection decides (the non-recognition conditions)
BASIS_DATA, BASIS_DECLARED, BASIS_INSPECTION = "data", "declared", "inspection"
BASIS_CODES = (BASIS_DATA, BASIS_DECLARED, BASIS_INSPECTION)
# the evidence's kind → its basis ("demo" stands in for statistics rows the report does not give)
BASIS_OF_SOURCE = {"snapshot": BASIS_DATA, "demo": BASIS_DATA, "report": BASIS_DECLARED, "evidence": BASIS_DECLARED}

# A coefficient of variation's standing: not_applicable when fewer than two school parts of the stage
# are in view (or their mean is zero), since a spread across schools does not arise
CV_MET, CV_NOT_MET, CV_NOT_APPLICABLE = "met", "not_met", "not_applicable"
CV_CODES = (CV_MET, CV_NOT_MET, CV_NOT_APPLICABLE)
CV_MIN_SCHOOLS = 2

# The county's verdict
VERDICT_MET, VERDICT_NOT_MET, VERDICT_INCOMPLETE, VERDICT_NO_SCHOOLS = "met", "not_met", "incomplete", "no_schools"
# a township or a few schools: not an acceptance unit (the acceptance is county-wide), so no verdict
VERDICT_NOT_APPLICABLE = "not_applicable"
VERDICT_CODES = (VERDICT_MET, VERDICT_NOT_MET, VERDICT_INCOMPLETE, VERDICT_NO_SCHOOLS, VERDICT_NOT_APPLICABLE)
# why a CV is not applicable: fewer than two school parts, or a scope that is not the county
CV_TOO_FEW, CV_SCOPE = "too_few", "scope"
