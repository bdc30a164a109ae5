-- ordered
-- RANGE frames over a real key: offsets are double precision, added to the singles
CREATE TABLE single_readings (id int PRIMARY KEY, v real);
INSERT INTO single_readings VALUES (1, 1.1), (2, 2.1), (3, 2.2), (4, NULL), (5, 3.3), (6, 0.1), (7, 1.1);
SELECT id, v, count(*) OVER (ORDER BY v RANGE BETWEEN 1 PRECEDING AND 1.1::real FOLLOWING) AS a,
       count(*) OVER (ORDER BY v RANGE BETWEEN 'inf' PRECEDING AND 0.1 FOLLOWING) AS b,
       min(id) OVER (ORDER BY v RANGE BETWEEN 1.1 PRECEDING AND CURRENT ROW) AS c
FROM single_readings ORDER BY id;
