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
</style>
"""


def presentation_bar(pages: dict, current_path: str) -> None:
    """In presentation mode: hide the sidebar and chrome, enlarge text, and step through the pages."""
    st.html(_PRESENTATION_CSS)
    order = [p for p in PRESENTATION_ORDER if p in pages]
    index = order.index(current_path) if current_path in order else -1
    cols = st.columns([1.2, 3, 1.2, 1.2])
    if index > 0:
        cols[0].page_link(pages[order[index - 1]], label=t("上一页"), icon=":material/arrow_back:")
    cols[1].markdown(t("**演示 {i} / {n}**", i=index + 1, n=len(order)) if index >= 0 else t("**演示模式**"))
    if 0 <= index < len(order) - 1:
        cols[2].page_link(pages[order[index + 1]], label=t("下一页"), icon=":material/arrow_forward:")
    elif index < 0 and order:
        cols[2].page_link(pages[order[0]], label=t("从头开始"), icon=":material/play_arrow:")
    cols[3].button(t("退出演示"), on_click=lambda: st.session_state.update(present=False), icon=":material/close:")
