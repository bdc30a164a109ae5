-- error
-- postgres-error
-- the non-recursive term decides the column's type: integer, and the recursive term gives numeric
WITH RECURSIVE t(n) AS (
  SELECT 1
  UNION ALL SELECT n + 0.5 FROM t WHERE n < 3
)
SELECT n FROM t;
