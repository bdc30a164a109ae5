-- error at 3:32
SELECT _id FROM orders
WHERE amount > 10 AND quantity + 1;
