-- error at 3:18
-- postgres-error
SELECT _id, val::int FROM readings WHERE _id = 2;
