-- How big is every school (students) in the year, for the school-size rule? Teaching points are
-- their own schools here: the size limit is about buildings, not about how figures are tallied.
SELECT y.school_id, s.school_name, s.school_type, y.stage, y.students, y.classes
FROM school_stage_year y JOIN schools s USING (school_id)
WHERE y.year = $year;
