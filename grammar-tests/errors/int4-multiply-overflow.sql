-- error at 3:22
-- postgres-error
SELECT _id, quantity * 2147483647 AS q FROM orders;
