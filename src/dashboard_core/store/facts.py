"""The work report's numbers as facts, each with a verbatim excerpt of the report.

Every Arabic-numeral number in the report is one row here, except calendar dates (years such as
2024 and the month in "2025年1月"). The excerpt (`source_text`) is copied from the report word for
word, so that any figure on screen can be found again in the report. The tests check both rules
against the report file itself.
"""
from __future__ import annotations

import pandas as pd

REPORT_TITLE = "察布查尔县推进义务教育优质均衡发展工作汇报"
REPORT_YEAR = 2024  # the statistics year of the report's current figures (its latest full year)

S_BASIC = "一、基本情况"
S_LEAD = "二（一）坚持高位推动，夯实创建基础"
S_RES = "二（二）均衡资源配置，改善办学条件"
S_TEA = "二（三）强化队伍建设，优化师资力量"
S_QUA = "二（四）坚持五育并举，提高教育质量"
S_SER = "二（五）升级惠民服务，提升教育满意度"

DOMAINS = ("overview", "resources", "teachers", "quality", "services")

_PROFILE = "辖有7个镇、6个乡、1个国营农牧场，75个村（社区）、3个连队"
_SCHOOLS = "全县义务教育阶段学校28所（小学20所、九年一贯制学校6所、初级中学2所），教学点2个"
_STUDENTS = "在校学生20486人，其中小学生12976人、初中生7510人"
_STAFF = "义务教育阶段教职工2176人，其中专任教师1544人"
_IDEOLOGY = "2024年县级领导进校园讲思政课28场次，覆盖师生4254人"
_TRIPS = "组织师生赴北京、江苏等省市研学3场80人次，开展疆内研学65场5874人次"
_LAYOUT = "优化村级小学5所，县城新建1所九年一贯制学校、1所初级中学，新增学位4000个"
_INVEST = "2022年以来投入2.03亿元，统筹实施48个教育项目，新建校舍1.83万㎡、运动场14座"
_SPEND = "2022至2024年一般公共预算内教育总支出从6.39亿元增长至6.58亿元，增长2.97%"
_PRIMARY_SPEND = "生均教育支出小学从19166元增长至20632元、增长7.65%"
_JUNIOR_SPEND = "初中从23612元增长至23678元、增长0.28%"
_PAY = "2024年，全县义务教育学校教师年平均工资收入比公务员年平均工资收入高2427元"
_TRAINING = "教师培训支出283.13万元，超过学校年度公用经费预算总额的5%"
_RECRUIT = "2024年招聘新教师26人，接受三区人才支持计划教师45人、银龄教师6人"
_AID = "引进援疆校长2名、教师16名"
_ROTATION = "2024年28所中小学交流轮岗教师117人，交流率16.0%，其中骨干教师37名，占交流教师的31.6%"
_STUDIOS = "成立县级名书记（校长）工作室8个，援疆名师工作室7个，县级名师、教学能手工作室29个"
_BACKBONE = "评审选拔学科带头人、教学能手、骨干教师334人，实现校校达标"
_OUTREACH = "2024年组织名师送教下乡14次，上公开课、示范课127节、开展讲座39场次"
_SUYI = "在伊犁州第十届苏伊杯比赛中，取得一等奖4个、二等奖5个、三等奖6个"
_PROJECTS = "2024年自治区级课题结题3项，2025年州级课题结题11项"
_WRESTLE_NATIONAL = "2025年1月，我县运动员在全国中小学国际式摔跤比赛中，获得4金4银2铜"
_WRESTLE_REGION = "且先后3次参加自治区摔跤比赛，获得4金7银10铜"
_FOOTBALL = "10年来为全国输送优秀足球人才13人，其中2人参加了中冠联赛"
_ARCHERY = "2024年，我县承办全国射箭U18锦标赛，本地选手获得7金4银5铜的优异成绩"
_CLUBS = "28所中小学利用课后服务开设书法、射箭、戏曲、科技创新等特色社团466个"
_CODING = "种羊场中心校3名学生在第六届新疆青少年创意编程与智能设计大赛中，获得二等奖1个、三等奖2个"
_EQUITY = "护航5名留守儿童健康成长，随迁子女在公办学校入学率100%，适龄残疾儿童少年入学率99.6%"
_NUTRITION = "2024年投入2274.91万元，为20486名学生提供营养热午餐"
_SAFETY = "对学校开展安全隐患排查4次"
_DRILLS = "各类应急演练112场次，开展安全宣传活动4224场次"
_RISK = "召开安全风险研判会28场次，化解涉校矛盾纠纷19个，常态化落实“4个100%”安全措施"

