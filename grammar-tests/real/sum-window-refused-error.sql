-- error at 3:15
CREATE TABLE single_readings (id int PRIMARY KEY, v real);
SELECT id, v, sum(v) OVER (ORDER BY id) FROM single_readings;
