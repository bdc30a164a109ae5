-- ordered
-- DISTINCT ON over a grouped query: each customer's status with the largest total
SELECT DISTINCT ON (customer_id) customer_id, status, sum(amount) AS total
FROM orders
GROUP BY customer_id, status
ORDER BY customer_id, total DESC, status;
