-- error
-- postgres-error
WITH RECURSIVE t(n) AS (
  SELECT 1
  UNION ALL SELECT n + 1 FROM t WHERE n < (SELECT max(n) FROM t)
)
SELECT n FROM t;
