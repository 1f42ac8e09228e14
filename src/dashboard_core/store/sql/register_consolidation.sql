-- The junior cohort completing in the year: entered 初一 three years before, transfers, deaths, completed.
SELECT year, entered, transferred_in, transferred_out, deceased, completed
FROM consolidation WHERE year = $year;
