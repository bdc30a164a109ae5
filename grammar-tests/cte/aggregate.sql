WITH per_customer AS (
  SELECT customer_id, sum(amount) AS total, count(*) AS orders
  FROM orders GROUP BY customer_id
)
SELECT customer_id, total, orders FROM per_customer WHERE total > 100;
