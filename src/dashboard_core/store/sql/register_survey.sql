-- The public-recognition survey of the year, group by group: respondents and those satisfied.
SELECT year, "group", respondents, satisfied
FROM survey WHERE year = $year;
