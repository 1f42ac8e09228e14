"""Presentation mode: the sidebar and chrome hidden, larger text, and a bar that steps through the pages."""
from __future__ import annotations

import streamlit as st

from ..present.i18n import t

PRESENTATION_ORDER = ["overview", "resources", "teachers", "quality", "services", "standards", "plan"]

_PRESENTATION_CSS = """
<style>
section[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], header[data-testid="stHeader"],
[data-testid="stToolbar"], [data-testid="stDecoration"], footer { display: none !important; }
.block-container { max-width: 100% !important; padding-top: 1.2rem !important; }
[data-testid="stMain"] p, [data-testid="stMain"] li, [data-testid="stCaptionContainer"] { font-size: 1.3rem !important; }
[data-testid="stMain"] [data-testid="stMetricValue"], [data-testid="stMain"] [data-testid="stMetricValue"] * {
  font-size: 2.8rem !important; line-height: 1.25 !important; }
[data-testid="stMain"] [data-testid="stMetricLabel"] p { font-size: 1.35rem !important; }
h1 { font-size: 3.2rem !important; } h2, h3 { font-size: 2.3rem !important; }
[data-testid="stVegaLiteChart"] { zoom: 1.15; }
/* a slide shows the message, not the tools: no downloads, no folded tables, no raw data grids */
[data-testid="stMain"] [data-testid="stDownloadButton"], [data-testid="stMain"] [data-testid="stExpander"],
[data-testid="stMain"] [data-testid="stDataFrame"] { display: none !important; }
/* the way on stays in sight however far the slide scrolls */
.st-key-present-bar { position: sticky; top: 0; z-index: 999; background: var(--background-color, #ffffff);
  padding: 0.3rem 0; border-bottom: 1px solid #e2e8f0; }
</style>
"""

# ← and → step through the slides (a key typed into a field is left alone); installed once per page
_KEYS = """
<script>
const doc = window.parent.document;
if (!doc.__presentationKeys) {
  doc.__presentationKeys = true;
  doc.addEventListener("keydown", (event) => {
    const tag = (event.target.tagName || "").toLowerCase();
    if (tag === "input" || tag === "textarea" || event.target.isContentEditable) return;
    const key = {ArrowRight: ".st-key-present-next a", ArrowLeft: ".st-key-present-previous a"}[event.key];
    const link = key && doc.querySelector(key);
    if (link) { event.preventDefault(); link.click(); }
  });
}
</script>
"""


def presentation_bar(pages: dict, current_path: str) -> None:
    """In presentation mode: hide the sidebar and chrome, enlarge text, and step through the pages."""
    import streamlit.components.v1 as components

    st.html(_PRESENTATION_CSS)
    components.html(_KEYS, height=0)
    order = [p for p in PRESENTATION_ORDER if p in pages]
    index = order.index(current_path) if current_path in order else -1
    with st.container(key="present-bar"):
        cols = st.columns([1.2, 3, 1.2, 1.2])
        if index > 0:
            with cols[0].container(key="present-previous"):
                st.page_link(pages[order[index - 1]], label=t("上一页"), icon=":material/arrow_back:")
        title = t("**演示 {i} / {n}**", i=index + 1, n=len(order)) if index >= 0 else t("**演示模式**")
        cols[1].markdown(title + "  \n" + t("← → 键翻页"))
        if 0 <= index < len(order) - 1:
            with cols[2].container(key="present-next"):
                st.page_link(pages[order[index + 1]], label=t("下一页"), icon=":material/arrow_forward:")
        elif index < 0 and order:
            with cols[2].container(key="present-next"):
                st.page_link(pages[order[0]], label=t("从头开始"), icon=":material/play_arrow:")
        cols[3].button(t("退出演示"), on_click=lambda: st.session_state.update(present=False), icon=":material/close:")
