-- error at 3:22
-- the type time is not supported
SELECT _id, '12:30'::time FROM orders;
