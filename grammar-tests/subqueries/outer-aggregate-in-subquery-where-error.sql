-- error at 4:56
-- max(o.customer_id) in the subquery's WHERE reads only the outer query's columns: PostgreSQL computes it in the
-- outer query (one row), it is not an aggregate in WHERE; refused as that, not as "aggregate functions are not allowed in WHERE"
SELECT (SELECT count(*) FROM customers c WHERE c._id < max(o.customer_id)) AS n FROM orders o;
