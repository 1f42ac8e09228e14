"""Presentation mode: each page becomes a sequence of 16:9 slides, one message each.

A page marks its parts with `slide()` (shown one at a time, in order) and `page_only()` (tools and
raw tables, never on a slide). The frame opens the deck before the page runs (`open_deck`) and, once
the page has run and the number of its slides is known, shows the current one and fills the bar that
steps through slides and pages (`close_deck`). Every part of a slide is sized in units of the screen
height (the root font size is a 45th of it), so a slide laid out for 1280×720 is the same slide at
1920×1080, only larger. The slide in view is `?slide=N` in the address; outside presentation mode
both helpers only run their block.
"""
from __future__ import annotations

import contextlib
from dataclasses import dataclass, field

import streamlit as st

from ..present.charts import SLIDE_BASE_HEIGHT  # slides are laid out for 1280×720 and scaled up from there
from ..present.i18n import N_, t

PRESENTATION_ORDER = ["overview", "resources", "teachers", "quality", "services", "standards", "plan"]
# the pages' titles by key: the navigation (app.py), the deck and the guide name the pages from here
PAGE_TITLES = {"overview": N_("总览"), "standards": N_("达标评估"), "resources": N_("办学条件"), "teachers": N_("师资队伍"),
               "quality": N_("教育质量"), "services": N_("惠民服务"), "plan": N_("达标规划"), "school": N_("学校档案"),
               "data": N_("数据"), "guide": N_("使用说明")}


def title(key: str) -> str:
    """A page's title in the run's language."""
    return t(PAGE_TITLES.get(key))


def deck_order() -> str:
    """The order of the deck in words: 总览 → 办学条件 → … (in the run's language)."""
    return " → ".join(title(key) for key in PRESENTATION_ORDER)
SLIDE_PARAM = "slide"
LAST = "last"
_DECK = "_presentation_deck"

_PRESENTATION_CSS = """
<style>
/* a 45th of the screen height: 16 px at 720, 24 px at 1080; Streamlit sizes text, gaps and buttons in rem */
html { font-size: calc(100vh / 45) !important; }
section[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], header[data-testid="stHeader"],
[data-testid="stToolbar"], [data-testid="stDecoration"], footer { display: none !important; }
.block-container { max-width: 100% !important; padding: 0.4rem 2.2rem 0.4rem 2.2rem !important; }
h1 { font-size: 1.6rem !important; padding: 0.1rem 0 0 0 !important; }
[data-testid="stMainBlockContainer"] > div > [data-testid="stVerticalBlock"] { gap: 0.45rem !important; }
.st-key-demo-mark [data-testid="stAlertContainer"] { padding: 0.2rem 0.8rem !important; }
.st-key-demo-mark p { font-size: 0.85rem !important; }
h2, h3 { font-size: 1.55rem !important; padding: 0.3rem 0 0.1rem 0 !important; }
[data-testid="stMain"] [data-testid="stMetricValue"], [data-testid="stMain"] [data-testid="stMetricValue"] * {
  font-size: 2.1rem !important; line-height: 1.35 !important; }
/* a slide shows the message, not the tools: no downloads, no folded tables, no raw data grids */
[data-testid="stMain"] [data-testid="stDownloadButton"], [data-testid="stMain"] [data-testid="stExpander"],
[data-testid="stMain"] [data-testid="stDataFrame"], [data-testid="stMain"] [data-testid="stTable"],
[data-testid="stMain"] [data-testid="stElementContainer"]:has(> [data-testid="stDownloadButton"]),
[data-testid="stMain"] [data-testid="stElementContainer"]:has(> [data-testid="stDataFrame"]),
[data-testid="stMain"] [data-testid="stLayoutWrapper"]:has(> [data-testid="stExpander"]) { display: none !important; }
[data-testid="stElementContainer"]:has(> [data-testid="stIFrame"]) { display: none !important; }
/* the way on stays in sight */
.st-key-present-bar { position: sticky; top: 0; z-index: 999; background: var(--background-color, #ffffff);
  border-bottom: 1px solid #e2e8f0; }
.st-key-present-bar p { margin: 0 !important; font-size: 0.85rem; }
.st-key-present-bar button, .st-key-present-bar a { min-height: 0 !important; padding-top: 0.15rem !important;
  padding-bottom: 0.15rem !important; }
/* the parts of a page that are not the slide in view */
[class*="st-key-slide-"], [class*="st-key-offslide-"],
[data-testid="stLayoutWrapper"]:has(> [class*="st-key-slide-"]),
[data-testid="stLayoutWrapper"]:has(> [class*="st-key-offslide-"]) { display: none !important; }
[data-testid="stLayoutWrapper"]:has(> [class*="st-key-slidechart-"]) { flex: 0 0 auto !important; height: auto !important; }
[class*="st-key-slidechart-"] { flex: 0 0 auto !important; min-height: 0 !important; max-height: none !important;
  overflow: visible !important; }
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
    const key = {ArrowRight: ".st-key-present-next", ArrowLeft: ".st-key-present-previous"}[event.key];
    const link = key && doc.querySelector(`${key} a, ${key} button`);
    if (link) { event.preventDefault(); link.click(); }
  });
}
</script>
"""


