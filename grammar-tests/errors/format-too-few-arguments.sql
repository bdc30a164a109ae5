-- error at 3:13
-- postgres-error
SELECT _id, format('%s and %s', status) FROM orders;
