-- bounds from the row before it: the weeks from the start of each order's month up to the order
SELECT o._id, count(*) AS weeks, min(w) AS first, max(w) AS last
FROM orders o, generate_series(date_trunc('month', o.ordered_at), o.ordered_at, interval '1 week') AS w
WHERE o._id BETWEEN 101 AND 110
GROUP BY o._id;
