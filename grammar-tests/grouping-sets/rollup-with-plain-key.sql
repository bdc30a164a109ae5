SELECT customer_id, status, count(*) AS n FROM orders WHERE customer_id < 5 GROUP BY customer_id, ROLLUP (status);
