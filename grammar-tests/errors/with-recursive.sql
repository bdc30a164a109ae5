-- error at 3:1
-- WITH RECURSIVE is not supported yet
WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 5)
SELECT n FROM t;
