-- ordered
SELECT to_char(ordered_at, 'YYYY-MM') AS month, count(*) AS n, sum(amount) AS total FROM orders GROUP BY 1 ORDER BY 1;
