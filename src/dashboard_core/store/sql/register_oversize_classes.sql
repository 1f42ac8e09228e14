-- The classes of the year over their stage's limit, largest first (at most $limit of them).
SELECT c.school_id, s.school_name, c.stage, c.grade, c.class_no, c.students
FROM classes c JOIN schools s USING (school_id)
WHERE c.year = $year AND c.students > CASE c.stage WHEN '初中' THEN $junior_limit ELSE $primary_limit END
ORDER BY c.students DESC, c.school_id, c.grade, c.class_no
LIMIT $limit;
