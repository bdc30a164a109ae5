SELECT customer_id, percentile_cont(0.5) WITHIN GROUP (ORDER BY discount) AS m FROM orders GROUP BY customer_id;
