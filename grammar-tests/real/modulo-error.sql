-- error at 4:14
-- postgres-error
CREATE TABLE single_readings (id int PRIMARY KEY, v real);
SELECT id, v % 2 FROM single_readings;
