-- Teachers by subject in view against the need the curriculum gives: how many short, how many over,
-- and in how many schools (the report's 结构性短缺, measured rather than guessed).
SELECT ts.subject, sum(ts.teachers)::BIGINT AS teachers, sum(ts.needed)::BIGINT AS needed,
       sum(greatest(ts.needed - ts.teachers, 0))::BIGINT AS short,
       sum(greatest(ts.teachers - ts.needed, 0))::BIGINT AS surplus,
       count(*) FILTER (WHERE ts.teachers < ts.needed)::BIGINT AS schools_short,
       count(*)::BIGINT AS schools
FROM teacher_subjects ts JOIN schools s USING (school_id)
WHERE ts.year = $year
  AND (len($townships::VARCHAR[]) = 0 OR list_contains($townships::VARCHAR[], s.township_code))
  AND (len($schools::VARCHAR[]) = 0 OR list_contains($schools::VARCHAR[], s.school_id))
GROUP BY ts.subject
ORDER BY short DESC, ts.subject;
