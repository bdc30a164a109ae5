-- error
-- an endless recursion under an ORDER BY (PostgreSQL sorts every row first, so it never ends there): sqletl stops it at sqletl.max_recursion with this error (an outer LIMIT alone ends it: cte/recursive-limit-ends-endless)
SET sqletl.max_recursion = 5;
WITH RECURSIVE t(n) AS (
  SELECT 1
  UNION ALL
  SELECT n + 1 FROM t
)
SELECT n FROM t ORDER BY n LIMIT 3;
