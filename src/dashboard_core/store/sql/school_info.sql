-- Who is this school: name, township, type, setting?
SELECT s.school_id, s.school_name, s.township_code, t.township_name, s.school_type, s.urban_rural, s.name_is_example
FROM schools s LEFT JOIN townships t USING (township_code)
WHERE s.school_id = $school_id;
