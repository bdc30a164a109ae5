-- error
-- postgres-error
WITH RECURSIVE t(n) AS (
  SELECT 1
  UNION ALL SELECT t.n + 1 FROM employees e LEFT JOIN t ON t.n = e._id WHERE e._id < 5
)
SELECT n FROM t;
