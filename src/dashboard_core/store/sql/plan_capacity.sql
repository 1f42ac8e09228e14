-- What each school has that the plan may draw on besides money, in the year: its approved staffing
-- quota against its staff (the teacher register), and the teachers of the subjects other than PE,
-- music and art above the curriculum's need (the teacher-subject register), who may be retrained.
WITH subjects AS (
    SELECT school_id, sum(greatest(teachers - needed, 0))::BIGINT AS surplus_subject_teachers
    FROM teacher_subjects
    WHERE year = $year AND NOT list_contains($arts::VARCHAR[], subject)
    GROUP BY school_id
)
SELECT y.school_id, y.staff, t.staffing_quota, (t.school_id IS NOT NULL) AS quota_registered,
       coalesce(j.surplus_subject_teachers, 0)::BIGINT AS surplus_subject_teachers
FROM school_year y
LEFT JOIN teacher_register t ON t.school_id = y.school_id AND t.year = y.year
LEFT JOIN subjects j ON j.school_id = y.school_id
WHERE y.year = $year
ORDER BY y.school_id;
