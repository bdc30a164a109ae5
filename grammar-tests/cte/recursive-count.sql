-- counting 1..10 with UNION ALL; the outer query filters and computes on the result
WITH RECURSIVE t(n) AS (
  SELECT 1
  UNION ALL
  SELECT n + 1 FROM t WHERE n < 10
)
SELECT n, n * n AS square FROM t WHERE n % 3 <> 0;
