SELECT _id, customer_id,
       LAG(amount, 1) OVER (PARTITION BY customer_id ORDER BY _id) AS previous,
       SUM(amount) OVER (PARTITION BY customer_id ORDER BY _id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS last_two,
       DENSE_RANK() OVER (ORDER BY quantity DESC) AS qty_rank
FROM orders;
