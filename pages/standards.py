from dashboard_core import ui

v = ui.page_header("达标评估", "国家优质均衡标准")
ui.report_facts_table(ui.ask(v.snapshot, "report_facts_for_domain", domain="overview"), "x")
