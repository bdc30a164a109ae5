-- a positive step with the stop before the start, and a negative step with the stop after it: no rows
SELECT (SELECT count(*) FROM generate_series(date '2024-02-01', date '2024-01-01', interval '1 day')) AS up,
       (SELECT count(*) FROM generate_series(date '2024-01-01', date '2024-02-01', interval '-1 month')) AS down;
