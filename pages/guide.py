import streamlit as st

from dashboard_core.web import ui
from dashboard_core.present import charts, i18n
from dashboard_core.present.i18n import t, tr

v = ui.page_header("使用说明", "怎样使用本看板，以及无障碍声明")

st.subheader(t("快速上手"))
st.markdown({"zh": """
1. **选择范围**：左侧栏选择年份、乡镇（可多选）、学校（可多选，可输入校名搜索）和学段。所有页面都按这个范围显示，切换页面时保持不变。
2. **分享视图**：筛选条件写在浏览器地址里。复制地址发给同事，对方打开看到的就是同一个视图。
3. **看结论**：“总览”第一行是达标结论；“达标评估”逐项列出学校、差异系数和县级指标，选择一所学校可以看到它“还差多少”才能达标。
4. **查来源**：每个数字都有出处。县级数字逐字引自工作汇报（悬停或在表格“报告原文”列中查看）；学校数字来自数据快照，图表下方注明快照编号和日期。
5. **示例数据**：学校层面的统计没有公开，当前附带的是按汇报县级总数校准的示例数据，页面顶部有“示例数据”标记，导出的简报带水印。
6. **学校档案**：点击图表中的学校条形、达标网格的格子或表格中的“打开档案”，进入该校档案；可并排比较最多 5 所学校。
7. **下载**：每张图表下方可下载图表数据（CSV、Excel）和图表图片（PNG、SVG）。侧栏“简报”可下载当前视图的 PPTX 或 PDF 简报。
8. **演示模式**：侧栏打开“演示模式”后，每页变成一组适合投影的 16:9 幻灯片，每张只讲一件事（结论、一张图或几个数字），没有下载按钮和明细表格；顶部的“上一张 / 下一张”或键盘 ← → 翻页，按 总览 → 办学条件 → 师资队伍 → 教育质量 → 惠民服务 → 达标评估 → 达标规划 的顺序讲解，每张都写明范围和“示例数据”标记。地址中带 `present=true` 可直接进入，`slide=3` 打开第 3 张。
9. **语言**：侧栏顶部的“English”开关切换所有标签、图表和提示；地址中带 `lang=en` 直接打开英文界面。
10. **导入数据**：在“数据”页下载模板、填写后由管理员上传；校验会列出全部问题，导入生成新的数据快照，旧数据不会被改动。
""", "en": """
1. **Choose the scope**: in the sidebar choose the year, townships (one or more), schools (one or more; type to search) and stages. Every page shows that scope, and it stays when you switch pages.
2. **Share a view**: the filters are written into the browser address. Copy the address to a colleague and they see the same view.
3. **Read the verdict**: the first line of “Overview” is the verdict of the standard; “Standard check” lists schools, coefficients of variation and county items one by one, and for a chosen school shows what it still lacks.
4. **Check the source**: every figure has a source. County figures are quoted word for word from the work report (hover, or see the “Report excerpt” column; excerpts stay in Chinese); school figures come from a data snapshot, named with its date under each chart.
5. **Demo data**: school-level statistics are not public, so the bundled data are demonstration data calibrated to the county totals of the report. Pages carry a “demo data” mark, and exported briefings a watermark.
6. **School profile**: click a school's bar in a chart, a cell of the status grid or “Open profile” in a table to open that school's profile; up to 5 schools can be compared side by side.
7. **Downloads**: under each chart, download its data (CSV, Excel) and the chart itself (PNG, SVG). “Briefing” in the sidebar downloads the current view as PPTX or PDF.
8. **Presentation mode**: switch on “Presentation mode” in the sidebar and each page becomes a few 16:9 slides for the projector, one message each (the verdict, a chart or a few numbers), without downloads or detail tables. “Previous / Next slide” at the top or the ← → keys step through Overview → Resources → Teachers → Quality → Services → Standard check → Plan; every slide states the scope and the demo mark. `present=true` in the address opens it directly, `slide=3` opens the third slide.
9. **Language**: the “English” switch at the top of the sidebar changes every label, chart and message; `lang=en` in the address opens the English view.
10. **Import data**: on the “Data” page, download the template, fill it in, and an administrator uploads it; validation lists every problem, and an import creates a new data snapshot without changing the old ones.
"""}[i18n.language()])

st.subheader(t("达标状态的表示"))
labels, colors = charts.status_legend_domain()
marks = [charts.STATUS_MARKS[s] for s in ("met", "floor", "below", "no_students")]
cols = st.columns(4)
for col, label, color, mark in zip(cols, labels, colors, marks):
    col.html(f'<div style="background:{color};color:white;padding:0.6rem 0.8rem;border-radius:6px;'
             f'font-size:1.1rem"><b>{mark}</b> {tr(label)}</div>')
st.caption(t("状态同时用颜色和符号（✓ △ ✗ —）表示，不单靠颜色区分。"))

st.subheader(t("无障碍声明"))
st.markdown({"zh": """
本看板力求让所有使用者，包括色觉异常、视力较弱或使用读屏软件的人，都能读到同样的信息。

- **不单靠颜色**：达标状态同时用符号和文字表示；图表的悬停提示和数据表中都写明状态。
- **每张图都有数据表**：图表下方“查看图表数据（表格）”展开即是图表背后的数据，也可以下载 CSV 或 Excel。
- **对比度**：文字与背景、状态色块与白色文字的对比度按 WCAG 2.1 AA（普通文字 4.5 : 1）选取；浅色和深色两种主题都满足。
- **放大**：浏览器缩放到 200% 时页面仍可使用；演示模式会进一步放大文字和图表。
- **键盘**：侧栏筛选、页面导航和按钮都可以用 Tab 键和回车操作。

已知不足：图表本身是图片形式的矢量图，读屏软件无法逐点朗读，请使用图表下方的数据表；
地图类展示暂未提供。如发现无法使用的地方，请联系县教育局信息化负责同志，我们会尽快改进。
""", "en": """
This dashboard aims to give everyone the same information, including people with colour-vision deficiency, low vision or a screen reader.

- **Not by colour alone**: every status is shown with a symbol and a word as well; chart tooltips and the data tables state it.
- **Every chart has a data table**: “Chart data (table)” under each chart opens the data behind it, which can also be downloaded as CSV or Excel.
- **Contrast**: text against background, and white text on status colours, are chosen for WCAG 2.1 AA (4.5 : 1 for normal text) in both the light and the dark theme.
- **Zoom**: pages remain usable at 200% browser zoom; presentation mode enlarges text and charts further.
- **Keyboard**: sidebar filters, page navigation and buttons work with Tab and Enter.

Known limitations: a chart is drawn as a vector image that a screen reader cannot read point by point; please use the data table under it. There are no maps yet.
If anything cannot be used, please tell the county education bureau's IT officer and we will fix it.
"""}[i18n.language()])
