-- What are the county-level series (spending, enrolment, rates) by year, with their sources?
SELECT year, metric, value, unit, source
FROM county_year
ORDER BY metric, year;
