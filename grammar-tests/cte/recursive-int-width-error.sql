-- error
-- postgres-error
-- an integer non-recursive term beside a bigint recursive term: the UNION is bigint
WITH RECURSIVE t(n) AS (
  VALUES (1)
  UNION ALL SELECT n + 1::bigint FROM t WHERE n < 5
)
SELECT n FROM t;
