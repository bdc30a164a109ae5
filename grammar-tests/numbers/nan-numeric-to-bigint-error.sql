-- error at 3:18
-- postgres-error
SELECT _id, amt::bigint FROM readings WHERE _id = 8;
