-- error at 4:16
-- postgres-error
-- FOR UPDATE on the recursive term is PostgreSQL's error (it used to run to the iteration limit)
WITH RECURSIVE x(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM x FOR UPDATE) SELECT * FROM x;
