-- Each school of the year with its classes, students and full-time teachers beside what its
-- registers hold: music and art rooms, public funds and training spending, the teacher register.
-- A register without a row for the school leaves its columns empty and its *_registered flag false.
WITH totals AS (
    SELECT school_id, sum(classes)::BIGINT AS classes, sum(students)::BIGINT AS students,
           sum(full_time_teachers)::BIGINT AS full_time_teachers
    FROM school_stage_year WHERE year = $year GROUP BY school_id
)
SELECT s.school_id, s.school_name, s.school_type, s.urban_rural, n.classes, n.students, n.full_time_teachers,
       r.music_rooms, r.music_room_min_m2, r.art_rooms, r.art_room_min_m2, (r.school_id IS NOT NULL) AS rooms_registered,
       f.public_funds_yuan, f.funded_students, f.training_spend_yuan, (f.school_id IS NOT NULL) AS finance_registered,
       t.certified_teachers, t.trained_360_teachers, t.staffing_quota, t.posts_approved,
       (t.school_id IS NOT NULL) AS teachers_registered
FROM schools s JOIN totals n USING (school_id)
LEFT JOIN special_rooms r ON r.school_id = s.school_id AND r.year = $year
LEFT JOIN school_finance f ON f.school_id = s.school_id AND f.year = $year
LEFT JOIN teacher_register t ON t.school_id = s.school_id AND t.year = $year
WHERE n.students > 0
ORDER BY s.township_code, s.school_id;
