-- error at 3:15
-- postgres-error
SELECT * FROM generate_series(date '2024-01-01', date '2024-01-05', interval '0 days');
