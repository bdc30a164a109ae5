-- error
-- SEARCH (and CYCLE) are not supported: refused at the clause
WITH RECURSIVE t(n) AS (
  SELECT 1
  UNION ALL SELECT n + 1 FROM t WHERE n < 3
) SEARCH DEPTH FIRST BY n SET ord
SELECT n, ord FROM t;
