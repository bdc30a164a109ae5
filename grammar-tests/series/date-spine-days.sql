-- ordered
-- a date spine by the day over a leap day: generate_series over dates with an interval step, cast back to date
SELECT d::date AS day FROM generate_series(date '2024-02-25', date '2024-03-03', interval '1 day') AS g(d) ORDER BY d;
