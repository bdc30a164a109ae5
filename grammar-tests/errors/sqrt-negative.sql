-- error at 3:13
-- postgres-error
SELECT _id, sqrt(quantity - 3) AS r FROM orders;
