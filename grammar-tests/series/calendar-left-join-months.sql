-- ordered
-- orders per month of 2024, months without orders included, from a monthly spine
SELECT m::date AS month, count(o._id) AS orders, coalesce(sum(o.amount), 0) AS total
FROM generate_series(date '2024-01-01', date '2024-12-01', interval '1 month') AS g(m)
LEFT JOIN orders o ON date_trunc('month', o.ordered_at) = m
GROUP BY m
ORDER BY m;
