-- error at 3:7
SELECT _id FROM orders
WHERE quantity;
