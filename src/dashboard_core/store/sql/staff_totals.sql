-- How many staff and rotating teachers do the schools in view have in the year?
WITH chosen AS (
    SELECT school_id FROM schools
    WHERE (len($townships::VARCHAR[]) = 0 OR list_contains($townships::VARCHAR[], township_code))
      AND (len($schools::VARCHAR[]) = 0 OR list_contains($schools::VARCHAR[], school_id))
)
SELECT coalesce(sum(staff), 0)::BIGINT                      AS staff,
       coalesce(sum(exchange_eligible_teachers), 0)::BIGINT AS exchange_eligible_teachers,
       coalesce(sum(exchange_teachers), 0)::BIGINT          AS exchange_teachers,
       coalesce(sum(exchange_backbone_teachers), 0)::BIGINT AS exchange_backbone_teachers
FROM school_year JOIN chosen USING (school_id)
WHERE year = $year;
