-- error at 3:20
-- postgres-error
SELECT _id, amount * note FROM orders;
