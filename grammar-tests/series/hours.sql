-- ordered
-- timestamps by the hour and a half, across midnight; the stop is not on a step (the last value is before it)
SELECT h, extract(hour FROM h) AS hr FROM generate_series(timestamp '2024-03-09 22:00', timestamp '2024-03-10 04:00', interval '90 minutes') AS s(h) ORDER BY h;
