SELECT _id, discount > 1 AND quantity > 2 AS both_true FROM orders;
