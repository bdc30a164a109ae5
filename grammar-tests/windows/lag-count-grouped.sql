-- ordered
SELECT tier, date_trunc('month', registered_at) AS month, count(*) AS n,
       lag(count(*), 1) OVER (PARTITION BY tier ORDER BY date_trunc('month', registered_at)) AS prev_n
FROM customers
GROUP BY tier, date_trunc('month', registered_at)
ORDER BY tier NULLS LAST, month NULLS LAST;
