"""Widgets the pages share: the header with scope and demo mark, charts with their source and
downloads, tables in the language of the run, report facts as metrics, the briefing buttons."""
from __future__ import annotations

import functools
import re
from urllib.parse import quote

import pandas as pd
import streamlit as st

from ..present import charts, i18n, tables, words
from ..present.format import amount, md_escape, md_value
from ..present.i18n import t, tr
from ..files import downloads
from ..files.downloads import in_language
from ..store.snapshots import Snapshot
from . import cache, presentation
from .state import View, view

CHART_SCHOOLS = 60  # more bars or grid rows than this cannot be read on a projector
TABLE_ROWS = 300  # rows sent to the browser in a table; the CSV download has them all
DEMO_MARK = "示例数据"


# A metric's label and value wrap onto a second line rather than end in "…": a cut figure cannot be trusted.
_APP_CSS = """
<style>
[data-testid="stMetricLabel"], [data-testid="stMetricLabel"] * { white-space: normal !important;
  overflow: visible !important; text-overflow: clip !important; }
[data-testid="stMetricValue"], [data-testid="stMetricValue"] * { white-space: normal !important;
  overflow: visible !important; text-overflow: clip !important; }
/* keyboard focus seen from across the room: a solid blue ring on links, buttons and inputs */
a:focus-visible, button:focus-visible, [role="button"]:focus-visible, input:focus-visible,
[data-testid="stPageLink"] a:focus-visible { outline: 3px solid #1d4ed8 !important; outline-offset: 2px !important; }
</style>
"""


