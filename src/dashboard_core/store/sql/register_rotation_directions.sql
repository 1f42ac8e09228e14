-- Which way did the year's rotating teachers move: moves and backbone moves from each setting
-- (城区 / 镇区 / 乡村) to each, with the county's eligible teachers (school_year) as the base.
WITH moves AS (
    SELECT f.urban_rural AS from_setting, t.urban_rural AS to_setting, r.backbone
    FROM rotation r
    JOIN schools f ON f.school_id = r.from_school_id
    JOIN schools t ON t.school_id = r.to_school_id
    WHERE r.year = $year
)
SELECT from_setting, to_setting, count(*)::BIGINT AS moves, count(*) FILTER (WHERE backbone)::BIGINT AS backbone_moves,
       (SELECT sum(exchange_eligible_teachers) FROM school_year WHERE year = $year)::BIGINT AS eligible
FROM moves
GROUP BY from_setting, to_setting
ORDER BY from_setting, to_setting;
