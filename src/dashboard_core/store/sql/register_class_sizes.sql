-- Every class of the year against its stage's limit, per school part: how many classes the register
-- holds, the largest, how many are over the limit. Parts with students but no class rows show 0 classes.
WITH parts AS (
    SELECT y.school_id, s.school_name, s.school_type, s.township_code, y.stage, y.students, y.classes
    FROM school_stage_year y JOIN schools s USING (school_id)
    WHERE y.year = $year AND y.students > 0
),
registered AS (
    SELECT school_id, stage, count(*)::BIGINT AS register_classes, max(students)::BIGINT AS largest,
           count(*) FILTER (WHERE students > CASE stage WHEN '初中' THEN $junior_limit ELSE $primary_limit END)::BIGINT
               AS over_limit
    FROM classes WHERE year = $year
    GROUP BY school_id, stage
)
SELECT p.school_id, p.school_name, p.school_type, p.township_code, p.stage, p.students, p.classes,
       coalesce(r.register_classes, 0) AS register_classes, r.largest, coalesce(r.over_limit, 0) AS over_limit
FROM parts p LEFT JOIN registered r USING (school_id, stage)
ORDER BY p.township_code, p.school_id, p.stage;
