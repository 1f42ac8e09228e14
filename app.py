"""察布查尔县义务教育优质均衡发展监测看板 — the frame: page setup, navigation and shared filters."""
import streamlit as st

from dashboard_core.present import i18n, words
from dashboard_core.present.i18n import t
from dashboard_core.present.format import md_escape, md_value
from dashboard_core.store import memory
from dashboard_core.store.snapshots import SnapshotError
from dashboard_core.web import admin, presentation, ui

admin.guard_uploads()  # before any page: an upload from a session without the password is never kept
heading = st.sidebar.container()
ui.language_switch()  # first: everything below is worded in the chosen language
st.set_page_config(page_title=t("察布查尔县义务教育优质均衡发展监测"), page_icon=ui.ICON, layout="wide")

PAGES = {
    "overview": st.Page("pages/overview.py", title=presentation.title("overview"), icon=":material/dashboard:", url_path="home", default=True),
    "standards": st.Page("pages/standards.py", title=presentation.title("standards"), icon=":material/fact_check:", url_path="standards"),
    "resources": st.Page("pages/resources.py", title=presentation.title("resources"), icon=":material/domain:", url_path="resources"),
    "teachers": st.Page("pages/teachers.py", title=presentation.title("teachers"), icon=":material/school:", url_path="teachers"),
    "quality": st.Page("pages/quality.py", title=presentation.title("quality"), icon=":material/emoji_events:", url_path="quality"),
    "services": st.Page("pages/services.py", title=presentation.title("services"), icon=":material/volunteer_activism:", url_path="services"),
    "plan": st.Page("pages/plan.py", title=presentation.title("plan"), icon=":material/route:", url_path="plan"),
    "school": st.Page("pages/school.py", title=presentation.title("school"), icon=":material/badge:", url_path="school"),
    "data": st.Page("pages/data.py", title=presentation.title("data"), icon=":material/database:", url_path="data"),
    "guide": st.Page("pages/guide.py", title=presentation.title("guide"), icon=":material/help:", url_path="guide"),
}

# The default page is served only at the root; /overview, the overview's own name, opens it too
# (a hidden second entry, so the menu lists it once)
OVERVIEW_ALIAS = st.Page("pages/overview.py", title=presentation.title("overview"), icon=":material/dashboard:", url_path="overview",
                         visibility="hidden")
page = st.navigation(list(PAGES.values()) + [OVERVIEW_ALIAS])
ui.app_style()
heading.markdown(t("### 察布查尔县\n义务教育优质均衡发展监测"))
with st.sidebar:
    present = st.toggle(t("演示模式"), key="present", bind="query-params",
                        help=t("每页变成一组适合投影的幻灯片，按 {order} 的顺序讲解，← → 键翻页；筛选保持不变",
                               order=presentation.deck_order()))
try:
    view = ui.sidebar_filters()
    for problem in view.skipped:
        st.sidebar.warning(t("已跳过损坏的快照 {snapshot}：{message}", snapshot=md_value(problem.snapshot_id),
                             message=i18n.Verbatim(md_escape(words.snapshot_problem(problem.code, problem.values)))))
    if view.snapshot.demo:
        st.sidebar.caption(t(":material/science: 当前为{mark}", mark=ui.DEMO_MARK))
    with st.sidebar:
        ui.briefing_downloads(view)
    current = next((k for k, p in PAGES.items() if p.url_path == page.url_path), "overview")
    bar = ui.open_deck() if present else None
    page.run()
    if present:
        ui.close_deck(bar, PAGES, current)
except SnapshotError as exc:  # a file of the snapshot in view went bad under the running app
    if exc.code != "unreadable":
        raise
    ui.fall_back_from(exc)  # look at the snapshots again and show the newest intact one, saying why
memory.settle()  # what the run freed goes back to the system, not kept for the next run
