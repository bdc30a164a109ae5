-- error at 3:22
-- casts to array types are not supported yet
SELECT _id, '{1,2}'::int[] FROM orders;
