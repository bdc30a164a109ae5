-- ordered
-- yearly from February 29th: February 28th from 2021 on, also in the leap years 2024 and 2028
SELECT y::date AS y FROM generate_series(date '2020-02-29', date '2030-01-01', interval '1 year') AS g(y) ORDER BY y;
