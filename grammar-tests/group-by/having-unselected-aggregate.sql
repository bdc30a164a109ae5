SELECT customer_id FROM orders GROUP BY customer_id HAVING max(amount) > 100 AND min(quantity) > 1;