# Streamlit 1.67 writes its own controls' words in English only (streamlit/streamlit#13500): their
# labels for screen readers ("Help for 总面积", "Fullscreen"), the file uploader's instructions, an empty
# picker's "No options to select". On a Chinese page this script says them in Chinese, as the browser
# draws them (a MutationObserver); on an English page it leaves them as they are, and a switch to English in
# the same tab puts back the words it changed.
STREAMLIT_WORDS_ZH = {
    "Fullscreen": "全屏", "Close fullscreen": "退出全屏", "Download as CSV": "下载 CSV", "Download as PNG": "下载 PNG",
    "Download as SVG": "下载 SVG", "Copy Vega-Lite spec": "复制图表规格", "Show data": "查看数据", "Search": "搜索",
    "Show/hide columns": "显示或隐藏列", "Add row": "添加一行", "Delete rows": "删除所选行", "Increment": "增加",
    "Decrement": "减少", "Collapse sidebar": "收起侧栏", "Expand sidebar": "展开侧栏", "Sidebar": "侧栏",
    "App pages": "页面", "Open": "打开", "Clear all": "全部清除", "Clear": "清除", "Link to heading": "链接到此标题",
    "No options to select": "没有可选项", "No results": "没有匹配项", "Drag and drop file here": "将文件拖到这里",
    "Browse files": "选择文件", "Upload": "上传", "Remove": "移除", "Remove file": "移除文件",
    "Vega visualization": "图表", "Close": "关闭", "Select all": "全选", "Deselect all": "全部取消",
    "Choose an option": "请选择", "Choose options": "请选择",
}
_ZH_SCRIPT = """<script>
(() => {
  window.__dashboardLang = %(lang)s;
  if (window.__dashboardWords) return;  // the observer is installed once per page load
  window.__dashboardWords = %(words)s;
  const words = window.__dashboardWords;
  // what was rewritten, with Streamlit's own words: a switch to English in the same tab puts them back
  const saidText = [];
  const SAID = 'data-dashboard-said-';
  const say = (text) => {
    if (window.__dashboardLang !== 'zh' || !text) return null;
    const trimmed = text.trim();
    if (words[trimmed]) return text.replace(trimmed, words[trimmed]);
    let m = trimmed.match(/^Help for (.+)$/);
    if (m) return m[1] + ' 的说明';
    m = trimmed.match(/^(Title|Subtitle) text '(.*)'$/);
    if (m) return (m[1] === 'Title' ? '标题：' : '副标题：') + m[2];
    if (/^[a-z_]+ icon$/.test(trimmed)) return '图标';
    m = trimmed.match(/^(?:Limit )?(\\S+) per file(?: • (.+))?$/);
    if (m) return '单个文件不超过 ' + m[1] + (m[2] ? '（' + m[2] + '）' : '');
    return null;
  };
  const fix = (root) => {
    if (window.__dashboardLang !== 'zh') return;
    const all = root.querySelectorAll ? [root, ...root.querySelectorAll('[aria-label], [title], [placeholder]')] : [];
    for (const el of all) {
      for (const a of ['aria-label', 'title', 'placeholder']) {
        if (!el.getAttribute) continue;
        const v = el.getAttribute(a); const z = say(v);
        if (z !== null && z !== v) { el.setAttribute(SAID + a, JSON.stringify([v, z])); el.setAttribute(a, z); }
      }
    }
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const n = walker.currentNode;
      if (n.parentElement && n.parentElement.closest('script, style')) continue;
      const z = say(n.nodeValue);
      if (z !== null && z !== n.nodeValue) { saidText.push([new WeakRef(n), n.nodeValue, z]); n.nodeValue = z; }
      if (saidText.length > 5000)  // a long meeting's reruns: forget the nodes no longer on the page
        saidText.splice(0, saidText.length, ...saidText.filter(([ref]) => ref.deref() && ref.deref().isConnected));
    }
  };
  window.__dashboardUnsay = () => {
    for (const a of ['aria-label', 'title', 'placeholder']) {
      for (const el of document.querySelectorAll('[' + SAID + a + ']')) {  // unless redrawn since
        const [original, said] = JSON.parse(el.getAttribute(SAID + a));
        if (el.getAttribute(a) === said) el.setAttribute(a, original);
        el.removeAttribute(SAID + a);
      }
    }
    for (const [ref, original, said] of saidText.splice(0)) {
      const n = ref.deref();
      if (n && n.nodeValue === said) n.nodeValue = original;
    }
  };
  new MutationObserver((changes) => {
    for (const c of changes) {
      if (c.type === 'childList') c.addedNodes.forEach((n) => fix(n.nodeType === 3 ? n.parentNode || document.body : n));
      else if (c.type === 'characterData') fix(c.target.parentNode || document.body);
      else if (c.type === 'attributes') fix(c.target);
    }
  }).observe(document.body, {subtree: true, childList: true, characterData: true, attributes: true,
                             attributeFilter: ['aria-label', 'title', 'placeholder']});
  fix(document.body);
})();
</script>"""


def app_style() -> None:
    import json

    st.html(_APP_CSS)
    # the script goes in the sidebar: in the main area its empty block would take a row's gap on every slide
    if i18n.english():  # an observer installed by a Chinese run of this page stops translating
        st.sidebar.html("<script>window.__dashboardLang = 'en'; window.__dashboardUnsay && window.__dashboardUnsay();</script>",
                        unsafe_allow_javascript=True)
    else:
        st.sidebar.html(_ZH_SCRIPT % {"lang": json.dumps("zh"), "words": json.dumps(STREAMLIT_WORDS_ZH, ensure_ascii=False)},
                        unsafe_allow_javascript=True)


def demo_mark(snapshot: Snapshot) -> None:
    if not snapshot.demo:
        return
    with st.container(key="demo-mark"):
        if presentation.presenting():  # on every slide, in one line
            st.warning(t("**{mark}** · 学校层面数据为演示数据，并非真实统计", mark=DEMO_MARK), icon=":material/science:")
        else:
            st.warning(t("**{mark}** · 学校层面数据为按工作汇报县级总数校准的演示数据，并非真实统计；"
                         "县级数字引自工作汇报（见每项来源）。", mark=DEMO_MARK), icon=":material/science:")


