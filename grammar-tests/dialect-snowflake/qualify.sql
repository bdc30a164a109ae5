-- QUALIFY: each customer's latest order
SELECT customer_id, _id, amount
FROM orders
WHERE ordered_at IS NOT NULL
QUALIFY ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY ordered_at DESC, _id) = 1;
