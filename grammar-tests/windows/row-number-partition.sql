SELECT _id, customer_id, row_number() OVER (PARTITION BY customer_id ORDER BY ordered_at, _id) AS rn FROM orders;
