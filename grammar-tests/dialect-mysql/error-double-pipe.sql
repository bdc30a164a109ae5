-- error at 2:43
SELECT _id FROM orders WHERE amount > 100 || quantity > 4;
