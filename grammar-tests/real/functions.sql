-- ordered
-- abs, coalesce, greatest, least and CASE keep real (an integer or numeric beside it is rounded to real);
-- round, ceil, floor, sqrt take double precision
CREATE TABLE single_readings (id int PRIMARY KEY, v real);
INSERT INTO single_readings VALUES (1, 2.5), (2, -1.1), (3, 3.5), (4, NULL), (5, 0.1);
SELECT id, abs(v) AS abs, coalesce(v, 1.1) AS c, coalesce(v, 1.1) = 1.1 AS c_eq, greatest(v, 1) AS g, least(v, 16777217) AS l,
       round(v) AS r, ceil(v) AS ce, floor(v) AS fl, sqrt(abs(v)) AS sq, CASE WHEN v > 0 THEN v ELSE 0.1 END AS cs
FROM single_readings ORDER BY id;
