-- error at 3:54
-- a character(n) column of WITH RECURSIVE would lose its length through the stage collections: refused
WITH RECURSIVE r(x, n) AS (SELECT CAST(first_name AS char(5)), 1 FROM customers UNION ALL SELECT x, n + 1 FROM r WHERE n < 2)
SELECT x, n FROM r;
