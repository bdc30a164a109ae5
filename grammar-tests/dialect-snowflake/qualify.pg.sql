SELECT customer_id, _id, amount FROM (
  SELECT customer_id, _id, amount, ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY ordered_at DESC, _id) AS rn
  FROM orders WHERE ordered_at IS NOT NULL) x
WHERE rn = 1;
