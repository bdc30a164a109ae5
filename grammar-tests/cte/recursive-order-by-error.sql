-- error
-- postgres-error
WITH RECURSIVE t(n) AS (
  SELECT 1
  UNION ALL SELECT n + 1 FROM t WHERE n < 3
  ORDER BY 1
)
SELECT n FROM t;
