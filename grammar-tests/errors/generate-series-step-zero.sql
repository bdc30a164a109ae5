-- error at 3:15
-- postgres-error
SELECT * FROM generate_series(1, 5, 0);
