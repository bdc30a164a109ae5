-- ordered
-- a week back by two days and twelve hours
SELECT t FROM generate_series(timestamp '2024-03-01 12:00', timestamp '2024-02-23', interval '-2 days -12 hours') AS g(t) ORDER BY t DESC;
