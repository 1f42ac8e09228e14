-- Which townships are there, and how many schools does each have?
SELECT t.township_code, t.township_name, t.township_type, count(s.school_id) AS schools
FROM townships t LEFT JOIN schools s USING (township_code)
GROUP BY ALL
ORDER BY t.township_code;
