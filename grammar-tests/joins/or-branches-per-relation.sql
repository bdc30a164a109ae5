-- each branch of the OR joins on the same key and filters both tables: the key becomes
-- the join key, and each table's part of every branch (ORed) filters it before the join
SELECT c._id, c.tier, o._id AS order_id, o.quantity, o.status
FROM orders o, customers c
WHERE (c._id = o.customer_id AND c.tier = 'gold' AND o.quantity BETWEEN 1 AND 3 AND o.status IN ('shipped', 'pending'))
   OR (c._id = o.customer_id AND c.tier IS NULL AND o.quantity >= 5 AND o.discount IS NULL)
   OR (c._id = o.customer_id AND c.last_name LIKE 'S%' AND o.status IS NULL)
ORDER BY 1, 3;
