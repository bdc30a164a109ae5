-- avg, stddev and variance of real are double precision over the singles; min and max are real
CREATE TABLE single_readings (id int PRIMARY KEY, g text, v real);
INSERT INTO single_readings VALUES (1, 'a', 1.1), (2, 'a', 2.2), (3, 'a', 3.3), (4, 'b', 0.1), (5, 'b', NULL), (6, 'c', NULL), (7, 'a', 1.1);
SELECT g, avg(v) AS avg, min(v) AS min, max(v) AS max, stddev(v) AS sd, variance(v) AS var, var_pop(v) AS vp, count(v) AS n, count(DISTINCT v) AS nd
FROM single_readings GROUP BY g;
