import sys
from pathlib import Path

# A deep link can reach a cold server before app.py has run (Streamlit then runs this file alone):
# make dashboard_core importable here too; ui.page_header hands the run back to the app frame.
_SRC = str(Path(__file__).resolve().parents[1] / "src")
if _SRC not in sys.path:
    sys.path.insert(0, _SRC)

import pandas as pd
import streamlit as st

from dashboard_core import settings, ui

v = ui.page_header("数据", "数据快照与来源")
good, bad = ui.available_snapshots()
rows = [{"快照编号": s.snapshot_id, "创建时间": s.created_at, "来源": s.source, "示例数据": "是" if s.demo else "否",
         **{t: e["rows"] for t, e in s.tables.items()}} for s in good]
st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
st.caption(f"数据目录：{settings.data_root()}。当前查看：{v.snapshot.snapshot_id}。快照一经写入不再修改；"
           "每个文件的行数与 SHA-256 校验值记录在快照的 manifest.json 中，打开时逐一核对。")
for p in bad:
    st.warning(f"已跳过快照 {p.snapshot_id}：{p.message}")
