-- FROM o, o2, c, e: e connects to o only through a chain of equalities (o.customer_id =
-- o2.customer_id AND o2.customer_id = e._id), and c, restricted to a constant, connects
-- through e's mentor. order-joins.ts joins e first, on the implied o.customer_id = e._id
-- (it connects c), then c, then o2: same rows. The NULL customer id (order 120) and NULL
-- or missing mentors never join; customers 13 and up have no employee; several orders of
-- one customer pair with each other and with themselves.
SELECT o._id AS order_id, o2._id AS other_id, e.name, c.tier
FROM orders o, orders o2, customers c, employees e
WHERE o.customer_id = o2.customer_id
  AND o2.customer_id = e._id
  AND c._id = e.mentor_id
  AND c.tier = 'gold';
