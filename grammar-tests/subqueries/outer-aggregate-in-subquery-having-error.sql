-- error at 4:47
-- sum(DISTINCT o.quantity) reads only the outer query's columns: PostgreSQL makes it an aggregate of the outer query (allowed in its HAVING), not an aggregate in the subquery's WHERE
SELECT status, sum(DISTINCT quantity) FROM orders o GROUP BY status
HAVING EXISTS (SELECT 1 FROM products p WHERE sum(DISTINCT o.quantity) = p._id);
