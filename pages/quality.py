from dashboard_core import ui

v = ui.page_header("教育质量", "教研、竞赛、特色与内涵发展")
ui.report_facts_table(ui.ask(v.snapshot, "report_facts_for_domain", domain="quality"), "quality")
