-- Every grade of the year with a class over its stage's limit: its pupils and classes, how many classes
-- are over, and the pupils above the limit in them (those who would move to a parallel class or a new one).
SELECT c.school_id, s.school_name, c.stage, c.grade,
       CASE c.stage WHEN '初中' THEN $junior_limit ELSE $primary_limit END AS "limit",
       sum(c.students)::BIGINT AS pupils, count(*)::BIGINT AS classes,
       count(*) FILTER (WHERE c.students > CASE c.stage WHEN '初中' THEN $junior_limit ELSE $primary_limit END)::BIGINT
           AS over_classes,
       sum(greatest(c.students - CASE c.stage WHEN '初中' THEN $junior_limit ELSE $primary_limit END, 0))::BIGINT
           AS excess
FROM classes c JOIN schools s USING (school_id)
WHERE c.year = $year
GROUP BY c.school_id, s.school_name, c.stage, c.grade
HAVING count(*) FILTER (WHERE c.students > CASE c.stage WHEN '初中' THEN $junior_limit ELSE $primary_limit END) > 0
ORDER BY c.school_id, c.stage, c.grade;
