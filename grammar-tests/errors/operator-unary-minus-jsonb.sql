-- error at 3:13
-- postgres-error
SELECT _id, -profile FROM customers;
