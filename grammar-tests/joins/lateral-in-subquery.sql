-- a LATERAL subquery inside a correlated scalar subquery reads both enclosing levels
SELECT c._id,
  (SELECT max(x.amount) FROM orders o2, LATERAL (SELECT o3.amount FROM orders o3 WHERE o3._id = o2._id AND o3.customer_id = c._id) x) AS biggest
FROM customers c;
