-- error at 3:16
-- max(o.amount) reads only the outer query's columns: PostgreSQL computes it in the outer query (one row)
SELECT (SELECT max(o.amount)) AS m FROM orders o;
