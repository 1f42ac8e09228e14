-- How have schools, students, classes, teachers and staff in view changed year by year?
WITH chosen AS (
    SELECT school_id FROM schools
    WHERE (len($townships::VARCHAR[]) = 0 OR list_contains($townships::VARCHAR[], township_code))
      AND (len($schools::VARCHAR[]) = 0 OR list_contains($schools::VARCHAR[], school_id))
),
stages AS (
    SELECT y.year,
           count(DISTINCT y.school_id)        AS schools,
           sum(y.students)::BIGINT            AS students,
           sum(y.classes)::BIGINT             AS classes,
           sum(y.full_time_teachers)::BIGINT  AS full_time_teachers,
           sum(y.backbone_teachers)::BIGINT   AS backbone_teachers
    FROM school_stage_year y JOIN chosen USING (school_id)
    WHERE len($stages::VARCHAR[]) = 0 OR list_contains($stages::VARCHAR[], y.stage)
    GROUP BY y.year
),
staff AS (
    SELECT f.year, sum(f.staff)::BIGINT AS staff
    FROM school_year f JOIN chosen USING (school_id)
    GROUP BY f.year
)
SELECT s.*, staff.staff
FROM stages s LEFT JOIN staff USING (year)
ORDER BY s.year;
