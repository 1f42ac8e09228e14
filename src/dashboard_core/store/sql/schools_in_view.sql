-- Which schools are in view (with the teaching points of a chosen central school)? The county
-- items that are judged school by school are judged for these.
SELECT school_id
FROM schools
WHERE (len($townships::VARCHAR[]) = 0 OR list_contains($townships::VARCHAR[], township_code))
  AND (len($schools::VARCHAR[]) = 0 OR list_contains($schools::VARCHAR[], school_id)
       OR list_contains($schools::VARCHAR[], parent_school_id))
ORDER BY school_id;