@dataclass
class _Deck:
    slides: int = 0
    boxes: int = 0
    hidden: int = 0
    inside: bool = False
    chart_heights: dict = field(default_factory=dict)  # slide number → share of the screen height


def presenting() -> bool:
    return bool(st.session_state.get("present"))


def _deck() -> _Deck | None:
    deck = st.session_state.get(_DECK)
    return deck if presenting() and isinstance(deck, _Deck) else None


def open_deck():
    """Before the page runs: the slide style, the arrow keys, and the bar's place at the top."""
    st.session_state[_DECK] = _Deck()
    st.html(_PRESENTATION_CSS)
    st.iframe(_KEYS, height=1)  # a script needs a frame of its own (kept out of sight); it reaches the page from there
    return st.container(key="present-bar")


@contextlib.contextmanager
def slide(chart_height: float = 0.6):
    """One slide of the page; `chart_height` is the share of the screen height its charts take."""
    deck = _deck()
    if deck is None:
        yield
        return
    deck.slides += 1
    deck.chart_heights[deck.slides] = chart_height
    deck.inside = True
    try:
        with st.container(key=f"slide-{deck.slides}"):
            yield
    finally:
        deck.inside = False


@contextlib.contextmanager
def page_only():
    """Tools and tables the page offers that a slide leaves out."""
    deck = _deck()
    if deck is None:
        yield
        return
    deck.hidden += 1
    with st.container(key=f"offslide-{deck.hidden}"):
        yield


def slide_share() -> float | None:
    """The share of the screen height a chart takes on the slide being built, or None off the slides."""
    deck = _deck()
    return deck.chart_heights[deck.slides] if deck is not None and deck.inside else None


def rows_that_fit(row_px: int = 24, frame_px: int = 130) -> int | None:
    """How many bars or grid rows a chart on the slide being built can show legibly (its title, axes
    and legend take `frame_px`), or None off the slides, where a chart grows with its rows."""
    share = slide_share()
    if share is None:
        return None
    return max(5, int((share * SLIDE_BASE_HEIGHT - frame_px) // row_px))


def chart_box():
    """The box a chart fills on a slide, its height set by the slide's style."""
    deck = _deck()
    deck.boxes += 1
    return st.container(height=300, key=f"slidechart-{deck.boxes}", border=False)


def _requested(count: int) -> int:
    wanted = st.query_params.get(SLIDE_PARAM)
    if wanted == LAST:
        return count
    try:
        return min(max(int(wanted), 1), count)
    except (TypeError, ValueError):
        return 1


def _turn_to(slide_number: int) -> None:
    st.query_params[SLIDE_PARAM] = str(slide_number)


def close_deck(bar, pages: dict, current_path: str) -> None:
    """After the page has run: show the slide in view and fill the bar that steps through the deck."""
    deck = _deck() or _Deck()
    order = [p for p in PRESENTATION_ORDER if p in pages]
    index = order.index(current_path) if current_path in order else -1
    count = deck.slides
    shown = _requested(count) if count else 0
    if count:
        share = deck.chart_heights.get(shown, 0.6)
        st.html(f"<style>.st-key-slide-{shown}, [data-testid=\"stLayoutWrapper\"]:has(> .st-key-slide-{shown}) "
                "{ display: flex !important; }"
                f".st-key-slide-{shown} [class*=\"st-key-slidechart-\"] {{ height: {share * 100:.0f}vh !important; }}</style>")

    def link(where, key, label, icon, page, slide_number):
        with where.container(key=key):
            if page == current_path:  # a link to the page in view is inert: a button turns the slide
                st.button(label, icon=icon, key=f"{key}-button", type="tertiary", on_click=_turn_to, args=(slide_number,))
            else:
                st.page_link(pages[page], label=label, icon=icon, query_params={SLIDE_PARAM: str(slide_number)})

    with bar:
        cols = st.columns([1.1, 3.4, 1.1, 1.2], vertical_alignment="center")
        if shown > 1:
            link(cols[0], "present-previous", t("上一张"), ":material/arrow_back:", current_path, shown - 1)
        elif index > 0:
            link(cols[0], "present-previous", t("上一页"), ":material/arrow_back:", order[index - 1], LAST)
        if index >= 0:
            where = t("演示 {i} / {n} 页", i=index + 1, n=len(order))
            if count > 1:
                where += t(" · 第 {k} / {m} 张", k=shown, m=count)
        else:
            where = t("演示模式")
        cols[1].markdown(f"**{where}** · " + t("← → 键翻页"))
        if shown < count:
            link(cols[2], "present-next", t("下一张"), ":material/arrow_forward:", current_path, shown + 1)
        elif 0 <= index < len(order) - 1:
            link(cols[2], "present-next", t("下一页"), ":material/arrow_forward:", order[index + 1], 1)
        elif index < 0 and order:
            link(cols[2], "present-next", t("从头开始"), ":material/play_arrow:", order[0], 1)
        cols[3].button(t("退出演示"), on_click=lambda: st.session_state.update(present=False), icon=":material/close:",
                       key="present-exit")
