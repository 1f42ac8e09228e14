-- What does the work report state about one domain (overview, resources, teachers, quality, services)?
SELECT fact_id, section, domain, metric, metric_en, value, unit, year, source_text
FROM report_facts
WHERE domain = $domain;
