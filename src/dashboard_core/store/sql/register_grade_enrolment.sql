-- Pupils per grade of every school (a teaching point's counted with its central school when
-- $fold_teaching_points), every year the class register holds: what the projection moves forward.
WITH member AS (
    SELECT s.school_id,
           CASE WHEN $fold_teaching_points AND s.school_type = '教学点' AND s.parent_school_id IS NOT NULL
                     AND s.parent_school_id IN (SELECT school_id FROM schools)
                THEN s.parent_school_id ELSE s.school_id END AS unit_id
    FROM schools s
)
SELECT m.unit_id AS school_id, c.year, c.stage, c.grade, sum(c.students)::BIGINT AS students
FROM classes c JOIN member m USING (school_id)
GROUP BY m.unit_id, c.year, c.stage, c.grade
ORDER BY school_id, c.year, c.grade;
