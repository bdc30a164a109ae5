-- error at 4:15
-- PostgreSQL keeps 6 significant digits of a single as numeric
CREATE TABLE single_readings (id int PRIMARY KEY, v real);
SELECT id, v::numeric FROM single_readings;
