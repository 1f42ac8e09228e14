"""English wording of the app frame and the pages, keyed by the Chinese template each page uses."""

PAGES: dict[str, str] = {
    # frame and sidebar
    "察布查尔县义务教育优质均衡发展监测": "Qapqal County compulsory education: high-quality balance monitor",
    "### 察布查尔县\n义务教育优质均衡发展监测": "### Qapqal County\nHigh-quality balanced compulsory education",
    "总览": "Overview", "达标评估": "Standard check", "办学条件": "Resources", "师资队伍": "Teachers",
    "教育质量": "Quality", "惠民服务": "Services", "学校档案": "School profile", "数据": "Data", "使用说明": "Guide",
    "演示模式": "Presentation mode",
    "切换为英文界面；地址中带 lang=en 即打开英文界面": "Show the dashboard in English; lang=en in the address opens it in English",
    "每页变成一组适合投影的幻灯片，按 总览 → 办学条件 → 师资队伍 → 教育质量 → 惠民服务 → 达标评估 → 达标规划 的顺序讲解，← → 键翻页；筛选保持不变":
        "Each page becomes a few slides for the projector, through Overview → Resources → Teachers → Quality → "
        "Services → Standard check → Plan; the ← → keys turn them. The filters stay as they are.",
    "已跳过损坏的快照 {snapshot}：{message}": "Skipped damaged snapshot {snapshot}: {message}",
    ":material/science: 当前为{mark}": ":material/science: Showing {mark}",
    "数据快照": "Data snapshot", "{id}（{date}，示例）": "{id} ({date}, demo)", "{id}（{date}）": "{id} ({date})",
    "默认显示最新的完好快照；在“数据”页可比较两个快照":
        "The newest intact snapshot is shown by default; the Data page compares two snapshots",
    "**筛选**": "**Filters**", "年份": "Year", "学校统计时点为当年 9 月 1 日": "School statistics as of 1 September of the year",
    "乡镇": "Township", "全县（可多选）": "Whole county",  # the box is narrow: a longer hint is cut
    "共 {n:,} 所学校：请先选择乡镇，再在学校列表中输入校名搜索。":
        "{n:,} schools: choose a township first, then type a school name in the school list to search.",
    "学校": "School", "全部学校（可多选，可输入搜索）": "All schools (type to search)",
    "学段": "Stage", "清除筛选": "Clear filters",
    "没有可用的数据快照。请在项目根目录运行 `python -m dashboard_core build-demo` 生成示例快照，或检查数据目录 {root}。":
        "No usable data snapshot. Run `python -m dashboard_core build-demo` in the project folder to build the demo "
        "snapshot, or check the data folder {root}.",
    "已跳过快照 {snapshot}：{message}": "Skipped snapshot {snapshot}: {message}",
    "{names} 等 {n} 所学校": "{names} and others ({n} schools)", "、": ", ",
    "**{mark}** · 学校层面数据为按工作汇报县级总数校准的演示数据，并非真实统计；县级数字引自工作汇报（见每项来源）。":
        "**{mark}** · School-level figures are demonstration data calibrated to the county totals of the work "
        "report, not real statistics; county figures are quoted from the work report (see each source).",
    "范围：{scope} · {year} 年": "Scope: {scope} · {year}",
    " · 数据快照 {id}（{date}）": " · data snapshot {id} ({date})",
    "来源：数据快照 {id}（{date}，{kind}）表 {tables}": "Source: data snapshot {id} ({date}, {kind}), tables {tables}",
    "查看图表数据（表格）": "Chart data (table)",
    "由察布查尔县义务教育优质均衡发展监测看板导出": "Exported from the Qapqal County compulsory education monitor",
    "来源：工作汇报 {section}（原文见下载数据或悬停提示）":
        "Source: work report {section} (excerpts in the download and on hover)",
    "下载数据（CSV）": "Download data (CSV)", "下载报告数字（CSV）": "Download report figures (CSV)",
    "工作汇报中没有这一部分的数字。": "The work report has no figures for this part.",
    "来源：察布查尔县推进义务教育优质均衡发展工作汇报（原文摘录，逐字引用）":
        "Source: Qapqal County work report on high-quality balanced compulsory education (excerpts quoted verbatim, in Chinese)",
    "工作汇报原文：“{excerpt}”": "Report excerpt: “{excerpt}”",
    "**演示 {i} / {n}**": "**Slide {i} / {n}**", "**演示模式**": "**Presentation mode**",
    "上一页": "Previous", "下一页": "Next", "从头开始": "Start", "退出演示": "Exit presentation",
    "简报": "briefing", "**简报**": "**Briefing**",

    # page headers
    "察布查尔锡伯自治县义务教育概况": "Compulsory education in Qapqal Xibe Autonomous County",
    "对照《县域义务教育优质均衡发展督导评估办法》逐项评估":
        "Item by item against the national supervision and evaluation measures for high-quality balance",
    "资源配置：投入、布局、校舍、场地与装备": "Resources: investment, layout, buildings, grounds and equipment",
    "编制与结构、交流轮岗、引进与培养、待遇与培训": "Staffing and structure, rotation, recruitment and development, pay and training",
    "教研与竞赛、体育特色、课后服务、校园文化、城乡差距":
        "Teaching research and contests, sports, after-school services, school culture, urban–rural gaps",
    "教育公平、营养改善、校园安全、思政育人": "Equity, nutrition, school safety, ideological-and-political education",
    "一校一档：基本情况、达标情况、变化趋势与对比": "One file per school: basics, the standard, trends and comparison",
    "数据快照、导入模板、导入与比较": "Data snapshots, import template, import and comparison",
    "怎样使用本看板，以及无障碍声明": "How to use this dashboard, and the accessibility statement",
    # shared wording
    "所选范围没有学校数据。": "The selected scope has no school data.",
    "所选范围内没有学校数据。": "The selected scope has no school data.",
    "{n} 人": "{n}", "{n} 个": "{n}", "{n} 元": "{n} yuan", "{n} 万元": "{n} × 10,000 yuan", "{n} 间": "{n} rooms",
    "；": "; ", "打开档案": "Open profile", "个数": "Count", "项数": "Items", "人数": "People", "次数": "Times",
    "范围": "Scope", "快照编号": "Snapshot", "创建时间": "Created", "交流率（%）": "Rotation rate (%)",
    "符合条件教师": "Eligible teachers", "交流轮岗教师": "Rotating teachers", "其中骨干教师": "Of whom backbone teachers",
    "缺少（人）": "Missing (people)", "每百名学生": "Per 100 students", "体育艺术教师": "PE and arts teachers",
    "校园文化品牌": "School culture brand", "“树”文化": "“Tree” culture", "“三香”文化": "“Three fragrances” culture",
    "“小白杨”文化": "“Little white poplar” culture", "问题": "Problem", "修改方法": "How to fix",
    "一等奖": "First prizes", "二等奖": "Second prizes", "三等奖": "Third prizes",
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
    "查看逐项评估与学校差距": "See every item and what schools lack",
    "县情": "The county", "行政区划": "Towns / townships / farms",
    "{towns} 镇 {townships} 乡 {farms} 场": "{towns} / {townships} / {farms}",
    "工作汇报原文：“{excerpt}”；另有 {villages} 个村（社区）、{companies} 个连队":
        "Report excerpt: “{excerpt}”; also {villages} villages (communities) and {companies} farm companies",
    "来源：工作汇报 一、基本情况。悬停数字可查看原文。": "Source: work report, 1. Basic facts. Hover a figure to see the excerpt.",
    "义务教育规模（工作汇报）": "Compulsory education in numbers (work report)",
    "来源：工作汇报 一、基本情况；二（一）坚持高位推动。": "Source: work report, 1. Basic facts; 2.1 Strong leadership.",
    "所选范围 {first}—{year} 年变化（{scope}）": "Change {first}–{year} in the selected scope ({scope})",
    "{delta:+,.0f}（较 {year} 年）": "{delta:+,.0f} (since {year})",
    "（2024 年全县合计与工作汇报一致；此前年份为示例数据）": " (2024 county totals equal the work report; earlier years are demo data)",
    "乡镇对比：学校、学生与达标情况": "Townships compared: schools, students and the standard",
    "{year} 年各乡镇在校学生与达到学校标准的比例": "Students by township and share of school parts meeting the school standard, {year}",
    "；达标按国家标准逐校（学段）判定": "; each school part judged against the national standard",
    "所选范围的学校（{scope} · {year} 年）": "Schools in the selected scope ({scope} · {year})",
    "工作汇报中的基本情况": "Basic facts in the work report",
    # resources
    "2022 年以来的投入与建设": "Investment and construction since 2022",
    "来源：工作汇报 {section}。布局调整目标：“乡镇办小学，县城办中学”。":
        "Source: work report {section}. Layout goal: primary schools in the townships, secondary schools in the county town.",
    "教育经费：总支出与生均支出": "Education spending: total and per student",
    "一般公共预算内教育总支出（亿元）": "Public-budget education spending (100 million yuan)",
    "生均教育支出（元）": "Education spending per student (yuan)",
    "；空心菱形为示例数据（报告未给出 2023 年）": "; hollow diamonds are demo data (the report gives no 2023 figure)",
    "逐校对照国家标准：校舍、场馆、设备、多媒体教室":
        "Each school against the national standard: buildings, sports grounds, equipment, multimedia rooms",
    "（按达到标准值的比例排序，点击条形打开学校档案）": " (sorted by share of the standard; click a bar to open the school profile)",
    "；九年一贯制学校按学段加权学生数拆分": "; nine-year integrated schools split by stage-weighted students",
    "按乡镇汇总": "By township",
    "各乡镇生均资源达到标准值的比例（乡镇合计 ÷ 乡镇学生数）":
        "Resources per student by township as a share of the standard (township total ÷ township students)",
    "工作汇报中的办学条件数字": "Resource figures in the work report",
    # teachers
    "教职工与专任教师（{scope} · {year} 年）": "Staff and full-time teachers ({scope} · {year})",
    "各校生师比（学生数 ÷ 专任教师数；虚线为所选范围合计）":
        "Student–teacher ratio by school (students ÷ full-time teachers; dashed line: selected scope overall)",
    "逐校对照国家标准：学历、骨干、体育艺术教师":
        "Each school against the national standard: qualifications, backbone teachers, PE and arts teachers",
    "（点击条形打开学校档案）": " (click a bar to open the school profile)",
    "；教师按任教学段计": "; teachers counted by the stage they teach",
    "总量超编、结构性短缺：体育艺术教师": "Overstaffed in total, short in structure: PE and arts teachers",
    "{stage}每百名学生 {value:.2f} 名（标准 {threshold:g}）": "{stage}: {value:.2f} per 100 students (standard {threshold:g})",
    "所选范围合计：{overall}，总量达标；但 {n} 个学校（学段）低于标准，共缺 {missing} 名体育、艺术专任教师。":
        "Selected scope overall: {overall}, so the total meets the standard; but {n} school parts are below it, "
        "missing {missing} PE and arts teachers in all.",
    "共 {n:,} 个，表中列出前 {shown} 个，完整名单请下载 CSV。": "{n:,} in all; the table lists the first {shown}; download the CSV for all.",
    "所选范围合计：{overall}；范围内每个学校（学段）都达到标准。":
        "Selected scope overall: {overall}; every school part in scope meets the standard.",
    "教师交流轮岗": "Teacher exchange and rotation",
    "全县交流轮岗比例对照国家标准（黑色刻度为要求）": "County exchange-and-rotation rates against the national standard (black ticks: required)",
    "；标准：政府保障第 11 项": "; standard: government guarantee item 11",
    "{year} 年没有全县交流轮岗数据（工作汇报给出的是 2024 年）。": "No county exchange-and-rotation data for {year} (the work report gives 2024).",
    "各校交流轮岗（{n:,} 所学校，列出前 {shown} 所）": "Rotation by school ({n:,} schools, first {shown} listed)",
    "各校交流轮岗（{n:,} 所学校）": "Rotation by school ({n:,} schools)",
    "2024 年教师补充与调配": "New teachers and reallocation, 2024",
    "2024 年教师补充渠道": "Where new teachers came from, 2024",
    "打破编制和岗位设置的校际壁垒，在全县统筹调配。": "Staff quotas and posts reallocated across schools county-wide.",
    "名师引领：工作室与骨干教师": "Leading teachers: studios and backbone teachers",
    "名书记（校长）、名师、教学能手工作室": "Studios of leading principals, teachers and teaching experts",
    "工作汇报：实现校校达标（每校每百名学生至少 1 名骨干教师）。":
        "Work report: every school meets the standard (at least 1 backbone teacher per 100 students).",
    "待遇与培训（2024 年）": "Pay and training (2024)",
    "来源：工作汇报 {section}。国家标准：教师平均工资不低于当地公务员；培训经费不低于公用经费预算的 5%。":
        "Source: work report {section}. National standard: teachers' average pay not below local civil servants'; "
        "training at least 5% of the public-funds budget.",
    "工作汇报中的师资队伍数字": "Teacher figures in the work report",
    # quality
    "教研成果与教学竞赛": "Teaching research and teaching contests",
    "伊犁州第十届苏伊杯比赛获奖": "Prizes at the 10th Suyi Cup of Ili Prefecture",
    "课题结题": "Research projects completed",
    "传统体育项目：摔跤、射箭、足球": "Traditional sports: wrestling, archery, football",
    "奖牌榜": "Medal table",
    "。足球代表队 2023 年获自治区青少年足球活动小学男子甲组冠军，2024 年获第三届中国青少年足球联赛亚军。":
        ". The football team won the autonomous-region-level primary boys' A title in 2023 and was runner-up in the 3rd China Youth Football League in 2024.",
    "“双减”与课后服务": "“Double reduction” and after-school services",
    "。社团包括书法、射箭、戏曲、科技创新等；编程大赛获二等奖 1 个、三等奖 2 个。":
        ". Clubs include calligraphy, archery, opera and science; the coding contest brought 1 second and 2 third prizes.",
    "名师送教与校园文化": "Outreach teaching and school culture",
    "**“一校一品”校园文化品牌**（工作汇报列举）": "**“One school, one brand” school culture** (named in the work report)",
    "{source}：“{excerpt}”": "{source}: “{excerpt}”",
    "国家标准：教育质量 9 项": "National standard: 9 education-quality items",
    "县级指标按全县评估；报告和数据快照都没有的项目标为“无数据”。":
        "County items are judged for the whole county; items neither the report nor the snapshot covers are marked “No data”.",
    "城乡差距：城区、镇区、乡村学校的资源配置": "Urban–rural gaps: resources of urban, town and rural schools",
    "工作汇报指出：“义务教育段学校城乡、校际间教育教学质量仍有一定差距”。学业质量数据暂缺，下面用 7 项资源配置指标比较三类学校（各类合计 ÷ 学生数，占标准值的比例）。":
        "The work report notes gaps in teaching quality between urban and rural schools and between schools. "
        "With no attainment data yet, the 7 resource indicators compare the three kinds of school "
        "(total of each kind ÷ its students, as a share of the standard).",
    "{stage}：城区 / 镇区 / 乡村": "{stage}: urban / town / rural",
    "工作汇报中的教育质量数字": "Quality figures in the work report",
    # services
    "教育公平": "Equity", "对照国家标准（黑色刻度为各项要求）": "Against the national standard (black ticks: required)",
    "；标准：政府保障第 15 项、教育质量第 2 项": "; standard: government guarantee item 15, education quality item 2",
    "营养改善计划（2024 年）": "Nutrition programme (2024)", "每生每年": "Per student per year",
    "{spend} 万元 ÷ {pupils} 人（由报告两个数字计算）": "{spend} × 10,000 yuan ÷ {pupils} students (computed from two figures of the report)",
    "全年在校天数（假设）": "School days a year (assumed)",
    "报告未给出在校天数；国家营养改善计划按全年在校 200 天测算，可按本县实际修改":
        "The report gives no number of school days; the national nutrition programme assumes 200, change it to the county's own",
    "每生每个在校日（按 {days} 天计）": "Per student per school day ({days} days)",
    "。每生每日金额为计算值：投入 ÷ 学生数 ÷ 在校天数，在校天数为假设。":
        ". The daily amount is computed: spending ÷ students ÷ school days; the school days are an assumption.",
    "校园安全": "School safety", "校园安全工作量": "School safety work",
    "；常态化落实“4个100%”安全措施，教育系统未发生安全责任事故":
        "; the “four 100%” safety measures are routine, and the education system had no liability accidents",
    "思政育人": "Ideological-and-political education", "2024 年研学参与人次": "Study-trip participants, 2024",
    "以盐城实验学校为中心建立中小学思政一体化结对共建联盟。":
        "An ideological-and-political education partnership of primary and secondary schools is built around Yancheng Experimental School.",
    "工作汇报中的惠民服务数字": "Service figures in the work report",
    # school profile
    "快照中没有学校。": "The snapshot has no schools.",
    "{township} · {type} · {setting} · 学校编号 {id}": "{township} · {type} · {setting} · school ID {id}",
    " · 校名为示例": " · the name is an example",
    "{year} 年没有这所学校的数据。": "No data for this school in {year}.",
    "基本情况（{year} 年）": "Basics ({year})", "班级": "Classes", "教学及辅助用房": "Teaching and auxiliary rooms",
    "体育运动场馆": "Sports grounds and halls", "教学仪器设备值": "Teaching equipment value",
    "网络多媒体教室": "Networked multimedia classrooms",
    "{stage} {n} 人": "{stage} {n} students",
    "（学校编号 {id}，{year} 年）": " (school ID {id}, {year})",
    "国家标准 7 项指标": "The 7 indicators of the national standard",
    "**{stage}**（{n} 名学生）：": "**{stage}** ({n} students): ",
    "无在校生。": "no students.", "达到学校标准（{n} 项达到标准值）。": "meets the school standard ({n} indicators met).",
    "未达到学校标准。": "does not meet the school standard. ",
    "与本乡镇、全县对比": "Against its township and the county",
    "{stage}：本校、{township}与全县（合计 ÷ 学生数，占标准值的比例）":
        "{stage}: this school, {township} and the county (total ÷ students, as a share of the standard)",
    "变化趋势": "Trend", "{stage}：各项指标达到标准值的比例，逐年": "{stage}: each indicator as a share of the standard, by year",
    "多校对比（最多 5 所）": "Compare schools (up to 5)", "选择要对比的学校": "Schools to compare",
    "选择 2 至 5 所学校": "Choose 2 to 5 schools", "选择至少一所其他学校，与本校并排比较。":
        "Choose at least one other school to compare side by side.",
    "各校指标达到标准值的比例": "Indicators as a share of the standard, by school",
    # standards
    "{stage} {total} 所中 {passing} 所达到学校标准": "{stage}: {passing} of {total} schools meet the school standard",
    "{scope}{year} 年：{verdict}。": "{scope}, {year}: {verdict}. ",
    "；差异系数 {cv_total} 项中 {cv_passing} 项在限值以内；县级 {items} 项中 {met} 项达到、{not_met} 项未达到、{no_data} 项暂无数据。":
        "; {cv_passing} of {cv_total} CVs within their limits; of {items} county items {met} met, {not_met} not met and {no_data} without data.",
    "**原因：**": "**Why:**",
    "当前只看所选范围：学校达标情况和差异系数按范围内的学校重新计算（仅供分析，正式评估以全县为准）；县级指标始终按全县评估。":
        "Only the selected scope is shown: school results and CVs are recomputed for the schools in scope (for analysis; "
        "the official evaluation is for the whole county); county items are always for the whole county.",
    "{stage}达标学校": "{stage} schools meeting the standard",
    "未达到 {not_met} 项，无数据 {no_data} 项": "{not_met} not met, {no_data} without data",
    "学校 × 指标达标情况": "Schools × indicators",
    "✓ 达到标准值\u3000△ 未达到但不低于标准值的 85%\u3000✗ 低于 85%\u3000— 无在校生。学校标准：7 项中至少 6 项达到标准值，其余 1 项不低于标准值的 85%。悬停可看数值与标准值，点击格子打开学校档案。":
        "✓ meets the standard value · △ below it but at least 85% · ✗ below 85% · — no students. School standard: at least 6 of "
        "the 7 indicators meet the standard value and the other one reaches at least 85% of it. Hover for values; "
        "click a cell to open the school profile.",
    "；九年一贯制学校的校舍、场馆、设备、多媒体教室按学段加权学生数（初中生 × 1.1）拆分":
        "; buildings, sports grounds, equipment and multimedia rooms of nine-year integrated schools are split by stage-weighted students (junior × 1.1)",
    "学校差距：还差多少才能达标": "What schools lack to meet the standard",
    "选择学校": "School", "（未达标）": " (not met)",
    "**{school} · {stage}**（{n} 名学生）：": "**{school} · {stage}** ({n} students): ",
    "该学段无在校生，不计算指标。": "no students in this stage; no indicators computed.",
    "未达到学校标准（{met} 项达到标准值，{floor} 项不低于 85%，{below} 项低于 85%）。":
        "does not meet the school standard ({met} met, {floor} at least 85%, {below} below 85%). ",
    "差异系数（校际均衡）": "Coefficients of variation (balance between schools)",
    "所选范围（{scope}）内的学校，重新计算": "the schools in the selected scope ({scope}), recomputed",
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
    "导入模板": "Import template", "下载空白导入模板（Excel）": "Download the blank import template (Excel)",
    "下载当前快照为 Excel（{id}）": "Download the current snapshot as Excel ({id})",
    "模板每张表一个工作表，表头为中文（也可用英文列名），“字段说明”工作表列出每一列的类型、单位和示例。也可以先下载当前快照，在 Excel 中修改后重新导入。":
        "The template has one sheet per table with Chinese headers (English column names work too); the “字段说明” "
        "sheet gives each column's type, unit and an example. You can also download the current snapshot, edit it "
        "in Excel and import it again.",
    "导入统计数据": "Import statistics",
    "导入功能未开启：需要先设置管理员密码。本机运行时，在项目的 `.streamlit/secrets.toml` 中写入一行 `admin_password = \"你的密码\"`；在 Streamlit Community Cloud 上，在应用的 Settings → Secrets 中加入同样一行。设置后刷新本页即可上传。":
        "Import is off until an administrator password is set. Locally, add the line `admin_password = \"your password\"` "
        "to `.streamlit/secrets.toml` in the project; on Streamlit Community Cloud, add the same line under the app's "
        "Settings → Secrets. Then reload this page to upload.",
    "管理员密码": "Administrator password", "密码不正确。": "Wrong password.",
    "上传填写好的模板（.xlsx，不超过 {mb} MB）": "Upload the filled-in template (.xlsx, at most {mb} MB)",
    "导入为新快照": "Import as a new snapshot", "已导入为新快照 {id}，现在显示的就是它。": "Imported as new snapshot {id}, now in view.",
    "比较两个快照": "Compare two snapshots",
    "目前只有一个快照；导入新数据后可在这里比较前后变化。": "There is only one snapshot; after an import, compare before and after here.",
    "原快照": "Old snapshot", "新快照": "New snapshot",
    "两个快照没有相同的年份，无法比较。": "The two snapshots share no year; nothing to compare.",
    "**{year} 年，全县**": "**{year}, whole county**",
    "**结论变化的学校（学段）：{n} 个**": "**School parts whose verdict changed: {n}**",
    "**数值或状态变化的指标：{n} 项**": "**Indicators whose value or status changed: {n}**",
    # guide
    "快速上手": "Getting started", "达标状态的表示": "How status is shown", "无障碍声明": "Accessibility statement",
    "状态同时用颜色和符号（✓ △ ✗ —）表示，不单靠颜色区分。": "Status is shown by colour and by symbol (✓ △ ✗ —), never by colour alone.",
    # briefing
    "察布查尔锡伯自治县义务教育优质均衡发展简报": "Qapqal Xibe Autonomous County: briefing on high-quality balanced compulsory education",
    "范围：{scope}": "Scope: {scope}", "数据快照：{id}（{date}）": "Data snapshot: {id} ({date})",
    "示例数据：学校层面数字为演示用途，非真实统计": "Demo data: school-level figures are for demonstration, not real statistics",
    "数据来源：本县教育统计": "Data: the county's education statistics", "来源：": "Source: ", "{label}：{value}": "{label}: {value}",
    "所选范围在校学生（{year}）": "Students in the selected scope ({year})",
    "各乡镇在校学生与达标比例": "Students and the standard by township",
    "各乡镇在校学生与达到学校标准的比例": "Students by township and share of school parts meeting the school standard",
    "达标评估：{verdict}。": "Standard check: {verdict}.", "结论：{verdict}。": "Verdict: {verdict}.",
    "教育总支出": "Education spending", "生均体育运动场馆面积": "Sports area per student",
    "生均体育运动场馆面积（最低的 20 个学校学段）": "Sports area per student (the lowest 20 school parts)",
    "教育公平对照国家标准": "Equity against the national standard", "对照国家标准（黑色刻度为要求）": "Against the national standard (black ticks: required)",
    "工作汇报与数据快照": "Work report and data snapshot", "学生数加权": "weighted by students",
    "空心菱形为示例数据": "hollow diamonds are demo data", "数据快照 {id}（{date}，示例数据）": "data snapshot {id} ({date}, demo data)",
    "数据快照 {id}（{date}）": "data snapshot {id} ({date})",
    "{stage}差异系数": "{stage} CVs",
    # import validation (sheet and column names stay as the template writes them, in quotes)
    "请填写{kind}，例如 {example}": "Fill in a {kind}, e.g. {example}",
    "文本": "text", "整数": "whole number", "数值": "Value", "是/否": "yes/no",
    "【{tag}】{where}：{message}。{fix}": "[{tag}] {where}: {message}. {fix}",
    "{file}：发现 {errors} 个错误、{warnings} 条提醒，未导入。请按提示修改后重新上传。":
        "{file}: {errors} errors and {warnings} warnings found; nothing imported. Fix them as described and upload again.",
    "{file}：校验通过。": "{file}: passed the checks.", "{file}：校验通过，有 {n} 条提醒。": "{file}: passed the checks, with {n} warnings.",
    "工作表“{sheet}”": "sheet “{sheet}”", "文件": "file", "第 {row} 行": ", row {row}", "“{column}”列": ", column “{column}”",
    "错误": "Error", "提醒": "Warning", "级别": "Level", "工作表": "Sheet", "列": "Column",
    "找不到文件 {path}": "File not found: {path}", "请检查文件路径": "Check the file path",
    "文件是空的（0 字节）": "The file is empty (0 bytes)", "请上传填写好的模板文件": "Upload the filled-in template",
    "文件过大（{size:.1f} MB，上限 {limit} MB）": "The file is too large ({size:.1f} MB; the limit is {limit} MB)",
    "请删除无关的工作表、图片和格式后再上传": "Remove unrelated sheets, pictures and formatting, then upload again",
    "“{value}”不是“是”或“否”": "“{value}” is not yes or no (是 / 否)",
    "请填写“是”或“否”，或留空表示否": "Fill in “是” (yes) or “否” (no); empty means no",
    "“{value}”不是数字": "“{value}” is not a number", "“{value}”不是有效数字": "“{value}” is not a valid number",
    "数值过大（{value}）": "The number is too large ({value})",
    "请检查是否多填了位数或粘贴了其他内容": "Check for extra digits or pasted text",
    "年份“{value}”不合理": "The year “{value}” is not plausible", "请填写四位数的统计年度，例如 2025": "Fill in the four-digit statistical year, e.g. 2025",
    "不能为负数（{value}）": "Cannot be negative ({value})",
    "请检查是否录入错误，人数、面积、金额都应为 0 或正数": "Check the entry: people, areas and amounts are 0 or more",
    "第一行没有表头": "The first row has no headers", "请从模板复制“{sheet}”表的表头行": "Copy the header row of the “{sheet}” sheet from the template",
    "这张表没有数据行": "This sheet has no data rows",
    "请在表头下方填写数据（见“{fields}”表中的示例）": "Fill in data below the header row (see the examples in the “{fields}” sheet)",
    "“{key}”重复出现（第 {rows} 行）": "“{key}” appears more than once (rows {rows})",
    "每个编号（或编号与年份、学段的组合）只能出现一次，请删除或合并重复的行":
        "Each ID (or ID, year and stage together) may appear only once: delete or merge the repeated rows",
    "无法作为 Excel 工作簿打开（{kind}）": "Cannot be opened as an Excel workbook ({kind})",
    "请上传用模板填写的 .xlsx 文件；如是 .xls 或 WPS 格式，请另存为“Excel 工作簿（*.xlsx）”后再上传":
        "Upload the .xlsx file filled in from the template; save .xls or WPS files as “Excel Workbook (*.xlsx)” first",
    "文件编码无法识别": "The file's encoding is not recognised", "请用 Excel“另存为 CSV UTF-8”后再导入": "Save it from Excel as “CSV UTF-8”, then import again",
    "文件夹中没有 CSV 文件": "The folder has no CSV files",
    "每张表一个 CSV 文件，文件名用表名，如 学校.csv 或 schools.csv": "One CSV file per table, named after the table, e.g. 学校.csv or schools.csv",
    "不是 Excel（.xlsx）文件": "Not an Excel (.xlsx) file",
    "请上传用模板填写的 .xlsx 文件，或另存为“Excel 工作簿（*.xlsx）”": "Upload the .xlsx file filled in from the template, or save it as “Excel Workbook (*.xlsx)”",
    "须为整数（{value}）": "Must be a whole number ({value})",
    "“{header}”是计数，请填写整数，例如 {example}": "“{header}” is a count: fill in a whole number, e.g. {example}",
    "这一列不是模板中的列，导入时将忽略": "This column is not in the template and will be ignored",
    "如是拼写错误，请改成“{fields}”表中的列名": "If it is a typo, use the column name given in the “{fields}” sheet",
    "乡镇代码“{code}”不在“乡镇”表中": "Township code “{code}” is not in the “乡镇” (townships) sheet",
    "请改成“乡镇”表中已有的代码，或先在“乡镇”表中补上这个乡镇": "Use a code from the “乡镇” sheet, or add the township there first",
    "学校编号“{id}”不在“学校”表中": "School ID “{id}” is not in the “学校” (schools) sheet",
    "请核对编号，或先在“学校”表中补上这所学校": "Check the ID, or add the school to the “学校” sheet first",
    "“{name}”是{kind}，不应有初中学生": "“{name}” is a {kind} school and should have no junior secondary students",
    "请把学段改为“小学”，或在“学校”表中把学校类型改为九年一贯制学校": "Change the stage to “小学” (primary), or make the school a nine-year school in the “学校” sheet",
    "“{name}”是{kind}，不应有小学学生": "“{name}” is a {kind} and should have no primary students",
    "请把学段改为“初中”，或在“学校”表中修改学校类型": "Change the stage to “初中” (junior secondary), or change the school type in the “学校” sheet",
    "“{name}”在校学生数为 0": "“{name}” has 0 students",
    "如学校已停办，请在“学校”表“是否停办”填“是”；否则请填写实际学生数": "If the school has closed, put “是” in “是否停办” in the “学校” sheet; otherwise fill in the real number of students",
    "专任教师合计 {teachers} 人，多于教职工数 {staff} 人": "Full-time teachers total {teachers}, more than the {staff} staff",
    "教职工数应包含专任教师，请核对": "Staff include the full-time teachers: please check",
    "交流轮岗教师多于符合交流条件的教师": "More rotating teachers than teachers eligible to rotate", "请核对这两列": "Check these two columns",
    "交流轮岗骨干教师多于交流轮岗教师": "More rotating backbone teachers than rotating teachers",
    "骨干教师包含在交流轮岗教师中，请核对": "Backbone teachers are among the rotating teachers: please check",
    "缺少工作表“{sheet}”（英文名 {name}）": "The sheet “{sheet}” ({name}) is missing",
    "请使用导入模板，不要删除或改名其中的工作表": "Use the import template without deleting or renaming its sheets",
    "请只填写数字，单位为{unit}，例如 {example}；不要带单位或文字": "Fill in the number only, in {unit}, e.g. {example}; no units or words",
    "请只填写数字，例如 {example}；不要带单位或文字": "Fill in the number only, e.g. {example}; no units or words",
    "缺少“{header}”列（英文名 {name}）": "The column “{header}” ({name}) is missing",
    "请在表头行加上“{header}”列；表头可用中文或英文，见“{fields}”表": "Add the column “{header}” to the header row; headers may be Chinese or English, see the “{fields}” sheet",
    "有学生但班级数为 0": "There are students but 0 classes", "请填写实际班级数": "Fill in the real number of classes",
    "“{header}”（{n}）多于专任教师数（{teachers}）": "“{header}” ({n}) is more than the full-time teachers ({teachers})",
    "这些教师都包含在专任教师中，请核对": "These teachers are among the full-time teachers: please check",
    "生均仅 {n:.2f} 元，像是按“万元”填写的": "Only {n:.2f} yuan per student: it looks filled in as 10,000 yuan",
    "本列单位是“元”；如填的是万元，请乘以 10000": "This column is in yuan; if you entered 10,000 yuan units, multiply by 10000",
    "生均 {n:.0f} ㎡，明显偏大": "{n:.0f} ㎡ per student is far too large",
    "本列单位是“㎡”；请核对是否多填了位数": "This column is in ㎡; check for extra digits",
    "生均仅 {n:.3f} ㎡，像是按“万㎡”填写的": "Only {n:.3f} ㎡ per student: it looks filled in as 10,000 ㎡",
    "本列单位是“㎡”；如填的是万㎡，请乘以 10000": "This column is in ㎡; if you entered 10,000 ㎡ units, multiply by 10000",
    "生均支出只有 {n} 元，像是按“万元”填写的": "Spending per student is only {n} yuan: it looks filled in as 10,000 yuan",
    "“单位”为元时请填写元；或把单位改为万元": "When “单位” (unit) is yuan, fill in yuan; or change the unit to 10,000 yuan",
    "{n} 亿元明显偏大，像是按“万元”填写的": "{n} × 100 million yuan is far too large: it looks filled in as 10,000 yuan",
    "请核对单位列与数值是否一致": "Check that the unit and the value agree",
    "不能为空": "Cannot be empty", "“{value}”不在可选值中": "“{value}” is not one of the allowed values",
    "只能填写：{choices}": "Allowed: {choices}",
    "平均每班 {n:.0f} 人，超过 100 人": "{n:.0f} students per class on average, more than 100",
    "请核对学生数和班级数是否填反或多填了一位": "Check whether students and classes are swapped or have an extra digit",
    # standards page: statuses, parts, conditions
    "**{stage}**（{n} 个学校（学段）参与计算）": "**{stage}** ({n} school parts counted)",
    "**达标评估** — {sentence}": "**Standard check** — {sentence}",
    "{note}（与上面 25 项并列，任何一项存在即不予认定）。是否存在由督导评估认定：县里的自查报告和承诺只能说明“自查未发现”。":
        "{note} (beside the 25 items above: any one present means the county is not recognised). Whether one is present is decided by the inspection: the county's own reports and pledges can only say “not found by its own check”.",
    "{passing} / {total} 个": "{passing} / {total}",
    "{stage}学段达标": "{stage} parts meeting the standard",
    "不予认定的情形": "Conditions for not recognising a county",
    "不予认定情形": "Non-recognition condition", "佐证": "Evidence", "依据": "Basis",
    "县级指标按全县评估。数值来自工作汇报原文或数据快照；报告和快照都没有的项目标为“无数据”，不作推测；只有一部分要求有佐证的标为“部分有佐证”。":
        "County items are judged for the whole county. Values come from the work report or the data snapshot; items "
        "neither has are marked “No data” (no guessing); items with evidence for only part of the requirement are "
        "marked “Partly evidenced”.",
    "县级指标：政府保障程度 15 项、教育质量 9 项、社会认可度 1 项":
        "County items: government guarantees (15), education quality (9), public recognition (1)",
    "各状态的含义": "What each status means",
    "学校指标：✓ 达到标准值　△ 未达到但不低于标准值的 85%　✗ 低于 85%。达标判断用未经四舍五入的数值；数值紧挨标准值时多显示小数位，不会四舍五入到标准值上。":
        "School indicators: ✓ meets the standard, △ below it but at least 85%, ✗ below 85%. Statuses use unrounded "
        "values; a value close to its standard is shown with more decimals, never rounded onto the standard.",
    "学生数加权；某学段不足 2 所学校时不计算（不适用）": "Weighted by students; not computed (not applicable) for a stage with fewer than 2 schools",
    "差异系数在限值内": "CVs within limits",
    "当前快照是**示例数据**：凡由示例数据得出的结论都标有“示例数据”，不能作为本县的评估结果。":
        "The current snapshot is **demo data**: every conclusion drawn from it is marked “demo data” and is not an "
        "evaluation of the county.",
    "未达到 {not_met} 项，部分有佐证 {partial} 项，无数据 {no_data} 项":
        "{not_met} not met, {partial} partly evidenced, {no_data} without data",
    "范围内没有该学段的学校": "No schools of this stage in the selected area",
    "范围内没有该学段的学校：差异系数不适用。": "No schools of this stage in the selected area: the CV is not applicable.",
    "范围内该学段只有 1 个学校（学段）：谈不上校际差异，差异系数不适用。":
        "Only one school part of this stage in the selected area: there is no spread between schools, the CV is not applicable.",
    "按{scope}，学生数加权：CV = S / x̄。小学限值 {primary:.2f}，初中限值 {junior:.2f}，7 项逐项判断；{points}":
        "For {scope}, weighted by students: CV = S / x̄. Limits: primary {primary:.2f}, junior secondary {junior:.2f}, "
        "each of the 7 judged on its own; {points}",
    # importer: a teaching point's central school
    "只有教学点需要填写所属中心校，这一行的编号将被忽略": "Only teaching points name a central school: this ID will be ignored",
    "如这所学校确是教学点，请把学校类型改为“教学点”；否则请清空此格":
        "If this school is a teaching point, set its type to “教学点” (teaching point); otherwise clear this cell",
    "所属中心校“{id}”是{kind}，不能管理教学点": "The central school “{id}” is a {kind}, which cannot run a teaching point",
    "所属中心校编号“{id}”不在“学校”表中": "The central school ID “{id}” is not in the “学校” (schools) sheet",
    "教学点“{name}”没有填写所属中心校编号": "The teaching point “{name}” names no central school",
    "请填写一所小学或九年一贯制学校的编号": "Enter the ID of a primary or nine-year integrated school",
    "请填写管理这个教学点的中心校（小学或九年一贯制学校）的学校编号":
        "Enter the ID of the central school (primary or nine-year integrated) that runs this teaching point",
    "请核对编号，或先在“学校”表中补上这所中心校": "Check the ID, or add this central school to the “学校” (schools) sheet first",
    # year handling, teachers, quality, services
    "{name}（{year} 年）": "{name} ({year})",
    "义务教育规模（工作汇报所述现状）": "Compulsory education in numbers (as the work report states them)",
    "以下是工作汇报所述的现状（{report} 年），不是所选 {year} 年的数据；所选年份的数字见下方“所选范围”各节。":
        "These are the work report's current figures ({report}), not figures of the selected year {year}; the "
        "sections on the selected area below give that year's numbers.",
    "所选范围 {year} 年（{scope}）": "Selected area, {year} ({scope})",
    "（{year} 年全县合计与工作汇报一致；此前年份为示例数据）":
        " (the {year} county totals equal the work report; earlier years are demo data)",
    "体育艺术教师：逐校缺口": "PE and arts teachers: the gap school by school",
    "（按示例数据计算，不是本县的实际缺口）": " (computed from demo data: not the county's real gap)",
    "培训支出占学校年度公用经费预算": "Training share of school budgets",
    "超过 {value}%（报告表述）": "More than {value}% (as the report states it)",
    "工作汇报原文：“{excerpt}”。这是全县合计的表述；标准要求每所学校都不低于 5%，需逐校数据才能判定。":
        "Work report: “{excerpt}”. This is said of the county as a whole; the standard requires at least 5% in every "
        "school, which only per-school data can show.",
    "来源：工作汇报 {section}。国家标准：教师平均工资不低于当地公务员；每所学校的培训经费不低于其年度公用经费预算的 5%。":
        "Source: work report {section}. National standard: teachers' average pay not below civil servants'; every "
        "school spends at least 5% of its annual public-funds budget on training.",
    "城乡差距：城区、镇区、乡村学校的资源配置（示例数据示意）":
        "Urban–rural gap: resources of urban, town and rural schools (illustrated with demo data)",
    "报告未给出在校天数；国家基础标准按全年在校约 {days} 天测算，可按本县实际修改":
        "The report gives no number of school days; the national basic standard assumes about {days} a year. Change it to the county's figure.",
    "{diff:+.2f} 元（对照国家基础标准 {base} 元/天）": "{diff:+.2f} yuan (against the national basic standard of {base} yuan a day)",
    "国家基础标准：{text}（{source}）。": " National basic standard: {text} ({source}).",
    "**{part}**（{n} 项）": "**{part}** ({n} items)",
    "依据：{source}。": " Basis: {source}.",
    "这是一个教学点：按评估规则，它的数据并入所属中心校“{parent}”一起计算（{rule}）。以下基本情况和指标是中心校含本教学点的合计。":
        "This is a teaching point: by the evaluation rules its figures are counted with its central school “{parent}” "
        "({rule}). The figures and indicators below are the central school's, this teaching point included.",
    "本校的数字含 {n} 个所属教学点的数据（教学点并入中心校计算）。":
        "This school's figures include {n} teaching points it runs (teaching points count with their central school).",
    # importer: the registers
    "{n} ㎡ 不像一间教室的面积": "{n} ㎡ does not look like the area of one room",
    "{n} 人，多于本校专任教师 {teachers} 人": "{n}, more than the school's {teachers} full-time teachers",
    "{stage}没有 {grade} 年级": "{stage} has no grade {grade}",
    "“{item}”的结论只能填 {allowed}": "The conclusion for “{item}” can only be {allowed}",
    "Ⅰ级填 1，Ⅱ级填 2，Ⅲ级填 3，Ⅳ级填 4": "Level I is 1, II is 2, III is 3, IV is 4",
    "一个班 {n} 人，明显偏多": "{n} pupils in one class is far too many",
    "公用经费预算须大于 0": "The public-funds budget must be above 0",
    "初三人数比应在校人数多出 10% 以上": "Grade 9 has over 10% more pupils than expected",
    "县级指标填 达到 或 未达到；不予认定情形填 不存在 或 存在":
        "County items: 达到 (met) or 未达到 (not met); non-recognition conditions: 不存在 (absent) or 存在 (present)",
    "培训经费多于公用经费预算": "Training spending exceeds the public-funds budget",
    "培训经费是公用经费的一部分，请核对两列（单位都是元）": "Training is paid from public funds: check both columns (both in yuan)",
    "填县级指标编号（G01—G15、Q01—Q09、R01）、要求编号（如 G08.2）或不予认定情形编号（V01—V07）":
        "Enter a county item (G01–G15, Q01–Q09, R01), a requirement (e.g. G08.2) or a non-recognition condition (V01–V07)",
    "小学填 1—6 年级，初中填 7—9 年级": "Primary: grades 1–6; junior secondary: grades 7–9",
    "就读人数合计 {n} 人，多于适龄人数 {eligible} 人": "{n} enrolled in all, more than the {eligible} of school age",
    "差异率应在 0 与 1 之间": "The difference rate must be between 0 and 1",
    "扣除转出和死亡后人数不大于 0": "After transfers out and deaths nobody is left",
    "最小{kind}教室面积": "Smallest {kind} room area",
    "有 {n} 间{kind}教室，但没有填面积": "{n} {kind} rooms but no area given",
    "本列单位是“㎡”，填一间教室的面积": "This column is in ㎡: the area of one room",
    "校内调整不算交流轮岗，请删除此行或改正学校编号": "A move within a school is not rotation: delete the row or correct the IDs",
    "没有学生的班不要列出；请删除此行或填写实际人数": "Leave out classes without pupils: delete the row or enter the real number",
    "没有编号为“{item}”的项目": "There is no item “{item}”",
    "派出与接收是同一所学校": "The sending and the receiving school are the same",
    "班级学生数为 0": "The class has 0 pupils", "等级只能是 1—4": "The level can only be 1–4",
    "认可人数多于有效样本数": "More satisfied than respondents",
    "请填写其中面积最小的一间的面积（㎡）": "Enter the area of the smallest room (㎡)",
    "请填写本校年度公用经费预算（元）": "Enter the school's annual public-funds budget (yuan)",
    "请填小数，如 0.12（不是 12）": "Enter a decimal, e.g. 0.12 (not 12)", "请核对两列": "Check both columns",
    "请核对入学、转入、转出人数": "Check the entered, transferred-in and transferred-out counts",
    "请核对是否把年级人数填成了班级人数": "Check whether a grade's pupils were entered as one class",
    "请核对是否漏填了转入人数": "Check whether transfers in are missing",
    "请核对：随班就读、特教学校就读、送教上门三者之和不应超过适龄人数":
        "Check: regular schools, special schools and home tutoring together cannot exceed those of school age",
    "音乐": "Music", "美术": "Art",
    "来源：{source}": "Source: {source}", "查看一项的明细": "Open an item", "证据：{value}": "Evidence: {value}",
    "**{id}** {text}：{status}": "**{id}** {text}: {status}",
    "年级": "Grade", "班号": "Class", "应各有（间）": "Needed of each", "音乐教室（间）": "Music rooms",
    "最小音乐教室（㎡）": "Smallest music room (㎡)", "美术教室（间）": "Art rooms", "最小美术教室（㎡）": "Smallest art room (㎡)",
    "核定公用经费的学生数": "Students funded for", "比例（%）": "Share (%)", "科目": "Subject",
    "调查对象": "Respondent group", "有效样本数": "Respondents", "认可人数": "Satisfied", "认可度（%）": "Satisfied (%)",
    "文件名称": "Document", "发文单位": "Issuer", "文号": "Number", "日期": "Date",
    # registers on the pages
    "**交流方向（{year} 年，全县，逐人次登记）**：{n} 人次中 {rural} 人次到乡村学校。":
        "**Direction of exchange and rotation ({year}, whole county, every move registered)**: {rural} of {n} moves went to rural schools.",
    "**佐证台账（靠文件判定的项目）**": "**Evidence register (items judged by documents)**",
    "{subject} 缺 {n} 人（{schools} 所学校）": "{subject} short by {n} ({schools} schools)",
    "保存佐证台账为新快照": "Save the evidence register as a new snapshot",
    "入学 {n} 人 ÷ 适龄 {eligible} 人：随班就读 {regular}、特殊教育学校 {special}、送教上门 {home}":
        "{n} enrolled ÷ {eligible} of school age: {regular} in regular schools, {special} in special schools, {home} taught at home",
    "分学科教师：实有与按课时应配（{scope}）": "Teachers by subject: in post and needed by the curriculum ({scope})",
    "初三在校 {completed} 人 ÷（三年前初一入学 {entered} + 转入 {moved_in} − 转出 {moved_out} − 死亡 {deceased}）":
        "{completed} in grade 9 ÷ ({entered} entered grade 7 + {moved_in} in − {moved_out} out − {deceased} deceased)",
    "初中三年巩固率（{year} 年毕业届）": "Junior three-year retention (cohort completing {year})",
    "国家义务教育质量监测（{year} 年）": "National quality monitoring ({year})",
    "已保存为新快照 {id}，现在显示的就是它。": "Saved as the new snapshot {id}, which is shown now.",
    "每项每年一行：项目编号（如 G01、G08.2、V01）、结论、文件名称、文号、日期。可增删改，保存时与导入同样校验，保存为一个新快照，当前快照不变。":
        "One row per item and year: item (e.g. G01, G08.2, V01), conclusion, document title, number, date. Add, change "
        "or delete rows; saving checks them like an import and writes a new snapshot, the current one stays as it is.",
    "级": "", "缺口最大的学科：{subjects}。": "Largest gaps: {subjects}.",
    "适龄残疾儿童少年入学率（{year} 年）": "Enrolment of children with disabilities ({year})",
    "；应配数按国家课程方案课时测算": "; the need follows the periods of the national curriculum",
    "；标准：各科达到Ⅲ级以上，校际差异率低于 0.15（教育质量第 9 项）":
        "; standard: level III or above in every subject, between-school difference below 0.15 (quality item 9)",
    "派出学校": "Sending school", "接收学校": "Receiving school", "交流人次": "Moves",
    "学科": "Subject", "实有专任教师": "Teachers in post", "按课时应配": "Needed", "缺口（人）": "Short",
    "富余（人）": "Surplus", "缺教师的学校数": "Schools short", "学业水平": "Level", "校际差异率": "Difference rate",
    "语文": "Chinese", "数学": "Mathematics", "英语": "English", "科学": "Science", "体育": "PE",
    "信息科技": "IT", "道德与法治": "Morality and law", "体育与健康": "PE and health",
    # planning page
    "{n} 项": "{n}", "{where}：从 {source} 调配 {amount} {what}": "{where}: move {amount} {what} from {source}",
    "{where}：新增 {amount} {what}": "{where}: add {amount} {what}", "下载方案（Excel）": "Download the plan (Excel)",
    "体育、艺术专任教师": "PE and arts teachers", "保存当前方案": "Save this plan", "单价（元）": "Unit cost (yuan)",
    "单位成本（元）": "Unit cost (yuan)", "单位成本（默认值为假设，可按本县实际修改）": "Unit costs (the defaults are assumptions: replace them with the county's)",
    "县级以上骨干教师（培养认定）": "Backbone teachers, county level or above (trained and recognised)",
    "如 2025年预算方案": "e.g. 2025 budget plan", "实施后达标学校（学段）": "School parts passing after the plan",
    "已保存方案“{name}”（数据快照不变）。": "Saved the plan “{name}” (the data snapshot is unchanged).",
    "已求得最低成本方案": "The least-cost plan is found",
    "所有学校与差异系数已达标，无需规划": "Every school part and every CV meets the standard: nothing to plan",
    "拆分超额班级（新增班级）": "Split oversize classes (new classes)", "按乡镇": "By township", "按学校": "By school",
    "按方案实施后：": "With the plan carried out: ", "按现有数据找不到能让所有学校达标的方案": "No plan brings every school to the standard with these data",
    "按类别": "By kind", "改动有误，仍按原方案计算：{problem}": "The changes have errors; the original plan is used: {problem}",
    "教学仪器设备": "Teaching equipment", "数量": "Quantity", "新增": "Add", "方案名称": "Plan name",
    "方案存档与比较": "Saved plans and comparison", "方案总成本": "Total cost", "方案项数": "Actions",
    "最低成本方案（{year} 年数据）": "The least-cost plan ({year} data)", "未能保存：{problem}": "Not saved: {problem}",
    "未达到的县级指标": "County items not met", "未达标的学校（学段）": "School parts not meeting the standard",
    "派出学校编号": "Sending school ID",
    "混合整数规划（HiGHS）：在每个未达标学校（学段）7 项中至少 6 项达到、其余不低于 85% 的约束下，求新增教师、培养骨干、新建用房与场地、购置设备、建设多媒体教室和校际调配教师的最低总成本；调配只动用派出学校超出其标准的教师，派出学校仍然达标；九年一贯制学校的设施按 1 : 1.1 拆分到两个学段。差异系数不是线性的：先求解，再检查差异系数，超限时要求最低的学校提高到使差异系数回到限值以内的共同水平，再求解。音乐美术教室与超额班级按台账逐校补齐。":
        "Mixed-integer programming (HiGHS): with every failing school part required to meet at least 6 of 7 indicators "
        "and keep the last at 85% or more, the least total cost of hiring teachers, training backbone teachers, building "
        "floor area and sports grounds, buying equipment, equipping multimedia rooms and moving teachers between schools. "
        "A move takes only teachers above the sending school's own standard, so it stays passing; nine-year integrated "
        "schools' facilities are split 1 : 1.1 between their stages. The CV is not linear: solve, check the CVs, and where "
        "one is over its limit require the lowest schools to reach the common level that brings it back, then solve again. "
        "Music and art rooms and oversize classes are fixed school by school from the registers.",
    "美术专用教室": "Art rooms", "调配": "Transfer", "费用合计": "Cost totals", "费用（元）": "Cost (yuan)",
    "资源": "Resource", "超限的差异系数": "CVs over the limit", "达标规划": "Plan to acceptance",
    "选择要比较的方案": "Plans to compare", "音乐专用教室": "Music rooms", "高于规定学历的专任教师": "Teachers above the required degree",
    "（学历高于规定，同时计入高于规定学历教师）": " (with a degree above the required: counts for that indicator too)",
    "最低成本的达标方案：调配优先、缺口逐校补齐，改动后立即重算": "The least-cost way to acceptance: transfers first, gaps closed school by school, recomputed as you edit",
    "措施数": "Actions", "费用（万元）": "Cost (× 10,000 yuan)", "方案": "Plan", "快照": "Snapshot", "总成本（万元）": "Total (× 10,000 yuan)",
    "实施后结论": "Verdict after", "达标学校（学段）": "School parts passing", "项目": "Item",
    "方案费用（万元）": "Cost of the plan (× 10,000 yuan)", "；单位成本见上方“单位成本”": "; unit costs as set above",
    "{year} 年 {n} 人": "{year}: {n}", "{year} 年（当前数据）": "{year} (current data)", "{year} 年（预测）": "{year} (projected)",
    "一年级招生每年变化（%）": "Yearly change of the first-grade intake (%)", "今后三年在校生预测": "Pupils in the next three years",
    "今后三年没有学校因学生变化而跌破标准或超过规模上限。": "No school falls below the standard or passes the size cap as pupils change in the next three years.",
    "快照没有 {year} 年的逐班数据（“班级”表），无法按年级推算；规划按 {year} 年的在校生计算。":
        "The snapshot has no class register for {year}, so no projection by grade; the plan uses the pupils of {year}.",
    "按年级逐年升级推算：小学毕业生按各初中现有初一人数的比例升入初中，一年级按每年 {rate:+.1f}% 变化。预测全县在校生：{years}。":
        "Each grade moves up a year; primary leavers go to the junior schools in proportion to their grade 7 now; the "
        "first grade changes by {rate:+.1f}% a year. Pupils projected for the county: {years}.",
    "最低成本方案（{target} 年预测在校生，{year} 年资源）": "The least-cost plan ({target} projected pupils, {year} resources)",
    "规划目标年份": "Target year",
    "默认值按“班级”表中历年一年级人数的趋势计算；可按本县户籍与出生人口预测修改":
        "The default follows the trend of the first grade in the class register; change it to the county's own forecast",
    "跌破学校标准": "Falls below the school standard", "超过学校规模上限": "Passes the school size cap",
    "变化": "Change", "预测学生数": "Projected pupils",
    "整改计划": "Plan to acceptance", "方案费用（按类别）": "Cost of the plan by kind",
    "{scope} · {year} 年": "{scope} · {year}",
    "**自评报告**（中文，按当前年份与乡镇）": "**Self-evaluation report** (in Chinese, for the year and townships in view)",
    # importer: caps, limits, text hygiene
    "{n:,.0f} 超过合理上限（{what}）": "{n:,.0f} is past any real school ({what})",
    "{year} 年全县在校生 {total:,.0f} 人，各校合计 {counted:,.0f} 人，相差超过 1%":
        "The county total for {year} is {total:,.0f} pupils, the schools add up to {counted:,.0f}: more than 1% apart",
    "“{value}”是科学计数法，代码已丢失位数": "“{value}” is in scientific notation: digits of the code are lost",
    "以“{first}”开头，下载成 Excel 时会被当作公式": "Starts with “{first}”, which Excel would run as a formula",
    "只列出前 {n} 条，其余 {rest} 条改正前面的问题后会再显示。": " Only the first {n} are listed; the other {rest} show once these are fixed.",
    "名称中不能有 [ ] # * ` | $ < > { } \\ ~ 这些符号，请删除": "Names cannot contain [ ] # * ` | $ < > { } \\ ~: please remove them",
    "含有换行或控制字符": "Contains a line break or a control character",
    "含有看不见的字符（零宽或左右方向控制符），已去除": "Contained invisible characters (zero-width or direction marks): removed",
    "含有符号“{char}”": "Contains the sign “{char}”",
    "学校“{id}”{year} 年有分学段数据，但没有年度数据": "School “{id}” has stage rows for {year} but no yearly row",
    "学校“{id}”{year} 年有年度数据，但没有分学段数据": "School “{id}” has a yearly row for {year} but no stage rows",
    "导入模板每张表只需几千行；请删除多余的行、列和工作表后再上传": "A template sheet needs a few thousand rows at most: delete extra rows, columns and sheets",
    "导入模板每张表只需几千行；请删除多余的行和列": "A template sheet needs a few thousand rows at most: delete extra rows and columns",
    "工作簿的单元格超过 {limit:,} 个": "The workbook has more than {limit:,} cells",
    "工作表“{sheet}”超过 {limit:,} 行": "Sheet “{sheet}” has more than {limit:,} rows",
    "工作表“{sheet}”超过 {limit} 列": "Sheet “{sheet}” has more than {limit} columns",
    "工作表多达 {n} 张（上限 {limit} 张）": "{n} sheets (at most {limit})",
    "指标名“{metric}”看板不认识，不会用到": "The dashboard does not know the figure “{metric}” and will not use it",
    "文件已损坏，无法读取（{kind}）": "The file is damaged and cannot be read ({kind})",
    "文件设有打开密码，或是旧版 .xls 格式": "The file has an opening password, or is an old .xls file",
    "文件超过 {rows:,} 行或 {cols} 列": "The file has more than {rows:,} rows or {cols} columns",
    "有 {n:,} 名学生却没有专任教师": "{n:,} pupils but no full-time teachers",
    "每一列只能出现一次：请删除重复的列（保留正确的一列）": "Each column can appear once: delete the repeated one (keep the right one)",
    "每名专任教师 {n:.0f} 名学生，明显偏多": "{n:.0f} pupils per full-time teacher: far too many",
    "第一行不是表头（像是标题行），表头在第二行": "The first row is not the header (it looks like a title); the header is in row 2",
    "表头“{header}”出现了 {n} 次": "The header “{header}” appears {n} times",
    "表头单位是“{written}”，模板要求“{unit}”": "The header's unit is “{written}”; the template's is “{unit}”",
    "请删除开头的“{first}”": "Remove the leading “{first}”", "请删除无关的行后再导入": "Delete the rows not needed and import again",
    "请删除表头上方的标题行，让第一行就是表头": "Delete the title row above the header so that row 1 is the header",
    "请在 Excel 中取消密码（文件 → 信息 → 保护工作簿），并另存为“Excel 工作簿（*.xlsx）”后再上传":
        "Remove the password in Excel (File → Info → Protect Workbook) and save as “Excel Workbook (*.xlsx)”",
    "请在 Excel 中打开并另存为新的 .xlsx 文件后再上传": "Open it in Excel, save it as a new .xlsx file and upload that",
    "请在“学校分学段数据”表补上这所学校这一年各学段的行（学生、教师等）":
        "Add this school's stage rows for the year (pupils, teachers) to the “学校分学段数据” sheet",
    "请在“学校年度数据”表补上这所学校这一年的一行（校舍、场馆、设备等）":
        "Add this school's row for the year (buildings, grounds, equipment) to the “学校年度数据” sheet",
    "请填写该学段的专任教师数": "Enter the full-time teachers of this stage", "请把内容写在一行里，删除换行": "Write it on one line",
    "请把这一列换算成{unit}后填写，并把表头改回“{header}”": "Convert the column to {unit} and set the header back to “{header}”",
    "请把这一列设为“文本”格式后重新输入完整代码，例如 654022100": "Format the column as text and enter the full code again, e.g. 654022100",
    "请核对学生数和专任教师数": "Check the pupils and the full-time teachers",
    "请核对拼写；可用的指标名见“字段说明”表和数据说明（如 rotation_rate、students_total）":
        "Check the spelling; the figures are listed in the field sheet and the data notes (e.g. rotation_rate, students_total)",
    "请核对是否多填了位数、把万当作个，或粘贴到了错误的列": "Check for an extra digit, 万 entered as units, or a value pasted into the wrong column",
    "请核对是否漏填了学校，或县级合计是否有误": "Check whether schools are missing, or the county total is wrong",
    "这类字符会让两个看似相同的值不相等或让文字倒序显示；请核对此格": "Such characters make equal-looking values differ or text show reversed: check the cell",
    "一所学校一个学段超过 1.2 万名学生": "over 12,000 pupils in one stage of a school", "一所学校一个学段超过 250 个班": "over 250 classes in one stage of a school",
    "一所学校一个学段超过 1,500 名专任教师": "over 1,500 full-time teachers in one stage of a school",
    "一所学校超过 2,500 名教职工": "over 2,500 staff in one school", "一所学校的教学及辅助用房超过 30 万㎡": "over 300,000 ㎡ of teaching rooms in one school",
    "一所学校的体育场馆超过 50 万㎡": "over 500,000 ㎡ of sports grounds in one school",
    "一所学校的仪器设备值超过 3 亿元": "over 300 million yuan of equipment in one school",
    "一所学校超过 600 间多媒体教室": "over 600 multimedia rooms in one school",
    "未能写入新快照：{problem}": "The new snapshot could not be written: {problem}", "请 {n:.0f} 秒后再试。": " Try again in {n:.0f} s.",
    "已改为显示最新的完好快照：{message}": "Now showing the newest intact snapshot: {message}",
    "（最低成本方案）": "(the least-cost plan)", "在下表中编辑": "Edit in the table below",
    "可打开已存档的方案继续修改；存档在数据目录的 scenarios 文件夹，数据快照不变":
        "Open a saved plan to go on editing it; plans are kept in the data folder's scenarios folder, the snapshots stay as they are",
    "方案“{name}”无法打开：{problem}": "The plan “{name}” cannot be opened: {problem}",
    "单元格 {ref} 是公式，但文件里没有计算结果": "Cell {ref} is a formula, but the file holds no calculated value",
    "另有 {n} 个公式单元格没有计算结果": "{n} more formula cells have no calculated value",
    "合并后只有第一个格子有值，其余读作空：请取消合并（开始 → 合并后居中 → 取消合并）并把值填到每一行":
        "Only the first cell of a merge holds its value, the others read as empty: unmerge them (Home → Merge & Center → Unmerge) and fill every row",
    "有合并单元格：{ranges}": "Merged cells: {ranges}",
    "请在 Excel 中打开、按 F9 重新计算并保存，或把公式改成数值（复制 → 选择性粘贴 → 数值）":
        "Open it in Excel, recalculate (F9) and save, or turn the formulas into values (Copy → Paste Special → Values)",
    "请在 Excel 中重新计算并保存，或把公式改成数值": "Recalculate in Excel and save, or turn the formulas into values",
    "县情（全县，工作汇报口径）": "The county (whole county, as the work report gives it)",
    "义务教育规模（全县，工作汇报口径；所选范围的数字见下方）":
        "Compulsory education in numbers (whole county, as the work report gives it; the selected area's figures are below)",
    "本页的数字都是全县口径（工作汇报与县级台账），不随所选乡镇或学校变化。":
        "The figures on this page are the whole county's (work report and county registers): they do not change with the townships or schools chosen.",
    "当前查看：{id}（在侧栏“数据快照”中切换，写在网址里）。各表一列为行数。快照一经写入不再修改；每个文件的行数与 SHA-256 校验值记录在 manifest.json 中，打开时逐一核对，不符的快照会被跳过。":
        "Showing: {id} (switch in the sidebar's “Data snapshot”; kept in the address). Each table's column is its row count. "
        "A snapshot never changes once written; each file's row count and SHA-256 are kept in manifest.json and checked on "
        "opening; a snapshot that does not match is skipped.",
    "创建日期": "Created",
    # the template's sheets, as the data page names the tables
    "学校分学段数据": "School stage rows", "学校年度数据": "School yearly rows", "县级年度指标": "County figures",
    "音乐美术教室": "Music and art rooms", "学校经费": "School funds", "教师台账": "Teacher register",
    "分学科教师": "Teachers by subject", "交流轮岗": "Rotation moves", "初中巩固率": "Junior cohorts",
    "残疾儿童少年": "Children with disabilities", "质量监测": "Quality monitoring", "满意度调查": "Survey",
    "佐证台账": "Evidence register",
    "所选": "Chosen",
    "← → 键翻页": "← → keys turn the slides",
    " · 第 {k} / {m} 张": " · slide {k} of {m}",
    "演示 {i} / {n} 页": "Page {i} of {n}",
    "上一张": "Previous slide",
    "下一张": "Next slide",
    "**{mark}** · 学校层面数据为演示数据，并非真实统计": "**{mark}** · school-level data are for demonstration, not real statistics",
    "另有 {n} 项未达到或证据不全，见“达标评估”页的逐项表。":
        "{n} more items are not met or lack evidence; see the item table on the Standards page.",
    "当前差距（全县 · {year} 年）": "Gaps today (whole county · {year})",
    "按方案实施后": "With the plan carried out",
    "；完整图表见非演示模式。": "; leave presentation mode for the full chart.",
    "；完整数据请下载 CSV。": "; download the CSV for all.",
    "范围内共 {n:,} 所学校：图中只画最低的 {shown} 个学校（学段）": "{n:,} schools in scope: the chart shows the lowest {shown} school parts",
    "共 {n:,} 所学校：图中画生师比最高的 {shown} 所": "{n:,} schools: the chart shows the {shown} with the highest ratios",
    "范围内共 {n:,} 所学校：网格只画未达标和达标项最少的 {shown} 所":
        "{n:,} schools in scope: the grid shows the {shown} failing or with fewest indicators met",
    "乡镇较多：图中只画最低的 {n} 个乡镇": "Many townships: the chart shows the lowest {n}",
    "图中只画最低的 {n} 个乡镇（学段）": "The chart shows the lowest {n} township stages",
    "共 {n:,} 个乡镇：图中画学生最多的 {shown} 个": "{n:,} townships: the chart shows the {shown} with most students",
    "逐项状态（示例数据）": "Item by item (demo data)", "逐项状态": "Item by item",
    "{n} 项全部达到。": "All {n} items are met.",
    "按示例数据：{n} 项全部达到。": "On demo data: all {n} items are met.",
    "；空心菱形为示例数据（报告未给出该年）": "; hollow diamonds are demo values (the report gives no figure for that year)",
    "{status} · {item} {text}：{value}": "{status} · {item} {text}: {value}",
    # the import: reading bounded and complete, cells refused when ambiguous
    ' 等': ' and more',
    '“{first}”和“{second}”是同一张表（{sheet}）': '“{first}” and “{second}” are the same table ({sheet})',
    '“{metric}”不能为负数（{value}）': '“{metric}” cannot be negative ({value})',
    '“{metric}”是比例，{value}% 不在 0 与 100 之间': '“{metric}” is a share: {value}% is not between 0 and 100',
    '“{name}”已停办，却有 {n:,} 名在校学生': '“{name}” is closed but has {n:,} pupils',
    '“{name}”是文件夹，不是 CSV 文件': '“{name}” is a folder, not a CSV file',
    '“{value}”的逗号位置不对，读不出确定的数': 'The commas in “{value}” are misplaced: it does not read as one definite number',
    '两张表应是同一时点（9 月 1 日）的数字：请核对哪一张没有更新': 'Both tables should count the same day (1 September): check which one is out of date',
    '停办学校的在校学生数填 0；如学校仍在办学，请在“学校”表“是否停办”填“否”': 'A closed school has 0 pupils; if the school still runs, enter “否” under “是否停办” in the “学校” sheet',
    '千位分隔符只能每三位一个（如 8,737）；小数点请用“.”（如 8737.9）': 'Thousands separators go every three digits (8,737); the decimal point is “.” (8737.9)',
    '只保留一张：删除另一张工作表（或文件）后再上传': 'Keep one: delete the other sheet (or file) and upload again',
    '只有看不见的字符，显示为空白': 'Holds only invisible characters and shows as blank',
    '名称“{name}”出现了 {n} 次（第 {rows} 行）': 'The name “{name}” appears {n} times (rows {rows})',
    '含有叠加在一起的 {n} 个以上附加符号': 'More than {n} combining marks stacked on one character',
    '学校“{id}”{year} 年{stage}各班合计 {counted:,} 人，“学校分学段数据”为 {stated:,} 人': 'School “{id}”, {year}, {stage}: its classes add up to {counted:,} pupils, “学校分学段数据” says {stated:,}',
    '导入模板每张表只需几千行；请删除多余的行、列、工作表和格式后再上传': 'A template sheet needs a few thousand rows at most: delete extra rows, columns, sheets and formatting and upload again',
    '工作表“{sheet}”的行号超过 Excel 的上限 {limit:,}': "Sheet “{sheet}” numbers a row past Excel's last row, {limit:,}",
    '工作表“{sheet}”第 {row} 行有一个单元格超过 {limit:,} 个字符': 'Sheet “{sheet}”, row {row}: a cell holds more than {limit:,} characters',
    '工作表有 {held:,} 行数据，只读出 {read:,} 行（未读出的行：{rows}）': 'The sheet holds {held:,} rows of data but only {read:,} were read (rows not read: {rows})',
    '支出、人数和比例都应为 0 或正数；请核对是否录入错误': 'Spending, counts and shares are 0 or more: check the entry',
    '文件中的“{part}”解压后超过 {mb} MB': 'The part “{part}” of the file unpacks to more than {mb} MB',
    '文件中的不同文字超过 {limit:,} 个': 'The file holds more than {limit:,} distinct texts',
    '文件内部有 {n:,} 个部件（上限 {limit} 个）': 'The file holds {n:,} parts (at most {limit})',
    '文件解压后超过 {mb} MB': 'The file unpacks to more than {mb} MB',
    '文件设有打开密码（已加密）': 'The file has an opening password (it is encrypted)',
    '无法读取文件（{kind}）': 'The file cannot be read ({kind})',
    '有一个单元格超过 {limit:,} 个字符': 'A cell holds more than {limit:,} characters',
    '每个乡镇只能有一行，请删除重复的行或改用全称': 'Each township has one row: delete the repeated row or use the full name',
    '编号“{value}”含有字母、数字、点、下划线和连字符以外的字符': 'The id “{value}” holds characters other than letters, digits, dots, underscores and hyphens',
    '编号只能用字母、数字、点（.）、下划线（_）和连字符（-），如 2165012345 或 DEMO-01': 'Use only letters, digits, dots (.), underscores (_) and hyphens (-) in an id, e.g. 2165012345 or DEMO-01',
    '请删除多余的附加符号（通常是复制时带入的），重新输入这一格': 'Delete the extra marks (usually brought in by copying) and type the cell again',
    '请只填写{header}本身，不要粘贴说明或整段文字': 'Enter the {header} only, not a note or a pasted paragraph',
    '请在 Excel 中取消密码（文件 → 信息 → 保护工作簿），另存为“Excel 工作簿（*.xlsx）”后再上传': 'Remove the password in Excel (File → Info → Protect Workbook), save as “Excel Workbook (*.xlsx)” and upload again',
    '请在 Excel 中打开、另存为新的 .xlsx 文件后再上传': 'Open it in Excel, save it as a new .xlsx file and upload again',
    '请在 Excel 中打开、另存为新的 .xlsx 文件后再上传；如仍出现，请把这几行复制到模板中': 'Open it in Excel, save it as a new .xlsx file and upload again; if this persists, copy these rows into the template',
    '请填写可见的文字': 'Enter visible text',
    '请把它改名或移出这个文件夹；每张表应是一个 CSV 文件': 'Rename it or move it out of this folder: each table is one CSV file',
    '请核对数值；如填的是小数（如 0.95），请换算成百分数（95）': 'Check the value; a decimal such as 0.95 is entered as the percentage 95',
    '请检查文件是否存在、是否有读取权限，然后重试': 'Check that the file exists and can be read, then try again',
    '请检查这一行是否缺了一个引号（引号不成对时后面的内容会连成一格）': 'Check this row for a missing quote (an unpaired quote joins what follows into one cell)',
    '请检查这一行的引号是否成对；或在 Excel 中打开后“另存为 CSV UTF-8”再导入': 'Check that the quotes on this row are paired, or open it in Excel, “Save as CSV UTF-8” and import again',
    '请用全称区分（如加上所在乡镇或村名）；同一所学校只能有一行': 'Tell them apart by their full names (add the township or village); one school has one row',
    '读出的行与工作表中的行对不上（多出 {n} 行）': 'The rows read do not match the rows of the sheet ({n} extra)',
    '读取超过 {n:.0f} 秒仍未完成': 'Reading took more than {n:.0f} seconds and was stopped',
    '这一行的格式无法读取（单元格过长或引号不成对）': 'This row cannot be read (a cell too long or an unpaired quote)',
    '长度 {n:,} 个字，超过本列上限 {limit} 个字': "{n:,} characters, more than this column's {limit}",
    "校验中途出错（{kind}），文件未导入": "The check stopped on an error ({kind}); the file was not imported",
    "请在 Excel 中打开、另存为新的 .xlsx 文件后再上传；如仍出错，请把文件交给看板维护人员":
        "Open it in Excel, save it as a new .xlsx file and upload again; if it fails again, give the file to the dashboard's maintainers",
    "请 {n:.0f} 秒后再试：到时会自动核对已输入的密码，无需重新输入。":
        "Try again in {n:.0f} s: the password typed will be checked then, with no need to type it again.",
    "下载当前快照的文件（zip，{id}）": "Download the snapshot's files (zip, {id})",
    "解压到仓库的 data/snapshots/ 下并提交，这个快照就随应用一起发布（也可作备份）。":
        "Unpack it under data/snapshots/ in the repository and commit it: the snapshot is then published with the app (it is also a backup).",
    "本应用运行在不保留文件的环境（如 Streamlit Community Cloud）：在这里导入的快照在应用重启或休眠后会消失。导入后请用上方“下载当前快照的文件”按钮下载 zip，解压到仓库的 data/snapshots/ 下并提交，才能长期保存。":
        "This app runs where files do not last (such as Streamlit Community Cloud): a snapshot imported here is gone when the app restarts or sleeps. After an import, download the zip with “Download the snapshot's files” above, unpack it under data/snapshots/ in the repository and commit it to keep it.",
    "这是示例数据（由示例快照导出，或学校名称带“（示例）”）": "This is demo data (exported from a demo snapshot, or school names marked “（示例）”)",
    "导入后的快照仍标为示例数据，页面和文件都会注明；正式数据请用本县统计数据填写模板":
        "The snapshot imported stays marked as demo data on every page and file; fill the template with the county's own statistics for real data",
    "其中 {declared} 项依据县里自己的文件或报告（自评，待核查）；未达到 {not_met} 项，部分有佐证 {partial} 项，无数据 {no_data} 项":
        "{declared} of them rest on the county's own documents or report (self-evaluated, to be checked); {not_met} not met, {partial} partly evidenced, {no_data} without data",
    "依据：**数据核算**——由台账或统计数据逐行算出；**{declared}**——只有县里自己的文件、报告或承诺，自评达到，待督导核查；**由督导评估认定**——不予认定情形和官方满意度调查，县里只能准备材料、说明自查结果。":
        "Basis: **computed from data**: worked out row by row from registers or statistics; **{declared}**: only the county's own documents, report or pledges, met by self-evaluation and to be checked by the inspectors; **decided by the inspection**: the non-recognition conditions and the official survey, for which the county can only prepare the material and state what its own check found.",
    # the survey as a sample
    "认可度 {value:.1f}%（{groups} 类对象共 {n:,} 人；95% 区间 {low:.1f}%–{high:.1f}%）":
        "{value:.1f}% satisfied ({groups} groups, {n:,} respondents; 95% interval {low:.1f}%–{high:.1f}%)",
    "：样本不足以确认达到 {threshold:g}%": ": the sample cannot confirm {threshold:g}% is reached",
    "，按同样的答案再调查约 {n:,} 人可以确定": "; about {n:,} more respondents answering alike would settle it",
    "；{groups}的样本不足以单独确认": "; the samples of {groups} cannot confirm it on their own",
    "（约再调查 {n:,} 人）": " (about {n:,} more respondents)",
    "样本确认达到": "Sample confirms met", "样本确认未达到": "Sample confirms not met", "样本不足以确认": "Sample cannot tell",
    "95% 区间下限（%）": "95% interval, low (%)", "95% 区间上限（%）": "95% interval, high (%)",
    "分调查对象的样本数、认可度与 95% 区间": "Samples, satisfaction and 95% intervals by group",
    "覆盖同名方案": "Replace the scenario of this name",
    "保存方案需要先在“数据”页输入管理员密码。": "Saving a scenario needs the admin password, given on the Data page first.",
    "尚无数据：{hint}": "No data yet: {hint}",
    "县级年度指标（来源：{source}）": "County figures (source: {source})",
    "申报条件": "Conditions for applying", "{note}。依据：{source}。": "{note}. Source: {source}.",

}
