-- a LATERAL aggregate without GROUP BY is one row per outer row, even with no input
-- rows (count 0, sum NULL); NULL customer ids in orders match no customer
SELECT c._id, x.n, x.total, x.biggest
FROM customers c,
LATERAL (SELECT count(*) AS n, sum(o.amount) AS total, max(o.amount) AS biggest FROM orders o WHERE o.customer_id = c._id) x;
