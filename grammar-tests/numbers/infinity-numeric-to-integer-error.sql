-- error at 3:18
-- postgres-error
SELECT _id, amt::int FROM readings WHERE _id = 3;
