SELECT customer_id, stddev_samp(amount) AS sd, var_samp(amount) AS v, stddev_pop(amount) AS sdp, count(amount) AS n
FROM orders GROUP BY customer_id HAVING COUNT(*) > 1;
