-- For each school part (school and stage) in view: the raw figures the national indicators need.
-- Facility totals are the school's; the school's primary, junior (and, in a 十二年一贯制 school or
-- 完全中学, senior) enrolment drive the split, so they are taken whatever stage filter is set.
-- With $fold_teaching_points (the rules' treatment "with_parent") a teaching point's figures are
-- added to the central school that runs it, so it counts in the tallies and the CV as part of it.
-- A teaching point with fewer than $leave_out_under pupils in the year (the treatment
-- "leave_out_under"; 0 otherwise) is left out of the tallies and the CV altogether.
-- The figures summed are every number column of the two tables, named by the schema ($stage_figures,
-- $school_figures), so that a new column in store/schema.py reaches the indicators without an edit
-- here; queries.school_stage_inputs gives the sums the schema's types back (a sum of whole numbers
-- arrives as HUGEINT).
WITH left_out AS (
    SELECT s.school_id
    FROM schools s LEFT JOIN school_stage_year y ON y.school_id = s.school_id AND y.year = $year
    WHERE $leave_out_under > 0 AND s.school_type = '教学点'
    GROUP BY s.school_id
    HAVING coalesce(sum(y.students), 0) < $leave_out_under
),
member AS (
    SELECT s.school_id,
           CASE WHEN $fold_teaching_points AND s.school_type = '教学点' AND s.parent_school_id IS NOT NULL
                     AND s.parent_school_id IN (SELECT school_id FROM schools)
                THEN s.parent_school_id ELSE s.school_id END AS unit_id,
           (s.school_type = '教学点') AS is_teaching_point
    FROM schools s
    WHERE s.school_id NOT IN (SELECT school_id FROM left_out)
),
chosen AS (
    SELECT s.school_id, s.school_name, s.township_code, t.township_name, s.school_type, s.urban_rural
    FROM schools s LEFT JOIN townships t USING (township_code)
    WHERE s.school_id IN (SELECT unit_id FROM member)
      AND (len($townships::VARCHAR[]) = 0 OR list_contains($townships::VARCHAR[], s.township_code))
      AND (len($schools::VARCHAR[]) = 0
           OR s.school_id IN (SELECT unit_id FROM member WHERE list_contains($schools::VARCHAR[], school_id)))
),
parts AS (
    SELECT m.unit_id AS school_id, p.stage,
           sum(COLUMNS(lambda c: list_contains($stage_figures::VARCHAR[], c))),
           count(*) FILTER (WHERE m.school_id <> m.unit_id)::INTEGER AS teaching_points_folded
    FROM school_stage_year p JOIN member m USING (school_id)
    WHERE p.year = $year AND m.unit_id IN (SELECT school_id FROM chosen)
    GROUP BY m.unit_id, p.stage
),
facilities AS (
    SELECT m.unit_id AS school_id,
           sum(COLUMNS(lambda c: list_contains($school_figures::VARCHAR[], c)))
    FROM school_year f JOIN member m USING (school_id)
    WHERE f.year = $year AND m.unit_id IN (SELECT school_id FROM chosen)
    GROUP BY m.unit_id
),
enrolment AS (
    SELECT school_id,
           sum(students) FILTER (WHERE stage = '小学')::BIGINT AS school_primary_students,
           sum(students) FILTER (WHERE stage = '初中')::BIGINT AS school_junior_students
    FROM parts GROUP BY school_id
)
SELECT c.school_id, c.school_name, c.township_code, c.township_name, c.school_type, c.urban_rural,
       p.* EXCLUDE (school_id), f.* EXCLUDE (school_id, senior_students),
       coalesce(e.school_primary_students, 0) AS school_primary_students,
       coalesce(e.school_junior_students, 0) AS school_junior_students,
       coalesce(f.senior_students, 0)::BIGINT AS school_senior_students
FROM parts p
JOIN chosen c USING (school_id)
JOIN enrolment e USING (school_id)
LEFT JOIN facilities f USING (school_id)
WHERE len($stages::VARCHAR[]) = 0 OR list_contains($stages::VARCHAR[], p.stage)
ORDER BY c.township_code, c.school_id, CASE p.stage WHEN '小学' THEN 0 ELSE 1 END;
