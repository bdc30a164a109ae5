-- ordered
-- monthly from January 31st: PostgreSQL adds the step to the previous value, so after February 29 the day stays 29
SELECT m, extract(day FROM m) AS day FROM generate_series(timestamp '2024-01-31 06:30', timestamp '2024-07-31', interval '1 month') AS g(m) ORDER BY m;