def page_header(title: str, subtitle: str | None = None) -> View:
    """The page's title and subtitle (already in the page's language, from t()), scope, snapshot and demo mark."""
    v = view()
    st.title(title)
    scope = t("范围：{scope} · {year} 年", scope=md_value(v.scope_label), year=v.filters.year)
    if v.filters.stages:
        scope += " · " + t("、").join(tr(s) for s in v.filters.stages)
    st.caption((subtitle + " · " if subtitle else "") + scope
               + t(" · 数据快照 {id}（{date}）", id=md_value(v.snapshot.snapshot_id), date=md_value(v.snapshot.created_date)))
    demo_mark(v.snapshot)
    return v


def snapshot_source(snapshot: Snapshot, tables: str) -> str:
    kind = t("示例数据") if snapshot.demo else t("统计数据")
    return t("来源：数据快照 {id}（{date}，{kind}）表 {tables}", id=snapshot.snapshot_id,
             date=snapshot.created_date, kind=kind, tables=tables.replace("、", t("、")))


def source_caption(text: str) -> None:
    """A figure's source under it: it names a snapshot (its id is the user's), shown inert."""
    st.caption(md_escape(tr(text)))


def show_chart(chart, frame: pd.DataFrame, source: str, filename: str, data=None) -> None:
    """A chart, the source under it, its data as a table, and downloads: the table as CSV and Excel
    (`data`, when the chart shows only part of a larger table: a frame, or a function that builds it
    when the download is clicked, so a country's table is not held in memory), the chart as PNG and SVG."""
    table = frame if data is None else data
    source = tr(source)
    lang = i18n.language()
    draw_chart(chart)
    st.caption(md_escape(source))
    stem = filename.rsplit(".", 1)[0]
    with presentation.page_only():  # the tools stay on the page, off the slides
        _chart_tools(chart, table, frame, source, filename, stem, lang)


def _chart_tools(chart, table, frame, source: str, filename: str, stem: str, lang: str) -> None:
    # Built only when the reader opens them: a page of seven charts otherwise sends 28 buttons and 7
    # tables that most readers never open, and the browser draws them all before the page is ready.
    with st.expander(t("图表数据与下载（CSV、Excel、PNG、SVG）"), key=f"tools-{filename}", on_change="rerun",
                     icon=":material/download:") as tools:
        if not tools.open:
            return
        # one row of buttons that wraps in a narrow column (fixed columns cut the labels short)
        row = st.container(horizontal=True, gap="small")
        download_csv(table, filename, "CSV", container=row)
        # Deferred downloads are built outside this run: they take the language along explicitly.
        row.download_button("Excel", data=lambda: in_language(lang, downloads.excel_bytes, table, source), file_name=f"{stem}.xlsx",
                            mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                            on_click="ignore", key=f"xlsx-{filename}", icon=":material/table:")
        row.download_button("PNG", data=lambda: in_language(lang, downloads.chart_png, chart), file_name=f"{stem}.png",
                            mime="image/png", on_click="ignore", key=f"png-{filename}", icon=":material/image:")
        row.download_button("SVG", data=lambda: in_language(lang, downloads.chart_svg, chart), file_name=f"{stem}.svg",
                            mime="image/svg+xml", on_click="ignore", key=f"svg-{filename}", icon=":material/draw:")
        table_view((frame if callable(table) else table).head(TABLE_ROWS))


def rows_on_chart(**fit) -> int:
    """Bars or grid rows a chart draws: at most CHART_SCHOOLS, and on a slide what it shows legibly."""
    return min(CHART_SCHOOLS, presentation.rows_that_fit(**fit) or CHART_SCHOOLS)


def partly_drawn(sentence: str) -> None:
    """Say that a chart draws only part of its rows, and where the rest is: the CSV on the page, the
    page itself on a slide (a slide has no downloads)."""
    st.caption(sentence + (t("；完整图表见非演示模式。") if presentation.presenting() else t("；完整数据请下载 CSV。")))


