-- Which school years does the snapshot hold?
SELECT DISTINCT year FROM school_stage_year ORDER BY year;
