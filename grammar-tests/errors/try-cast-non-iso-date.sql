-- error at 3:34
-- try_cast reads ISO dates; other text with digits (which PostgreSQL may read) is refused, never a NULL PostgreSQL would not give
SELECT try_cast('Jan 5, 2024' AS date) AS d;
