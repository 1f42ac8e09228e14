"""察布查尔县义务教育优质均衡发展监测看板 — the frame: page setup, navigation and shared filters."""
import sys
from pathlib import Path

# Streamlit Community Cloud runs this file from the repo root with only requirements.txt installed:
# put src/ on the path so that dashboard_core imports without a package install.
_SRC = Path(__file__).resolve().parent / "src"
if str(_SRC) not in sys.path:
    sys.path.insert(0, str(_SRC))

import streamlit as st  # noqa: E402

from dashboard_core import ui  # noqa: E402

st.set_page_config(page_title="察布查尔县义务教育优质均衡发展监测", page_icon=":material/analytics:", layout="wide")

PAGES = {
    "overview": st.Page("pages/overview.py", title="总览", icon=":material/dashboard:", url_path="overview", default=True),
    "standards": st.Page("pages/standards.py", title="达标评估", icon=":material/fact_check:", url_path="standards"),
    "resources": st.Page("pages/resources.py", title="办学条件", icon=":material/domain:", url_path="resources"),
    "teachers": st.Page("pages/teachers.py", title="师资队伍", icon=":material/school:", url_path="teachers"),
    "quality": st.Page("pages/quality.py", title="教育质量", icon=":material/emoji_events:", url_path="quality"),
    "services": st.Page("pages/services.py", title="惠民服务", icon=":material/volunteer_activism:", url_path="services"),
    "school": st.Page("pages/school.py", title="学校档案", icon=":material/badge:", url_path="school"),
    "data": st.Page("pages/data.py", title="数据", icon=":material/database:", url_path="data"),
    "guide": st.Page("pages/guide.py", title="使用说明", icon=":material/help:", url_path="guide"),
}

page = st.navigation(list(PAGES.values()))
with st.sidebar:
    st.markdown("### 察布查尔县\n义务教育优质均衡发展监测")
    present = st.toggle("演示模式", key="present", bind="query-params",
                        help="隐藏侧栏、放大文字，按 总览 → 办学条件 → 师资队伍 → 教育质量 → 惠民服务 → 达标评估 的顺序逐页讲解；筛选保持不变")
view = ui.sidebar_filters()
for problem in view.skipped:
    st.sidebar.warning(f"已跳过损坏的快照 {problem.snapshot_id}：{problem.message}")
if view.snapshot.demo:
    st.sidebar.caption(f":material/science: 当前为{ui.DEMO_MARK}")
with st.sidebar:
    ui.briefing_downloads(view)
if present:
    ui.presentation_bar(PAGES, next((k for k, p in PAGES.items() if p.url_path == page.url_path), "overview"))
page.run()
