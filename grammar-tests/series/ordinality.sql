-- WITH ORDINALITY numbers a date series from 1
SELECT n, d::date AS d FROM generate_series(date '2024-01-29', date '2024-02-02', interval '1 day') WITH ORDINALITY AS g(d, n);
