-- error at 3:13
-- postgres-error
SELECT _id, mod(_id, quantity) AS m FROM orders;
