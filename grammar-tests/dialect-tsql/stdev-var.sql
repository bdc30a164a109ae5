SELECT customer_id, STDEV(amount) AS sd, VAR(amount) AS v, STDEVP(amount) AS sdp, COUNT_BIG(amount) AS n
FROM orders GROUP BY customer_id HAVING COUNT(*) > 1;
