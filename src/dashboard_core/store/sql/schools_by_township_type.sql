-- schools_by_type for every township at once, so that choosing townships needs no query of its own.
SELECT township_code, school_type, count(*) AS schools,
       CASE school_type WHEN '小学' THEN 0 WHEN '九年一贯制学校' THEN 1 WHEN '初级中学' THEN 2 ELSE 3 END AS type_order
FROM schools
GROUP BY township_code, school_type
ORDER BY township_code, type_order, school_type;
