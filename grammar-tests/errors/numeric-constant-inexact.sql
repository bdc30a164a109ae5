-- error
-- PostgreSQL's numeric keeps every digit of 1.000000000000000000001; a double would round it to 1
SELECT _id, amount + 1.000000000000000000001 AS a FROM orders;
