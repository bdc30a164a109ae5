SELECT customer_id, count(*) AS n, count(*) FILTER (WHERE status = 'returned') AS returned,
       sum(amount) FILTER (WHERE status = 'shipped') AS shipped_total
FROM orders GROUP BY customer_id HAVING count(*) > 1;
