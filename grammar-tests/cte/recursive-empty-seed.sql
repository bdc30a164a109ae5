-- an empty non-recursive term: no rows at all, the outer aggregate still gives its one row
WITH RECURSIVE t(n) AS (
  SELECT _id FROM employees WHERE _id > 100
  UNION ALL
  SELECT n + 1 FROM t WHERE n < 200
)
SELECT count(*) AS rows, max(n) AS top FROM t;
