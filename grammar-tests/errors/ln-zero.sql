-- error at 3:13
-- postgres-error
SELECT _id, ln(quantity) AS r FROM orders;
