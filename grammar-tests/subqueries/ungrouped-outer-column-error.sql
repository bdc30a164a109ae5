-- error at 3:66
-- the subquery reads a column of the grouped query that is not grouped: PostgreSQL refuses it too
SELECT status, (SELECT count(*) FROM orders o2 WHERE o2.amount > o.amount) AS bigger FROM orders o GROUP BY status;
