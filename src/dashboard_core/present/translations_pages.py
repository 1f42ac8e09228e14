"""English wording of the app frame and the pages, keyed by the Chinese template each page uses."""

PAGES: dict[str, str] = {
    # frame and sidebar
    # the box is narrow: a longer hint is cut
    "下载数据（CSV）": "Download data (CSV)", "下载报告数字（CSV）": "Download report figures (CSV)",
    "**演示 {i} / {n}**": "**Slide {i} / {n}**", "**演示模式**": "**Presentation mode**",
    "简报": "briefing",

    # page headers
    # shared wording
    "次数": "Times",
    "范围": "Scope", "快照编号": "Snapshot", "创建时间": "Created", "交流率（%）": "Rotation rate (%)",
    "符合条件教师": "Eligible teachers", "交流轮岗教师": "Rotating teachers", "其中骨干教师": "Of whom backbone teachers",
    "缺少（人）": "Missing (people)", "每百名学生": "Per 100 students", "体育艺术教师": "PE and arts teachers",
    "校园文化品牌": "School culture brand", "“树”文化": "“Tree” culture", "“三香”文化": "“Three fragrances” culture",
    "“小白杨”文化": "“Little white poplar” culture", "问题": "Problem", "修改方法": "How to fix",
    "一等奖": "First prizes", "二等奖": "Second prizes", "三等奖": "Third prizes",
    "自治区级": "Autonomous region", "州级": "Prefecture",
    "全国中小学国际式摔跤比赛（2025 年 1 月）": "National school wrestling championship (January 2025)",
    "自治区摔跤比赛（先后 3 次参赛）": "Autonomous-region-level wrestling championships (3 entries)",
    "全国射箭 U18 锦标赛（2024 年，本县承办）": "National U18 archery championship (2024, hosted by the county)",
    "交流轮岗教师占符合条件教师比例": "Rotating teachers among eligible teachers",
    "骨干教师占交流轮岗教师比例": "Backbone teachers among rotating teachers",
    "随迁子女在公办学校就读比例": "Children accompanying migrant parents in public schools",
    "适龄残疾儿童少年入学率": "Enrolment of children with disabilities",
    "demo data: 按工作汇报县级总数校准的演示数据": "demo data: calibrated to the county totals of the work report",
    "示例数据：按工作汇报县级总数校准的演示数据": "demo data: calibrated to the county totals of the work report",
    # overview
    "**达标评估：{verdict}** — {scope}{total} 个学校（学段）中 {passing} 个达到学校标准，差异系数 {cv_passing}/{cv_total} 项在限值内，县级指标 {items_met} 项达到、{items_no_data} 项暂无数据。":
        "**Standard check: {verdict}** — {scope}: {passing} of {total} school parts meet the school standard, "
        "{cv_passing}/{cv_total} CVs are within their limits, {items_met} county items are met and {items_no_data} have no data yet.",
    "义务教育规模（工作汇报）": "Compulsory education in numbers (work report)",
    "（2024 年全县合计与工作汇报一致；此前年份为示例数据）": " (2024 county totals equal the work report; earlier years are demo data)",
    # resources
    "；空心菱形为示例数据（报告未给出 2023 年）": "; hollow diamonds are demo data (the report gives no 2023 figure)",
    "（按达到标准值的比例排序，点击条形打开学校档案）": " (sorted by share of the standard; click a bar to open the school profile)",
    # teachers
    "（点击条形打开学校档案）": " (click a bar to open the school profile)",
    "总量超编、结构性短缺：体育艺术教师": "Overstaffed in total, short in structure: PE and arts teachers",
    "来源：工作汇报 {section}。国家标准：教师平均工资不低于当地公务员；培训经费不低于公用经费预算的 5%。":
        "Source: work report {section}. National standard: teachers' average pay not below local civil servants'; "
        "training at least 5% of the public-funds budget.",
    # quality
    # services
    "报告未给出在校天数；国家营养改善计划按全年在校 200 天测算，可按本县实际修改":
        "The report gives no number of school days; the national nutrition programme assumes 200, change it to the county's own",
    "校园安全工作量": "School safety work",
    # school profile
    # standards
    "{stage} {total} 所中 {passing} 所达到学校标准": "{stage}: {passing} of {total} schools meet the school standard",
    "{scope}{year} 年：{verdict}。": "{scope}, {year}: {verdict}. ",
    "；差异系数 {cv_total} 项中 {cv_passing} 项在限值以内；县级 {items} 项中 {met} 项达到、{not_met} 项未达到、{no_data} 项暂无数据。":
        "; {cv_passing} of {cv_total} CVs within their limits; of {items} county items {met} met, {not_met} not met and {no_data} without data.",
    "{stage}达标学校": "{stage} schools meeting the standard",
    "未达到 {not_met} 项，无数据 {no_data} 项": "{not_met} not met, {no_data} without data",
    "按{scope}，学生数加权：CV = S / x̄。小学限值 {primary:.2f}，初中限值 {junior:.2f}，7 项逐项判断；教学点不参与计算。":
        "For {scope}, weighted by students: CV = S / x̄. Limits: primary {primary:.2f}, junior secondary {junior:.2f}, "
        "each of the 7 indicators; teaching points are not counted.",
    "**{stage}**（{n} 所学校参与计算）": "**{stage}** ({n} schools counted)",
    "范围内没有该学段的学校，无法计算。": "No schools of this stage in scope; nothing to compute.",
    "县级指标：政府保障、教育质量、社会认可": "County items: government guarantees, education quality, public recognition",
    "县级指标按全县评估。数值来自工作汇报原文或数据快照；报告和快照都没有的项目标为“无数据”，不作推测。":
        "County items are judged for the whole county. Values come from the work report or the data snapshot; items "
        "neither covers are marked “No data”, never guessed.",
    # data
    "数据目录：{root}。当前查看：{id}（在侧栏“数据快照”中切换，写在网址里）。快照一经写入不再修改；每个文件的行数与 SHA-256 校验值记录在 manifest.json 中，打开时逐一核对，不符的快照会被跳过。":
        "Data folder: {root}. In view: {id} (switch in the sidebar under “Data snapshot”; it is kept in the address). "
        "A snapshot is never changed once written; each file's row count and SHA-256 are recorded in manifest.json "
        "and checked on opening, and a snapshot that does not match is skipped.",
    # guide
    # briefing
    "察布查尔锡伯自治县义务教育优质均衡发展简报": "Qapqal Xibe Autonomous County: briefing on high-quality balanced compulsory education",
    "各乡镇在校学生与达标比例": "Students and the standard by township",
    "教育总支出": "Education spending", "生均体育运动场馆面积": "Sports area per student",
    "生均体育运动场馆面积（最低的 20 个学校学段）": "Sports area per student (the lowest 20 school parts)",
    "教育公平对照国家标准": "Equity against the national standard", "对照国家标准（黑色刻度为要求）": "Against the national standard (black ticks: required)",
    "工作汇报与数据快照": "Work report and data snapshot",
    "空心菱形为示例数据": "hollow diamonds are demo data",
    # import validation (sheet and column names stay as the template writes them, in quotes)
    "文本": "text", "整数": "whole number", "数值": "Value", "是/否": "yes/no",
    "级别": "Level", "工作表": "Sheet", "列": "Column",
    # standards page: statuses, parts, conditions
    "不予认定情形": "Non-recognition condition", "佐证": "Evidence",
    "未达到 {not_met} 项，部分有佐证 {partial} 项，无数据 {no_data} 项":
        "{not_met} not met, {partial} partly evidenced, {no_data} without data",
    # importer: a teaching point's central school
    # year handling, teachers, quality, services
    # importer: the registers
    "音乐": "Music", "美术": "Art",
    "年级": "Grade", "班号": "Class", "应各有（间）": "Needed of each", "音乐教室（间）": "Music rooms",
    "最小音乐教室（㎡）": "Smallest music room (㎡)", "美术教室（间）": "Art rooms", "最小美术教室（㎡）": "Smallest art room (㎡)",
    "核定公用经费的学生数": "Students funded for", "比例（%）": "Share (%)", "科目": "Subject",
    "调查对象": "Respondent group", "有效样本数": "Respondents", "认可人数": "Satisfied", "认可度（%）": "Satisfied (%)",
    "文件名称": "Document", "发文单位": "Issuer", "文号": "Number", "日期": "Date",
    # registers on the pages
    "级": "",
    "接收学校": "Receiving school", "交流人次": "Moves",
    "学科": "Subject", "实有专任教师": "Teachers in post", "按课时应配": "Needed", "缺口（人）": "Short",
    "富余（人）": "Surplus", "缺教师的学校数": "Schools short", "学业水平": "Level", "校际差异率": "Difference rate",
    "语文": "Chinese", "数学": "Mathematics", "英语": "English", "科学": "Science", "体育": "PE",
    "信息科技": "IT", "道德与法治": "Morality and law", "体育与健康": "PE and health",
    # planning page
    "措施数": "Actions", "费用（万元）": "Cost (× 10,000 yuan)", "方案": "Plan", "快照": "Snapshot", "总成本（万元）": "Total (× 10,000 yuan)",
    "实施后结论": "Verdict after", "达标学校（学段）": "School parts passing",
    "变化": "Change", "预测学生数": "Projected pupils",
    "整改计划": "Plan to acceptance", "方案费用（按类别）": "Cost of the plan by kind",
    # importer: caps, limits, text hygiene
    "导入模板每张表只需几千行；请删除多余的行、列和工作表后再上传": "A template sheet needs a few thousand rows at most: delete extra rows, columns and sheets",
    "一所学校一个学段超过 1.2 万名学生": "over 12,000 pupils in one stage of a school", "一所学校一个学段超过 250 个班": "over 250 classes in one stage of a school",
    "一所学校一个学段超过 1,500 名专任教师": "over 1,500 full-time teachers in one stage of a school",
    "一所学校超过 2,500 名教职工": "over 2,500 staff in one school", "一所学校的教学及辅助用房超过 30 万㎡": "over 300,000 ㎡ of teaching rooms in one school",
    "一所学校的体育场馆超过 50 万㎡": "over 500,000 ㎡ of sports grounds in one school",
    "一所学校的仪器设备值超过 3 亿元": "over 300 million yuan of equipment in one school",
    "一所学校超过 600 间多媒体教室": "over 600 multimedia rooms in one school",
    "创建日期": "Created",
    # the template's sheets, as the data page names the tables
    "学校分学段数据": "School stage rows", "学校年度数据": "School yearly rows", "县级年度指标": "County figures",
    "音乐美术教室": "Music and art rooms", "学校经费": "School funds", "教师台账": "Teacher register",
    "分学科教师": "Teachers by subject", "交流轮岗": "Rotation moves", "初中巩固率": "Junior cohorts",
    "残疾儿童少年": "Children with disabilities", "质量监测": "Quality monitoring", "满意度调查": "Survey",
    "佐证台账": "Evidence register",
    "所选": "Chosen",
    # the import: reading bounded and complete, cells refused when ambiguous
    # the survey as a sample
    "95% 区间下限（%）": "95% interval, low (%)", "95% 区间上限（%）": "95% interval, high (%)",
    "分调查对象的样本数、认可度与 95% 区间": "Samples, satisfaction and 95% intervals by group",

}