def county_items_at_a_glance(items: pd.DataFrame) -> None:
    """The county items as tiles, and in words those that keep the verdict back (a slide's view of the
    item table); a view judged from demo data says so in the chart's title."""
    demo = bool(items["demo"].any())
    draw_chart(charts.county_item_tiles(tables.county_item_tiles_frame(items), t("逐项状态（示例数据）") if demo else t("逐项状态")))
    lines = words.county_items_outstanding(items)
    if lines:
        st.markdown("\n".join(f"- {md_escape(line)}" for line in lines))
    else:
        st.markdown(t("按示例数据：{n} 项全部达到。", n=len(items)) if demo else t("{n} 项全部达到。", n=len(items)))


def verdict_metrics(s) -> None:
    """What the verdict rests on, as four figures: school parts meeting the standard per stage, CVs
    within their limits, county items met."""
    cols = st.columns(4)
    for col, (stage, c) in zip(cols, s.stages.items()):
        col.metric(t("{stage}学段达标", stage=stage), t("{passing} / {total} 个", passing=c["schools_passing"],
                                                          total=c["schools_total"]) if c["schools_total"] else "—",
                   help=words.stage_parts(stage, c) if c["schools_total"] else t("范围内没有该学段的学校"))
    applicable = s.cv_total - s.cv_not_applicable
    cols[2].metric(t("差异系数在限值内"), f"{s.cv_passing} / {applicable}" if applicable else t("不适用"),
                   help=t("学生数加权；某学段不足 2 所学校时不计算（不适用）"))
    cols[3].metric(t("县级指标达到"), f"{s.county_items_met} / {s.county_items_total}",
                   help=t("其中 {declared} 项依据县里自己的文件或报告（自评，待核查）；未达到 {not_met} 项，部分有佐证 {partial} 项，"
                          "无数据 {no_data} 项", declared=s.county_items_declared, not_met=s.county_items_not_met,
                          partial=s.county_items_partial, no_data=s.county_items_no_data))


def indicator_chart(v: View, card, codes: list[str], key: str, title_note: str, source: str, stem: str) -> None:
    """One of the standard's indicators at a time (chosen by the user, kept in the URL, built only when
    shown): the lowest school parts as bars linked to their profiles, the full table on download."""
    names = {i["code"]: f"{i['number']} {tr(i['name'])}" for i in cache.rules()["resource"]["indicators"]}
    code = st.segmented_control(t("指标"), codes, key=key, bind="query-params", default=codes[0],
                                format_func=lambda c: names[c]) or codes[0]
    lowest = tables.indicator_frame(card.indicator(code, lowest=TABLE_ROWS))
    shown = rows_on_chart()
    if len(lowest) > shown:
        partly_drawn(t("范围内共 {n:,} 所学校：图中只画最低的 {shown} 个学校（学段）", n=card.school_count, shown=shown))
    frame = lowest.head(shown).assign(档案=lambda f: f["学校编号"].map(profile_links(f["学校编号"])))
    # the whole table only when downloaded; a partial holds the shared scorecard, not this run's frames
    full = functools.partial(tables.indicator_table, card, code)
    show_chart(charts.indicator_bars(frame, names[code] + t(title_note)), lowest, source,
               f"{stem}_{code}_{v.filters.year}.csv", data=full)


def draw_chart(chart) -> None:
    """Render a built chart (an Altair chart or its cached spec) with the app's own theme, in the
    language of the run."""
    spec = charts.title_with_subtitle(i18n.tr_spec(chart.to_dict()))
    share = presentation.slide_share()
    if share is None:
        st.vega_lite_chart(spec, width="stretch", theme=None)
        return
    spec = charts.for_slide(spec, share)
    if charts.fills_box(spec):
        with presentation.chart_box():
            st.vega_lite_chart(spec, width="stretch", height="stretch", theme=None)
    else:  # a composed chart keeps its own height
        st.vega_lite_chart(spec, width="stretch", theme=None)


