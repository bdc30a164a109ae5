-- ordered
SELECT date_trunc('quarter', ordered_at) AS q, count(*) AS n FROM orders GROUP BY 1 ORDER BY 1 DESC;
