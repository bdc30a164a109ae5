-- error at 3:12
CREATE TABLE single_readings (id int PRIMARY KEY, v real);
SELECT id, ARRAY[v, 1.5::real] FROM single_readings;
