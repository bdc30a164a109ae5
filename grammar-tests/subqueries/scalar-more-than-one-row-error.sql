-- error
-- postgres-error
-- a scalar subquery that returns two rows for some outer row is PostgreSQL's error, not its first row
SELECT c._id, (SELECT o._id FROM orders o WHERE o.customer_id = c._id) AS order_id
FROM customers c;
