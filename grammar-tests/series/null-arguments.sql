-- generate_series is strict: a NULL start, stop or step gives no rows
SELECT (SELECT count(*) FROM generate_series(NULL::date, date '2024-01-05', interval '1 day')) AS no_start,
       (SELECT count(*) FROM generate_series(timestamp '2024-01-01', NULL, interval '1 hour')) AS no_stop,
       (SELECT count(*) FROM generate_series(timestamp '2024-01-01', timestamp '2024-01-02', NULL::interval)) AS no_step,
       (SELECT count(*) FROM generate_series(NULL::numeric, 5, 0.5)) AS no_numeric_start;
