-- trend_by_year for every township at once, so that choosing townships needs no query of its own:
-- schools, students, classes, teachers and staff per township and year (all additive over townships).
WITH stages AS (
    SELECT s.township_code, y.year,
           count(DISTINCT y.school_id)        AS schools,
           sum(y.students)::BIGINT            AS students,
           sum(y.classes)::BIGINT             AS classes,
           sum(y.full_time_teachers)::BIGINT  AS full_time_teachers,
           sum(y.backbone_teachers)::BIGINT   AS backbone_teachers
    FROM school_stage_year y JOIN schools s USING (school_id)
    GROUP BY s.township_code, y.year
),
staff AS (
    SELECT s.township_code, f.year, sum(f.staff)::BIGINT AS staff
    FROM school_year f JOIN schools s USING (school_id)
    GROUP BY s.township_code, f.year
)
SELECT st.*, staff.staff
FROM stages st LEFT JOIN staff USING (township_code, year)
ORDER BY st.township_code, st.year;
