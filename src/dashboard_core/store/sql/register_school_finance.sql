-- Each school's students of the year beside its public funds, the students they were funded for,
-- and its teacher-training spending (no row: the register lacks it).
WITH students_of AS (
    SELECT school_id, sum(students)::BIGINT AS students FROM school_stage_year WHERE year = $year GROUP BY school_id
)
SELECT s.school_id, s.school_name, s.school_type, s.urban_rural, n.students,
       f.public_funds_yuan, f.funded_students, f.training_spend_yuan, (f.school_id IS NOT NULL) AS registered
FROM schools s JOIN students_of n USING (school_id)
LEFT JOIN school_finance f ON f.school_id = s.school_id AND f.year = $year
WHERE n.students > 0
ORDER BY s.township_code, s.school_id;
