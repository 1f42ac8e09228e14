-- Children with disabilities of school age in the year, and where they are taught.
SELECT year, eligible, in_regular_schools, in_special_schools, home_tutored
FROM disabled_children WHERE year = $year;
