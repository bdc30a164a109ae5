-- TPC-H q07's shape: two copies of one table, each restricted by its part of an OR of
-- constants (derive-or-filters.ts), each joined as soon as it connects; a tier nobody
-- has gives no rows in the second statement
SELECT o._id AS order_id, c.tier AS cust_tier, c2.tier AS other_tier
FROM orders o, customers c2, orders o2, customers c
WHERE o2.customer_id = c2._id
  AND c._id = o.customer_id
  AND o2.quantity = o.quantity
  AND o2._id > o._id
  AND ((c.tier = 'gold' AND c2.tier = 'silver') OR (c.tier = 'silver' AND c2.tier = 'gold'));
SELECT count(*) AS n
FROM orders o, orders o2, customers c
WHERE o2.customer_id = o.customer_id AND c._id = o.customer_id AND c.tier = 'platinum';
