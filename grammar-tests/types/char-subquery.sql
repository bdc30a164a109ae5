-- ordered
-- a character(n) column keeps its length through subqueries, CTEs and scalar subqueries
CREATE TABLE codes (id int, c char(4));
INSERT INTO codes VALUES (1, 'ab'), (2, 'x  '), (3, NULL);
WITH w AS (SELECT id, c FROM codes)
SELECT s.id, s.c, (SELECT max(c) FROM codes) AS top, s.c || '|' AS cat, v.column1 AS vc
FROM (SELECT * FROM w) s LEFT JOIN (VALUES ('ab'::char(4)), ('q'::char(4))) v ON v.column1 = s.c
WHERE s.c IN (SELECT c FROM codes WHERE id < 3) OR s.c IS NULL ORDER BY s.id;
