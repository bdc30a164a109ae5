-- error at 3:49
-- postgres-error
SELECT string_agg(DISTINCT status, ',' ORDER BY note) FROM orders;
