import sys
from pathlib import Path

# A deep link can reach a cold server before app.py has run (Streamlit then runs this file alone):
# make dashboard_core importable here too; ui.page_header hands the run back to the app frame.
_SRC = str(Path(__file__).resolve().parents[1] / "src")
if _SRC not in sys.path:
    sys.path.insert(0, _SRC)

from dashboard_core import ui

v = ui.page_header("办学条件", "资源配置：校舍、场地、装备与投入")
ui.report_facts_table(ui.ask(v.snapshot, "report_facts_for_domain", domain="resources"), "resources")
