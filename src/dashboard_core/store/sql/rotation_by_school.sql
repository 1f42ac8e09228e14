-- How many eligible teachers did each school in view have, and how many rotated (backbone among them)?
-- At most $limit schools (NULL: all of them); schools_in_view counts them all.
SELECT s.school_id, s.school_name, s.school_type, s.urban_rural, t.township_name,
       f.exchange_eligible_teachers, f.exchange_teachers, f.exchange_backbone_teachers,
       count(*) OVER () AS schools_in_view
FROM school_year f
JOIN schools s USING (school_id)
LEFT JOIN townships t USING (township_code)
WHERE f.year = $year
  AND (len($townships::VARCHAR[]) = 0 OR list_contains($townships::VARCHAR[], s.township_code))
  AND (len($schools::VARCHAR[]) = 0 OR list_contains($schools::VARCHAR[], s.school_id))
  AND f.exchange_eligible_teachers > 0
ORDER BY s.township_code, s.school_id
LIMIT $limit;
