-- TPC-H q18's shape: IN over a grouped subquery with HAVING in a join's WHERE: the groups
-- are computed once and joined first (grouped-in-first.ts). The NULL customer_id group
-- passes the HAVING but matches no order; customers with several orders keep them all.
SELECT c._id, c.tier, o._id AS order_id, o.amount,
       (SELECT count(*) FROM orders o2 WHERE o2.customer_id = c._id) AS n_orders
FROM customers c, orders o
WHERE c._id = o.customer_id
  AND o.customer_id IN (SELECT customer_id FROM orders GROUP BY customer_id HAVING count(*) >= 2 OR max(amount) < 6)
  AND c.tier IS NOT NULL
ORDER BY o.amount DESC, o._id
LIMIT 8;
