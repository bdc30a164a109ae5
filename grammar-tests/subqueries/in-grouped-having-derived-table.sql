-- IN over a grouped subquery with HAVING inside a derived table: the derived table keeps
-- its own first collection (grouped-in-first.ts rewrites a statement's own SELECT only),
-- so the join to it stays keyed on orders; same rows either way
SELECT c._id, c.tier, d.order_id, d.amount
FROM customers c
JOIN (SELECT o._id AS order_id, o.customer_id, o.amount FROM orders o
      WHERE o.customer_id IN (SELECT customer_id FROM orders GROUP BY customer_id HAVING count(*) > 1)) d
  ON d.customer_id = c._id
WHERE c.tier IS DISTINCT FROM 'gold';
