-- top-N per group: each customer's two largest orders (ties on amount broken by _id,
-- NULL amounts last); customers without orders drop out of the inner join
SELECT c._id, c.first_name, x.oid, x.amount
FROM customers c
CROSS JOIN LATERAL (
  SELECT o._id AS oid, o.amount FROM orders o
  WHERE o.customer_id = c._id
  ORDER BY o.amount DESC NULLS LAST, o._id
  LIMIT 2
) x;
