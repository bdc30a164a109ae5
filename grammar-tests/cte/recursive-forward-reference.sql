-- in WITH RECURSIVE an item may read a later one (PostgreSQL orders them by what they read)
WITH RECURSIVE firsts AS (
  SELECT n FROM nums WHERE n <= 3
),
nums(n) AS (
  SELECT 1
  UNION
  SELECT n + 1 FROM nums WHERE n < 5
)
SELECT n FROM firsts;
