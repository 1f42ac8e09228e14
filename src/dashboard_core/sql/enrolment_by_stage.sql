-- How many schools, students, classes and full-time teachers per stage in the schools in view?
WITH chosen AS (
    SELECT school_id FROM schools
    WHERE (len($townships::VARCHAR[]) = 0 OR list_contains($townships::VARCHAR[], township_code))
      AND (len($schools::VARCHAR[]) = 0 OR list_contains($schools::VARCHAR[], school_id))
)
SELECT y.stage,
       count(DISTINCT y.school_id)      AS schools,
       sum(y.students)::BIGINT          AS students,
       sum(y.classes)::BIGINT           AS classes,
       sum(y.full_time_teachers)::BIGINT AS full_time_teachers
FROM school_stage_year y JOIN chosen USING (school_id)
WHERE y.year = $year
  AND (len($stages::VARCHAR[]) = 0 OR list_contains($stages::VARCHAR[], y.stage))
GROUP BY y.stage
ORDER BY CASE y.stage WHEN '小学' THEN 0 ELSE 1 END;
