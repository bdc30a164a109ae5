-- conditions on the joined table alone in a LEFT JOIN's ON filter it before the join:
-- customers without such an order keep one row with NULLs
SELECT c._id, o._id AS order_id, o.amount, o.status
FROM customers c LEFT JOIN orders o
  ON o.customer_id = c._id AND o.status = 'shipped' AND o.amount > 50 AND o.discount IS NULL
ORDER BY 1, 2;
