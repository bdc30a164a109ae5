SELECT _id, discount > 1 OR quantity > 2 AS either FROM orders;
