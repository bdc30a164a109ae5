-- TPC-H q18's shape: IN over a grouped subquery becomes a keyed semi-join (the key is
-- the GROUP BY key); orders without a customer_id (NULL) never match
SELECT o._id, o.customer_id FROM orders o
WHERE o.customer_id IN (SELECT customer_id FROM orders GROUP BY customer_id HAVING sum(amount) > 100)
  AND o.amount > 10;
