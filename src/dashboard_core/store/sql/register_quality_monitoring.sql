-- The national quality monitoring results of the year, subject by subject.
SELECT year, subject, grade, level, difference_rate
FROM quality_monitoring WHERE year = $year
ORDER BY grade, subject;
