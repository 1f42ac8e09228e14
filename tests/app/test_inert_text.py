"""Text from the county's registers is shown as text: a document name carrying a link, an image, bold,
math, a colour directive, an icon or an autolink reaches the page's Markdown only as character
references (which the renderer shows as the characters themselves)."""
import html
import os
import re

import streamlit as st
from streamlit.testing.v1 import AppTest

from test_app import APP

HOSTILE = ("[点我领取](http://evil.example/x) ![t](http://evil.example/t.png) <img src=http://evil.example/i.png> "
           "**全部达标** $x^2$ :red[达标] :material/check: www.evil.example")


def _markdown_sources(at: AppTest) -> list[str]:
    return [e.value for kind in ("markdown", "caption", "success", "error", "warning", "info") for e in at.get(kind)]


def test_evidence_text_reaches_the_item_detail_as_text(data_copy):
    from dashboard_core.store import snapshots

    snap = snapshots.newest(data_copy)
    tables = snapshots.read_tables(snap)
    evidence = tables["evidence"].copy()
    evidence.loc[evidence["item"] == "G01", ["document", "issuer", "document_no"]] = HOSTILE
    tables["evidence"] = evidence
    snapshots.write_snapshot(data_copy, "hostile", tables, source="示例数据：恶意文本", demo=True,
                             created_at="2099-01-01T00:00:00+00:00")
    os.environ["DASHBOARD_DATA_DIR"] = str(data_copy)
    try:
        st.cache_data.clear()
        for lang in ("zh", "en"):
            at = AppTest.from_file(APP, default_timeout=60)
            at.query_params["lang"] = lang
            at.query_params["snapshot"] = "hostile"
            at.switch_page("pages/standards.py").run()
            at.selectbox(key="item_detail").set_value("G01").run()
            assert not at.exception, at.exception
            sources = _markdown_sources(at)
            quoted = [s for s in sources if "evil" in s]
            assert quoted, "the document name is not shown at all"
            for source in quoted:
                assert not re.search(r"\]\(|!\[|<img|\*\*全部|\$x|:red\[|:material/|www\.evil|http://", source), source
                assert "点我领取" in html.unescape(source) or "evil.example" in html.unescape(source)
    finally:
        del os.environ["DASHBOARD_DATA_DIR"]
        st.cache_data.clear()
