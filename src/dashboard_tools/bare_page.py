"""A bare Streamlit page drawing given Vega-Lite specs and nothing else: the yardstick of the
side-by-side benchmark (`python -m dashboard_tools sidebyside`). `?page=NAME` draws the specs saved in
`$BARE_SPECS/NAME.json`, the very charts the dashboard draws on that page, one after another."""
import json
import os
from pathlib import Path

import streamlit as st

name = st.query_params.get("page", "")
path = Path(os.environ["BARE_SPECS"]) / f"{Path(name).name}.json"
for spec in json.loads(path.read_text(encoding="utf-8")) if path.exists() else []:
    st.vega_lite_chart(spec, width="stretch", theme=None)
