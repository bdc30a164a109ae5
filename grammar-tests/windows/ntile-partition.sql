SELECT _id, customer_id, ntile(2) OVER (PARTITION BY customer_id ORDER BY _id) AS half FROM orders;
