from dashboard_core import ui

v = ui.page_header("惠民服务", "教育公平、营养改善、校园安全与思政育人")
ui.report_facts_table(ui.ask(v.snapshot, "report_facts_for_domain", domain="services"), "services")
