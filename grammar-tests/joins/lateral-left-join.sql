-- LEFT JOIN LATERAL … ON: rows without a match keep NULL columns; the ON condition
-- filters the subquery's rows after its LIMIT, and may read the left side
SELECT c._id, c.tier, x.oid, x.amount
FROM customers c
LEFT JOIN LATERAL (
  SELECT o._id AS oid, o.amount FROM orders o
  WHERE o.customer_id = c._id
  ORDER BY o._id DESC
  LIMIT 3
) x ON x.amount > 40 OR c.tier = 'gold';
