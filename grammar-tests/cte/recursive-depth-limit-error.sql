-- error
-- PostgreSQL evaluates lazily, so an outer LIMIT ends an endless recursion there; sqletl computes the whole recursion first and stops it at sqletl.max_recursion with this error
SET sqletl.max_recursion = 5;
WITH RECURSIVE t(n) AS (
  SELECT 1
  UNION ALL
  SELECT n + 1 FROM t
)
SELECT n FROM t LIMIT 3;
