SELECT _id, status, lag(status) OVER (PARTITION BY customer_id ORDER BY _id) AS prev_status FROM orders;
