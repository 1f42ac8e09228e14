-- staff_totals for every township and year at once, so that choosing townships needs no query of its own.
SELECT s.township_code, f.year,
       sum(f.staff)::BIGINT                      AS staff,
       sum(f.exchange_eligible_teachers)::BIGINT AS exchange_eligible_teachers,
       sum(f.exchange_teachers)::BIGINT          AS exchange_teachers,
       sum(f.exchange_backbone_teachers)::BIGINT AS exchange_backbone_teachers
FROM school_year f JOIN schools s USING (school_id)
GROUP BY s.township_code, f.year
ORDER BY s.township_code, f.year;
