-- ordered
WITH ranked AS (
  SELECT _id, customer_id, amount, row_number() OVER (PARTITION BY customer_id ORDER BY amount DESC NULLS LAST, _id) AS rn
  FROM orders
)
SELECT customer_id, _id, amount FROM ranked WHERE rn <= 2 ORDER BY customer_id, rn;
