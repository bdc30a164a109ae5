-- error at 4:56
-- postgres-error
-- an aggregate of the subquery's own columns in its WHERE is PostgreSQL's error, as at the top level
SELECT (SELECT count(*) FROM customers c WHERE c._id < max(c._id + o.customer_id)) AS n FROM orders o;
