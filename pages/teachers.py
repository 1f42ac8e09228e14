from dashboard_core import ui

v = ui.page_header("师资队伍", "编制、结构、交流轮岗与培养")
ui.report_facts_table(ui.ask(v.snapshot, "report_facts_for_domain", domain="teachers"), "teachers")
