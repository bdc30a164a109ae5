-- the same modifier (numeric(4,1)) and a wider non-recursive term (bigint beside integer) are PostgreSQL's UNION type
WITH RECURSIVE foo(i) AS (
  SELECT i::numeric(4,1) FROM (VALUES (1), (2)) t(i)
  UNION ALL SELECT (i + 0.25)::numeric(4,1) FROM foo WHERE i < 4
), bar(n) AS (
  VALUES (1::bigint)
  UNION ALL SELECT n + 1 FROM bar WHERE n < 5
)
SELECT i AS v FROM foo UNION ALL SELECT n FROM bar;
