-- error
-- postgres-error
WITH RECURSIVE t(n) AS (
  SELECT 1
  UNION ALL SELECT a.n + 1 FROM t a, t b WHERE a.n < 5
)
SELECT n FROM t;
