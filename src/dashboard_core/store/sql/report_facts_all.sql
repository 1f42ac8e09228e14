-- Every quantitative statement of the work report, in report order.
SELECT fact_id, section, domain, metric, metric_en, value, unit, year, source_text
FROM report_facts;