_PLAIN_NUMBER = re.compile(r"年份|年级|序号|编号|班号|^年$|year|grade|number|code|_id$", re.IGNORECASE)


def table_view(frame: pd.DataFrame, keep: tuple = (), column_config: dict | None = None, **kwargs) -> None:
    """A table in the language of the run; `column_config` is keyed by the Chinese column names and
    `keep` names columns whose text stays as it is (verbatim report excerpts)."""
    shown = i18n.tr_frame(frame, keep)
    config = {tr(k): v for k, v in (column_config or {}).items()}
    # one number format in every table: thousands grouped, at most three decimals (no 1700.000 beside
    # 2,921, no six-decimal shares); years, grades and codes stay as they are written
    for column in shown.columns:
        if column not in config and pd.api.types.is_numeric_dtype(shown[column]) \
                and not pd.api.types.is_bool_dtype(shown[column]) and not _PLAIN_NUMBER.search(str(column)):
            config[column] = st.column_config.NumberColumn(format="localized")
    kwargs.setdefault("hide_index", True)
    kwargs.setdefault("width", "stretch")
    st.dataframe(shown, column_config=config or None, **kwargs)


def wrapped_table(frame: pd.DataFrame, keep: tuple = ()) -> None:
    """A short table whose long texts wrap onto more lines instead of being cut in a scroll box: for
    rows a reader must read whole (the county items, the non-recognition conditions)."""
    shown = i18n.tr_frame(frame, keep)

    def cell(value) -> str:
        return "—" if value is None or (isinstance(value, float) and pd.isna(value)) else md_escape(value)

    lines = ["| " + " | ".join(cell(c) for c in shown.columns) + " |", "|" + "---|" * len(shown.columns)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in shown.itertuples(index=False)]
    st.markdown("\n".join(lines))


def profile_links(school_ids) -> dict:
    """Links to each school's profile page that keep the view: language, year, townships, stages,
    snapshot and presentation mode. Townships and stages are written as their pickers write them (by
    name, in the language of the run): a link the pickers can read as it is opens in one run, where a
    code or the other language's name costs a second (state._filter_from_link)."""
    from urllib.parse import urlencode

    v = view()
    kept = [("year", str(v.filters.year))] + [("township", tr(v.township_names.get(c, c))) for c in v.filters.townships]
    kept += [("stage", tr(s)) for s in v.filters.stages] + [("snapshot", v.snapshot.snapshot_id)]
    if i18n.english():
        kept.append(("lang", "en"))
    if st.session_state.get("present"):
        kept.append(("present", "true"))
    tail = urlencode(kept)
    return {sid: f"./school?school_id={quote(str(sid))}&{tail}" for sid in school_ids}


def report_source(section: str) -> str:
    return t("来源：工作汇报 {section}（原文见下载数据或悬停提示）", section=section)


def download_csv(frame, filename: str, label: str = "下载数据（CSV）", container=None) -> None:
    """A CSV download of a frame, or of what a function builds when the button is clicked."""
    lang = i18n.language()
    (container or st).download_button(t(label), data=lambda: in_language(lang, downloads.csv_bytes, frame), file_name=filename,
                                       mime="text/csv", on_click="ignore", key=f"dl-{filename}",
                                       icon=":material/download:")


def report_facts_table(facts: pd.DataFrame, key: str) -> None:
    """The report's statements as a readable table: metric, value with unit, year and the excerpt."""
    if facts.empty:
        st.info(t("工作汇报中没有这一部分的数字。"))
        return
    shown = pd.DataFrame({
        "事项": facts["metric_en"] if i18n.english() else facts["metric"],
        "数值": [amount(v, u) for v, u in zip(facts["value"], facts["unit"])],
        "年份": facts["year"].astype("Int64").astype("string").fillna("—"),
        "报告原文": facts["source_text"],
        "章节": facts["section"],
    })
    table_view(shown, keep=("报告原文",), height=min(35 * (len(shown) + 1) + 3, 900),
               column_config={"报告原文": st.column_config.TextColumn(width="large")})
    st.caption(t("来源：察布查尔县推进义务教育优质均衡发展工作汇报（原文摘录，逐字引用）"))
    download_csv(facts, f"report_facts_{key}.csv", "下载报告数字（CSV）")


