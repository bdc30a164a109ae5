-- error at 2:13
SELECT _id, FROM orders;
