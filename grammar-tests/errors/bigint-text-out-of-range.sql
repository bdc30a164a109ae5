-- error at 3:13
-- postgres-error
SELECT _id, '99999999999999999999'::bigint AS n FROM orders;
