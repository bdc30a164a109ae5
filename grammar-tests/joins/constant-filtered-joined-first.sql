-- FROM o, o2, c where both o2 and c connect to o and c is restricted to constants: c is
-- joined before o2 (order-joins.ts: the restricted relation drops rows before o2 multiplies
-- them), same rows. Customers with a NULL or missing tier never pass; several orders of a
-- customer pair with each other.
SELECT o._id AS order_id, o2._id AS other_id, c.tier
FROM orders o, orders o2, customers c
WHERE o2.customer_id = o.customer_id
  AND c._id = o.customer_id
  AND c.tier IN ('gold', 'bronze')
  AND o2._id <> o._id;