# (fact_id, section, domain, metric, metric_en, value, unit, year, source_text)
_FACTS: list[tuple] = [
    # 一、基本情况
    ("area_km2", S_BASIC, "overview", "总面积", "Total area", 4073, "平方公里", None, "察布查尔县总面积4073平方公里"),
    ("population", S_BASIC, "overview", "总人口", "Population", 15.65, "万人", None, "总人口15.65万人"),
    ("border_km", S_BASIC, "overview", "边境线长度", "Border length", 73.4, "公里", None, "边境线长73.4公里"),
    ("towns", S_BASIC, "overview", "镇", "Towns", 7, "个", None, _PROFILE),
    ("townships", S_BASIC, "overview", "乡", "Townships", 6, "个", None, _PROFILE),
    ("state_farms", S_BASIC, "overview", "国营农牧场", "State farms", 1, "个", None, _PROFILE),
    ("villages", S_BASIC, "overview", "村（社区）", "Villages (communities)", 75, "个", None, _PROFILE),
    ("farm_companies", S_BASIC, "overview", "连队", "Farm companies", 3, "个", None, _PROFILE),
    ("schools_total", S_BASIC, "overview", "义务教育阶段学校", "Compulsory-education schools", 28, "所", None, _SCHOOLS),
    ("schools_primary", S_BASIC, "overview", "小学", "Primary schools", 20, "所", None, _SCHOOLS),
    ("schools_nine_year", S_BASIC, "overview", "九年一贯制学校", "Nine-year integrated schools", 6, "所", None, _SCHOOLS),
    ("schools_junior", S_BASIC, "overview", "初级中学", "Junior secondary schools", 2, "所", None, _SCHOOLS),
    ("teaching_points", S_BASIC, "overview", "教学点", "Teaching points", 2, "个", None, _SCHOOLS),
    ("students_total", S_BASIC, "overview", "在校学生", "Students", 20486, "人", None, _STUDENTS),
    ("students_primary", S_BASIC, "overview", "小学生", "Primary students", 12976, "人", None, _STUDENTS),
    ("students_junior", S_BASIC, "overview", "初中生", "Junior secondary students", 7510, "人", None, _STUDENTS),
    ("staff_total", S_BASIC, "overview", "教职工", "Staff", 2176, "人", None, _STAFF),
    ("teachers_total", S_BASIC, "overview", "专任教师", "Full-time teachers", 1544, "人", None, _STAFF),
    # 二（一）
    ("coordination_meetings", S_LEAD, "overview", "创建工作协调会、推进会、督导会", "Coordination, progress and inspection meetings", 6, "次", None,
     "累计召开6次创建工作协调会、推进会、督导会"),
    ("ideology_teachers_trained", S_LEAD, "services", "培养思政教师", "Ideological-and-political teachers trained", 174, "人", None, "培养思政教师174人"),
    ("ideology_lectures", S_LEAD, "services", "县级领导进校园讲思政课", "Ideological-and-political lessons by county leaders", 28, "场次", 2024, _IDEOLOGY),
    ("ideology_audience", S_LEAD, "services", "思政课覆盖师生", "Students and teachers reached by the lectures", 4254, "人", 2024, _IDEOLOGY),
    ("study_trips_outside", S_LEAD, "services", "赴北京、江苏等省市研学", "Study trips to Beijing, Jiangsu and other provinces", 3, "场", 2024, _TRIPS),
    ("study_trips_outside_people", S_LEAD, "services", "赴北京、江苏等省市研学人次", "Participants in study trips outside Xinjiang", 80, "人次", 2024, _TRIPS),
    ("study_trips_xinjiang", S_LEAD, "services", "疆内研学", "Study trips within Xinjiang", 65, "场", 2024, _TRIPS),
    ("study_trips_xinjiang_people", S_LEAD, "services", "疆内研学人次", "Participants in study trips within Xinjiang", 5874, "人次", 2024, _TRIPS),
    # 二（二）
    ("village_schools_optimised", S_RES, "resources", "优化村级小学", "Village primary schools consolidated", 5, "所", None, _LAYOUT),
    ("new_nine_year_schools", S_RES, "resources", "县城新建九年一贯制学校", "New nine-year integrated schools in the county town", 1, "所", None, _LAYOUT),
    ("new_junior_schools", S_RES, "resources", "县城新建初级中学", "New junior secondary schools in the county town", 1, "所", None, _LAYOUT),
    ("new_places", S_RES, "resources", "新增学位", "New school places", 4000, "个", None, _LAYOUT),
    ("investment_since_2022", S_RES, "resources", "2022年以来教育项目投入", "Investment in education projects since 2022", 2.03, "亿元", None, _INVEST),
    ("projects_since_2022", S_RES, "resources", "2022年以来统筹实施教育项目", "Education projects since 2022", 48, "个", None, _INVEST),
    ("new_floor_area", S_RES, "resources", "新建校舍面积", "New school floor area", 1.83, "万㎡", None, _INVEST),
    ("new_sports_grounds", S_RES, "resources", "新建运动场", "New sports grounds", 14, "座", None, _INVEST),
    ("education_spending_2022", S_RES, "resources", "一般公共预算内教育总支出", "Public-budget education spending", 6.39, "亿元", 2022, _SPEND),
    ("education_spending_2024", S_RES, "resources", "一般公共预算内教育总支出", "Public-budget education spending", 6.58, "亿元", 2024, _SPEND),
    ("education_spending_growth", S_RES, "resources", "教育总支出增长（2022—2024）", "Growth of education spending 2022-2024", 2.97, "%", None, _SPEND),
    ("per_student_primary_2022", S_RES, "resources", "小学生均教育支出", "Education spending per primary student", 19166, "元", 2022, _PRIMARY_SPEND),
    ("per_student_primary_2024", S_RES, "resources", "小学生均教育支出", "Education spending per primary student", 20632, "元", 2024, _PRIMARY_SPEND),
    ("per_student_primary_growth", S_RES, "resources", "小学生均教育支出增长（2022—2024）", "Growth of spending per primary student 2022-2024", 7.65, "%", None, _PRIMARY_SPEND),
    ("per_student_junior_2022", S_RES, "resources", "初中生均教育支出", "Education spending per junior student", 23612, "元", 2022, _JUNIOR_SPEND),
    ("per_student_junior_2024", S_RES, "resources", "初中生均教育支出", "Education spending per junior student", 23678, "元", 2024, _JUNIOR_SPEND),
    ("per_student_junior_growth", S_RES, "resources", "初中生均教育支出增长（2022—2024）", "Growth of spending per junior student 2022-2024", 0.28, "%", None, _JUNIOR_SPEND),
    ("teacher_pay_above_civil_servants", S_RES, "teachers", "教师年平均工资高于公务员", "Teachers' average pay above civil servants'", 2427, "元", 2024, _PAY),
    ("teacher_training_spend", S_RES, "teachers", "教师培训支出", "Teacher training spending", 283.13, "万元", 2024, _TRAINING),
    ("teacher_training_share_floor", S_RES, "teachers", "教师培训支出超过公用经费预算总额的比例", "Training spending exceeds this share of the public-funds budget", 5, "%", 2024, _TRAINING),
    # 二（三）
    ("teachers_reallocated", S_TEA, "teachers", "统筹调配教师", "Teachers re-allocated across schools", 390, "人", 2024, "2024年统筹调配教师390人"),
    ("new_teachers_recruited", S_TEA, "teachers", "招聘新教师", "New teachers recruited", 26, "人", 2024, _RECRUIT),
    ("sanqu_teachers", S_TEA, "teachers", "三区人才支持计划教师", "Teachers from the Three Regions talent programme", 45, "人", 2024, _RECRUIT),
    ("silver_age_teachers", S_TEA, "teachers", "银龄教师", "Retired teachers returning (Silver Age)", 6, "人", 2024, _RECRUIT),
    ("aid_principals", S_TEA, "teachers", "引进援疆校长", "Principals from the Xinjiang aid programme", 2, "名", 2024, _AID),
    ("aid_teachers", S_TEA, "teachers", "引进援疆教师", "Teachers from the Xinjiang aid programme", 16, "名", 2024, _AID),
    ("rotation_schools", S_TEA, "teachers", "开展交流轮岗的中小学", "Schools taking part in exchange and rotation", 28, "所", 2024, _ROTATION),
    ("rotation_teachers", S_TEA, "teachers", "交流轮岗教师", "Teachers in exchange and rotation", 117, "人", 2024, _ROTATION),
    ("rotation_rate", S_TEA, "teachers", "教师交流率", "Teacher exchange and rotation rate", 16.0, "%", 2024, _ROTATION),
    ("rotation_backbone_teachers", S_TEA, "teachers", "交流轮岗骨干教师", "Backbone teachers in exchange and rotation", 37, "名", 2024, _ROTATION),
    ("rotation_backbone_share", S_TEA, "teachers", "骨干教师占交流教师比例", "Backbone share of teachers in exchange and rotation", 31.6, "%", 2024, _ROTATION),
    # 二（四）
    ("principal_studios", S_QUA, "teachers", "县级名书记（校长）工作室", "County studios of leading principals", 8, "个", None, _STUDIOS),
    ("aid_teacher_studios", S_QUA, "teachers", "援疆名师工作室", "Studios of aid-programme master teachers", 7, "个", None, _STUDIOS),
    ("county_teacher_studios", S_QUA, "teachers", "县级名师、教学能手工作室", "County studios of master teachers", 29, "个", None, _STUDIOS),
    ("prefecture_teacher_studios", S_QUA, "teachers", "州级名师、教学能手工作室", "Prefecture studios of master teachers", 3, "个", None,
     "创建州级名师、教学能手工作室3个"),
    ("backbone_teachers", S_QUA, "teachers", "学科带头人、教学能手、骨干教师", "Subject leaders, skilled and backbone teachers", 334, "人", None, _BACKBONE),
    ("outreach_trips", S_QUA, "quality", "名师送教下乡", "Master teachers' teaching trips to the countryside", 14, "次", 2024, _OUTREACH),
    ("outreach_lessons", S_QUA, "quality", "公开课、示范课", "Open and demonstration lessons", 127, "节", 2024, _OUTREACH),
    ("outreach_lectures", S_QUA, "quality", "讲座", "Lectures", 39, "场次", 2024, _OUTREACH),
    ("curriculum_trainings", S_QUA, "quality", "“新课标 新教材”培训", "New curriculum and textbook trainings", 3, "次", None, "组织“新课标 新教材”培训3次"),
    ("selection_events", S_QUA, "quality", "苏伊杯选拔赛、精品课遴选等活动", "Selection events (Suyi Cup, quality lessons)", 4, "次", None,
     "开展“苏伊杯”县级选拔赛、自治区“基础教育精品课”遴选等活动4次"),
    ("suyi_first_prizes", S_QUA, "quality", "苏伊杯一等奖", "Suyi Cup first prizes", 4, "个", None, _SUYI),
    ("suyi_second_prizes", S_QUA, "quality", "苏伊杯二等奖", "Suyi Cup second prizes", 5, "个", None, _SUYI),
    ("suyi_third_prizes", S_QUA, "quality", "苏伊杯三等奖", "Suyi Cup third prizes", 6, "个", None, _SUYI),
    ("regional_projects_completed", S_QUA, "quality", "自治区级课题结题", "Autonomous-region-level research projects completed", 3, "项", 2024, _PROJECTS),
    ("prefecture_projects_completed", S_QUA, "quality", "州级课题结题", "Prefecture research projects completed", 11, "项", 2025, _PROJECTS),
    ("wrestling_national_gold", S_QUA, "quality", "全国中小学国际式摔跤比赛金牌", "National school wrestling: gold", 4, "枚", 2025, _WRESTLE_NATIONAL),
    ("wrestling_national_silver", S_QUA, "quality", "全国中小学国际式摔跤比赛银牌", "National school wrestling: silver", 4, "枚", 2025, _WRESTLE_NATIONAL),
    ("wrestling_national_bronze", S_QUA, "quality", "全国中小学国际式摔跤比赛铜牌", "National school wrestling: bronze", 2, "枚", 2025, _WRESTLE_NATIONAL),
    ("wrestling_regional_entries", S_QUA, "quality", "参加自治区摔跤比赛", "Autonomous-region wrestling championships entered", 3, "次", None, _WRESTLE_REGION),
    ("wrestling_regional_gold", S_QUA, "quality", "自治区摔跤比赛金牌", "Autonomous-region wrestling: gold", 4, "枚", None, _WRESTLE_REGION),
    ("wrestling_regional_silver", S_QUA, "quality", "自治区摔跤比赛银牌", "Autonomous-region wrestling: silver", 7, "枚", None, _WRESTLE_REGION),
    ("wrestling_regional_bronze", S_QUA, "quality", "自治区摔跤比赛铜牌", "Autonomous-region wrestling: bronze", 10, "枚", None, _WRESTLE_REGION),
    ("football_schools", S_QUA, "quality", "全国足球特色学校", "National football schools", 5, "所", None, "我县有5所全国足球特色学校"),
    ("football_talent_years", S_QUA, "quality", "输送足球人才的年限", "Years of sending football talent", 10, "年", None, _FOOTBALL),
    ("football_talents", S_QUA, "quality", "为全国输送优秀足球人才", "Football talents sent to national teams and clubs", 13, "人", None, _FOOTBALL),
    ("football_talents_cfl", S_QUA, "quality", "参加中冠联赛的足球人才", "Of them, players in the China Champions League", 2, "人", None, _FOOTBALL),
    ("archery_age_group", S_QUA, "quality", "全国射箭锦标赛年龄组（U18）", "National archery championship age group (U18)", 18, "岁", 2024, _ARCHERY),
    ("archery_gold", S_QUA, "quality", "全国射箭U18锦标赛金牌", "National U18 archery: gold", 7, "枚", 2024, _ARCHERY),
    ("archery_silver", S_QUA, "quality", "全国射箭U18锦标赛银牌", "National U18 archery: silver", 4, "枚", 2024, _ARCHERY),
    ("archery_bronze", S_QUA, "quality", "全国射箭U18锦标赛铜牌", "National U18 archery: bronze", 5, "枚", 2024, _ARCHERY),
    ("club_schools", S_QUA, "quality", "开设特色社团的中小学", "Schools running after-school clubs", 28, "所", None, _CLUBS),
    ("clubs", S_QUA, "quality", "特色社团", "After-school clubs", 466, "个", None, _CLUBS),
    ("calligraphy_winners", S_QUA, "quality", "县第一小学华文杯书法比赛获奖师生", "County No.1 Primary: calligraphy prize winners", 3, "名", 2024,
     "县第一小学3名师生在2024年自治区华文杯书法比赛中获得一等奖和二等奖"),
    ("coding_students", S_QUA, "quality", "种羊场中心校编程大赛获奖学生", "Zhongyangchang school: coding contest winners", 3, "名", None, _CODING),
    ("coding_second_prizes", S_QUA, "quality", "编程大赛二等奖", "Coding contest: second prizes", 1, "个", None, _CODING),
    ("coding_third_prizes", S_QUA, "quality", "编程大赛三等奖", "Coding contest: third prizes", 2, "个", None, _CODING),
    # 二（五）
    ("left_behind_children", S_SER, "services", "护航留守儿童", "Left-behind children cared for", 5, "名", None, _EQUITY),
    ("migrant_enrolment_rate", S_SER, "services", "随迁子女在公办学校入学率", "Children accompanying migrant parents in public schools", 100, "%", None, _EQUITY),
    ("disabled_enrolment_rate", S_SER, "services", "适龄残疾儿童少年入学率", "Enrolment rate of children with disabilities", 99.6, "%", None, _EQUITY),
    ("nutrition_spend", S_SER, "services", "营养改善计划投入", "Nutrition programme spending", 2274.91, "万元", 2024, _NUTRITION),
    ("nutrition_students", S_SER, "services", "营养热午餐惠及学生", "Students given a hot nutritious lunch", 20486, "人", 2024, _NUTRITION),
    ("safety_inspections", S_SER, "services", "安全隐患排查", "Safety inspections", 4, "次", None, _SAFETY),
    ("safety_drills", S_SER, "services", "应急演练", "Emergency drills", 112, "场次", None, _DRILLS),
    ("safety_campaigns", S_SER, "services", "安全宣传活动", "Safety campaigns", 4224, "场次", None, _DRILLS),
    ("risk_meetings", S_SER, "services", "安全风险研判会", "Safety risk assessment meetings", 28, "场次", None, _RISK),
    ("disputes_resolved", S_SER, "services", "化解涉校矛盾纠纷", "School-related disputes resolved", 19, "个", None, _RISK),
    ("safety_measures", S_SER, "services", "“4个100%”安全措施", "The four 100% safety measures", 4, "个", None, _RISK),
    ("safety_measures_level", S_SER, "services", "“4个100%”安全措施落实程度", "Level at which each safety measure is kept", 100, "%", None, _RISK),
]

