-- ordered
-- a negative step counts down to the stop: March 31st, February 29th, then the 29th of each month before
SELECT m::date AS m FROM generate_series(date '2024-03-31', date '2023-10-01', interval '-1 month') AS g(m) ORDER BY m DESC;
