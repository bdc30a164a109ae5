-- ordered
-- the classic calendar report: every day of the spine, with its count of events (0 on days without)
SELECT d::date AS day, count(e._id) AS events
FROM generate_series(date '2024-02-26', date '2024-03-12', interval '1 day') AS g(d)
LEFT JOIN events e ON e.ts >= d AND e.ts < d + interval '1 day'
GROUP BY d
ORDER BY d;
