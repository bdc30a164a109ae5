-- error at 3:13
-- format() is not supported yet
SELECT _id, format('%s-%s', status, quantity) FROM orders;
