-- error
-- a recursive query in UPDATE is not supported: refused at the WITH item
UPDATE employees SET dept = 'x'
WHERE _id IN (
  WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 3)
  SELECT n FROM t
);
