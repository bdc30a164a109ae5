-- error
-- postgres-error
WITH RECURSIVE t(n) AS (SELECT 1 INTERSECT SELECT n + 1 FROM t)
SELECT n FROM t;