def fact_metric_writer(facts_by_id: pd.DataFrame, view_year: int | None = None):
    """A function that shows one report fact as a metric, with the verbatim excerpt on hover. A fact
    of another year than the one in view says its year, so it is never read as the view's figure."""
    def write(column, fact_id: str, label: str | None = None) -> None:
        row = facts_by_id.loc[fact_id]
        name = row["metric_en"] if i18n.english() else (label or row["metric"])
        if view_year is not None and pd.notna(row["year"]) and int(row["year"]) != int(view_year):
            name = t("{name}（{year} 年）", name=i18n.Verbatim(name), year=int(row["year"]))
        column.metric(name, amount(row["value"], row["unit"]),
                      help=t("工作汇报原文：“{excerpt}”", excerpt=i18n.Verbatim(row["source_text"])))
    return write


def briefing_downloads(v: View) -> None:
    """Sidebar buttons that build the briefing of the current view only when clicked."""
    from ..files import briefing

    # built when clicked, outside this run: in the language of the page the button is on
    @i18n.fixed
    def build(kind: str) -> bytes:
        doc = briefing.build(v.snapshot, v.filters, v.scope_label, cache.rules())
        return briefing.to_pptx(doc) if kind == "pptx" else briefing.to_pdf(doc)

    stem = f"{t('简报')}_{v.scope_label}_{v.filters.year}".replace("、", "_").replace(", ", "_")[:60]
    st.markdown(t("**简报**"))
    cols = st.columns(2)
    cols[0].download_button("PPTX", data=lambda: build("pptx"), file_name=f"{stem}.pptx", on_click="ignore",
                            mime="application/vnd.openxmlformats-officedocument.presentationml.presentation",
                            icon=":material/slideshow:", key="briefing-pptx")
    cols[1].download_button("PDF", data=lambda: build("pdf"), file_name=f"{stem}.pdf", on_click="ignore",
                            mime="application/pdf", icon=":material/picture_as_pdf:", key="briefing-pdf")



def register_editor(frame: pd.DataFrame, table_name: str, key: str, locked: tuple = (), choices: dict | None = None,
                    **kwargs) -> pd.DataFrame:
    """A register edited in place: each column headed as in the template (its Chinese header, or its
    English name on an English page) with the field's description as help, the columns given locked, and
    a drop-down for each column with choices."""
    from ..store import schema

    config = {}
    for col in schema.table(table_name).columns:
        label = col.name if i18n.english() else col.header
        options = (choices or {}).get(col.name, col.choices)
        help_text = tr(col.description) if col.description else None
        if options and col.name not in locked:
            config[col.name] = st.column_config.SelectboxColumn(label, options=list(options), help=help_text,
                                                                disabled=col.name in locked)
        else:
            config[col.name] = st.column_config.Column(label, help=help_text, disabled=col.name in locked)
    # an empty cell shows empty (Streamlit writes "None" in a missing value); saved, "" is read as empty again
    whole = [c.name for c in schema.table(table_name).columns if c.kind == schema.INT and c.name in frame]
    frame = frame.astype({c: "Int64" for c in whole if frame[c].isna().any()})  # a grade reads 1, not 1.0
    gaps = [c for c in frame.columns if frame[c].isna().any()]
    shown = frame.astype({c: object for c in gaps}).fillna({c: "" for c in gaps}) if gaps else frame
    return st.data_editor(shown, width="stretch", hide_index=True, key=key, column_config=config, **kwargs)
