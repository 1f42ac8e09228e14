"""A bare Streamlit page drawing given Vega-Lite specs and nothing else: the yardstick of the
side-by-side benchmark (`python -m dashboard_tools sidebyside`). `/NAME` draws the specs saved in
`$BARE_SPECS/NAME.json`, the very charts the dashboard draws on that page, one after another.

Each is served at the same path as the dashboard's page (a page of a multipage app, not the root):
Streamlit's frontend, opened at a page's path, first asks that path for the server's health before
the root (streamlit/streamlit#7074), and both sides should pay that alike."""
import json
import os
from pathlib import Path

import streamlit as st

SPECS = Path(os.environ["BARE_SPECS"])


def _page(name: str):
    def draw() -> None:
        path = SPECS / f"{name}.json"
        for spec in json.loads(path.read_text(encoding="utf-8")) if path.exists() else []:
            st.vega_lite_chart(spec, width="stretch", theme=None)
    draw.__name__ = f"draw_{name}"
    return st.Page(draw, title=name, url_path=name)


def _home() -> None:  # the root (a default page is served only there): nothing
    pass


st.navigation([st.Page(_home, title="home", default=True)] + [_page(p.stem) for p in sorted(SPECS.glob("*.json"))],
              position="hidden").run()
