-- ordered
-- GROUP BY ROLLUP over a time column, GROUPING() of it, min/max per group
CREATE TABLE beats (id int, t time, kind text);
INSERT INTO beats VALUES (1, '10:00', 'a'), (2, '09:00', 'b'), (3, NULL, 'a'), (4, '24:00', 'b'), (5, '10:00:00.000', 'a');
SELECT t, grouping(t) AS g, count(*) AS n, min(kind) AS k
FROM beats GROUP BY ROLLUP (t) ORDER BY g, t NULLS FIRST;
