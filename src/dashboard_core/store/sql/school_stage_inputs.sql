-- For each school part (school and stage) in view: the raw figures the national indicators need.
-- Facility totals are the school's; the school's primary and junior enrolment drive the
-- 九年一贯制 split, so they are taken over both stages whatever stage filter is set.
WITH chosen AS (
    SELECT s.school_id, s.school_name, s.township_code, t.township_name, s.school_type, s.urban_rural
    FROM schools s LEFT JOIN townships t USING (township_code)
    WHERE (len($townships::VARCHAR[]) = 0 OR list_contains($townships::VARCHAR[], s.township_code))
      AND (len($schools::VARCHAR[]) = 0 OR list_contains($schools::VARCHAR[], s.school_id))
),
enrolment AS (
    SELECT school_id,
           sum(students) FILTER (WHERE stage = '小学')::BIGINT AS school_primary_students,
           sum(students) FILTER (WHERE stage = '初中')::BIGINT AS school_junior_students
    FROM school_stage_year
    WHERE year = $year AND school_id IN (SELECT school_id FROM chosen)
    GROUP BY school_id
)
SELECT c.school_id, c.school_name, c.township_code, c.township_name, c.school_type, c.urban_rural,
       p.stage, p.students, p.classes, p.full_time_teachers, p.teachers_above_degree,
       p.backbone_teachers, p.pe_art_teachers,
       f.staff, f.teaching_area_m2, f.sports_area_m2, f.equipment_value_yuan, f.multimedia_rooms,
       coalesce(e.school_primary_students, 0) AS school_primary_students,
       coalesce(e.school_junior_students, 0) AS school_junior_students
FROM school_stage_year p
JOIN chosen c USING (school_id)
JOIN enrolment e USING (school_id)
LEFT JOIN school_year f ON f.school_id = p.school_id AND f.year = p.year
WHERE p.year = $year AND (len($stages::VARCHAR[]) = 0 OR list_contains($stages::VARCHAR[], p.stage))
ORDER BY c.township_code, c.school_id, CASE p.stage WHEN '小学' THEN 0 ELSE 1 END;
