-- Each school's classes of the year beside its music and art rooms (no row: the register lacks it).
WITH classes_of AS (
    SELECT school_id, sum(classes)::BIGINT AS classes, sum(students)::BIGINT AS students
    FROM school_stage_year WHERE year = $year GROUP BY school_id
)
SELECT s.school_id, s.school_name, s.school_type, s.urban_rural, c.classes, c.students,
       r.music_rooms, r.music_room_min_m2, r.art_rooms, r.art_room_min_m2, (r.school_id IS NOT NULL) AS registered
FROM schools s JOIN classes_of c USING (school_id)
LEFT JOIN special_rooms r ON r.school_id = s.school_id AND r.year = $year
WHERE c.students > 0
ORDER BY s.township_code, s.school_id;
