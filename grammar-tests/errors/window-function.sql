-- error at 3:21
-- window functions are not supported yet
SELECT _id, amount, row_number() OVER (ORDER BY amount) FROM orders;
