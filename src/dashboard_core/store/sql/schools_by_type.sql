-- How many schools of each type are in view?
SELECT school_type, count(*) AS schools
FROM schools
WHERE (len($townships::VARCHAR[]) = 0 OR list_contains($townships::VARCHAR[], township_code))
  AND (len($schools::VARCHAR[]) = 0 OR list_contains($schools::VARCHAR[], school_id))
GROUP BY school_type
ORDER BY CASE school_type WHEN '小学' THEN 0 WHEN '九年一贯制学校' THEN 1 WHEN '初级中学' THEN 2 ELSE 3 END;
