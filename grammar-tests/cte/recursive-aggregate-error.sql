-- error
-- postgres-error
WITH RECURSIVE t(n) AS (
  SELECT 1
  UNION ALL SELECT max(n) + 1 FROM t WHERE n < 5
)
SELECT n FROM t;
