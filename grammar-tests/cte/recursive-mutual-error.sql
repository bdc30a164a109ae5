-- error
-- postgres-error
WITH RECURSIVE a(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM b WHERE n < 3),
b(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM a WHERE n < 3)
SELECT n FROM a;
