-- a row FILTER leaves out adds nothing to a DISTINCT array_agg (a group with no row left is NULL),
-- a missing field is NULL like a null one; booleans and an infinite float sort as in PostgreSQL
SELECT status, array_agg(DISTINCT discount ORDER BY discount DESC) FILTER (WHERE amount > 50) AS big
FROM orders GROUP BY status;
