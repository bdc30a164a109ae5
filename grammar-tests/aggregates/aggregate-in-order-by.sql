-- ordered
SELECT customer_id, sum(amount) AS total FROM orders WHERE customer_id IS NOT NULL
GROUP BY customer_id ORDER BY sum(amount) DESC LIMIT 5;
