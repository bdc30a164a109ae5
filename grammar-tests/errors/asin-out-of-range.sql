-- error at 3:13
-- postgres-error
SELECT _id, asin(quantity) AS r FROM orders;
