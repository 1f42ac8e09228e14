from dashboard_core import ui

v = ui.page_header("办学条件", "资源配置：校舍、场地、装备与投入")
ui.report_facts_table(ui.ask(v.snapshot, "report_facts_for_domain", domain="resources"), "resources")
