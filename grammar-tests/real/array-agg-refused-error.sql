-- error at 3:8
CREATE TABLE single_readings (id int PRIMARY KEY, v real);
SELECT array_agg(v) FROM single_readings;
