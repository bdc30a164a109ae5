-- a WITH RECURSIVE on the UNION of another's terms (computed first), and a sub-UNION in the recursive term's FROM
WITH RECURSIVE t(j) AS (
  WITH RECURSIVE s(i) AS (
    VALUES (1)
    UNION ALL
    SELECT i + 1 FROM s WHERE i < 4
  )
  SELECT i FROM s
  UNION ALL
  SELECT t.j + u.k FROM (SELECT 10 AS k UNION ALL SELECT 20) AS u JOIN t ON t.j < 30 AND u.k > t.j
)
SELECT j, count(*) AS n FROM t GROUP BY j;
