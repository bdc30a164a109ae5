-- error at 4:19
-- LATERAL subqueries are not supported yet
SELECT c._id, x.n
FROM customers c, LATERAL (SELECT count(*) AS n FROM orders o WHERE o.customer_id = c._id) x;
