-- error at 3:15
CREATE TABLE readings (id int PRIMARY KEY, v real);
SELECT id, v, sum(v) OVER (ORDER BY id) FROM readings;
