-- Who is this school: name, township, type, setting, and the central school a teaching point belongs to?
SELECT s.school_id, s.school_name, s.township_code, t.township_name, s.school_type, s.urban_rural, s.name_is_example,
       s.parent_school_id, p.school_name AS parent_school_name
FROM schools s LEFT JOIN townships t USING (township_code)
LEFT JOIN schools p ON p.school_id = s.parent_school_id
WHERE s.school_id = $school_id;
