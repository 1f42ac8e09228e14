-- Each school's full-time teachers of the year beside its teacher register: certificates, 360-hour
-- training, staffing quota and posts (no row: the register lacks it).
WITH teachers_of AS (
    SELECT school_id, sum(full_time_teachers)::BIGINT AS full_time_teachers
    FROM school_stage_year WHERE year = $year GROUP BY school_id
)
SELECT s.school_id, s.school_name, s.school_type, n.full_time_teachers, f.staff,
       r.certified_teachers, r.trained_360_teachers, r.staffing_quota, r.posts_approved,
       (r.school_id IS NOT NULL) AS registered
FROM schools s JOIN teachers_of n USING (school_id)
LEFT JOIN school_year f ON f.school_id = s.school_id AND f.year = $year
LEFT JOIN teacher_register r ON r.school_id = s.school_id AND r.year = $year
WHERE n.full_time_teachers > 0
ORDER BY s.township_code, s.school_id;
