SELECT customer_id, mode() WITHIN GROUP (ORDER BY quantity DESC) AS q, mode() WITHIN GROUP (ORDER BY status) AS s FROM orders GROUP BY customer_id;
