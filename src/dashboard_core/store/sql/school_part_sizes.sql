-- How big is every school part in the year (students and classes), for the size and class-size rules?
SELECT y.school_id, s.school_name, s.school_type, y.stage, y.students, y.classes
FROM school_stage_year y JOIN schools s USING (school_id)
WHERE y.year = $year;
