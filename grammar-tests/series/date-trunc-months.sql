-- ordered
-- months from date_trunc('month', …) to the end of June, with untyped text for the stop and the step
SELECT m FROM generate_series(date_trunc('month', timestamp '2024-01-17 10:00'), '2024-06-30', '1 month') AS g(m) ORDER BY m;
