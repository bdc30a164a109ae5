-- error
-- postgres-error
-- numeric(3,0) and numeric(10,0) make a UNION of type numeric: not the non-recursive term's type
WITH RECURSIVE foo(i) AS (
  SELECT i::numeric(3,0) FROM (VALUES (1), (2)) t(i)
  UNION ALL SELECT (i + 1)::numeric(10,0) FROM foo WHERE i < 10
)
SELECT * FROM foo;
