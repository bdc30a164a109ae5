-- a VALUES non-recursive term, and the sum over the result
WITH RECURSIVE t(n) AS (
  VALUES (1)
  UNION ALL
  SELECT n + 1 FROM t WHERE n < 100
)
SELECT sum(n) AS total, count(*) AS rows FROM t;
