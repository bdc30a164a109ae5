-- error at 4:12
-- PostgreSQL prints the shortest decimal that reads back as the same single: not computed in a pipeline yet
CREATE TABLE single_readings (id int PRIMARY KEY, v real);
SELECT id, v || ' units' FROM single_readings;
