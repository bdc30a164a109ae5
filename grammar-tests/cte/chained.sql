WITH shipped AS (
  SELECT _id, customer_id, amount, quantity FROM orders WHERE status = 'shipped'
), totals AS (
  SELECT _id, customer_id, amount * quantity AS total FROM shipped
), big AS (
  SELECT _id, total FROM totals WHERE total >= 100
)
SELECT _id, total FROM big;