# Statements of the report that are evidence without a number: id → (section, verbatim excerpt)
STATEMENTS = {
    "no_safety_accident": (S_SER, "教育系统未发生安全责任事故"),
}

# The report's closing paragraphs, verbatim: what the county itself says is still wrong and what it will do
S_CLOSING = "三、存在问题与下一步打算"
OWN_PROBLEMS = ("察布查尔县义务教育优质均衡发展工作取得阶段性成效，但仍存在一些问题：一是中小学教师队伍整体超编、结构性短缺。"
                "二是义务教育段学校城乡、校际间教育教学质量仍有一定差距")
NEXT_STEPS = ("下一步，察布查尔县将以本次创建为契机，坚持目标导向、问题导向，持续加强组织领导、加大教育投入、强化师资建设、"
              "完善办学条件、深挖教育内涵、提升教学质量，努力办好人民满意的教育，谱写义务教育优质均衡发展察布查尔新篇章，"
              "为教育强国贡献察布查尔力量")
# The county's documents the report names, with the section that names them (the 自评报告 lists them)
NAMED_DOCUMENTS = (
    ("《察布查尔县义务教育优质均衡发展工作实施方案》", S_LEAD),
    ("《察布查尔县义务教育优质均衡发展“十四五”规划（2021—2025年）》", S_LEAD),
    ("《察布查尔县各类学校设置与校点布局调整“十四五”规划（2021—2025）》", S_RES),
    ("《察布查尔县义务教育学校教师轮岗交流工作实施方案》", S_TEA),
    ("《察布查尔县中小学书记（校园长）领航工作室、名师、名班主任工作室评选与管理办法》", S_QUA),
)

FACT_COLUMNS = ["fact_id", "section", "domain", "metric", "metric_en", "value", "unit", "year", "source_text"]


def report_facts_frame() -> pd.DataFrame:
    """The facts as the `report_facts` table, in report order."""
    frame = pd.DataFrame(_FACTS, columns=FACT_COLUMNS)
    frame["value"] = frame["value"].astype("float64")
    frame["year"] = frame["year"].astype("Int64")
    return frame
