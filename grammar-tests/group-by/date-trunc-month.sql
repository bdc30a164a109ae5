-- ordered
SELECT date_trunc('month', ordered_at) AS month, count(*) AS n
FROM orders WHERE ordered_at >= '2024-01-01'
GROUP BY date_trunc('month', ordered_at) ORDER BY month;
